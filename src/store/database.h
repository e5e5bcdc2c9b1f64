#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace ConsignDesk::Store {

/// @short The SQLite cache: one connection per thread and per use, each with
/// the same PRAGMAs (WAL, foreign keys, busy timeout, synchronous); the schema
/// is brought to the newest version by numbered migrations in one transaction.
///
/// The cache is ConsignDesk's own, not a public format: exports are.
class Checkpointer;
class Statement;

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if needed) the cache at @p path, checks it and migrates it.
    static std::unique_ptr<Database> open(const QString &path, QString *error);
    /// Another connection to a cache that this process has already opened
    /// with open() (the window's reader, the payout ledger's, a sync worker's),
    /// or one for a command that only reads (an export): migrated like open(),
    /// but without repeating the start-up quick_check (a damaged page still
    /// fails the read that meets it) and the restore of a cut-short bulk load.
    static std::unique_ptr<Database> openWithoutChecks(const QString &path, QString *error);
    /// The cache file inside a data folder.
    static QString pathIn(const QString &dataDir);

    QSqlDatabase &sql() { return m_db; }
    int schemaVersion() const;
    static int latestSchemaVersion();

    /// BEGIN IMMEDIATE: takes the write lock now (Qt's transaction() would
    /// BEGIN DEFERRED, which fails with SQLITE_BUSY_SNAPSHOT under WAL).
    bool beginWrite(QString *error);
    bool commit(QString *error);
    void rollback();

    /// From now on this connection's commits do not checkpoint the WAL
    /// themselves: once it holds @p pages pages they ask a Checkpointer
    /// thread to, and go on. Should that fall far behind, a commit
    /// checkpoints itself, so the WAL stays bounded.
    void setBackgroundCheckpoints(int pages);
    /// Blocks until the Checkpointer, if any, has nothing left to do.
    void waitForCheckpoints();

private:
    Database() = default;
    static std::unique_ptr<Database> open(const QString &path, bool checks, QString *error);
    bool configure(bool check, QString *error);
    bool migrate(QString *error);

    friend class Statement;
    static int walCommitted(void *database, sqlite3 *handle, const char *name, int pages);

    QString m_connectionName;
    std::unique_ptr<Checkpointer> m_checkpointer;
    int m_checkpointPages = 0;
    QSqlDatabase m_db;
    QSet<Statement *> m_statements; ///< native statements to finalize before closing
};

/// @short Rolls back a write transaction unless it was committed (RAII).
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &db) : m_db(db) {}
    ~WriteTransaction()
    {
        if (m_open)
            m_db.rollback();
    }
    bool begin(QString *error) { return m_open = m_db.beginWrite(error); }
    bool commit(QString *error)
    {
        const bool ok = m_db.commit(error);
        m_open = !ok;
        return ok;
    }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace ConsignDesk::Store
