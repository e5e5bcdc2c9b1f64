// bench_sync: the sync engine's speed and memory against the sandbox, which
// runs as its own process (consigndesk-sandbox) so the figures are the
// client's alone.
//
//   bench_sync ingest [--items 1000000] [--vendor simpleconsign|consigncloud|consignify|consignly] [--walk] [--full-only] [--rounds 1]
//       full sync of one vendor with rate limits off: items/s, against a bare
//       prepared-statement INSERT loop of the same rows in one transaction
//       (into a table without indexes, and into the cache's own items table);
//       with --walk, first the connector alone, without writes;
//       peak memory (VmHWM); for SimpleConsign also an incremental sync after
//       about 1 % of the items changed, against the full sync's time (the
//       median of --rounds rounds, each after its own 1 % of changes, the
//       later ones with the overlap's rows again); and
//       the time to build the items' indexes and full-text index alone from
//       the stored rows, against the time 50 % of the bare loop allows.
//       --full-only stops after the full sync (for profiling it).
//   bench_sync rate [--items 20000]
//       full ConsignCloud items sync with the rate limit on: time against the
//       leaky bucket's floor ((requests - 100) / 10 s), and the 429s.
#include "net/httpclient.h"
#include "store/bulkload.h"
#include "store/connectionstore.h"
#include "store/database.h"
#include "store/statement.h"
#include "sync/syncengine.h"
#include "vendors/connector.h"

#include "procstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

using namespace ConsignDesk;

namespace {

struct SandboxProcess {
    QProcess process;
    QJsonObject credentials;
    QString root;

    bool start(qint64 items, bool rateLimits)
    {
        QStringList args{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--items"),
                         QString::number(items), QStringLiteral("--seed"), QStringLiteral("1")};
        if (!rateLimits)
            args.append(QStringLiteral("--no-rate-limits"));
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(CONSIGNDESK_SANDBOX_BINARY), args);
        if (!process.waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.endsWith('\n')) {
            if (!process.waitForReadyRead(600000))
                return false;
            line += process.readLine();
        }
        credentials = QJsonDocument::fromJson(line).object();
        const QString cc = credentials.value(QStringLiteral("consigncloud")).toObject().value(QStringLiteral("base_url")).toString();
        root = cc.left(cc.indexOf(QStringLiteral("/consigncloud")));
        return !credentials.isEmpty();
    }
    ~SandboxProcess()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
    QJsonObject control(QNetworkAccessManager &network, const QByteArray &method, const QString &path,
                        const QJsonObject &body = {})
    {
        QNetworkRequest request{QUrl(root + QStringLiteral("/_sandbox") + path)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.sendCustomRequest(request, method, QJsonDocument(body).toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }
};

struct Client {
    QTemporaryDir dir;
    std::unique_ptr<Store::Database> db;
    QNetworkAccessManager network;
    Net::HttpClient http{&network};
    Connection connection;
    std::unique_ptr<Vendors::Connector> connector;

    bool open(const QString &vendorId, const QJsonObject &credentials)
    {
        QString error;
        db = Store::Database::open(dir.filePath(QStringLiteral("cache.sqlite")), &error);
        if (!db) {
            std::fprintf(stderr, "cache: %s\n", qPrintable(error));
            return false;
        }
        connection.vendor = *Vendors::fromId(vendorId);
        connection.name = QStringLiteral("Bench");
        connection.baseUrl = QUrl(credentials.value(QStringLiteral("base_url")).toString());
        connection.currency = credentials.value(QStringLiteral("currency")).toString(QStringLiteral("USD"));
        QString secret = credentials.value(QStringLiteral("api_key")).toString();
        if (connection.vendor == Vendor::Consignly)
            connection.auth = AuthMethod::AccessToken;
        if (!Store::ConnectionStore(*db).add(connection, &error)) {
            std::fprintf(stderr, "connection: %s\n", qPrintable(error));
            return false;
        }
        connector = Vendors::makeConnector(connection, http, [secret](auto give) { give(secret, {}); });
        if (!connector) {
            std::fprintf(stderr, "no connector for %s\n", qPrintable(vendorId));
            return false;
        }
        return true;
    }

    // One run; returns its wall time in ms, or -1.
    qint64 sync(const QStringList &resources, bool full, Sync::SyncRun **out = nullptr)
    {
        Sync::SyncRun::Options options;
        options.full = full;
        options.resources = resources;
        auto *run = new Sync::SyncRun(*db, *connector, options);
        // What an earlier run left to checkpoint is done before this one starts.
        db->waitForCheckpoints();
        // The run's page I/O on the sync's connection: pages SQLite read
        // into its cache, and dirty pages it wrote out (to the WAL).
        const auto pageCounts = [this] {
            int read = 0, written = 0, highwater = 0;
            sqlite3 *handle = Store::nativeHandle(*db);
            sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_MISS, &read, &highwater, 0);
            sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_WRITE, &written, &highwater, 0);
            return std::pair<qint64, qint64>(read, written);
        };
        const auto [readBefore, writtenBefore] = pageCounts();
        QElapsedTimer timer;
        timer.start();
        QEventLoop loop;
        QObject::connect(run, &Sync::SyncRun::finished, &loop, &QEventLoop::quit);
        run->start();
        if (!run->isFinished())
            loop.exec();
        const qint64 ms = timer.elapsed();
        const auto [readAfter, writtenAfter] = pageCounts();
        // The run is done (all committed, readable) before the cache's checkpoint
        // thread has folded its WAL into the cache file: how much later that is.
        db->waitForCheckpoints();
        const qint64 checkpointTail = timer.elapsed() - ms;
        std::printf("  the WAL checkpointed in the background %.2f s after the run\n", checkpointTail / 1000.0);
        QSqlQuery pageSize(db->sql());
        pageSize.exec(QStringLiteral("PRAGMA page_size"));
        pageSize.next();
        std::printf("  pages: %lld read into the cache, %lld written to the WAL (%.0f MB)\n",
                    qlonglong(readAfter - readBefore), qlonglong(writtenAfter - writtenBefore),
                    double(writtenAfter - writtenBefore) * pageSize.value(0).toLongLong() / 1e6);
        for (const Sync::ResourceSummary &s : run->summaries()) {
            std::printf("  %-16s %8lld added %8lld changed %8lld deleted %6lld pages %s\n", qPrintable(s.resource),
                        qlonglong(s.counts.added), qlonglong(s.counts.changed), qlonglong(s.counts.deleted),
                        qlonglong(s.pages), qPrintable(s.error));
        }
        const bool ok = run->ok();
        if (out)
            *out = run;
        else
            delete run;
        return ok ? ms : -1;
    }

