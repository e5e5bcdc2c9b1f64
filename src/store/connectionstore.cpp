#include "store/connectionstore.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ConsignDesk::Store {

namespace {

const QString columns = QStringLiteral("id, vendor, name, base_url, currency, auth, client_id, token_url, demo, created");

std::optional<Connection> read(const QSqlQuery &query, QString *error)
{
    Connection c;
    c.id = query.value(0).toString();
    const auto vendor = Vendors::fromId(query.value(1).toString());
    const auto auth = authMethodFromId(query.value(5).toString());
    if (!vendor || !auth) {
        *error = QStringLiteral("connection %1 in the cache has an unknown vendor or sign-in method").arg(c.id);
        return std::nullopt;
    }
    c.vendor = *vendor;
    c.name = query.value(2).toString();
    c.baseUrl = QUrl(query.value(3).toString());
    c.currency = query.value(4).toString();
    c.auth = *auth;
    c.clientId = query.value(6).toString();
    c.tokenUrl = QUrl(query.value(7).toString());
    c.demo = query.value(8).toBool();
    c.created = QDateTime::fromString(query.value(9).toString(), Qt::ISODateWithMs);
    return c;
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

void bindFields(QSqlQuery &query, const Connection &c)
{
    query.bindValue(QStringLiteral(":id"), c.id);
    query.bindValue(QStringLiteral(":vendor"), Vendors::id(c.vendor));
    query.bindValue(QStringLiteral(":name"), c.name);
    query.bindValue(QStringLiteral(":base_url"), c.baseUrl.toString());
    query.bindValue(QStringLiteral(":currency"), c.currency);
    query.bindValue(QStringLiteral(":auth"), authMethodId(c.auth));
    query.bindValue(QStringLiteral(":client_id"), c.clientId.isEmpty() ? QVariant() : QVariant(c.clientId));
    query.bindValue(QStringLiteral(":token_url"), c.tokenUrl.isEmpty() ? QVariant() : QVariant(c.tokenUrl.toString()));
    query.bindValue(QStringLiteral(":demo"), c.demo ? 1 : 0);
}

} // namespace

std::optional<QList<Connection>> ConnectionStore::list(QString *error) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM connections ORDER BY name COLLATE NOCASE"));
    if (!run(query, error))
        return std::nullopt;
    QList<Connection> out;
    while (query.next()) {
        auto connection = read(query, error);
        if (!connection)
            return std::nullopt;
        out.append(*connection);
    }
    return out;
}

std::optional<Connection> ConnectionStore::findByName(const QString &name, QString *error) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT ") + columns
                  + QStringLiteral(" FROM connections WHERE name = :name COLLATE NOCASE"));
    query.bindValue(QStringLiteral(":name"), name);
    if (!run(query, error) || !query.next())
        return std::nullopt;
    return read(query, error);
}

bool ConnectionStore::add(Connection &connection, QString *error)
{
    if (connection.id.isEmpty())
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    connection.created = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("INSERT INTO connections (") + columns
                  + QStringLiteral(") VALUES (:id, :vendor, :name, :base_url, :currency, :auth, :client_id, "
                                   ":token_url, :demo, :created)"));
    bindFields(query, connection);
    query.bindValue(QStringLiteral(":created"), connection.created.toString(Qt::ISODateWithMs));
    return run(query, error);
}

bool ConnectionStore::update(const Connection &connection, QString *error)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("UPDATE connections SET vendor = :vendor, name = :name, base_url = :base_url, "
                                 "currency = :currency, auth = :auth, client_id = :client_id, token_url = :token_url, "
                                 "demo = :demo WHERE id = :id"));
    bindFields(query, connection);
    if (!run(query, error))
        return false;
    if (query.numRowsAffected() != 1) {
        *error = QStringLiteral("no connection %1").arg(connection.id);
        return false;
    }
    return true;
}

bool ConnectionStore::remove(const QString &id, QString *error)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("DELETE FROM connections WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    return run(query, error);
}

bool ConnectionStore::recordKeychainEntry(const QString &connectionId, const QString &entry, QString *error)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO keychain_entries (connection_id, entry) VALUES (:id, :entry)"));
    query.bindValue(QStringLiteral(":id"), connectionId);
    query.bindValue(QStringLiteral(":entry"), entry);
    return run(query, error);
}

QStringList ConnectionStore::keychainEntries(const QString &connectionId, QString *error) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT entry FROM keychain_entries WHERE connection_id = :id ORDER BY entry"));
    query.bindValue(QStringLiteral(":id"), connectionId);
    QStringList entries;
    if (!run(query, error))
        return entries;
    while (query.next())
        entries.append(query.value(0).toString());
    return entries;
}

} // namespace ConsignDesk::Store
