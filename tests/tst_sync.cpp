// Syncing every vendor into the real cache over real HTTP against the
// in-process sandbox: a full sync holds what the sandbox holds; after store
// activity an incremental sync converges to what a fresh full sync finds;
// after each injected fault the cache stays consistent and the next run
// converges (RELIABILITY.md, cases 1-19 where the sandbox can cause them).
#include "net/httpclient.h"
#include "net/vendorclient.h"
#include "sandbox/sandbox.h"
#include "sandboxconnection.h"
#include "sandboxfixture.h"
#include "store/connectionstore.h"
#include "store/database.h"
#include "secrets/keystore.h"
#include "sync/backgroundsync.h"
#include "sync/syncengine.h"
#include "testretry.h"
#include "vendors/connector.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace ConsignDesk;

namespace {

const QStringList vendorIds{QStringLiteral("consigncloud"), QStringLiteral("simpleconsign"),
                            QStringLiteral("consignify"), QStringLiteral("consignly")};

// A cache with one connection per vendor of the sandbox.
struct Cache {
    QTemporaryDir dir;
    std::unique_ptr<Store::Database> db;
    QHash<QString, Connection> connections;
    QHash<QString, std::shared_ptr<Vendors::Connector>> connectors;
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Cache> newCache()
    {
        auto cache = std::make_unique<Cache>();
        QString error;
        cache->db = Store::Database::open(cache->dir.filePath(QStringLiteral("cache.sqlite")), &error);
        if (!cache->db)
            qFatal("cache: %s", qPrintable(error));
        for (const QString &vendor : vendorIds) {
            QString secret;
            Connection c = sandboxConnection(vendor, m_sandbox->credentials(vendor), QStringLiteral("Test ") + vendor, &secret);
            if (!Store::ConnectionStore(*cache->db).add(c, &error))
                qFatal("connection: %s", qPrintable(error));
            cache->connections.insert(vendor, c);
            std::shared_ptr<Vendors::Connector> connector(
                Vendors::makeConnector(c, *m_http, [secret](auto give) { give(secret, {}); }));
            if (connector) {
                connector->setRetryPolicy(fastRetries());
                // The sandbox's limits are off here; pacing is tested in tst_vendorclient and bench_sync.
                connector->client().setRateLimiter(nullptr);
            }
            cache->connectors.insert(vendor, connector);
        }
        return cache;
    }

    /// Syncs one vendor; the summaries' errors joined ("" when all went well).
    QString sync(Cache &cache, const QString &vendor, bool full = false, const QStringList &resources = {})
    {
        Vendors::Connector *connector = cache.connectors.value(vendor).get();
        if (!connector)
            return QStringLiteral("no connector for ") + vendor;
        Sync::SyncRun::Options options;
        options.full = full;
        options.resources = resources;
        Sync::SyncRun run(*cache.db, *connector, options);
        run.start();
        if (!QTest::qWaitFor([&run] { return run.isFinished(); }, 120000))
            return QStringLiteral("the run did not finish");
        QStringList errors;
        for (const Sync::ResourceSummary &s : run.summaries()) {
            if (!s.error.isEmpty())
                errors.append(s.error);
        }
        return errors.join(u'\n');
    }

    /// The live rows of every record table for one vendor, as comparable text.
    static QStringList contents(Cache &cache, const QString &vendor)
    {
        QStringList out;
        const QString connectionId = cache.connections.value(vendor).id;
        for (const QString &table : Store::CacheWriter::tables()) {
            QSqlQuery query(cache.db->sql());
            query.prepare(QStringLiteral("SELECT * FROM %1 WHERE connection_id = ? AND deleted IS NULL ORDER BY external_id")
                              .arg(table));
            query.addBindValue(connectionId);
            if (!query.exec())
                qFatal("query %s failed", qPrintable(table));
            const QSqlRecord record = query.record();
            while (query.next()) {
                QStringList cells{table};
                for (int i = 0; i < record.count(); ++i) {
                    const QString name = record.fieldName(i);
                    if (name == QLatin1String("id") || name == QLatin1String("connection_id")
                        || name == QLatin1String("row_hash") || name == QLatin1String("seen_run"))
                        continue;
                    cells.append(query.value(i).toString());
                }
                out.append(cells.join(u'|'));
            }
        }
        return out;
    }

    static bool integrityOk(Cache &cache)
    {
        QSqlQuery query(cache.db->sql());
        return query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next()
            && query.value(0).toString() == QLatin1String("ok");
    }

