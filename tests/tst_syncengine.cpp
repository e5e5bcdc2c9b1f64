// The sync engine's rules on the real SQLite cache, driven by a scripted
// connector (the vendors' own connectors are tested against the sandbox in
// tst_vendor_*): pages commit with their cursor, failures keep what was
// committed and resume, the watermark moves only when a run completes, and
// only a complete listing marks what vanished.
#include "store/bulkload.h"
#include "store/database.h"
#include "store/connectionstore.h"
#include "sync/syncengine.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;

namespace {

// Serves "items" from a list, `pageSize` per page, with scripted failures.
class ScriptedConnector : public Vendors::Connector
{
public:
    ScriptedConnector(const Connection &connection, Net::HttpClient &http)
        : Connector(connection, http, [](auto give) { give(QStringLiteral("k"), {}); })
    {
    }

    QList<Vendors::ResourceSpec> resources() const override
    {
        Vendors::ResourceSpec spec;
        spec.name = QStringLiteral("items");
        spec.tables = {QStringLiteral("items")};
        spec.changeFilter = changeFilter;
        spec.resumable = true;
        return {spec};
    }

    void fetchPage(const Vendors::PageRequest &request, std::function<void(const Vendors::PageResult &)> done) override
    {
        requests.append(request);
        Vendors::PageResult page;
        const int start = request.cursor.isEmpty() ? 0 : request.cursor.toInt();
        if (failAt == start) {
            failAt = -1;
            page.error = QStringLiteral("GET /items: the vendor answered 500");
            done(page);
            return;
        }
        page.ok = true;
        page.serverTime = serverTime;
        for (int i = start; i < std::min<int>(start + pageSize, int(titles.size())); ++i) {
            Records::Item item;
            item.externalId = QStringLiteral("id-%1").arg(i);
            item.title = titles.at(i);
            item.priceMinor = 100 + i;
            item.currency = QStringLiteral("USD");
            if (softDeleted.contains(i))
                item.deleted = serverTime;
            page.records.items.append(item);
        }
        page.rows = page.records.items.size();
        page.total = titles.size();
        if (start + pageSize < titles.size())
            page.nextCursor = QString::number(start + pageSize);
        done(page);
    }

