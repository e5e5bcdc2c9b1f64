#include "store/database.h"

#include "store/bulkload.h"
#include "store/checkpointer.h"
#include "store/migrations.h"
#include "store/statement.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStore, "consigndesk.store")

namespace ConsignDesk::Store {

namespace {

QAtomicInt connectionCounter;

bool exec(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    *error = QStringLiteral("%1 (%2)").arg(query.lastError().text(), statement.left(80));
    return false;
}

} // namespace

Database::~Database()
{
    m_checkpointer.reset(); // its thread first: a checkpoint under way ends
    // The connection cannot close while a statement of it is alive.
    for (Statement *statement : QSet<Statement *>(m_statements))
        statement->release();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::pathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("cache.sqlite"));
}

int Database::latestSchemaVersion()
{
    return migrations().constLast().version;
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    return open(path, true, error);
}

std::unique_ptr<Database> Database::openWithoutChecks(const QString &path, QString *error)
{
    return open(path, false, error);
}

std::unique_ptr<Database> Database::open(const QString &path, bool checks, QString *error)
{
    std::unique_ptr<Database> database(new Database);
    database->m_connectionName = QStringLiteral("consigndesk-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return nullptr;
    }
    database->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, database->m_db.lastError().text());
        return nullptr;
    }
    if (!database->configure(checks, error) || !database->migrate(error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return nullptr;
    }
    // A first load cut short (a crash, a kill) gets its indexes back.
    if (checks && !BulkLoad::restore(*database, error)) {
        *error = QStringLiteral("%1: restoring the indexes: %2").arg(path, *error);
        return nullptr;
    }
    return database;
}

bool Database::configure(bool check, QString *error)
{
    // A 64 MB page cache per connection, so a page of a big sync is not
    // spilled to the WAL mid-transaction; statement journals (FTS5 takes a
    // savepoint per statement) in memory rather than in temp files; a WAL
    // that a big write grew is cut back to 64 MB when it starts over.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                               "PRAGMA busy_timeout=5000", "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY",
                               "PRAGMA journal_size_limit=67108864"}) {
        if (!exec(m_db, QString::fromLatin1(pragma), error))
            return false;
    }
    QSqlQuery mode(m_db);
    if (mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next()
        && mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        // WAL does not work on network shares; say so rather than corrupt quietly.
        *error = QStringLiteral("the cache cannot use write-ahead logging here (journal mode %1); "
                                "is the data folder on a network share?")
                     .arg(mode.value(0).toString());
        return false;
    }
    if (!check)
        return true;
    QSqlQuery quick(m_db);
    if (!quick.exec(QStringLiteral("PRAGMA quick_check")) || !quick.next()
        || quick.value(0).toString() != QLatin1String("ok")) {
        *error = QStringLiteral("the cache is damaged (quick_check: %1)").arg(quick.value(0).toString());
        return false;
    }
    return true;
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

bool Database::migrate(QString *error)
{
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the cache was written by a newer ConsignDesk (schema %1, this one knows %2)")
                     .arg(current)
                     .arg(latestSchemaVersion());
        return false;
    }
    if (current == latestSchemaVersion())
        return true;
    WriteTransaction transaction(*this);
    if (!transaction.begin(error))
        return false;
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        for (const QString &statement : migration.statements) {
            if (!exec(m_db, statement, error)) {
                *error = QStringLiteral("migration to schema %1 failed: %2").arg(migration.version).arg(*error);
                return false; // the transaction rolls back by itself
            }
        }
        if (!exec(m_db, QStringLiteral("PRAGMA user_version=%1").arg(migration.version), error))
            return false;
        qCInfo(lcStore) << "cache migrated to schema" << migration.version;
    }
    return transaction.commit(error);
}

bool Database::beginWrite(QString *error)
{
    return exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), error);
}

bool Database::commit(QString *error)
{
    return exec(m_db, QStringLiteral("COMMIT"), error);
}

void Database::rollback()
{
    QString ignored;
    exec(m_db, QStringLiteral("ROLLBACK"), &ignored);
}

int Database::walCommitted(void *database, sqlite3 *handle, const char *name, int pages)
{
    auto *self = static_cast<Database *>(database);
    // The thread fell far behind (or has no connection): this commit catches up.
    if (pages >= std::max(16 * self->m_checkpointPages, 262144)) // 1 GB of 4 KB pages at least
        sqlite3_wal_checkpoint_v2(handle, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (pages >= self->m_checkpointPages)
        self->m_checkpointer->request();
    return SQLITE_OK;
}

void Database::setBackgroundCheckpoints(int pages)
{
    sqlite3 *handle = nativeHandle(*this);
    if (!handle || pages <= 0)
        return;
    if (!m_checkpointer)
        m_checkpointer = std::make_unique<Checkpointer>(m_db.databaseName());
    m_checkpointPages = pages;
    sqlite3_wal_hook(handle, &Database::walCommitted, this);
}

void Database::waitForCheckpoints()
{
    if (m_checkpointer)
        m_checkpointer->waitUntilIdle();
}

} // namespace ConsignDesk::Store
