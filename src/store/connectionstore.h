#pragma once

#include "core/connection.h"

#include <QList>
#include <QString>

#include <optional>

namespace ConsignDesk::Store {

class Database;

/// @short The connection list in the cache: what each connection is, and the
/// names of the keychain entries written for it (never the secrets).
class ConnectionStore
{
public:
    explicit ConnectionStore(Database &db) : m_db(db) {}

    /// Every connection, by name.
    std::optional<QList<Connection>> list(QString *error) const;
    /// The connection named @p name (case-insensitive), or nullopt.
    std::optional<Connection> findByName(const QString &name, QString *error) const;
    /// Adds @p connection, giving it an id and creation time.
    bool add(Connection &connection, QString *error);
    bool update(const Connection &connection, QString *error);
    /// Removes the connection and, through foreign keys, everything cached for it.
    bool remove(const QString &id, QString *error);

    bool recordKeychainEntry(const QString &connectionId, const QString &entry, QString *error);
    QStringList keychainEntries(const QString &connectionId, QString *error) const;

private:
    Database &m_db;
};

} // namespace ConsignDesk::Store
