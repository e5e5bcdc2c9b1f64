#pragma once

// A cache synced from the in-process sandbox over real HTTP: one connection
// per vendor, every resource, for tests of what reads the cache (models,
// panes, detail views). The sandbox keeps running, so a test can make store
// activity and sync again.
#include "core/connection.h"
#include "sandboxfixture.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace ConsignDesk {
namespace Store {
class Database;
}
namespace Net {
class HttpClient;
}
} // namespace ConsignDesk

class SyncedCache
{
public:
    /// Starts the sandbox with @p items items per store and syncs all four vendors into a new cache.
    /// The connections are named "Test <vendor id>", or with @p demoNames as
    /// the demo stores name theirs ("Demo ConsignCloud"), for screenshots.
    explicit SyncedCache(qint64 items = 300, bool demoNames = false);
    ~SyncedCache();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const;
    ConsignDesk::Store::Database &db() { return *m_db; }
    SandboxFixture &sandbox() { return *m_sandbox; }
    const QHash<QString, ConsignDesk::Connection> &connections() const { return m_connections; }
    /// Syncs @p vendor (all when empty) again; the errors joined, "" when all went well.
    QString sync(const QString &vendor = {}, bool full = false);
    /// The secret of @p vendor's connection, as the sandbox issued it.
    QString secret(const QString &vendor) const { return m_secrets.value(vendor); }
    /// Stores the sandbox Consignify shop's payout rules (its holding time and
    /// tracking start, which the API does not expose; as /_sandbox/inspect
    /// reports them) for the Consignify connection, as the demo stores do.
    /// The constructor does it; "" or the error.
    QString storePayoutRules();
    /// One value of @p sql on the cache (its first column of its first row).
    qint64 scalar(const QString &sql, const QVariantList &binds = {});

    static const QStringList &vendorIds();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConsignDesk::Net::HttpClient> m_http;
    std::unique_ptr<ConsignDesk::Store::Database> m_db;
    QHash<QString, ConsignDesk::Connection> m_connections;
    QHash<QString, QString> m_secrets;
    QString m_error;
};
