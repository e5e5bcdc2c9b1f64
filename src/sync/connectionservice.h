#pragma once

#include "core/connection.h"
#include "secrets/keystore.h"

#include <QList>
#include <QString>

#include <optional>

namespace ConsignDesk::Store {
class Database;
}

namespace ConsignDesk::Sync {

/// @short Adding, editing, listing and removing connections, with their keys in
/// the keychain and their records in the cache, for the GUI and the command line.
class ConnectionService
{
public:
    ConnectionService(Store::Database &db, Secrets::KeyStore &keys);

    struct Outcome {
        bool ok = false;
        QString error;  ///< why not, in plain words
        QString notice; ///< e.g. the key was trimmed
        Secrets::KeyError keyError = Secrets::KeyError::None; ///< NoBackend: offer a session-only key
    };

    /// Checks a connection as typed (name, vendor rules, URLs, currency, key);
    /// @p secret comes back trimmed. @p editingId skips that connection in the
    /// duplicate-name check.
    Outcome check(const Connection &connection, QString *secret, const QString &editingId = {}) const;

    /// Checks, stores the secret in the keychain (or, with @p sessionOnly, in
    /// memory for this session) and records the connection.
    Outcome add(Connection &connection, const QString &secret, bool sessionOnly = false);
    /// Saves changed fields; a non-empty @p secret replaces the stored one.
    Outcome update(const Connection &connection, const QString &secret, bool sessionOnly = false);
    /// Deletes the connection's keys from the keychain and the connection with
    /// everything cached for it.
    Outcome remove(const Connection &connection);

    std::optional<QList<Connection>> list(QString *error) const;
    std::optional<Connection> find(const QString &name, QString *error) const;
    /// The stored secret of @p connection (for the one request that needs it).
    Secrets::KeyResult secretOf(const Connection &connection) const;

private:
    Outcome storeSecret(const Connection &connection, const QString &secret, bool sessionOnly);

    Store::Database &m_db;
    Secrets::KeyStore &m_keys;
};

} // namespace ConsignDesk::Sync