    /// The cache's rows equal those of a fresh full sync made now.
    void assertConverged(Cache &cache, const QString &vendor, const QStringList &resources = {})
    {
        auto fresh = newCache();
        const QString error = sync(*fresh, vendor, true, resources);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList expected = contents(*fresh, vendor);
        const QStringList actual = contents(cache, vendor);
        QVERIFY2(!expected.isEmpty(), "the fresh sync found nothing");
        if (actual != expected) {
            // Say which rows differ, not just that they do.
            const QSet<QString> a(actual.cbegin(), actual.cend());
            const QSet<QString> e(expected.cbegin(), expected.cend());
            QStringList extra = QSet<QString>(a).subtract(e).values();
            QStringList missing = QSet<QString>(e).subtract(a).values();
            QFAIL(qPrintable(QStringLiteral("%1: %2 rows differ; first unexpected: %3; first missing: %4")
                                 .arg(vendor)
                                 .arg(extra.size() + missing.size())
                                 .arg(extra.value(0), missing.value(0))));
        }
        QVERIFY(integrityOk(cache));
    }

    qint64 scalar(Cache &cache, const QString &sql)
    {
        QSqlQuery query(cache.db->sql());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_http;

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 400;
        options.vendors = Sandbox::allVendors();
        m_sandbox = std::make_unique<SandboxFixture>(options);
        m_http = std::make_unique<Net::HttpClient>(&m_network);
    }
    void cleanup() { m_sandbox->control("DELETE", QStringLiteral("/faults")); }

