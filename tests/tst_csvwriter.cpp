// CSV as spreadsheets and RFC 4180 read it; money as plain decimals.
#include "core/currency.h"
#include "reports/csvwriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesAndNeutralisesFormulas()
    {
        using Reports::CsvWriter;
        QCOMPARE(CsvWriter::escape(QStringLiteral("plain"), false, false), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::escape(QStringLiteral("a,b"), false, false), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvWriter::escape(QStringLiteral("say \"hi\""), false, false), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::escape(QStringLiteral("two\nlines"), false, false), QStringLiteral("\"two\nlines\""));
        for (const QString &formula : {QStringLiteral("=1+2"), QStringLiteral("+1"), QStringLiteral("-cmd"),
                                       QStringLiteral("@SUM(A1)"), QStringLiteral("\tx")})
            QCOMPARE(CsvWriter::escape(formula, false, false).front(), u'\'');
        QCOMPARE(CsvWriter::escape(QStringLiteral("\rx"), false, false), QStringLiteral("\"'\rx\""));
        QCOMPARE(CsvWriter::escape(QStringLiteral("=1+2"), true, false), QStringLiteral("=1+2")); // --raw
        QCOMPARE(CsvWriter::escape(QStringLiteral("-5.00"), false, true), QStringLiteral("-5.00")); // a number stays one
    }

    void writesAWholeFileWithCrlf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        Reports::CsvWriter csv(path);
        QString error;
        QVERIFY(csv.open(&error));
        csv.writeRow({QStringLiteral("name"), QStringLiteral("amount")});
        csv.writeRow({QStringLiteral("Zoë, Ltd"), QStringLiteral("-1.50")}, {false, true});
        QVERIFY(!QFile::exists(path)); // nothing appears before the commit
        QVERIFY(csv.commit(&error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("name,amount\r\n\"Zo\xc3\xab, Ltd\",-1.50\r\n"));
    }

    void moneyIsAPlainDecimalWithTheCurrencysDigits()
    {
        QCOMPARE(Currency::formatPlain(4242, QStringLiteral("USD")), QStringLiteral("42.42"));
        QCOMPARE(Currency::formatPlain(29, QStringLiteral("GBP")), QStringLiteral("0.29"));
        QCOMPARE(Currency::formatPlain(106794, QStringLiteral("GBP")), QStringLiteral("1067.94"));
        QCOMPARE(Currency::formatPlain(-5, QStringLiteral("USD")), QStringLiteral("-0.05"));
        QCOMPARE(Currency::formatPlain(500, QStringLiteral("JPY")), QStringLiteral("500"));
        QCOMPARE(Currency::formatPlain(1234567, QStringLiteral("KWD")), QStringLiteral("1234.567"));
        QCOMPARE(Currency::formatPlain(std::numeric_limits<qint64>::min(), QStringLiteral("USD")),
                 QStringLiteral("-92233720368547758.08"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
