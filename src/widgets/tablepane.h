#pragma once

#include "models/tablespec.h"
#include "widgets/detailview.h"

#include <QSqlDatabase>
#include <QTableView>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;
class QLabel;

namespace ConsignDesk {

namespace Models {
class CacheTableModel;
}

/// @short A table view that copies its selected rows as tab-separated text
/// (with a header row), the way spreadsheets paste them.
class CacheTableView : public QTableView
{
    Q_OBJECT
public:
    using QTableView::QTableView;
    /// Rows copied at most; a larger selection copies its first rows and says so.
    static constexpr int copyLimit = 50000;
    /// The selection as text; @p truncated says whether copyLimit cut it.
    QString selectionAsText(bool *truncated = nullptr) const;

public Q_SLOTS:
    void copy();

Q_SIGNALS:
    void copied(int rows, bool truncated);
};

/// @short One pane over the cache: a search field, a filter bar, the table,
/// saved views and a detail panel. Its state (columns, sort, filter bar,
/// splitter) is remembered per pane in QSettings.
class TablePane : public QWidget
{
    Q_OBJECT
public:
    TablePane(const QString &table, QSqlDatabase db, const QIcon &icon, const QString &title,
              const QString &emptyText, QWidget *parent = nullptr);
    ~TablePane() override;

    QString table() const { return m_table; }
    QString title() const { return m_title; }
    Models::CacheTableModel *model() const { return m_model; }
    CacheTableView *view() const { return m_view; }
    /// The panel beside the table; the pane takes ownership.
    void setDetailView(DetailView *detail);
    DetailView *detailView() const { return m_detail; }

    /// Ctrl+F: puts the cursor in the search field.
    void focusSearch();
    /// Re-reads the cache after a sync committed, keeping selection and scroll.
    void refresh();
    /// Shows (and selects) the record @p id, clearing search and filters when
    /// they hide it; false when it is not in the cache.
    bool showRecord(qint64 id);
    /// The status text: rows, selection count and the selection's totals per currency.
    QString statusText() const { return m_status; }

    /// The filter bar's values (as CacheTableModel::setFilters takes them).
    QVariantMap filterValues() const;
    void setFilterValues(const QVariantMap &values);
    void setSearchText(const QString &text);

    /// Writes what the table shows — its visible columns in their order, every
    /// row the search and filters let through, in its sort — to @p path as CSV,
    /// XLSX or PDF (by the file's suffix); false with @p error.
    bool exportView(const QString &path, QString *error, qint64 *rows = nullptr) const;
    /// "Export View…": asks where, then exportView().
    void exportViewWithDialog();

    /// Saved views: a named search, filter, columns and sort.
    QStringList savedViews() const;
    void saveView(const QString &name);
    bool applyView(const QString &name);
    void deleteView(const QString &name);

Q_SIGNALS:
    void statusChanged(const QString &text);
    void openRequested(const ConsignDesk::RecordRef &record);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void buildFilterBar(QWidget *bar);
    void applyFilters();
    void updateEmptyState();
    void updateStatus();
    void openCurrent(bool focusDetail);
    void saveSettings() const;
    void restoreSettings();
    void reloadViewsCombo(const QString &current = {});
    void headerMenu(const QPoint &pos);
    int moneyDigits() const;
    QString settingsGroup() const;

    QString m_table;
    QString m_title;
    QSqlDatabase m_db;
    Models::CacheTableModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_filterButton = nullptr;
    QWidget *m_filterBar = nullptr;
    QComboBox *m_views = nullptr;
    QSplitter *m_splitter = nullptr;
    CacheTableView *m_view = nullptr;
    DetailView *m_detail = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTimer *m_statusTimer = nullptr;
    QHash<QString, QWidget *> m_filterWidgets;
    QString m_status;
    bool m_restoring = false;
};

} // namespace ConsignDesk
