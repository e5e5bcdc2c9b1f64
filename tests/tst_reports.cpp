// Reports over a cache synced from the sandbox: each report's totals equal
// sums computed independently (the sandbox's own figures where it gives them,
// else the cache's rows summed here), in CSV, and the command line writes
// them as CSV, XLSX (numbers as numbers) and PDF (the totals in its text).
#include "core/currency.h"
#include "reports/reports.h"
#include "reports/tablesink.h"
#include "store/database.h"
#include "syncedcache.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;

class TestReports : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    QTemporaryDir m_out;

    // The report as CSV rows (header first).
    QList<QStringList> csv(const QString &name, const Reports::ReportParams &params)
    {
        const QString path = m_out.filePath(name + QStringLiteral(".csv"));
        auto sink = Reports::makeSink(Reports::Format::Csv, path);
        QString error;
        if (!Reports::runReport(name, m_cache->db().sql(), params, *sink, &error))
            qFatal("%s: %s", qPrintable(name), qPrintable(error));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no file");
        QList<QStringList> rows;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts))
            rows.append(line.split(u','));
        return rows;
    }

    static qint64 minor(const QString &plain, const QString &currency)
    {
        return Currency::parsePlain(plain, currency).value_or(-1);
    }

    // The totals rows of a report: key (the column @p keyColumn) → the row.
    static QHash<QString, QStringList> totalsOf(const QList<QStringList> &rows, int keyColumn)
    {
        QHash<QString, QStringList> totals;
        for (const QStringList &row : rows) {
            if (row.value(0) == QLatin1String("Total"))
                totals.insert(keyColumn >= 0 ? row.value(keyColumn) : QString(), row);
        }
        return totals;
    }

    // Per key (first column of @p sql), the sums (further columns) over the cache.
    QHash<QString, QList<qint64>> sums(const QString &sql, const QVariantList &binds = {})
    {
        QHash<QString, QList<qint64>> result;
        QSqlQuery q(m_cache->db().sql());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            qFatal("%s", qPrintable(sql));
        while (q.next()) {
            QList<qint64> values;
            for (int i = 1; i < q.record().count(); ++i)
                values.append(q.value(i).toLongLong());
            result.insert(q.value(0).toString(), values);
        }
        return result;
    }

    static QString thousandths(qint64 v)
    {
        return QString::number(v / 1000) + u'.' + QStringLiteral("%1").arg(v % 1000, 3, 10, QLatin1Char('0'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<SyncedCache>(400);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
    }

    void salesSummaryTotalsEqualTheStoresOwn_data()
    {
        QTest::addColumn<QString>("groupBy");
        for (const char *g : {"month", "week", "day", "location", "payment-type"})
            QTest::newRow(g) << QString::fromLatin1(g);
    }

    void salesSummaryTotalsEqualTheStoresOwn()
    {
        QFETCH(QString, groupBy);
        Reports::ReportParams params;
        params.groupBy = groupBy;
        const QList<QStringList> rows = csv(QStringLiteral("sales-summary"), params);
        QVERIFY(rows.size() > 2);
        QCOMPARE(rows.first().mid(1), (QStringList{QStringLiteral("Currency"), QStringLiteral("Sales"),
                                                   QStringLiteral("Subtotal"), QStringLiteral("Tax"), QStringLiteral("Total")}));
        // The store's own figures: finalized sales and their sum.
        const QJsonObject inspect = m_cache->sandbox().control("GET", QStringLiteral("/inspect/consigncloud")).object();
        const qint64 finalized = inspect.value(QStringLiteral("sales_by_status")).toObject().value(QStringLiteral("finalized")).toInteger();
        const qint64 sum = inspect.value(QStringLiteral("sum_finalized_sales_total")).toInteger();
        const QStringList total = rows.last();
        QCOMPARE(total.at(0), QStringLiteral("Total"));
        QCOMPARE(total.at(1), QStringLiteral("USD"));
        QCOMPARE(total.at(2).toLongLong(), finalized);
        QCOMPARE(minor(total.at(5), QStringLiteral("USD")), sum);
        // The rows add up to the totals, and subtotal + tax = total on each.
        qint64 count = 0, money = 0;
        for (int r = 1; r < rows.size() - 1; ++r) {
            count += rows.at(r).at(2).toLongLong();
            money += minor(rows.at(r).at(5), QStringLiteral("USD"));
            QCOMPARE(minor(rows.at(r).at(3), QStringLiteral("USD")) + minor(rows.at(r).at(4), QStringLiteral("USD")),
                     minor(rows.at(r).at(5), QStringLiteral("USD")));
        }
        QCOMPARE(count, finalized);
        QCOMPARE(money, sum);
    }

    void aPeriodKeepsItsSalesOnly()
    {
        Reports::ReportParams params;
        params.from = QDate(2026, 1, 1);
        params.to = QDate(2026, 3, 31);
        const QList<QStringList> rows = csv(QStringLiteral("sales-summary"), params);
        const qint64 expected = m_cache->scalar(
            QStringLiteral("SELECT count(*) FROM sales WHERE deleted IS NULL AND status = 'finalized' AND date >= ? AND date < ?"),
            {QDate(2026, 1, 1).startOfDay().toMSecsSinceEpoch(), QDate(2026, 4, 1).startOfDay().toMSecsSinceEpoch()});
        QVERIFY(expected > 0);
        QCOMPARE(rows.last().at(2).toLongLong(), expected);
        for (int r = 1; r < rows.size() - 1; ++r)
            QVERIFY2(rows.at(r).at(0) >= QStringLiteral("2026-01") && rows.at(r).at(0) <= QStringLiteral("2026-03"),
                     qPrintable(rows.at(r).join(u',')));
    }

    void inventoryValuationAndAgingAddUpTheItemsOnHand()
    {
        // Summed here from the items: live, unsold; untracked quantity 1, oversold 0.
        QHash<QString, std::pair<qint64, qint64>> expected; // currency → (items, value)
        QHash<QString, QHash<QString, qint64>> buckets;      // currency → bucket → items
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QSqlQuery q(m_cache->db().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT currency, quantity, price_minor, created FROM items WHERE deleted IS NULL "
                                      "AND inactive = 0 AND sold IS NULL")));
        while (q.next()) {
            const qint64 quantity = q.value(1).isNull() ? 1 : std::max<qint64>(0, q.value(1).toLongLong());
            auto &e = expected[q.value(0).toString()];
            e.first += 1;
            e.second += quantity * q.value(2).toLongLong();
            if (!q.value(3).isNull()) {
                const qint64 days = (now - q.value(3).toLongLong()) / 86400000;
                const QString bucket = days <= 30 ? QStringLiteral("0–30") : days <= 60 ? QStringLiteral("31–60")
                    : days <= 90 ? QStringLiteral("61–90") : QStringLiteral("90+");
                buckets[q.value(0).toString()][bucket] += 1;
            }
        }
        QVERIFY(expected.size() >= 2); // USD and GBP stores: never summed together
        for (const QString &groupBy : {QStringLiteral("status"), QStringLiteral("category"), QStringLiteral("consignor"),
                                       QStringLiteral("inventory-type")}) {
            Reports::ReportParams params;
            params.groupBy = groupBy;
            const QList<QStringList> rows = csv(QStringLiteral("inventory-valuation"), params);
            int totals = 0;
            for (const QStringList &row : rows) {
                if (row.at(0) != QLatin1String("Total"))
                    continue;
                ++totals;
                QCOMPARE(row.at(2).toLongLong(), expected.value(row.at(1)).first);
                QCOMPARE(minor(row.at(4), row.at(1)), expected.value(row.at(1)).second);
            }
            QCOMPARE(totals, int(expected.size()));
        }
        const QList<QStringList> aging = csv(QStringLiteral("aging"), {});
        for (int r = 1; r < aging.size(); ++r) {
            const QStringList &row = aging.at(r);
            if (row.at(0) != QLatin1String("Total"))
                QCOMPARE(row.at(2).toLongLong(), buckets.value(row.at(1)).value(row.at(0)));
        }
    }

    void theCommandLineWritesCsvXlsxAndPdf()
    {
        const QString data = QFileInfo(m_cache->path()).absolutePath();
        const auto run = [&](const QStringList &arguments) {
            QProcess process;
            process.start(qEnvironmentVariable("CONSIGNDESK_BINARY"), QStringList{QStringLiteral("--data-dir"), data} + arguments);
            process.waitForFinished(120000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
        };
        const QJsonObject inspect = m_cache->sandbox().control("GET", QStringLiteral("/inspect/consigncloud")).object();
        const QString total = Currency::formatPlain(inspect.value(QStringLiteral("sum_finalized_sales_total")).toInteger(),
                                                    QStringLiteral("USD"));
        for (const char *format : {"csv", "xlsx", "pdf"}) {
            const QString out = m_out.filePath(QStringLiteral("summary.") + QLatin1String(format));
            const auto [code, err] = run({QStringLiteral("export"), QStringLiteral("sales-summary"), QStringLiteral("--format"),
                                          QLatin1String(format), QStringLiteral("--out"), out, QStringLiteral("--group-by"),
                                          QStringLiteral("month")});
            QVERIFY2(code == 0, qPrintable(err));
            QVERIFY(QFile::exists(out));
        }
        if (const QString keep = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !keep.isEmpty()) {
            for (const char *format : {"csv", "xlsx", "pdf"})
                QFile::copy(m_out.filePath(QStringLiteral("summary.") + QLatin1String(format)),
                            keep + QStringLiteral("/sales-summary.") + QLatin1String(format));
        }
        // XLSX: the totals are numbers, not text.
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), m_out.filePath(QStringLiteral("summary.xlsx")),
                                              QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(unzip.waitForFinished(30000));
        const QByteArray sheet = unzip.readAllStandardOutput();
        const QByteArray asWritten = QByteArray("<v>") + total.toUtf8() + QByteArray("</v>");
        const QByteArray asDouble = QByteArray("<v>") + QByteArray::number(total.toDouble(), 'g', 15) + QByteArray("</v>");
        QVERIFY2(sheet.contains(asWritten) || sheet.contains(asDouble),
                 sheet.right(600).constData());
        // PDF: the total in its text, as people read it.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), m_out.filePath(QStringLiteral("summary.pdf")),
                                                 QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(pdf.contains(QStringLiteral("Sales summary")), qPrintable(pdf.left(300)));
        QVERIFY2(pdf.contains(Currency::format(inspect.value(QStringLiteral("sum_finalized_sales_total")).toInteger(),
                                               QStringLiteral("USD"))),
                 qPrintable(pdf.right(500)));
        // A range that ends before it starts is refused where it is typed.
        const auto [code, err] = run({QStringLiteral("export"), QStringLiteral("sales-summary"), QStringLiteral("--format"),
                                      QStringLiteral("csv"), QStringLiteral("--out"), m_out.filePath(QStringLiteral("x.csv")),
                                      QStringLiteral("--from"), QStringLiteral("2026-03-01"), QStringLiteral("--to"),
                                      QStringLiteral("2026-02-01")});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("ends before it starts")), qPrintable(err));
    }

    void salesByCategoryAndConsignorAddUpTheSaleLines()
    {
        // Live lines of completed sales (or of no sale known), summed here per currency.
        const auto expected = sums(QStringLiteral(
            "SELECT l.currency, count(*), sum(l.quantity), sum(l.price_minor) FROM sale_lines l WHERE l.deleted IS NULL "
            "AND (l.sale_id IS NULL OR l.sale_id IN (SELECT s.external_id FROM sales s WHERE s.connection_id = "
            "l.connection_id AND s.deleted IS NULL AND (s.status IS NULL OR s.status IN ('finalized', 'completed')))) "
            "GROUP BY l.currency"));
        QVERIFY(!expected.isEmpty());
        for (const QString &groupBy : {QStringLiteral("category"), QStringLiteral("consignor")}) {
            Reports::ReportParams params;
            params.groupBy = groupBy;
            const QList<QStringList> rows = csv(QStringLiteral("sales-summary"), params);
            QCOMPARE(rows.first().mid(1), (QStringList{QStringLiteral("Currency"), QStringLiteral("Lines"),
                                                       QStringLiteral("Quantity"), QStringLiteral("Amount")}));
            const auto totals = totalsOf(rows, 1);
            QCOMPARE(totals.size(), expected.size());
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                const QStringList row = totals.value(it.key());
                QCOMPARE(row.value(2).toLongLong(), it.value().at(0));
                QCOMPARE(row.value(3).toLongLong(), it.value().at(1));
                QCOMPARE(minor(row.value(4), it.key()), it.value().at(2));
            }
        }
    }

    void consignorStatementTotalsTheirLines()
    {
        QSqlQuery pick(m_cache->db().sql());
        QVERIFY(pick.exec(QStringLiteral("SELECT consignor_id FROM sale_lines WHERE deleted IS NULL AND consignor_id IS NOT "
                                         "NULL AND consignor_amount_minor IS NOT NULL GROUP BY consignor_id ORDER BY "
                                         "count(*) DESC LIMIT 1")));
        QVERIFY(pick.next());
        Reports::ReportParams params;
        params.consignorId = pick.value(0).toString();
        const auto expected = sums(
            QStringLiteral("SELECT l.currency, count(*), sum(l.quantity), sum(l.price_minor), sum(l.consignor_amount_minor) "
                           "FROM sale_lines l WHERE l.deleted IS NULL AND l.consignor_id = ? AND (l.sale_id IS NULL OR "
                           "l.sale_id IN (SELECT s.external_id FROM sales s WHERE s.connection_id = l.connection_id AND "
                           "s.deleted IS NULL AND (s.status IS NULL OR s.status IN ('finalized', 'completed')))) "
                           "GROUP BY l.currency"),
            {params.consignorId});
        QVERIFY(!expected.isEmpty());
        const QList<QStringList> rows = csv(QStringLiteral("consignor-statement"), params);
        const auto totals = totalsOf(rows, 7);
        QCOMPARE(totals.size(), expected.size());
        qint64 lines = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QStringList row = totals.value(it.key());
            QCOMPARE(row.value(3).toLongLong(), it.value().at(1));
            QCOMPARE(minor(row.value(4), it.key()), it.value().at(2));
            QCOMPARE(minor(row.value(6), it.key()), it.value().at(3));
            lines += it.value().at(0);
        }
        QCOMPARE(rows.size() - 1 - totals.size(), lines);
        // Without a consignor there is no statement.
        QString error;
        auto sink = Reports::makeSink(Reports::Format::Csv, m_out.filePath(QStringLiteral("none.csv")));
        QVERIFY(!Reports::runReport(QStringLiteral("consignor-statement"), m_cache->db().sql(), {}, *sink, &error));
    }

    void payoutsHistoryTotalsThePayouts()
    {
        const auto expected = sums(QStringLiteral(
            "SELECT currency, count(*), sum(amount_minor) FROM payouts WHERE deleted IS NULL GROUP BY currency"));
        QVERIFY(!expected.isEmpty());
        const QList<QStringList> rows = csv(QStringLiteral("payouts-history"), {});
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("Date"), QStringLiteral("Connection"), QStringLiteral("Consignor"),
                                            QStringLiteral("Amount"), QStringLiteral("Currency"), QStringLiteral("Reference"),
                                            QStringLiteral("ConsignDesk state")}));
        const auto totals = totalsOf(rows, 4);
        QCOMPARE(totals.size(), expected.size());
        qint64 count = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QCOMPARE(minor(totals.value(it.key()).value(3), it.key()), it.value().at(1));
            count += it.value().at(0);
        }
        QCOMPARE(rows.size() - 1 - totals.size(), count);
    }

    void expiringListsTheItemsOnHandDueWithinTheDays()
    {
        Reports::ReportParams params;
        params.days = 60;
        const QString until = params.now.toLocalTime().date().addDays(60).toString(Qt::ISODate);
        const auto expected = sums(
            QStringLiteral("SELECT currency, count(*), sum(price_minor) FROM items WHERE deleted IS NULL AND inactive = 0 "
                           "AND sold IS NULL AND expires IS NOT NULL AND expires <> '' AND substr(expires, 1, 10) <= ? "
                           "GROUP BY currency"),
            {until});
        const QList<QStringList> rows = csv(QStringLiteral("expiring"), params);
        const auto totals = totalsOf(rows, 6);
        QCOMPARE(totals.size(), expected.size());
        qint64 count = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QCOMPARE(minor(totals.value(it.key()).value(5), it.key()), it.value().at(1));
            count += it.value().at(0);
        }
        QCOMPARE(rows.size() - 1 - totals.size(), count);
    }

    void warehouseStockAddsUpTheStockLines()
    {
        const auto all = sums(QStringLiteral(
            "SELECT '', count(*), sum(available), sum(on_hand) FROM stock_lines WHERE deleted IS NULL"));
        QVERIFY(all.value(QString()).value(0) > 0);
        // The warehouse's own figures (Consignly is the one vendor with stock).
        const QJsonObject inspect = m_cache->sandbox().control("GET", QStringLiteral("/inspect/consignly")).object();
        QCOMPARE(all.value(QString()).at(0), inspect.value(QStringLiteral("product_lines")).toInteger());
        QCOMPARE(all.value(QString()).at(1), inspect.value(QStringLiteral("sum_available")).toInteger());
        QCOMPARE(all.value(QString()).at(2), inspect.value(QStringLiteral("sum_on_hand")).toInteger());
        for (const QString &groupBy : {QStringLiteral("warehouse"), QStringLiteral("location"), QStringLiteral("partner")}) {
            Reports::ReportParams params;
            params.groupBy = groupBy;
            const QList<QStringList> rows = csv(QStringLiteral("warehouse-stock"), params);
            const QStringList total = rows.last();
            QCOMPARE(total.value(0), QStringLiteral("Total"));
            QCOMPARE(total.value(1).toLongLong(), all.value(QString()).at(0));
            QCOMPARE(total.value(2).toLongLong(), all.value(QString()).at(1));
            QCOMPARE(total.value(3).toLongLong(), all.value(QString()).at(2));
        }
        Reports::ReportParams params;
        params.groupBy = QStringLiteral("expiring");
        params.days = 3650;
        const QString until = params.now.toLocalTime().date().addDays(3650).toString(Qt::ISODate);
        const auto expiring = sums(QStringLiteral("SELECT '', count(*), sum(available), sum(on_hand) FROM stock_lines WHERE "
                                                  "deleted IS NULL AND expiry IS NOT NULL AND expiry <> '' AND "
                                                  "substr(expiry, 1, 10) <= ?"),
                                   {until});
        QList<QStringList> rows = csv(QStringLiteral("warehouse-stock"), params);
        QVERIFY(expiring.value(QString()).value(0) > 0);
        {
            QCOMPARE(rows.last().value(7).toLongLong(), expiring.value(QString()).at(1));
            QCOMPARE(rows.last().value(8).toLongLong(), expiring.value(QString()).at(2));
        }
        params.groupBy = QStringLiteral("dangerous");
        const auto dangerous = sums(QStringLiteral("SELECT '', count(*), sum(available), sum(on_hand) FROM stock_lines "
                                                   "WHERE deleted IS NULL AND dangerous_goods = 1"));
        rows = csv(QStringLiteral("warehouse-stock"), params);
        QCOMPARE(dangerous.value(QString()).value(0), inspect.value(QStringLiteral("dangerous_good_lines")).toInteger());
        QCOMPARE(rows.size() - 2, dangerous.value(QString()).value(0));
        {
            QCOMPARE(rows.first().value(5), QStringLiteral("Class"));
            QCOMPARE(rows.last().value(7).toLongLong(), dangerous.value(QString()).at(1));
            QCOMPARE(rows.last().value(8).toLongLong(), dangerous.value(QString()).at(2));
        }
    }

    void consumablesTotalPerType()
    {
        const auto expected = sums(QStringLiteral(
            "SELECT type_id, count(*), sum(value_thousandths) FROM consumables WHERE deleted IS NULL GROUP BY type_id"));
        QVERIFY(!expected.isEmpty());
        const QList<QStringList> rows = csv(QStringLiteral("consumables"), {});
        const auto totals = totalsOf(rows, 1);
        QCOMPARE(totals.size(), expected.size());
        qint64 milli = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QCOMPARE(totals.value(it.key()).value(3), thousandths(it.value().at(1)));
            milli += it.value().at(1);
        }
        const QJsonObject inspect = m_cache->sandbox().control("GET", QStringLiteral("/inspect/consignly")).object();
        QCOMPARE(milli, inspect.value(QStringLiteral("sum_consumable_value_milli")).toInteger());
    }

    void theCommandLineWritesTheNewReports()
    {
        const QString data = QFileInfo(m_cache->path()).absolutePath();
        const auto run = [&](const QStringList &arguments) {
            QProcess process;
            process.start(qEnvironmentVariable("CONSIGNDESK_BINARY"), QStringList{QStringLiteral("--data-dir"), data} + arguments);
            process.waitForFinished(120000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
        };
        QSqlQuery pick(m_cache->db().sql());
        QVERIFY(pick.exec(QStringLiteral("SELECT consignor_id FROM sale_lines WHERE deleted IS NULL AND consignor_id IS NOT "
                                         "NULL GROUP BY consignor_id ORDER BY count(*) DESC LIMIT 1")));
        QVERIFY(pick.next());
        const QString out = m_out.filePath(QStringLiteral("statement.csv"));
        auto [code, err] = run({QStringLiteral("export"), QStringLiteral("consignor-statement"), QStringLiteral("--consignor"),
                                pick.value(0).toString(), QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--out"), out});
        QVERIFY2(code == 0, qPrintable(err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\r\nTotal,"));
        // The stock table grouped is the warehouse-stock report.
        const QString stock = m_out.filePath(QStringLiteral("stock.csv"));
        std::tie(code, err) = run({QStringLiteral("export"), QStringLiteral("stock"), QStringLiteral("--group-by"),
                                   QStringLiteral("dangerous"), QStringLiteral("--format"), QStringLiteral("csv"),
                                   QStringLiteral("--out"), stock});
        QVERIFY2(code == 0, qPrintable(err));
        QFile stockFile(stock);
        QVERIFY(stockFile.open(QIODevice::ReadOnly));
        QVERIFY(stockFile.readLine().contains("UN number"));
        // Usage errors where they are typed.
        std::tie(code, err) = run({QStringLiteral("export"), QStringLiteral("consignor-statement"), QStringLiteral("--format"),
                                   QStringLiteral("csv"), QStringLiteral("--out"), m_out.filePath(QStringLiteral("y.csv"))});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--consignor")), qPrintable(err));
        std::tie(code, err) = run({QStringLiteral("export"), QStringLiteral("expiring"), QStringLiteral("--days"),
                                   QStringLiteral("soon"), QStringLiteral("--format"), QStringLiteral("csv"),
                                   QStringLiteral("--out"), m_out.filePath(QStringLiteral("y.csv"))});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--days")), qPrintable(err));
        std::tie(code, err) = run({QStringLiteral("export"), QStringLiteral("items"), QStringLiteral("--consignor"),
                                   QStringLiteral("x"), QStringLiteral("--format"), QStringLiteral("csv"),
                                   QStringLiteral("--out"), m_out.filePath(QStringLiteral("y.csv"))});
        QCOMPARE(code, 2);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
