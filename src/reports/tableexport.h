#pragma once

#include "reports/tablesink.h"

#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace ConsignDesk::Store {
class Database;
}

namespace ConsignDesk::Reports {

/// @short A table of the cache as `export` writes it: connection, vendor and
/// external_id, then the table's own columns.
struct ExportTable {
    const char *name;  ///< on the command line
    const char *table; ///< in the cache
    const char *title; ///< translated in the ExportCommand context
    QList<std::pair<const char *, CellKind>> columns;
    const char *select;     ///< the table's columns, in order
    const char *liveFilter; ///< rows shown without --include-deleted
};

/// consignors, items, sales, payouts, stock.
const QList<ExportTable> &exportTables();
const ExportTable *findExportTable(const QString &name);

struct TableExportOptions {
    QString connectionId; ///< empty: every connection
    bool includeDeleted = false;
    bool raw = false; ///< CSV: no formula neutralising
    /// Called every 10,000 rows with the count written so far.
    std::function<void(qint64)> progress;
};

/// Writes @p table into @p sink (begin … finish), rows streamed, grouped by
/// connection name and in stored order within a connection.
bool exportTable(Store::Database &db, const ExportTable &table, const TableExportOptions &options, TableSink &sink,
                 qint64 *rows, QString *error);

/// The same as exportTable() into the CSV sink, byte for byte, but read
/// through Store::Statement and written as UTF-8 without a QString or QVariant
/// per value, and in one pass over the table without a sort: for a million
/// rows in a few seconds.
bool exportTableCsv(Store::Database &db, const ExportTable &table, const TableExportOptions &options,
                    const QString &path, qint64 *rows, QString *error);

/// A value of the cache as a cell of @p kind (money in @p currency); a null
/// value is an empty cell.
Cell exportCell(CellKind kind, const QVariant &value, const QString &currency);

} // namespace ConsignDesk::Reports