    // The same rows through a bare prepared INSERT loop in one transaction:
    // into a plain table with no index (the machine's raw limit), and into a
    // fresh cache's own items table with its indexes, full-text and
    // price-history triggers maintained row by row.
    struct RawRates {
        double plain = 0;
        double cacheSchema = 0;
    };
    RawRates rawInsertRowsPerSecond(qint64 *rows)
    {
        QSqlQuery read(db->sql());
        read.setForwardOnly(true);
        read.exec(QStringLiteral("SELECT * FROM items"));
        QList<QVariantList> all;
        QStringList columns;
        const QSqlRecord record = read.record();
        for (int i = 1; i < record.count(); ++i)
            columns.append(record.fieldName(i));
        while (read.next()) {
            QVariantList row;
            row.reserve(columns.size());
            for (int i = 1; i <= columns.size(); ++i)
                row.append(read.value(i));
            all.append(row);
        }
        read.finish();
        *rows = all.size();
        const int connectionColumn = int(columns.indexOf(QStringLiteral("connection_id")));
        const auto insertAll = [&](Store::Database &target, const QString &table) {
            QStringList marks(columns.size(), QStringLiteral("?"));
            QElapsedTimer timer;
            timer.start();
            QString error;
            target.beginWrite(&error);
            QSqlQuery insert(target.sql());
            insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
            for (const QVariantList &row : std::as_const(all)) {
                for (int i = 0; i < row.size(); ++i)
                    insert.bindValue(i, i == connectionColumn ? QVariant(connection.id) : row.at(i));
                if (!insert.exec()) {
                    std::fprintf(stderr, "raw insert: %s\n", qPrintable(insert.lastError().text()));
                    break;
                }
            }
            target.commit(&error);
            return all.size() * 1000.0 / std::max<qint64>(1, timer.elapsed());
        };
        RawRates rates;
        QSqlQuery ddl(db->sql());
        ddl.exec(QStringLiteral("CREATE TABLE items_raw AS SELECT * FROM items WHERE 0"));
        rates.plain = insertAll(*db, QStringLiteral("items_raw"));

        QString error;
        auto fresh = Store::Database::open(dir.filePath(QStringLiteral("schema.sqlite")), &error);
        Connection copy = connection;
        if (!fresh || !Store::ConnectionStore(*fresh).add(copy, &error)) {
            std::fprintf(stderr, "fresh cache: %s\n", qPrintable(error));
            return rates;
        }
        connection.id = copy.id;
        rates.cacheSchema = insertAll(*fresh, QStringLiteral("items"));
        return rates;
    }
};

