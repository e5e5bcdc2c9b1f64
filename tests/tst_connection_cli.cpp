// `consigndesk connection …` as a user runs it: keys on standard input, the
// real keychain (gnome-keyring in the test session), the sandbox program on loopback.
#include "clirun.h"

#include <QTemporaryDir>
#include <QTest>

class TestConnectionCli : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    Run consigndesk(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return runConsignDesk(m_data.path(), arguments, stdinData, 60000);
    }

    QString vendorValue(const char *vendor, const char *key) const { return m_sandbox.value(vendor, key); }

    QTemporaryDir m_data;
    SandboxProgram m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--items"), QStringLiteral("200")},
                        20000);
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void addTestListRemove()
    {
        const QString base = vendorValue("consigncloud", "base_url");
        // Surrounding whitespace is trimmed, with a notice.
        Run r = consigndesk({QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                             QStringLiteral("consigncloud"), QStringLiteral("--name"), QStringLiteral("Main Street"),
                             QStringLiteral("--base-url"), base, QStringLiteral("--api-key-stdin")},
                            "  " + vendorValue("consigncloud", "api_key").toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Removed spaces")), qPrintable(r.err));

        r = consigndesk({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("Main Street")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("the key works")));

        r = consigndesk({QStringLiteral("connection"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Main Street")));
        // The key never shows, nor lands in the cache file.
        const QByteArray key = vendorValue("consigncloud", "api_key").toUtf8();
        QVERIFY(!r.out.toUtf8().contains(key));
        QFile cache(m_data.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache.open(QIODevice::ReadOnly));
        QVERIFY(!cache.readAll().contains(key));

        // Duplicate names are refused, whatever their case.
        r = consigndesk({QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                         QStringLiteral("consigncloud"), QStringLiteral("--name"), QStringLiteral("main street"),
                         QStringLiteral("--base-url"), base, QStringLiteral("--api-key-stdin")},
                        key);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(r.err));

        r = consigndesk({QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("Main Street")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = consigndesk({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("Main Street")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(u'\n'), 1);
    }

    void testSaysWhatIsWrong()
    {
        const QString base = vendorValue("consigncloud", "base_url");
        struct Case {
            QString name;
            QString url;
            QByteArray key;
            QString says;
        };
        const QList<Case> cases{
            {QStringLiteral("Wrong key"), base, "cc_live_not_a_key", QStringLiteral("refused the key (401)")},
            {QStringLiteral("Restricted"), base, vendorValue("consigncloud", "restricted_api_key").toUtf8(),
             QStringLiteral("read:items")},
            {QStringLiteral("Nobody home"), QStringLiteral("http://127.0.0.1:9/api/v1"), "cc_live_whatever",
             QStringLiteral("Could not reach")},
        };
        for (const Case &c : cases) {
            Run r = consigndesk({QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                                 QStringLiteral("consigncloud"), QStringLiteral("--name"), c.name,
                                 QStringLiteral("--base-url"), c.url, QStringLiteral("--api-key-stdin")},
                                c.key);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = consigndesk({QStringLiteral("connection"), QStringLiteral("test"), c.name});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(c.says), qPrintable(c.name + u": " + r.err));
            QVERIFY(!r.err.toUtf8().contains(c.key));
            QCOMPARE(consigndesk({QStringLiteral("connection"), QStringLiteral("remove"), c.name}).exitCode, 0);
        }
    }

    void everyVendorConnects()
    {
        const struct {
            const char *vendor;
            QByteArray input;
        } vendors[] = {
            {"simpleconsign", vendorValue("simpleconsign", "api_key").toUtf8()},
            {"consignify", vendorValue("consignify", "api_key").toUtf8()},
            {"consignly", (vendorValue("consignly", "client_id") + u':' + vendorValue("consignly", "client_secret")).toUtf8()},
        };
        for (const auto &v : vendors) {
            QStringList args{QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--vendor"),
                             QString::fromLatin1(v.vendor), QStringLiteral("--name"), QString::fromLatin1(v.vendor),
                             QStringLiteral("--base-url"), vendorValue(v.vendor, "base_url"), QStringLiteral("--api-key-stdin")};
            if (QByteArray(v.vendor) == "consignly")
                args << QStringLiteral("--token-url") << vendorValue("consignly", "token_url");
            Run r = consigndesk(args, v.input);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = consigndesk({QStringLiteral("connection"), QStringLiteral("test"), QString::fromLatin1(v.vendor)});
            QVERIFY2(r.exitCode == 0, qPrintable(QString::fromLatin1(v.vendor) + u": " + r.err));
            QCOMPARE(consigndesk({QStringLiteral("connection"), QStringLiteral("remove"), QString::fromLatin1(v.vendor)}).exitCode, 0);
        }
    }

    void badInputIsRefusedWhereTyped_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("says");
        const QStringList add{QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("X")};
        QTest::newRow("empty key") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("consignify"), QStringLiteral("--api-key-stdin")}
                                   << QByteArray("  \n") << QStringLiteral("empty");
        QTest::newRow("remote http") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("consignify"), QStringLiteral("--base-url"),
                                                          QStringLiteral("http://shop.example.com/api/v1"), QStringLiteral("--api-key-stdin")}
                                     << QByteArray("k3y-k3y") << QStringLiteral("https://");
        QTest::newRow("malformed url") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("consignify"), QStringLiteral("--base-url"),
                                                            QStringLiteral("not a url"), QStringLiteral("--api-key-stdin")}
                                       << QByteArray("k3y-k3y") << QStringLiteral("not a valid web address");
        QTest::newRow("vendor") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("shopify"), QStringLiteral("--api-key-stdin")}
                                << QByteArray("k3y-k3y") << QStringLiteral("Unknown vendor");
        QTest::newRow("currency") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("consignify"), QStringLiteral("--currency"),
                                                       QStringLiteral("XYZ"), QStringLiteral("--api-key-stdin")}
                                  << QByteArray("k3y-k3y") << QStringLiteral("ISO 4217");
        QTest::newRow("key on argv") << add + QStringList{QStringLiteral("--vendor"), QStringLiteral("consignify")}
                                     << QByteArray() << QStringLiteral("--api-key-stdin");
    }
    void badInputIsRefusedWhereTyped()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, key);
        QFETCH(QString, says);
        const Run r = consigndesk(arguments, key);
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(consigndesk({QStringLiteral("connection"), QStringLiteral("list")}).out, QString());
    }
};

QTEST_GUILESS_MAIN(TestConnectionCli)
#include "tst_connection_cli.moc"