    QStringList titles;
    QList<int> softDeleted;
    int pageSize = 10;
    int failAt = -1;
    bool changeFilter = true;
    QDateTime serverTime = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    QList<Vendors::PageRequest> requests;
};

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    Sync::SyncRun *run(bool full = false)
    {
        Sync::SyncRun::Options options;
        options.full = full;
        auto *run = new Sync::SyncRun(*m_db, *m_connector, options, this);
        run->start();
        if (!QTest::qWaitFor([run] { return run->isFinished(); }, 10000))
            qWarning("the run did not finish");
        return run;
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_db->sql());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    qint64 liveItems() { return scalar(QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL")); }
    QDateTime watermark()
    {
        QSqlQuery query(m_db->sql());
        query.exec(QStringLiteral("SELECT watermark FROM sync_state WHERE resource = 'items'"));
        return query.next() && !query.value(0).isNull()
            ? QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC)
            : QDateTime();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Net::HttpClient> m_http;
    std::unique_ptr<ScriptedConnector> m_connector;

private Q_SLOTS:
    void init()
    {
        QString error;
        m_db = Store::Database::open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())), &error);
        QVERIFY2(m_db, qPrintable(error));
        Connection connection;
        connection.id = QStringLiteral("c1");
        connection.name = QStringLiteral("Main Street");
        connection.baseUrl = QUrl(QStringLiteral("https://example.com/api/v1"));
        connection.currency = QStringLiteral("USD");
        connection.created = QDateTime::currentDateTimeUtc();
        QVERIFY2(Store::ConnectionStore(*m_db).add(connection, &error), qPrintable(error));
        m_network = std::make_unique<QNetworkAccessManager>();
        m_http = std::make_unique<Net::HttpClient>(m_network.get());
        m_connector = std::make_unique<ScriptedConnector>(connection, *m_http);
        for (int i = 0; i < 35; ++i)
            m_connector->titles.append(QStringLiteral("Item %1").arg(i));
    }

    void aFullRunWritesEveryRowAndSetsTheWatermarkMinusTheOverlap()
    {
        Sync::SyncRun *first = run();
        QVERIFY(first->ok());
        QCOMPARE(first->summaries().size(), 1);
        const Sync::ResourceSummary &s = first->summaries().constFirst();
        QVERIFY(s.full && s.complete);
        QCOMPARE(s.counts.added, 35);
        QCOMPARE(s.pages, 4);
        QCOMPARE(liveItems(), 35);
        QCOMPARE(watermark(), m_connector->serverTime.addSecs(-600));

        // The next run is incremental, from the watermark, and changes nothing.
        Sync::SyncRun *second = run();
        QVERIFY(!second->summaries().constFirst().full);
        QCOMPARE(m_connector->requests.constLast().since, m_connector->serverTime.addSecs(-600));
        QCOMPARE(second->summaries().constFirst().counts.unchanged, 35);
        QCOMPARE(second->summaries().constFirst().counts.changed, 0);
    }

    // A run for changes writes the changed rows only (an unchanged one keeps
    // the mark of the listing that last saw it); the next complete listing
    // still tells the vanished rows from the rest.
    void aRunForChangesWritesOnlyWhatChangedAndTheNextListingStillFindsTheVanished()
    {
        QVERIFY(run()->ok());
        const qint64 firstRun = scalar(QStringLiteral("SELECT max(id) FROM sync_runs"));
        m_connector->titles[7] = QStringLiteral("Item 7, repriced");
        Sync::SyncRun *changes = run();
        QVERIFY(changes->ok());
        QVERIFY(!changes->summaries().constFirst().full);
        QCOMPARE(changes->summaries().constFirst().counts.changed, 1);
        QCOMPARE(changes->summaries().constFirst().counts.unchanged, 34);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE seen_run = %1").arg(firstRun)), 34);

        m_connector->titles.removeLast(); // id-34 vanishes
        Sync::SyncRun *listing = run(true);
        QVERIFY(listing->ok());
        QCOMPARE(listing->summaries().constFirst().counts.deleted, 1);
        QCOMPARE(liveItems(), 34);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE external_id = 'id-34' AND deleted IS NOT NULL")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE title = 'Item 7, repriced' AND deleted IS NULL")), 1);
    }

    // With background checkpoints (a sync's connection has them) commits
    // leave the checkpoint to the cache's checkpoint thread: in WAL mode only
    // a checkpoint writes the cache file, so its growth is that thread's work,
    // and what was committed stays whole.
    void backgroundCheckpointsFoldTheWalIntoTheCacheFile()
    {
        const QString path = m_db->sql().databaseName();
        QSqlQuery sql(m_db->sql());
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE scratch (id INTEGER PRIMARY KEY, data BLOB)")));
        QVERIFY(sql.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        sql.finish();
        const qint64 before = QFileInfo(path).size();

        m_db->setBackgroundCheckpoints(8); // 32 KB of WAL
        QString error;
        for (int transaction = 0; transaction < 20; ++transaction) {
            QVERIFY2(m_db->beginWrite(&error), qPrintable(error));
            QSqlQuery insert(m_db->sql());
            insert.prepare(QStringLiteral("INSERT INTO scratch (data) VALUES (randomblob(?))"));
            for (int row = 0; row < 10; ++row) {
                insert.addBindValue(10000);
                QVERIFY(insert.exec());
            }
            QVERIFY2(m_db->commit(&error), qPrintable(error));
        }
        m_db->waitForCheckpoints();
        QVERIFY2(QFileInfo(path).size() >= before + 20 * 10 * 10000,
                 qPrintable(QStringLiteral("%1 -> %2 bytes").arg(before).arg(QFileInfo(path).size())));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM scratch WHERE length(data) = 10000")), 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'")), 1);
    }

    void aChangedRowCountsAsChangedAndKeepsItsPriceHistory()
    {
        run();
        m_connector->titles[3] = QStringLiteral("Item 3, repriced");
        Sync::SyncRun *second = run(true);
        QCOMPARE(second->summaries().constFirst().counts.changed, 1);
        QCOMPARE(second->summaries().constFirst().counts.unchanged, 34);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'repriced'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM item_prices")), 35);
    }

    void aFailedPageKeepsWhatWasCommittedAndTheNextRunResumes()
    {
        m_connector->failAt = 20;
        Sync::SyncRun *first = run();
        QVERIFY(!first->ok());
        const QString error = first->summaries().constFirst().error;
        QVERIFY2(error.contains(QStringLiteral("Main Street")) && error.contains(QStringLiteral("GET /items")),
                 qPrintable(error));
        QCOMPARE(liveItems(), 20);  // two pages committed
        QVERIFY(!watermark().isValid()); // no completed run, no watermark

        m_connector->requests.clear();
        Sync::SyncRun *second = run();
        QVERIFY(second->ok());
        QCOMPARE(m_connector->requests.constFirst().cursor, QStringLiteral("20")); // resumed, not restarted
        QCOMPARE(liveItems(), 35);
        QVERIFY(watermark().isValid());
    }

    void onlyACompleteFullListingMarksVanishedRowsDeleted()
    {
        run();
        m_connector->titles.removeLast(); // id-34 vanishes
        m_connector->failAt = 30;
        run(true);
        QCOMPARE(liveItems(), 35); // the failed listing deleted nothing

        Sync::SyncRun *complete = run(true);
        QVERIFY(complete->ok());
        QCOMPARE(complete->summaries().constFirst().counts.deleted, 1);
        QCOMPARE(liveItems(), 34);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE external_id = 'id-34' AND deleted IS NOT NULL")), 1);

        // It comes back: alive again.
        m_connector->titles.append(QStringLiteral("Item 34"));
        run(true);
        QCOMPARE(liveItems(), 35);
    }

    qint64 secondaryObjects()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'items' AND sql IS NOT NULL "
                                     "AND type IN ('index', 'trigger')"));
    }

    // The first load sets indexes and full-text triggers aside and rebuilds
    // them at the end: afterwards the cache is exactly as its schema says.
    void aFirstLoadEndsWithEveryIndexAndFullTextSearch()
    {
        const qint64 before = secondaryObjects();
        QVERIFY(before > 10);
        QVERIFY(run()->ok());
        QCOMPARE(secondaryObjects(), before);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'item'")), 35);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM bulk_load_set_aside")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM item_prices")), 35);
    }

    // A process killed during the first load: the next open puts it all back.
    void aFirstLoadCutShortGetsItsIndexesBackOnOpen()
    {
        const qint64 before = secondaryObjects();
        QString error;
        QVERIFY2(Store::BulkLoad::begin(*m_db, {QStringLiteral("items")}, &error), qPrintable(error));
        QVERIFY(secondaryObjects() < before);
        const QString path = m_db->sql().databaseName();
        m_connector.reset();
        m_db.reset(); // as if the process died here
        m_db = Store::Database::open(path, &error);
        QVERIFY2(m_db, qPrintable(error));
        QCOMPARE(secondaryObjects(), before);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM bulk_load_set_aside")), 0);
    }

    void anEmptyCompleteListingDeletesNothing()
    {
        run();
        m_connector->titles.clear(); // the vendor answers an empty listing
        Sync::SyncRun *empty = run(true);
        QVERIFY(!empty->ok());
        QVERIFY2(empty->summaries().constFirst().error.contains(QStringLiteral("came back empty")),
                 qPrintable(empty->summaries().constFirst().error));
        QCOMPARE(liveItems(), 35);
    }

    void aSoftDeletedRowIsDeletedAtOnce()
    {
        m_connector->softDeleted = {5};
        run();
        QCOMPARE(liveItems(), 34);
    }

    void cancellingKeepsCommittedPagesAndTheNextRunResumes()
    {
        Sync::SyncRun::Options options;
        auto *cancelled = new Sync::SyncRun(*m_db, *m_connector, options, this);
        connect(cancelled, &Sync::SyncRun::progress, cancelled, [cancelled](const Sync::SyncProgress &p) {
            if (p.pages == 2)
                cancelled->cancel();
        });
        cancelled->start();
        QVERIFY(QTest::qWaitFor([cancelled] { return cancelled->isFinished(); }, 10000));
        QVERIFY(cancelled->summaries().constFirst().cancelled);
        QCOMPARE(liveItems(), 20);
        m_connector->requests.clear();
        QVERIFY(run()->ok());
        QCOMPARE(m_connector->requests.constFirst().cursor, QStringLiteral("20"));
        QCOMPARE(liveItems(), 35);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