int ingest(qint64 items, const QString &vendor, bool walkFirst, bool fullOnly, int rounds)
{
    SandboxProcess sandbox;
    if (!sandbox.start(items, false)) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return 1;
    }
    Client client;
    if (!client.open(vendor, sandbox.credentials.value(vendor).toObject()))
        return 1;
    const qint64 before = procStatusKb("VmRSS:");
    const QStringList resources = vendor == QLatin1String("consignly") ? QStringList{QStringLiteral("inventory")}
        : vendor == QLatin1String("consignify")                       ? QStringList{QStringLiteral("products")}
                                                                      : QStringList{QStringLiteral("items")};
    if (walkFirst) {
        // The connector alone, no cache writes: how much of a sync is fetching and mapping.
        // (Its memory counts in the peak below; measure memory without --walk.)
        QElapsedTimer walk;
        walk.start();
        Vendors::PageRequest request;
        request.resource = resources.constFirst();
        request.runId = 1;
        qint64 mapped = 0;
        for (;;) {
            Vendors::PageResult page;
            bool done = false;
            client.connector->fetchPage(request, [&](const Vendors::PageResult &p) {
                page = p;
                done = true;
            });
            QEventLoop loop;
            while (!done)
                loop.processEvents(QEventLoop::WaitForMoreEvents);
            if (!page.ok)
                break;
            mapped += page.rows;
            if (page.nextCursor.isEmpty())
                break;
            request.cursor = page.nextCursor;
        }
        std::printf("the connector alone (fetch and map, no writes): %lld rows in %.2f s\n", qlonglong(mapped),
                    walk.elapsed() / 1000.0);
    }
    std::printf("full %s sync of %lld items (rate limits off):\n", qPrintable(vendor), qlonglong(items));
    const qint64 fullMs = client.sync(resources, true);
    if (fullMs < 0)
        return 1;
    QSqlQuery count(client.db->sql());
    count.exec(QStringLiteral("SELECT count(*) FROM items"));
    count.next();
    const qint64 rows = count.value(0).toLongLong();
    count.finish();
    const double rate = rows * 1000.0 / std::max<qint64>(1, fullMs);
    std::printf("  %lld rows in %.2f s: %.0f rows/s; peak memory %lld MB (resident before %lld MB)\n", qlonglong(rows),
                fullMs / 1000.0, rate, qlonglong(procStatusKb("VmHWM:") / 1024), qlonglong(before / 1024));

    if (fullOnly)
        return 0;
    if (vendor == QLatin1String("simpleconsign")) {
        // About 1 % of the items change: each activity step touches about
        // four. With --rounds, again on the cache the last round left; those
        // later rounds also read again what changed in the watermark's
        // overlap (10 minutes), so they carry more rows than the first.
        const qint64 steps = std::max<qint64>(1, items / 100 / 4);
        QList<qint64> times;
        for (int round = 0; round < rounds; ++round) {
            sandbox.control(client.network, "POST", QStringLiteral("/activity"), {{QStringLiteral("steps"), steps}});
            std::printf("incremental sync after %lld activity steps (round %d of %d):\n", qlonglong(steps), round + 1,
                        rounds);
            const qint64 incrementalMs = client.sync(resources, false);
            if (incrementalMs < 0)
                return 1;
            std::printf("  %.2f s = %.1f %% of the full sync\n", incrementalMs / 1000.0, 100.0 * incrementalMs / fullMs);
            times.append(incrementalMs);
        }
        std::sort(times.begin(), times.end());
        const qint64 median = times.at(times.size() / 2);
        std::printf("incremental sync, median of %d rounds: %.2f s = %.1f %% of the full sync (fastest %.1f %%, slowest "
                    "%.1f %%)\n",
                    rounds, median / 1000.0, 100.0 * median / fullMs, 100.0 * times.constFirst() / fullMs,
                    100.0 * times.constLast() / fullMs);
    }

    // What the cache's indexes and full-text index cost on their own: set
    // aside and rebuilt as a first load does, on the rows now stored.
    QString error;
    QElapsedTimer indexTimer;
    qint64 indexMs = -1;
    if (Store::BulkLoad::begin(*client.db, {QStringLiteral("items")}, &error)) {
        indexTimer.start();
        if (Store::BulkLoad::restore(*client.db, &error))
            indexMs = indexTimer.elapsed();
    }
    if (indexMs < 0)
        std::fprintf(stderr, "index rebuild: %s\n", qPrintable(error));

    qint64 rawRows = 0;
    const Client::RawRates raw = client.rawInsertRowsPerSecond(&rawRows);
    std::printf("bare INSERT loop of the same %lld rows into a table without indexes: %.0f rows/s; the sync reached "
                "%.0f %% of it\n",
                qlonglong(rawRows), raw.plain, 100.0 * rate / raw.plain);
    std::printf("bare INSERT loop of the same rows into the cache's items table (indexes, FTS5, price history "
                "maintained per row): %.0f rows/s; the sync reached %.0f %% of it\n",
                raw.cacheSchema, 100.0 * rate / raw.cacheSchema);
    const double budgetS = rows / (raw.plain / 2);
    std::printf("building the items' indexes and full-text index alone, from the stored rows: %.2f s; 50 %% of the "
                "bare loop leaves %.2f s for the whole sync of these rows\n",
                indexMs / 1000.0, budgetS);
    return 0;
}

