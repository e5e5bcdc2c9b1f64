#include "syncedcache.h"

#include "net/httpclient.h"
#include "net/vendorclient.h"
#include "sandbox/sandbox.h"
#include "sandboxconnection.h"
#include "store/connectionstore.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "testretry.h"
#include "vendors/connector.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ConsignDesk;

const QStringList &SyncedCache::vendorIds()
{
    static const QStringList ids{QStringLiteral("consigncloud"), QStringLiteral("simpleconsign"),
                                 QStringLiteral("consignify"), QStringLiteral("consignly")};
    return ids;
}

SyncedCache::SyncedCache(qint64 items, bool demoNames)
{
    SandboxFixture::Options options;
    options.items = items;
    options.vendors = Sandbox::allVendors();
    m_sandbox = std::make_unique<SandboxFixture>(options);
    m_http = std::make_unique<Net::HttpClient>(&m_network);
    m_db = Store::Database::open(path(), &m_error);
    if (!m_db)
        return;
    for (const QString &vendor : vendorIds()) {
        const QString name = demoNames ? QStringLiteral("Demo ") + Vendors::displayName(*Vendors::fromId(vendor))
                                       : QStringLiteral("Test ") + vendor;
        QString secret;
        Connection c = sandboxConnection(vendor, m_sandbox->credentials(vendor), name, &secret);
        if (!Store::ConnectionStore(*m_db).add(c, &m_error))
            return;
        m_connections.insert(vendor, c);
        m_secrets.insert(vendor, secret);
    }
    m_error = storePayoutRules();
    if (!m_error.isEmpty())
        return;
    m_error = sync({}, true);
}

SyncedCache::~SyncedCache() = default;

QString SyncedCache::path() const
{
    return m_dir.filePath(QStringLiteral("cache.sqlite"));
}

QString SyncedCache::sync(const QString &vendor, bool full)
{
    QStringList errors;
    for (const QString &id : vendorIds()) {
        if (!vendor.isEmpty() && id != vendor)
            continue;
        const QString secret = m_secrets.value(id);
        std::unique_ptr<Vendors::Connector> connector(
            Vendors::makeConnector(m_connections.value(id), *m_http, [secret](auto give) { give(secret, {}); }));
        if (!connector)
            return QStringLiteral("no connector for ") + id;
        connector->setRetryPolicy(fastRetries());
        connector->client().setRateLimiter(nullptr); // the sandbox's limits are off
        Sync::SyncRun::Options options;
        options.full = full;
        Sync::SyncRun run(*m_db, *connector, options);
        run.start();
        if (!QTest::qWaitFor([&run] { return run.isFinished(); }, 120000))
            return QStringLiteral("the sync of %1 did not finish").arg(id);
        for (const Sync::ResourceSummary &s : run.summaries()) {
            if (!s.error.isEmpty())
                errors.append(s.error);
        }
    }
    return errors.join(u'\n');
}

QString SyncedCache::storePayoutRules()
{
    const QJsonObject shop = m_sandbox->control("GET", QStringLiteral("/inspect/consignify")).object();
    const QDateTime start = QDateTime::fromString(shop.value(QStringLiteral("tracking_start")).toString(), Qt::ISODateWithMs);
    if (!shop.value(QStringLiteral("holding_days")).isDouble() || !start.isValid())
        return QStringLiteral("the sandbox does not say its Consignify payout rules");
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO payout_settings (connection_id, holding_days, tracking_start) "
                                 "VALUES (?, ?, ?)"));
    query.addBindValue(m_connections.value(QStringLiteral("consignify")).id);
    query.addBindValue(shop.value(QStringLiteral("holding_days")).toInt());
    query.addBindValue(start.toUTC().date().toString(Qt::ISODate));
    return query.exec() ? QString() : query.lastError().text();
}

qint64 SyncedCache::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db->sql());
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
