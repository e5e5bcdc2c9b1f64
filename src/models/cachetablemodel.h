#pragma once

#include "models/tablespec.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QLocale>
#include <QSqlDatabase>
#include <QVariantMap>

#include <functional>

namespace ConsignDesk::Models {

/// @short A pane's table over the cache: filtered, searched and sorted in
/// SQL, its rows read lazily in blocks, so a million rows cost what a screenful
/// does.
///
/// rowCount() is a count of the matching rows; data() reads the block of rows
/// around the one asked for (LIMIT/OFFSET on an indexed order; the second half
/// of the table is read in reverse order from its end, so the last row is as
/// quick as the first). refresh() re-reads after a sync committed and keeps
/// the rows that views hold (selection, current row) on the same records.
class CacheTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        RawRole = Qt::UserRole + 1, ///< the stored value (minor units, ms, basis points)
        CurrencyRole,               ///< Money columns: the ISO code
        IdRole,                     ///< the row's id in its table
        DeletedRole,                ///< true for rows deleted or inactive at the vendor
    };

    CacheTableModel(const TableSpec &spec, QSqlDatabase db, QObject *parent = nullptr);
    ~CacheTableModel() override;

    const TableSpec &spec() const { return m_spec; }
    int columnOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// What the manager typed in the search field.
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    /// Filter values by FilterSpec::key: Choice a QVariantList of bind values;
    /// ranges a QVariantList {from, to} (null for open; money in minor units,
    /// dates as QDate); Flag a bool; Days an int; Text a QString.
    void setFilters(const QVariantMap &values);
    QVariantMap filters() const { return m_filterValues; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Re-reads the cache; persistent indexes (selection, current row) stay on
    /// their records where those still match, and rows come and go at the end.
    void refresh();
    /// The row of the record with id @p id under the current filter and sort, or -1.
    int rowOfId(qint64 id) const;
    qint64 idAt(int row) const;

    /// The sum of the money column @p column over @p rows (first, last pairs)
    /// per currency, and how many rows that is.
    struct Total {
        QString currency;
        qint64 minor = 0;
    };
    QList<Total> totals(int column, const QList<std::pair<int, int>> &rows, qint64 *count) const;

    /// Every matching row in the current filter, search and order, streamed
    /// (not held): @p row gets each column's raw value and each column's
    /// currency (money columns; empty otherwise). For exporting the view.
    bool forEachRow(const std::function<void(const QVariantList &values, const QStringList &currencies)> &row,
                    QString *error) const;

    /// The last query's error, if one failed (shown by the pane).
    QString lastError() const { return m_error; }
    /// How long the last count and first block took (ms), for the bench.
    qint64 lastCountMs() const { return m_countMs; }

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    struct Block {
        QList<QVariantList> rows; ///< id, deleted, each column, each money column's currency
    };
    struct Where {
        QString sql;       ///< " WHERE …", or empty
        QVariantList binds;
        QString condition; ///< the same without " WHERE "
    };
    Where where() const;
    QString selectList() const;
    QString orderBy(bool reverse) const;
    const QVariantList *rowAt(int row) const;
    const Block *block(int index) const;
    int countRows() const;
    void reset(const std::function<void()> &change);
    void fail(const QString &what, const QString &error) const;
    QVariant display(int column, const QVariantList &row) const;

    TableSpec m_spec;
    QSqlDatabase m_db;
    QLocale m_locale;
    QString m_search;
    QVariantMap m_filterValues;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_count = 0;
    QList<int> m_currencyIndex; ///< per column: index of its currency value in a row, or -1
    mutable QCache<int, Block> m_blocks;
    /// The ids of every block read since the last refresh, so persistent
    /// indexes map from the rows as they were shown, even after their block
    /// left m_blocks and the cache changed underneath.
    mutable QHash<int, QList<qint64>> m_shownIds;
    qint64 shownIdAt(int row) const;
    void dropRows();
    mutable QString m_error;
    mutable qint64 m_countMs = 0;
    mutable qint64 m_tableRows = 0; ///< about how many rows the table has (its largest id), for block()
};

} // namespace ConsignDesk::Models