int rate(qint64 items)
{
    SandboxProcess sandbox;
    if (!sandbox.start(items, true)) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return 1;
    }
    Client client;
    if (!client.open(QStringLiteral("consigncloud"), sandbox.credentials.value(QStringLiteral("consigncloud")).toObject()))
        return 1;
    sandbox.control(client.network, "DELETE", QStringLiteral("/stats"));
    std::printf("full ConsignCloud items sync of %lld items, rate limit on:\n", qlonglong(items));
    const qint64 ms = client.sync({QStringLiteral("items")}, true);
    const QJsonObject stats = sandbox.control(client.network, "GET", QStringLiteral("/stats"));
    const QJsonObject cc = stats.value(QStringLiteral("consigncloud")).toObject();
    const qint64 requests = cc.value(QStringLiteral("requests")).toInteger();
    const qint64 refused = cc.value(QStringLiteral("status")).toObject().value(QStringLiteral("429")).toInteger();
    const double floorS = std::max<double>(0, (requests - 100) / 10.0);
    std::printf("  %lld requests, %lld answered 429, %.2f s; the bucket's floor %.2f s; ratio %.3f\n",
                qlonglong(requests), qlonglong(refused), ms / 1000.0, floorS, floorS > 0 ? ms / 1000.0 / floorS : 0.0);
    return ms < 0 ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    qint64 items = mode == QLatin1String("rate") ? 20000 : 1000000;
    int rounds = 1;
    QString vendor = QStringLiteral("simpleconsign");
    for (int i = 2; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--items"))
            items = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--vendor"))
            vendor = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--rounds"))
            rounds = std::max(1, args.at(i + 1).toInt());
    }
    if (mode == QLatin1String("ingest"))
        return ingest(items, vendor, args.contains(QStringLiteral("--walk")), args.contains(QStringLiteral("--full-only")), rounds);
    if (mode == QLatin1String("rate"))
        return rate(items);
    std::fprintf(stderr, "usage: bench_sync ingest [--items N] [--vendor V] [--walk] [--full-only] [--rounds N] | rate [--items N]\n");
    return 2;
}