    void aFullSyncHoldsWhatTheSandboxHolds()
    {
        auto cache = newCache();
        for (const QString &vendor : vendorIds) {
            const QString error = sync(*cache, vendor, true);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        // SimpleConsign's first load is its active items, every one, to the cent.
        const QJsonObject sc = m_sandbox->control("GET", QStringLiteral("/inspect/simpleconsign")).object();
        QCOMPARE(scalar(*cache, QStringLiteral("SELECT count(*) FROM items i JOIN connections c ON c.id = i.connection_id "
                                               "WHERE c.vendor = 'simpleconsign' AND i.deleted IS NULL")),
                 sc.value(QStringLiteral("active_items")).toInteger());
        QCOMPARE(scalar(*cache, QStringLiteral("SELECT sum(price_minor) FROM items i JOIN connections c ON c.id = "
                                               "i.connection_id WHERE c.vendor = 'simpleconsign' AND i.deleted IS NULL")),
                 sc.value(QStringLiteral("active_sum_current_price")).toInteger());
        // Every vendor brought rows, and FTS finds them.
        for (const QString &vendor : vendorIds)
            QVERIFY2(!contents(*cache, vendor).isEmpty(), qPrintable(vendor));
        QVERIFY(scalar(*cache, QStringLiteral("SELECT count(*) FROM items_fts")) > 0);
        QVERIFY(integrityOk(*cache));
    }

    void anIncrementalSyncAfterStoreActivityConverges()
    {
        auto cache = newCache();
        for (const QString &vendor : vendorIds)
            QVERIFY(sync(*cache, vendor, true).isEmpty());
        m_sandbox->control("POST", QStringLiteral("/activity"), {{QStringLiteral("steps"), 25}});
        for (const QString &vendor : vendorIds) {
            const QString error = sync(*cache, vendor);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            assertConverged(*cache, vendor);
        }
    }

    void everyFaultLeavesTheCacheConsistentAndTheNextRunConverges_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("resource");
        // The resource that reads the faulted endpoint (the others are unaffected).
        const QList<std::tuple<const char *, const char *, const char *>> endpoints{
            {"consigncloud", "/items", "items"},
            {"simpleconsign", "/inventory", "items"},
            {"consignify", "/products", "products"},
            {"consignly", "/v1/inventory", "inventory"}};
        for (const auto &[vendor, endpoint, resource] : endpoints) {
            for (const char *kind : {"500", "429", "drop", "drop-mid-body", "malformed-json", "wrong-type",
                                     "duplicate-rows", "repeat-cursor", "empty-page"}) {
                QTest::addRow("%s %s", vendor, kind)
                    << QString::fromLatin1(vendor) << QString::fromLatin1(endpoint) << QString::fromLatin1(kind)
                    << QString::fromLatin1(resource);
            }
        }
    }
    void everyFaultLeavesTheCacheConsistentAndTheNextRunConverges()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, endpoint);
        QFETCH(QString, kind);
        QFETCH(QString, resource);
        const QStringList resources{resource};
        auto cache = newCache();
        QVERIFY(sync(*cache, vendor, true, resources).isEmpty());
        m_sandbox->control("POST", QStringLiteral("/activity"), {{QStringLiteral("steps"), 5}});
        const HttpResponse added = m_sandbox->control(
            "POST", QStringLiteral("/faults"),
            {{QStringLiteral("vendor"), vendor}, {QStringLiteral("endpoint"), endpoint}, {QStringLiteral("kind"), kind},
             {QStringLiteral("count"), kind == QLatin1String("drop") ? -1 : 1},
             {QStringLiteral("after"), vendor == QLatin1String("simpleconsign") ? 0 : 1}});
        QVERIFY2(added.status < 300, added.body.constData());
        const QString faulted = sync(*cache, vendor, false, resources); // may fail; must not corrupt
        QVERIFY(integrityOk(*cache));
        m_sandbox->control("DELETE", QStringLiteral("/faults"));
        if (!faulted.isEmpty()) {
            // The failure says which connection and endpoint.
            QVERIFY2(faulted.contains(QStringLiteral("Test ") + vendor), qPrintable(faulted));
        }
        const QString error = sync(*cache, vendor, false, resources);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        assertConverged(*cache, vendor, resources);
    }

    // The window's thread keeps answering while a sync runs: the work happens
    // on a thread of its own, with its own cache connection.
    void aBackgroundSyncLeavesTheCallingThreadFree()
    {
        auto cache = newCache();
        Secrets::KeyStore keys; // keys for this session only: no keychain needed for this check
        QList<Connection> connections;
        for (const QString &vendor : vendorIds) {
            const Connection &c = cache->connections.value(vendor);
            const QJsonObject credentials = m_sandbox->credentials(vendor);
            keys.keepForSession(Secrets::KeyStore::entryName(c.id, c.secretPurpose()),
                                credentials.value(c.auth == AuthMethod::ClientCredentials ? QStringLiteral("client_secret")
                                                                                          : QStringLiteral("api_key"))
                                    .toString());
            connections.append(c);
        }
        // The in-process sandbox answers from this thread, so this thread is
        // busy serving; what matters is that the sync never holds it long.
        Sync::BackgroundSync sync(cache->dir.filePath(QStringLiteral("cache.sqlite")), keys);
        int progressSignals = 0;
        QStringList finishedConnections;
        bool done = false;
        bool allOk = false;
        connect(&sync, &Sync::BackgroundSync::progress, this, [&](const Sync::SyncProgress &) { ++progressSignals; });
        connect(&sync, &Sync::BackgroundSync::connectionFinished, this,
                [&](const QString &name, const QList<Sync::ResourceSummary> &summaries) {
                    finishedConnections.append(name);
                    for (const Sync::ResourceSummary &s : summaries)
                        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
                });
        connect(&sync, &Sync::BackgroundSync::finished, this, [&](bool ok) {
            done = true;
            allOk = ok;
        });
        qint64 longestGapMs = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            longestGapMs = std::max(longestGapMs, sinceTick.restart());
        });
        tick.start();
        QVERIFY(sync.start(connections));
        QVERIFY(!sync.start(connections)); // one at a time
        QVERIFY(QTest::qWaitFor([&] { return done; }, 120000));
        QVERIFY(allOk);
        QCOMPARE(finishedConnections.size(), 4);
        QVERIFY(progressSignals >= 4);
        QVERIFY2(longestGapMs < 1000, qPrintable(QString::number(longestGapMs)));
        for (const QString &vendor : vendorIds)
            QVERIFY2(!contents(*cache, vendor).isEmpty(), qPrintable(vendor));
    }

    void aStoreThatCannotBeReachedFailsOnceNotPerResource()
    {
        auto cache = newCache();
        // ConsignCloud lists eight resources; its address now refuses connections.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        Connection c = cache->connections.value(QStringLiteral("consigncloud"));
        QUrl url = c.baseUrl;
        url.setPort(port);
        c.baseUrl = url;
        const QString secret = m_sandbox->credentials(QStringLiteral("consigncloud")).value(QStringLiteral("api_key")).toString();
        std::unique_ptr<Vendors::Connector> connector(
            Vendors::makeConnector(c, *m_http, [secret](auto give) { give(secret, {}); }));
        connector->setRetryPolicy(fastRetries());
        connector->client().setRateLimiter(nullptr);
        Sync::SyncRun run(*cache->db, *connector, {});
        QSignalSpy progress(&run, &Sync::SyncRun::progress);
        run.start();
        QVERIFY(QTest::qWaitFor([&run] { return run.isFinished(); }, 60000));
        const QList<Sync::ResourceSummary> summaries = run.summaries();
        QCOMPARE(summaries.size(), connector->resources().size());
        QVERIFY2(summaries.first().error.contains(QStringLiteral("no answer")), qPrintable(summaries.first().error));
        QVERIFY2(summaries.first().error.startsWith(c.name), qPrintable(summaries.first().error));
        for (int i = 1; i < summaries.size(); ++i)
            QVERIFY2(summaries.at(i).error.contains(QStringLiteral("not tried")), qPrintable(summaries.at(i).error));
        QVERIFY(!run.ok());
        // Nothing was tried after the first resource: one request and its retries.
        QCOMPARE(scalar(*cache, QStringLiteral("SELECT count(*) FROM sync_runs WHERE connection_id = '%1'").arg(c.id)), 1);
        QVERIFY(contents(*cache, QStringLiteral("consigncloud")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
