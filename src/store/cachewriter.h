#pragma once

#include "core/records.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>

namespace ConsignDesk::Store {

class Database;

/// A time as the cache stores it: milliseconds since the epoch (UTC), or NULL.
QVariant timeValue(const QDateTime &time);
/// The time a cache column holds (invalid for NULL).
QDateTime timeFromValue(const QVariant &value);

/// What a write did, row by row.
struct WriteCounts {
    qint64 added = 0;
    qint64 changed = 0;
    qint64 unchanged = 0;
    qint64 deleted = 0; ///< marked deleted (soft-deleted at the vendor, or vanished from a complete listing)

    WriteCounts &operator+=(const WriteCounts &other)
    {
        added += other.added;
        changed += other.changed;
        unchanged += other.unchanged;
        deleted += other.deleted;
        return *this;
    }
};

/// @short Writes vendor records into the cache: one upsert per row keyed by
/// (connection, vendor id), telling added from changed from unchanged by a
/// hash of the row, and marking each row with the sync run that saw it.
/// The caller holds the write transaction (a page and its sync state commit
/// together).
class CacheWriter
{
public:
    explicit CacheWriter(Database &db);
    ~CacheWriter();

    bool write(const QString &connectionId, qint64 runId, const Records::RecordBatch &batch, WriteCounts *counts,
               QString *error);

    /// After a complete listing: rows of @p table for the connection that the
    /// run did not see are marked deleted at @p nowMs (and rewritten in full
    /// should they ever come back). @p scopeSql narrows the
    /// listing's reach (e.g. "sale_id = ?" for one sale's lines) with @p scopeValue.
    bool markVanished(const QString &table, const QString &connectionId, qint64 runId, qint64 nowMs,
                      qint64 *marked, QString *error, const QString &scopeSql = {}, const QString &scopeValue = {});

    /// While the tables are being loaded for the first time (empty before the
    /// run): skip the check for unchanged rows, which cannot exist.
    void setFreshLoad(bool fresh) { m_freshLoad = fresh; }
    /// Whether an unchanged row is marked seen by the run (UPDATE seen_run),
    /// as markVanished() after a complete listing needs; a run that reads only
    /// changes needs no mark and so writes nothing for an unchanged row.
    void setMarkSeen(bool mark) { m_markSeen = mark; }

    /// The tables records go to, in the order of Records::RecordBatch.
    static QStringList tables();

private:
    struct Row;
    struct TableStatements;
    bool writeRow(const QString &connectionId, qint64 runId, const Row &row, WriteCounts *counts, QString *error);
    TableStatements &statementsFor(const Row &row);

    Database &m_db;
    QHash<QString, std::shared_ptr<TableStatements>> m_statements;
    const char *m_lastTable = nullptr; ///< the table of the last row, whose statements are m_last
    TableStatements *m_last = nullptr;
    bool m_freshLoad = false;
    bool m_markSeen = true;
};

} // namespace ConsignDesk::Store
