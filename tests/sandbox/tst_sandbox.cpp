// The sandbox as a whole: all four vendors on one port, and the program
// consigndesk-sandbox as a user or a test script starts it.
#include "sandbox/sandbox.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace ConsignDesk::Sandbox;

namespace {

const QStringList vendorNames{QStringLiteral("consigncloud"), QStringLiteral("simpleconsign"),
                              QStringLiteral("consignify"), QStringLiteral("consignly")};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

SandboxFixture::Options allOptions(quint64 seed = 11)
{
    SandboxFixture::Options options;
    options.items = 400;
    options.seed = seed;
    options.vendors = allVendors();
    return options;
}

// One cheap authenticated read per vendor, the way each documents it.
HttpResponse probe(SandboxFixture &fixture, const QString &vendor)
{
    if (vendor == QLatin1String("simpleconsign")) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("key"), fixture.apiKey(vendor)},
                                                          {QStringLiteral("includeItemsWithQuantityZero"), QStringLiteral("false")}})
                                    .toJson(QJsonDocument::Compact);
        return fixture.request("POST", QUrl(fixture.baseUrl(vendor) + QStringLiteral("/inventory")), body,
                               {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
    }
    if (vendor == QLatin1String("consigncloud"))
        return fixture.get(vendor, QStringLiteral("/items?limit=1"));
    if (vendor == QLatin1String("consignify"))
        return fixture.get(vendor, QStringLiteral("/consignors"));
    return fixture.get(vendor, QStringLiteral("/v1/inventory?PageSize=1"));
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyVendorAnswersOnOnePort()
    {
        SandboxFixture fixture(allOptions());
        const QJsonObject credentials = fixture.sandbox().credentials();
        QCOMPARE(credentials.keys(), sorted(vendorNames));
        for (const QString &vendor : vendorNames) {
            const HttpResponse r = probe(fixture, vendor);
            QVERIFY2(r.status == 200, qPrintable(vendor + u' ' + QString::number(r.status) + u' '
                                                 + QString::fromUtf8(r.body.left(200))));
            QVERIFY2(!r.json().isNull(), qPrintable(vendor));
        }
    }

    void baseUrlsFollowTheDocs()
    {
        SandboxFixture fixture(allOptions());
        const QString root = fixture.sandbox().rootUrl();
        QCOMPARE(fixture.baseUrl(QStringLiteral("consigncloud")), root + QStringLiteral("/consigncloud/api/v1"));
        QCOMPARE(fixture.baseUrl(QStringLiteral("consignify")), root + QStringLiteral("/consignify/api/v1"));
        QCOMPARE(fixture.baseUrl(QStringLiteral("simpleconsign")), root + QStringLiteral("/simpleconsign/app/api"));
        QCOMPARE(fixture.baseUrl(QStringLiteral("consignly")), root);
        const QJsonObject consignly = fixture.credentials(QStringLiteral("consignly"));
        for (const char *key : {"client_id", "client_secret", "token_url", "api_key"})
            QVERIFY2(!consignly.value(QLatin1String(key)).toString().isEmpty(), key);
    }

    void wrongKeysAreRefusedEverywhere()
    {
        SandboxFixture fixture(allOptions());
        for (const QString &vendor : {QStringLiteral("consigncloud"), QStringLiteral("consignify"), QStringLiteral("consignly")}) {
            const HttpResponse r = fixture.request(
                "GET", QUrl(fixture.baseUrl(vendor) + (vendor == QLatin1String("consignly") ? QStringLiteral("/v1/inventory")
                                                      : vendor == QLatin1String("consignify") ? QStringLiteral("/consignors")
                                                                                              : QStringLiteral("/items"))),
                {}, {{"Authorization", "Bearer wrong"}});
            QVERIFY2(r.status == 401, qPrintable(vendor));
        }
    }

    void sameSeedSameStores()
    {
        SandboxFixture a(allOptions(5));
        SandboxFixture b(allOptions(5));
        SandboxFixture c(allOptions(6));
        for (const QString &vendor : vendorNames) {
            const QJsonObject inspectA = a.sandbox().vendor(vendor)->inspect();
            QCOMPARE(inspectA, b.sandbox().vendor(vendor)->inspect());
            QVERIFY2(!inspectA.isEmpty(), qPrintable(vendor));
        }
        QCOMPARE(probe(a, QStringLiteral("consigncloud")).body, probe(b, QStringLiteral("consigncloud")).body);
        QVERIFY(probe(a, QStringLiteral("consigncloud")).body != probe(c, QStringLiteral("consigncloud")).body);
    }

    void activityChangesEveryStore()
    {
        SandboxFixture fixture(allOptions());
        QHash<QString, QJsonObject> before;
        for (const QString &vendor : vendorNames)
            before.insert(vendor, fixture.sandbox().vendor(vendor)->inspect());
        QCOMPARE(fixture.control("POST", QStringLiteral("/activity"), {{QStringLiteral("steps"), 40}}).status, 200);
        for (const QString &vendor : vendorNames)
            QVERIFY2(fixture.sandbox().vendor(vendor)->inspect() != before.value(vendor), qPrintable(vendor));
    }

    void programPrintsCredentialsFirst()
    {
        QProcess process;
        process.start(qEnvironmentVariable("CONSIGNDESK_SANDBOX_BINARY"),
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--items"), QStringLiteral("300"),
                       QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--fault"),
                       QStringLiteral("consignify:/consignors:503:retry-after=1")});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
        const QJsonObject first = QJsonDocument::fromJson(process.readLine()).object();
        QCOMPARE(first.keys(), sorted(vendorNames));
        const QString base = first.value(QStringLiteral("consignify")).toObject().value(QStringLiteral("base_url")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/consignify/api/v1$")).match(base).hasMatch(),
                 qPrintable(base));

        // The injected fault from the command line answers first, then the real data.
        SandboxFixture client(allOptions()); // only for its HTTP helper
        const QByteArray auth = "Bearer " + first.value(QStringLiteral("consignify")).toObject()
                                                .value(QStringLiteral("api_key")).toString().toUtf8();
        HttpResponse r = client.request("GET", QUrl(base + QStringLiteral("/consignors")), {}, {{"Authorization", auth}});
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        r = client.request("GET", QUrl(base + QStringLiteral("/consignors")), {}, {{"Authorization", auth}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().array().isEmpty());
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
    }

    void programRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("items") << QStringList{QStringLiteral("--items"), QStringLiteral("many")} << QStringLiteral("--items");
        QTest::newRow("fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("consigncloud:/items:boom")}
                               << QStringLiteral("unknown fault kind");
        QTest::newRow("listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("8.8.8.8")}
                                << QStringLiteral("loopback");
        QTest::newRow("epoch") << QStringList{QStringLiteral("--epoch"), QStringLiteral("yesterday")}
                               << QStringLiteral("--epoch");
    }
    void programRefusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QProcess process;
        process.start(qEnvironmentVariable("CONSIGNDESK_SANDBOX_BINARY"), arguments);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(says), qPrintable(err));
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
