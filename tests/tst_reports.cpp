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
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
