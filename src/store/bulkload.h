#pragma once

#include <QString>
#include <QStringList>

namespace ConsignDesk::Store {

class Database;

/// @short The first load of an empty table, fast: its secondary indexes and
/// full-text triggers are set aside while the rows go in, and rebuilt in one
/// pass at the end (sorting once beats updating 13 indexes and FTS5 a row at
/// a time). What was set aside is recorded in the cache in the same
/// transaction, so a process killed mid-load gets it all back when the cache
/// is next opened (Database::open calls restore()).
namespace BulkLoad {
/// Whether every one of @p tables is empty (for all connections).
bool tablesEmpty(Database &db, const QStringList &tables);
/// Sets aside the indexes and FTS triggers of @p tables.
bool begin(Database &db, const QStringList &tables, QString *error);
/// Recreates whatever was set aside and rebuilds the full-text indexes; a
/// no-op when nothing is. Safe to call at any time.
bool restore(Database &db, QString *error);
} // namespace BulkLoad

} // namespace ConsignDesk::Store
