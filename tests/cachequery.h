#pragma once

// A look into the cache a consigndesk process writes, on a connection of its own.
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

/// The first value of @p sql on the cache in @p dataDir, "" when there is none.
inline QString cacheQuery(const QString &dataDir, const QString &sql)
{
    const QString name = QStringLiteral("cache-query-") + dataDir;
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("cache.sqlite")));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
