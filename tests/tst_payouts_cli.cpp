// `consigndesk payouts approve` and `payouts reconcile` as a user runs them:
// the real program, keys in the real keychain, the sandbox program on
// loopback. It pays once and prints the reference; run again it does not pay
// again; without --yes it pays nothing; and a real kill -9 while a payout is
// in flight leaves exactly one payout or none, and the next runs settle it and
// pay at most once.
#include "cachequery.h"
#include "clirun.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestPayoutsCli : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    static Run consigndesk(const QString &dataDir, const QStringList &arguments, const QByteArray &stdinData = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CONSIGNDESK_PAYOUT_GRACE_MS"), QStringLiteral("3000"));
        return runConsignDesk(dataDir, arguments, stdinData, 300000, environment);
    }

    QString value(const char *vendor, const char *key) const { return m_sandbox.value(vendor, key); }

    QString root() const
    {
        QString base = value("consigncloud", "base_url");
        return base.left(base.indexOf(QStringLiteral("/consigncloud")));
    }

    QByteArray http(const QByteArray &method, const QString &url, const QByteArray &body = {}, const QByteArray &key = {})
    {
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->readAll();
    }

    // The vendor's payouts of a consignor that ConsignDesk made.
    int consignifyPayoutsByConsignDesk(const QString &consignor)
    {
        const QByteArray body = http("GET", value("consignify", "base_url") + QStringLiteral("/consignor/%1/payouts").arg(consignor),
                                     {}, value("consignify", "api_key").toUtf8());
        int count = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(body).array())
            count += v.toObject().value(QStringLiteral("note")).toString().startsWith(QStringLiteral("ConsignDesk"));
        return count;
    }

    int consignCloudPayoutsByConsignDesk(const QString &account)
    {
        const QByteArray body = http("GET", value("consigncloud", "base_url")
                                                + QStringLiteral("/balance-entries?type=payout&limit=100&account=") + account,
                                     {}, value("consigncloud", "api_key").toUtf8());
        int count = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray())
            count += v.toObject().value(QStringLiteral("payout")).toObject().value(QStringLiteral("reference")).toString().startsWith(
                QStringLiteral("CD-"));
        return count;
    }

    void addConnection(const QString &dataDir, const char *vendor, const char *currency)
    {
        const Run r = consigndesk(dataDir,
                                  {QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                                   QString::fromLatin1(vendor), QStringLiteral("--name"), QString::fromLatin1(vendor),
                                   QStringLiteral("--base-url"), value(vendor, "base_url"), QStringLiteral("--currency"),
                                   QString::fromLatin1(currency), QStringLiteral("--api-key-stdin")},
                                  value(vendor, "api_key").toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    QTemporaryDir m_root;
    SandboxProgram m_sandbox;
    QNetworkAccessManager m_network;
    QString m_data;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--items"), QStringLiteral("300"),
                         QStringLiteral("--no-rate-limits")},
                        30000);
        if (QTest::currentTestFailed())
            return;
        m_data = m_root.filePath(QStringLiteral("data"));
        addConnection(m_data, "consigncloud", "USD");
        addConnection(m_data, "consignify", "GBP");
        const Run r = consigndesk(m_data, {QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void approvePaysOnceAndPrintsTheReference()
    {
        const QString account = cacheQuery(m_data, QStringLiteral("SELECT external_id FROM consignors WHERE balance_minor > 0 "
                                                                  "AND currency = 'USD' ORDER BY external_id LIMIT 1"));
        QVERIFY(!account.isEmpty());
        const QStringList approve{QStringLiteral("payouts"), QStringLiteral("approve"), QStringLiteral("--connection"),
                                  QStringLiteral("consigncloud"), QStringLiteral("--consignor"), account};
        // Without --yes nothing is sent.
        Run r = consigndesk(m_data, approve);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        QCOMPARE(consignCloudPayoutsByConsignDesk(account), 0);

        r = consigndesk(m_data, approve + QStringList{QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString reference = r.out.section(u'\n', 0, 0);
        QVERIFY2(reference.startsWith(QStringLiteral("CD-")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("confirmed")), qPrintable(r.out));
        QCOMPARE(consignCloudPayoutsByConsignDesk(account), 1);

        // Again, before any sync: nothing more is owed, nothing is sent.
        r = consigndesk(m_data, approve + QStringList{QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Nothing is owed")) && r.out.contains(reference), qPrintable(r.out));
        QCOMPARE(consignCloudPayoutsByConsignDesk(account), 1);

        // The ledger exports to CSV.
        const QString csv = m_root.filePath(QStringLiteral("ledger.csv"));
        r = consigndesk(m_data, {QStringLiteral("payouts"), QStringLiteral("ledger"), QStringLiteral("--format"),
                                 QStringLiteral("csv"), QStringLiteral("--out"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("reference,connection,vendor,consignor_id,name,amount,currency,state"));
        QVERIFY(text.contains(QByteArray(reference.toUtf8() + ",consigncloud,consigncloud," + account.toUtf8())));
        QVERIFY(text.contains(",confirmed,"));
    }

    void aKilledPayoutIsSettledAndPaidAtMostOnce()
    {
        const QString consignor = cacheQuery(m_data, QStringLiteral(
            "SELECT c.external_id FROM consignors c JOIN connections n ON n.id = c.connection_id WHERE n.vendor = "
            "'consignify' ORDER BY c.external_id LIMIT 1 OFFSET 2"));
        QVERIFY(!consignor.isEmpty());
        // The vendor answers slowly, so the payout is in flight when the process dies.
        http("POST", root() + QStringLiteral("/_sandbox/faults"),
             QJsonDocument(QJsonObject{{QStringLiteral("vendor"), QStringLiteral("consignify")},
                                       {QStringLiteral("endpoint"), QStringLiteral("/payouts")},
                                       {QStringLiteral("method"), QStringLiteral("POST")},
                                       {QStringLiteral("kind"), QStringLiteral("slow")},
                                       {QStringLiteral("delay"), 4000}})
                 .toJson());
        const QStringList approve{QStringLiteral("payouts"), QStringLiteral("approve"), QStringLiteral("--connection"),
                                  QStringLiteral("consignify"), QStringLiteral("--consignor"), consignor,
                                  QStringLiteral("--yes")};
        QProcess process;
        startConsignDesk(process, m_data, approve);
        QVERIFY(process.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(cacheQuery(m_data, QStringLiteral("SELECT state FROM payout_intents WHERE consignor_id = "
                                                                    "'%1' ORDER BY id DESC LIMIT 1")
                                                         .arg(consignor)),
                                  QStringLiteral("sending"), 20000);
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(cacheQuery(m_data, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));

        // The next run settles it by reading the vendor's payouts first.
        QTest::qWait(4500); // what the vendor does with the request, it has done
        Run r = consigndesk(m_data, {QStringLiteral("payouts"), QStringLiteral("reconcile"), QStringLiteral("--connection"),
                                     QStringLiteral("consignify")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString state = cacheQuery(m_data, QStringLiteral("SELECT state FROM payout_intents WHERE consignor_id = '%1' "
                                                                "ORDER BY id DESC LIMIT 1")
                                                     .arg(consignor));
        const int atVendor = consignifyPayoutsByConsignDesk(consignor);
        QVERIFY2((state == QLatin1String("confirmed") && atVendor == 1) || (state == QLatin1String("absent") && atVendor == 0),
                 qPrintable(state + u' ' + QString::number(atVendor)));

        // Approving again pays what is still owed: once in all.
        r = consigndesk(m_data, approve);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(consignifyPayoutsByConsignDesk(consignor), 1);
        r = consigndesk(m_data, approve);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(consignifyPayoutsByConsignDesk(consignor), 1);
    }
};

QTEST_GUILESS_MAIN(TestPayoutsCli)
#include "tst_payouts_cli.moc"
