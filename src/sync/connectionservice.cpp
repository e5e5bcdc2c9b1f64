#include "sync/connectionservice.h"

#include "store/connectionstore.h"
#include "store/database.h"

#include <QCoreApplication>

namespace ConsignDesk::Sync {

namespace {
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionService)
};
} // namespace

ConnectionService::ConnectionService(Store::Database &db, Secrets::KeyStore &keys)
    : m_db(db)
    , m_keys(keys)
{
}

ConnectionService::Outcome ConnectionService::check(const Connection &connection, QString *secret,
                                                    const QString &editingId) const
{
    Outcome outcome;
    QString error;
    const auto existing = list(&error);
    if (!existing) {
        outcome.error = error;
        return outcome;
    }
    QStringList names;
    for (const Connection &other : *existing) {
        if (other.id != editingId)
            names.append(other.name);
    }
    if (QString why = ConnectionRules::checkName(connection.name, names); !why.isEmpty()) {
        outcome.error = why;
        return outcome;
    }
    if (QString why = ConnectionRules::checkUrl(connection.baseUrl, Text::tr("base URL")); !why.isEmpty()) {
        outcome.error = why;
        return outcome;
    }
    if (QString why = ConnectionRules::checkCurrency(connection.currency); !why.isEmpty()) {
        outcome.error = why;
        return outcome;
    }
    if (connection.auth != AuthMethod::ApiKey && connection.vendor != Vendor::Consignly) {
        outcome.error = Text::tr("Only Consignly signs in with OAuth; %1 takes an API key.")
                            .arg(Vendors::displayName(connection.vendor));
        return outcome;
    }
    if (connection.auth == AuthMethod::ClientCredentials) {
        if (QString why = ConnectionRules::checkUrl(connection.tokenUrl, Text::tr("token URL")); !why.isEmpty()) {
            outcome.error = why;
            return outcome;
        }
        const auto clientId = ConnectionRules::checkKey(connection.clientId, Text::tr("client id"));
        if (!clientId.error.isEmpty()) {
            outcome.error = clientId.error;
            return outcome;
        }
    }
    if (secret && (editingId.isEmpty() || !secret->isEmpty())) {
        const QString what = connection.auth == AuthMethod::ClientCredentials ? Text::tr("client secret")
            : connection.auth == AuthMethod::AccessToken                      ? Text::tr("access token")
                                                                              : Text::tr("API key");
        const auto key = ConnectionRules::checkKey(*secret, what);
        if (!key.error.isEmpty()) {
            outcome.error = key.error;
            return outcome;
        }
        outcome.notice = key.notice;
        *secret = key.key;
    }
    outcome.ok = true;
    return outcome;
}

ConnectionService::Outcome ConnectionService::storeSecret(const Connection &connection, const QString &secret,
                                                          bool sessionOnly)
{
    Outcome outcome;
    const QString entry = Secrets::KeyStore::entryName(connection.id, connection.secretPurpose());
    if (sessionOnly) {
        m_keys.keepForSession(entry, secret);
    } else {
        const Secrets::KeyResult written = m_keys.writeNow(entry, secret);
        if (!written.ok()) {
            outcome.error = written.message;
            outcome.keyError = written.error;
            return outcome;
        }
    }
    QString error;
    Store::ConnectionStore store(m_db);
    if (!store.recordKeychainEntry(connection.id, entry, &error)) {
        outcome.error = error;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

ConnectionService::Outcome ConnectionService::add(Connection &connection, const QString &rawSecret, bool sessionOnly)
{
    QString secret = rawSecret;
    Outcome outcome = check(connection, &secret);
    if (!outcome.ok)
        return outcome;
    const QString notice = outcome.notice;
    Store::ConnectionStore store(m_db);
    QString error;
    if (!store.add(connection, &error))
        return {false, error, {}, Secrets::KeyError::None};
    outcome = storeSecret(connection, secret, sessionOnly);
    if (!outcome.ok) {
        // No key, no connection: nothing half-made stays behind.
        QString ignored;
        store.remove(connection.id, &ignored);
        return outcome;
    }
    outcome.notice = notice;
    return outcome;
}

ConnectionService::Outcome ConnectionService::update(const Connection &connection, const QString &rawSecret,
                                                     bool sessionOnly)
{
    QString secret = rawSecret;
    Outcome outcome = check(connection, &secret, connection.id);
    if (!outcome.ok)
        return outcome;
    const QString notice = outcome.notice;
    QString error;
    Store::ConnectionStore store(m_db);
    // A changed sign-in method leaves the old secret behind: remove it.
    const QStringList before = store.keychainEntries(connection.id, &error);
    if (!secret.isEmpty()) {
        outcome = storeSecret(connection, secret, sessionOnly);
        if (!outcome.ok)
            return outcome;
    }
    if (!store.update(connection, &error))
        return {false, error, {}, Secrets::KeyError::None};
    const QString current = Secrets::KeyStore::entryName(connection.id, connection.secretPurpose());
    for (const QString &entry : before) {
        if (entry != current)
            m_keys.removeNow(entry);
    }
    outcome.notice = notice;
    return outcome;
}

ConnectionService::Outcome ConnectionService::remove(const Connection &connection)
{
    Outcome outcome;
    QString error;
    Store::ConnectionStore store(m_db);
    QStringList entries = store.keychainEntries(connection.id, &error);
    const QString current = Secrets::KeyStore::entryName(connection.id, connection.secretPurpose());
    if (!entries.contains(current))
        entries.append(current);
    for (const QString &entry : std::as_const(entries)) {
        const Secrets::KeyResult removed = m_keys.removeNow(entry);
        if (!removed.ok() && removed.error != Secrets::KeyError::NotFound) {
            // Keep the record, so the key is not orphaned where no one can find it.
            outcome.error = removed.message;
            outcome.keyError = removed.error;
            return outcome;
        }
    }
    if (!store.remove(connection.id, &error)) {
        outcome.error = error;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

std::optional<QList<Connection>> ConnectionService::list(QString *error) const
{
    return Store::ConnectionStore(m_db).list(error);
}

std::optional<Connection> ConnectionService::find(const QString &name, QString *error) const
{
    return Store::ConnectionStore(m_db).findByName(name, error);
}

Secrets::KeyResult ConnectionService::secretOf(const Connection &connection) const
{
    return m_keys.readNow(Secrets::KeyStore::entryName(connection.id, connection.secretPurpose()));
}

} // namespace ConsignDesk::Sync
