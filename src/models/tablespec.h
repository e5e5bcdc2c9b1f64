#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace ConsignDesk::Models {

/// How a column's value is shown and compared.
enum class ColumnKind {
    Text,
    Integer,
    Money,       ///< minor units; currencySql names the currency
    Time,        ///< ms since the epoch, UTC
    Date,        ///< ISO text
    Percent,     ///< basis points
    Bool,
    Thousandths, ///< a quantity in thousandths (consumables)
};

/// @short One column of a pane's table: what it shows (an SQL expression
/// over the table, aliased `t`) and how it sorts.
struct ColumnSpec {
    QString key;          ///< stable name, for settings and saved views
    const char *title;    ///< QT_TRANSLATE_NOOP("ConsignDesk::Models::Columns", …)
    QString sql;          ///< the value
    ColumnKind kind = ColumnKind::Text;
    QString sortSql;      ///< the ORDER BY expression (indexed); empty: not sortable
    bool hidden = false;  ///< hidden until the manager shows it
    QString currencySql = QStringLiteral("t.currency"); ///< Money only
};

/// @short One filter of a pane's filter bar and the SQL it adds.
struct FilterSpec {
    enum class Kind {
        Choice,     ///< a value from choicesSql; sql has one `?`
        MoneyRange, ///< sql is a minor-unit column; the bounds are in major units
        NumberRange,///< sql is an integer column
        DateRange,  ///< sql is a ms column (or, with textDates, an ISO date column)
        Flag,       ///< sql applies while checked, uncheckedSql while not
        Days,       ///< "within N days": sql has `?` for today + N (ISO date); 0 is off
        Text,       ///< sql has `?` for a LIKE pattern
    };
    QString key;
    const char *label; ///< QT_TRANSLATE_NOOP("ConsignDesk::Models::Filters", …)
    Kind kind = Kind::Choice;
    QString sql;
    /// Choice: "SELECT value, label FROM … ORDER BY label" (label may be omitted).
    QString choicesSql;
    QString uncheckedSql; ///< Flag only
    bool textDates = false;
};

/// @short What a pane lists: a table of the cache, its columns, search and filters.
struct TableSpec {
    QString table;             ///< also the detail view's table
    QString baseWhere;         ///< always applied (besides the filters)
    QList<ColumnSpec> columns;
    QList<FilterSpec> filters;
    /// Full-text search: the FTS5 table over `table` (its rowid is t.id), or
    /// empty to search with LIKE over searchColumns.
    QString ftsTable;
    QStringList searchColumns;
    QString defaultSortKey;
    Qt::SortOrder defaultOrder = Qt::AscendingOrder;
    QString totalKey;          ///< the money column summed for a selection
};

/// The five panes' tables: "consignors", "items", "sales", "payouts", "stock_lines".
const TableSpec &tableSpec(const QString &table);
QStringList paneTables();

/// An FTS5 query for what a person typed: each word a quoted prefix term.
QString ftsQuery(const QString &typed);

} // namespace ConsignDesk::Models
