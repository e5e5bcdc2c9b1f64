#include "store/bulkload.h"

#include "store/database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcBulk, "consigndesk.store.bulkload")

namespace ConsignDesk::Store::BulkLoad {

namespace {

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

bool exec(Database &db, const QString &sql, QString *error)
{
    QSqlQuery query(db.sql());
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

bool tablesEmpty(Database &db, const QStringList &tables)
{
    for (const QString &table : tables) {
        QSqlQuery query(db.sql());
        if (!query.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table)) || query.next())
            return false;
    }
    return !tables.isEmpty();
}

bool begin(Database &db, const QStringList &tables, QString *error)
{
    WriteTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    for (const QString &table : tables) {
        // Secondary indexes (not the UNIQUE key the upserts need) and the FTS triggers.
        QSqlQuery objects(db.sql());
        objects.prepare(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL AND "
            "(type = 'index' OR (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'))"));
        objects.addBindValue(table);
        if (!exec(objects, error))
            return false;
        QList<std::pair<QString, QString>> found;
        while (objects.next())
            found.append({objects.value(0).toString() + u' ' + objects.value(1).toString(), objects.value(2).toString()});
        for (const auto &[typeAndName, sql] : found) {
            QSqlQuery keep(db.sql());
            keep.prepare(QStringLiteral("INSERT INTO bulk_load_set_aside (tbl, name, sql) VALUES (?, ?, ?)"));
            keep.addBindValue(table);
            keep.addBindValue(typeAndName);
            keep.addBindValue(sql);
            if (!exec(keep, error))
                return false;
            const QString type = typeAndName.section(u' ', 0, 0).toUpper();
            if (!exec(db, QStringLiteral("DROP %1 %2").arg(type, typeAndName.section(u' ', 1)), error))
                return false;
        }
    }
    return transaction.commit(error);
}

bool restore(Database &db, QString *error)
{
    QSqlQuery pending(db.sql());
    if (!pending.exec(QStringLiteral("SELECT DISTINCT tbl FROM bulk_load_set_aside"))) {
        *error = pending.lastError().text();
        return false;
    }
    QStringList tables;
    while (pending.next())
        tables.append(pending.value(0).toString());
    pending.finish();
    if (tables.isEmpty())
        return true;
    QElapsedTimer timer;
    timer.start();
    WriteTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery objects(db.sql());
    if (!objects.exec(QStringLiteral("SELECT sql FROM bulk_load_set_aside"))) {
        *error = objects.lastError().text();
        return false;
    }
    QStringList statements;
    while (objects.next())
        statements.append(objects.value(0).toString());
    objects.finish();
    for (const QString &sql : std::as_const(statements)) {
        if (!exec(db, sql, error))
            return false;
    }
    // The full-text indexes of the tables, rebuilt from their content in one pass.
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery fts(db.sql());
        fts.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        fts.addBindValue(QString(table + QStringLiteral("_fts")));
        if (fts.exec() && fts.next()
            && !exec(db, QStringLiteral("INSERT INTO %1_fts(%1_fts) VALUES ('rebuild')").arg(table), error))
            return false;
    }
    if (!exec(db, QStringLiteral("DELETE FROM bulk_load_set_aside"), error) || !transaction.commit(error))
        return false;
    // The rebuilt indexes fill the WAL; fold it into the cache now, as part of
    // the load, rather than in whatever write comes next, and give the disk
    // back (the WAL of a first load is larger than the cache's own rows).
    QString ignored;
    exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &ignored);
    qCInfo(lcBulk) << "rebuilt the indexes of" << tables << "in" << timer.elapsed() << "ms";
    return true;
}

} // namespace ConsignDesk::Store::BulkLoad
