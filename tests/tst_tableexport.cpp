// The fast CSV export of the cache's tables (Statement, CSV bytes, one pass
// without a sort) writes the same bytes as the export through QSqlQuery and
// the CSV sink, on a synced cache made awkward on purpose: quotes, line ends,
// formula-like cells, NULLs, text that is not UTF-8, numbers stored as text
// and text as numbers, currencies of 0, 2, 3 and 4 decimals, times outside
// 1970-9999, several connections, rows of a connection that is gone.
#include "core/currency.h"
#include "reports/csvbytes.h"
#include "reports/csvwriter.h"
#include "reports/tableexport.h"
#include "reports/tablesink.h"
#include "store/database.h"
#include "syncedcache.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace ConsignDesk;
using namespace ConsignDesk::Reports;

class TestTableExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;

    void exec(const QString &sql)
    {
        QSqlQuery query(m_cache->db().sql());
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(no file)");
    }

    static QByteArray bytesOf(CsvBytes &bytes)
    {
        QByteArray result(bytes.data(), bytes.size());
        bytes.clear();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<SyncedCache>(150);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));

        // Two more connections, named to sort before and after the others
        // (as SQLite compares, bytes), one needing quotes and neutralising; and
        // rows of a connection that is not there.
        exec(QStringLiteral("INSERT INTO connections (id, vendor, name, base_url, currency, auth, created) VALUES "
                            "('dup', 'consigncloud', 'a name in lower case', 'http://127.0.0.1', 'USD', 'api_key', '2026-01-01'), "
                            "('odd', 'consignly', '=Shop, \"North\"', 'http://127.0.0.1', 'EUR', 'api_key', '2026-01-01')"));
        exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        for (const char *table : {"consignors", "items", "sales", "payouts", "stock_lines"}) {
            const QString t = QString::fromLatin1(table);
            exec(QStringLiteral("UPDATE OR IGNORE %1 SET connection_id = 'dup' WHERE id % 7 = 1").arg(t));
            exec(QStringLiteral("UPDATE OR IGNORE %1 SET connection_id = 'odd' WHERE id % 7 = 2").arg(t));
            exec(QStringLiteral("UPDATE OR IGNORE %1 SET connection_id = 'ghost' WHERE id % 7 = 3").arg(t));
        }
        exec(QStringLiteral("PRAGMA foreign_keys=ON"));

        const QString awkwardText = QStringLiteral(
            "CASE id % 16 WHEN 0 THEN 'plain, with comma' WHEN 1 THEN 'say \"hi\"' WHEN 2 THEN 'two' || char(10) || 'lines' "
            "WHEN 3 THEN char(13) || 'cr first' WHEN 4 THEN '=HYPERLINK(\"x\")' WHEN 5 THEN '+1' WHEN 6 THEN '-cmd' "
            "WHEN 7 THEN '@SUM(A1)' WHEN 8 THEN char(9) || 'tab' WHEN 9 THEN 'Zoë – 東京 🧥' WHEN 10 THEN '' "
            "WHEN 11 THEN CAST(X'C3284142' AS TEXT) WHEN 12 THEN CAST(X'EDA080' AS TEXT) "
            "WHEN 13 THEN CAST(X'410042' AS TEXT) WHEN 14 THEN CAST(X'EFBBBF2D78' AS TEXT) ELSE NULL END");
        exec(QStringLiteral("UPDATE items SET title = COALESCE(%1, 'null title'), sku = %1, "
                            "consignor_id = CASE id % 5 WHEN 0 THEN '-5' WHEN 1 THEN NULL ELSE consignor_id END, "
                            "external_id = CASE id % 9 WHEN 0 THEN '=' || external_id ELSE external_id END, "
                            "quantity = CASE id % 6 WHEN 0 THEN 2.5 WHEN 1 THEN 'many' WHEN 2 THEN NULL "
                            "WHEN 3 THEN -3 ELSE quantity END, "
                            "price_minor = CASE id % 8 WHEN 0 THEN 'abc' WHEN 1 THEN 1.5 WHEN 2 THEN -price_minor "
                            "WHEN 3 THEN 9223372036854775807 WHEN 4 THEN -9223372036854775808 WHEN 5 THEN 0 "
                            "ELSE price_minor END, "
                            "currency = CASE id % 7 WHEN 0 THEN 'JPY' WHEN 1 THEN 'KWD' WHEN 2 THEN 'CLF' "
                            "WHEN 3 THEN 'XXX' WHEN 4 THEN 'usd' WHEN 5 THEN CAST(X'FF' AS TEXT) ELSE currency END, "
                            "category = CASE id % 4 WHEN 0 THEN NULL WHEN 1 THEN '+cat' ELSE category END, "
                            "category_id = CASE id % 8 WHEN 0 THEN NULL ELSE category_id END, "
                            "created = CASE id % 10 WHEN 0 THEN NULL WHEN 1 THEN -86400001 WHEN 2 THEN 0 "
                            "WHEN 3 THEN 253402300799999 WHEN 4 THEN 253402300800000 WHEN 5 THEN 951782400000 "
                            "WHEN 6 THEN 'yesterday' WHEN 7 THEN 1.5 ELSE created END, "
                            "inactive = CASE id % 11 WHEN 0 THEN 1 ELSE inactive END, "
                            "deleted = CASE id % 13 WHEN 0 THEN 1 ELSE deleted END")
                 .arg(awkwardText));
        exec(QStringLiteral("UPDATE consignors SET name = COALESCE(%1, ''), email = CASE id % 3 WHEN 0 THEN NULL ELSE email END, "
                            "balance_minor = CASE id % 4 WHEN 0 THEN NULL WHEN 1 THEN -balance_minor ELSE balance_minor END, "
                            "currency = CASE id % 5 WHEN 0 THEN 'KWD' WHEN 1 THEN 'JPY' ELSE currency END, "
                            "archived = CASE id % 9 WHEN 0 THEN 1 ELSE archived END")
                 .arg(awkwardText));
        exec(QStringLiteral("UPDATE sales SET status = %1, date = CASE id % 6 WHEN 0 THEN NULL WHEN 1 THEN -1 ELSE date END, "
                            "total_minor = CASE id % 3 WHEN 0 THEN -total_minor ELSE total_minor END, "
                            "currency = CASE id % 4 WHEN 0 THEN 'JPY' WHEN 1 THEN 'BHD' ELSE currency END, "
                            "deleted = CASE id % 10 WHEN 0 THEN 5 ELSE deleted END")
                 .arg(awkwardText));
        exec(QStringLiteral("UPDATE payouts SET reference = %1, currency = CASE id % 2 WHEN 0 THEN 'UYW' ELSE currency END")
                 .arg(awkwardText));
        exec(QStringLiteral("UPDATE stock_lines SET product_name = %1, expiry = CASE id % 3 WHEN 0 THEN NULL ELSE '-1' END, "
                            "available = CASE id % 4 WHEN 0 THEN -available WHEN 1 THEN 'none' ELSE available END")
                 .arg(awkwardText));
        for (const char *table : {"consignors", "items", "sales", "payouts", "stock_lines"})
            QVERIFY2(m_cache->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table))) > 3,
                     table);
    }

    void bytesAreWhatQtWrites()
    {
        CsvBytes bytes;
        // Integers and money, against QString::number and Currency::formatPlain.
        const QList<qint64> numbers{0, 1, -1, 5, -5, 99, 100, 1234567, -1234567, 4242, 106794,
                                    std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
        const QStringList currencies{QStringLiteral("JPY"), QStringLiteral("USD"), QStringLiteral("KWD"),
                                     QStringLiteral("CLF"), QStringLiteral("XXX")};
        for (const qint64 n : numbers) {
            bytes.integer(n);
            QCOMPARE(bytesOf(bytes), QString::number(n).toUtf8());
            for (const QString &currency : currencies) {
                bytes.money(n, Currency::minorDigits(currency).value_or(2));
                QCOMPARE(bytesOf(bytes), Currency::formatPlain(n, currency).toUtf8());
            }
        }
        // Times, against QDateTime: every day's first and last millisecond for
        // a few leap-year turns, and a spread over the whole range.
        const auto qtTime = [](qint64 msecs) {
            return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toUTC().toString(Qt::ISODate).toUtf8();
        };
        const qint64 day = 86400000;
        const qint64 end = 2932897 * day; // 10000-01-01
        QList<qint64> times;
        for (const QDate &start : {QDate(1970, 1, 1), QDate(1999, 12, 1), QDate(2100, 2, 1), QDate(9999, 11, 1)}) {
            const qint64 first = QDateTime(start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            for (int d = 0; d < 62; ++d)
                times << first + d * day << first + (d + 1) * day - 1 << first + d * day + 45296789;
        }
        quint64 seed = 42;
        for (int i = 0; i < 100000; ++i) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            times << qint64((seed >> 11) % quint64(end));
        }
        for (const qint64 t : times) {
            if (t >= end)
                continue;
            QVERIFY(bytes.dateTime(t));
            QCOMPARE(bytesOf(bytes), qtTime(t));
        }
        QVERIFY(!bytes.dateTime(-1));
        QVERIFY(!bytes.dateTime(end));
        QCOMPARE(bytes.size(), qsizetype(0));
        // Text, against CsvWriter: quoted, neutralised unless raw.
        for (const QByteArray &text :
             {QByteArray("plain"), QByteArray(""), QByteArray("a,b"), QByteArray("say \"hi\""), QByteArray("two\nlines"),
              QByteArray("\rx"), QByteArray("=1+2"), QByteArray("+1"), QByteArray("-cmd"), QByteArray("@x"),
              QByteArray("\tx"), QByteArray("=a,\"b\""), QByteArray("Zo\xc3\xab, Ltd"), QByteArray("\xf0\x9f\xa7\xa5"),
              QByteArray("A\0B", 3)}) {
            for (const bool raw : {false, true}) {
                QVERIFY(bytes.text(text.constData(), text.size(), raw));
                QCOMPARE(bytesOf(bytes), CsvWriter::escape(QString::fromUtf8(text), raw, false).toUtf8());
            }
        }
        for (const QByteArray &invalid : {QByteArray("\xc3\x28"), QByteArray("\xed\xa0\x80"), QByteArray("\xc0\xaf"),
                                          QByteArray("\xff"), QByteArray("ab\xe2\x82")}) {
            QVERIFY(!bytes.text(invalid.constData(), invalid.size(), false));
            QCOMPARE(bytes.size(), qsizetype(0));
        }
    }

    void fastExportEqualsTheSinkExport_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<bool>("includeDeleted");
        QTest::addColumn<bool>("raw");
        QStringList connections{QString(), QStringLiteral("dup"), QStringLiteral("odd")};
        for (const Connection &c : m_cache->connections())
            connections.append(c.id);
        for (const ExportTable &t : exportTables()) {
            for (const QString &connection : connections) {
                for (const bool includeDeleted : {false, true}) {
                    for (const bool raw : {false, true}) {
                        if (!connection.isEmpty() && raw)
                            continue;
                        QTest::addRow("%s %s%s%s", t.name, connection.isEmpty() ? "all" : qPrintable(connection),
                                      includeDeleted ? " with deleted" : "", raw ? " raw" : "")
                            << QString::fromLatin1(t.name) << connection << includeDeleted << raw;
                    }
                }
            }
        }
    }

    void fastExportEqualsTheSinkExport()
    {
        QFETCH(QString, table);
        QFETCH(QString, connection);
        QFETCH(bool, includeDeleted);
        QFETCH(bool, raw);
        const ExportTable *t = findExportTable(table);
        QVERIFY(t);
        TableExportOptions options;
        options.connectionId = connection;
        options.includeDeleted = includeDeleted;
        options.raw = raw;
        QTemporaryDir dir;
        const QString sinkPath = dir.filePath(QStringLiteral("sink.csv"));
        const QString fastPath = dir.filePath(QStringLiteral("fast.csv"));
        QString error;
        qint64 sinkRows = -1, fastRows = -1;
        auto sink = makeSink(Format::Csv, sinkPath, {raw, QPageSize(QPageSize::A4)});
        QVERIFY2(exportTable(m_cache->db(), *t, options, *sink, &sinkRows, &error), qPrintable(error));
        QVERIFY2(exportTableCsv(m_cache->db(), *t, options, fastPath, &fastRows, &error), qPrintable(error));
        QVERIFY(sinkRows > 0 || !connection.isEmpty()); // not every vendor has every table
        QCOMPARE(fastRows, sinkRows);
        const QByteArray expected = readAll(sinkPath);
        const QByteArray actual = readAll(fastPath);
        if (actual != expected) {
            const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
                QCOMPARE(a.at(i), e.at(i));
            QCOMPARE(a.size(), e.size());
        }
        // Nothing is left beside the export.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("fast.csv"), QStringLiteral("sink.csv")}));
    }

    void bothSayTheSameWhenTheFileCannotBeWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/items.csv"));
        const ExportTable *t = findExportTable(QStringLiteral("items"));
        QString sinkError, fastError;
        qint64 rows = 0;
        auto sink = makeSink(Format::Csv, path);
        QVERIFY(!exportTable(m_cache->db(), *t, {}, *sink, &rows, &sinkError));
        QVERIFY(!exportTableCsv(m_cache->db(), *t, {}, path, &rows, &fastError));
        QVERIFY(!fastError.isEmpty());
        QCOMPARE(fastError, sinkError);
        QVERIFY(!QFile::exists(path));
    }

    void manyRowsOfALaterConnectionAndProgressEveryTenThousandRows()
    {
        // Many rows of the connection whose name sorts last, stored first.
        exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000) "
                            "INSERT INTO consignors (connection_id, external_id, name, email, balance_minor, currency) "
                            "SELECT 'dup', 'many-' || i, 'Consignor \"' || i || '\"', 'c' || i || '@example.com', "
                            "i * 37 - 5000, 'USD' FROM n"));
        QTemporaryDir dir;
        const QString sinkPath = dir.filePath(QStringLiteral("sink.csv"));
        const QString fastPath = dir.filePath(QStringLiteral("fast.csv"));
        const ExportTable &table = *findExportTable(QStringLiteral("consignors"));
        QList<qint64> ticks;
        TableExportOptions options;
        options.progress = [&](qint64 rows) { ticks.append(rows); };
        qint64 rows = 0;
        QString error;
        QVERIFY2(exportTableCsv(m_cache->db(), table, options, fastPath, &rows, &error), qPrintable(error));
        QVERIFY(rows > 30000);
        QCOMPARE(ticks, (QList<qint64>{10000, 20000, 30000}));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("fast.csv")});
        auto sink = makeSink(Format::Csv, sinkPath);
        qint64 sinkRows = 0;
        QVERIFY2(exportTable(m_cache->db(), table, {}, *sink, &sinkRows, &error), qPrintable(error));
        QCOMPARE(rows, sinkRows);
        QVERIFY(readAll(fastPath) == readAll(sinkPath));
    }
};

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
