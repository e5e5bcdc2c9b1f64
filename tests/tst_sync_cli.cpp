// `consigndesk sync` and `consigndesk export` as a user runs them: the real
// program, keys in the real keychain, the sandbox program on loopback; and a
// real kill -9 of a syncing process, after which the cache is intact and the
// next run converges.
#include "cachequery.h"
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestSyncCli : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    static Run consigndesk(const QString &dataDir, const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return runConsignDesk(dataDir, arguments, stdinData, 300000);
    }

    QString value(const char *vendor, const char *key) const { return m_sandbox.value(vendor, key); }

    // The four demo vendors as connections of a data folder.
    void addConnections(const QString &dataDir)
    {
        for (const char *vendor : {"consigncloud", "simpleconsign", "consignify"}) {
            const Run r = consigndesk(dataDir,
                                      {QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                                       QString::fromLatin1(vendor), QStringLiteral("--name"), QString::fromLatin1(vendor),
                                       QStringLiteral("--base-url"), value(vendor, "base_url"), QStringLiteral("--currency"),
                                       QLatin1String(vendor) == QLatin1String("consignify") ? QStringLiteral("GBP")
                                                                                             : QStringLiteral("USD"),
                                       QStringLiteral("--api-key-stdin")},
                                      value(vendor, "api_key").toUtf8());
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const Run r = consigndesk(dataDir,
                                  {QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                                   QStringLiteral("consignly"), QStringLiteral("--name"), QStringLiteral("consignly"),
                                   QStringLiteral("--base-url"), value("consignly", "base_url"), QStringLiteral("--token-url"),
                                   value("consignly", "token_url"), QStringLiteral("--api-key-stdin")},
                                  (value("consignly", "client_id") + u':' + value("consignly", "client_secret")).toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    static QByteArray exported(const QString &dataDir, const QString &table)
    {
        const QString file = QDir(dataDir).filePath(table + QStringLiteral(".csv"));
        const Run r = consigndesk(dataDir, {QStringLiteral("export"), table, QStringLiteral("--format"), QStringLiteral("csv"),
                                            QStringLiteral("--out"), file});
        if (r.exitCode != 0)
            return "export failed: " + r.err.toUtf8();
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable");
    }

    static QString integrity(const QString &dataDir)
    {
        return cacheQuery(dataDir, QStringLiteral("PRAGMA integrity_check"));
    }

    QTemporaryDir m_root;
    SandboxProgram m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--items"), QStringLiteral("400"),
                         QStringLiteral("--no-rate-limits")},
                        30000);
    }
    void cleanupTestCase() { m_sandbox.stop(); }

    void syncAndExport()
    {
        const QString data = m_root.filePath(QStringLiteral("plain"));
        addConnections(data);
        const Run r = consigndesk(data, {QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        // A summary per connection and resource.
        QVERIFY2(r.out.contains(QStringLiteral("consigncloud (ConsignCloud)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("items: ")) && r.out.contains(QStringLiteral(" added")), qPrintable(r.out));

        const QByteArray items = exported(data, QStringLiteral("items"));
        QVERIFY2(items.startsWith("connection,vendor,external_id,sku,title,consignor_id,status,quantity,price,currency"),
                 items.left(200).constData());
        QVERIFY(items.count("\r\n") > 400);
        // Money as a plain decimal with the currency's two digits.
        const QList<QByteArray> firstRow = items.split('\n').value(1).split(',');
        QVERIFY2(QByteArray(firstRow.value(8)).contains('.'), items.split('\n').value(1).constData());
        const QByteArray stock = exported(data, QStringLiteral("stock"));
        QVERIFY2(stock.startsWith("connection,vendor,external_id,warehouse,location,product_code,product_name,batch,available,on_hand,expiry"),
                 stock.left(200).constData());
        for (const char *table : {"consignors", "sales", "payouts"})
            QVERIFY(!exported(data, QString::fromLatin1(table)).startsWith("export failed"));

        // Running it again changes nothing and says so.
        const Run again = consigndesk(data, {QStringLiteral("sync"), QStringLiteral("--connection"), QStringLiteral("consigncloud")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("items: 0 added, 0 changed, 0 deleted")), qPrintable(again.out));

        const Run bad = consigndesk(data, {QStringLiteral("export"), QStringLiteral("nothing"), QStringLiteral("--format"),
                                           QStringLiteral("csv"), QStringLiteral("--out"), QStringLiteral("x.csv")});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err.count(u'\n'), 1);
    }

    // RELIABILITY.md cases 1-3: a process killed mid-sync leaves an intact cache
    // whose next run ends where an undisturbed run ends.
    void aKilledSyncLosesNothingAndTheNextRunConverges()
    {
        const QString reference = m_root.filePath(QStringLiteral("reference"));
        addConnections(reference);
        QCOMPARE(consigndesk(reference, {QStringLiteral("sync")}).exitCode, 0);

        const QString killed = m_root.filePath(QStringLiteral("killed"));
        addConnections(killed);
        for (int delayMs : {150, 400, 900}) {
            QProcess process;
            startConsignDesk(process, killed, {QStringLiteral("sync"), QStringLiteral("--full")});
            QVERIFY(process.waitForStarted());
            QTest::qWait(delayMs);
            ::kill(pid_t(process.processId()), SIGKILL);
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(integrity(killed), QStringLiteral("ok"));
        }
        const Run rerun = consigndesk(killed, {QStringLiteral("sync")});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        QCOMPARE(integrity(killed), QStringLiteral("ok"));
        for (const char *table : {"items", "consignors", "sales", "payouts", "stock"}) {
            // Same rows, same order (by connection name and arrival), same values.
            const QByteArray a = exported(killed, QString::fromLatin1(table));
            const QByteArray b = exported(reference, QString::fromLatin1(table));
            QList<QByteArray> rowsA = a.split('\n');
            QList<QByteArray> rowsB = b.split('\n');
            std::sort(rowsA.begin(), rowsA.end());
            std::sort(rowsB.begin(), rowsB.end());
            QVERIFY2(rowsA == rowsB, table);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
