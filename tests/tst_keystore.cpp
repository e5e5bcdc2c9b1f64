// API keys in the real keychain: gnome-keyring in the test's D-Bus session
// (scripts/test-session.sh), and a D-Bus session with no keychain at all.
#include "nokeychainsession.h"
#include "secrets/keystore.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace ConsignDesk::Secrets;

class TestKeyStore : public QObject
{
    Q_OBJECT

private:
    static QString freshEntry()
    {
        return KeyStore::entryName(QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("api-key"));
    }


private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD"))
            return;
        // The real keychain must be there: scripts/test-session.sh starts gnome-keyring.
        KeyStore store;
        const QString entry = freshEntry();
        const KeyResult written = store.writeNow(entry, QStringLiteral("probe"));
        QVERIFY2(written.ok(), qPrintable(written.message));
        QVERIFY(store.removeNow(entry).ok());
    }

    void storeReadUpdateDelete()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD"))
            QSKIP("probe run");
        KeyStore store;
        const QString entry = freshEntry();
        QVERIFY(store.writeNow(entry, QStringLiteral("cc_live_first")).ok());
        QCOMPARE(store.readNow(entry).secret, QStringLiteral("cc_live_first"));

        // Another KeyStore, as after a restart, reads it from the keychain.
        KeyStore again;
        QCOMPARE(again.readNow(entry).secret, QStringLiteral("cc_live_first"));

        QVERIFY(store.writeNow(entry, QStringLiteral("cc_live_second")).ok());
        QCOMPARE(again.readNow(entry).secret, QStringLiteral("cc_live_second"));

        QVERIFY(store.removeNow(entry).ok());
        const KeyResult gone = again.readNow(entry);
        QCOMPARE(gone.error, KeyError::NotFound);
        QVERIFY(gone.secret.isEmpty());
        QVERIFY(!gone.message.contains(QStringLiteral("cc_live")));
    }

    void storedUnderTheServiceName()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD"))
            QSKIP("probe run");
        KeyStore store;
        const QString entry = freshEntry();
        QVERIFY(store.writeNow(entry, QStringLiteral("visible-to-secret-tool")).ok());
        // Another program on the Secret Service sees it under service "ConsignDesk".
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                                   QStringLiteral("user"), entry});
        QVERIFY(tool.waitForFinished(20000));
        const QString out = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
        QVERIFY2(out.contains(QStringLiteral("ConsignDesk")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("visible-to-secret-tool")), qPrintable(out));
        QVERIFY(store.removeNow(entry).ok());
    }

    void noKeychainIsSaidPlainly()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD")) {
            // Inside the empty session: report what happened on stdout.
            KeyStore store;
            const KeyResult result = store.writeNow(freshEntry(), QStringLiteral("secret"));
            std::printf("PROBE %d %s\n", int(result.error), qPrintable(result.message));
            std::fflush(stdout);
            return;
        }
        const ChildRun child = runWithoutKeychain(QStringLiteral("noKeychainIsSaidPlainly"));
        QVERIFY(child.finished);
        const QString out = child.output;
        const qsizetype at = out.indexOf(QStringLiteral("PROBE "));
        QVERIFY2(at >= 0, qPrintable(out));
        const QString line = out.mid(at + 6).section(u'\n', 0, 0);
        QCOMPARE(line.section(u' ', 0, 0).toInt(), int(KeyError::NoBackend));
        QVERIFY2(line.contains(QStringLiteral("no keychain")), qPrintable(line));
    }

    void sessionOnlyKeysStayInMemory()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD"))
            QSKIP("probe run");
        KeyStore store;
        const QString entry = freshEntry();
        store.keepForSession(entry, QStringLiteral("only-for-now"));
        QVERIFY(store.isSessionOnly(entry));
        QCOMPARE(store.readNow(entry).secret, QStringLiteral("only-for-now"));
        // Not in the keychain, so another instance does not find it.
        QCOMPARE(KeyStore().readNow(entry).error, KeyError::NotFound);
        QVERIFY(store.removeNow(entry).ok());
        QVERIFY(!store.isSessionOnly(entry));
    }

    void helpSaysWhatToInstall()
    {
        QVERIFY(KeyStore::noBackendHelp().contains(QStringLiteral("gnome-keyring")));
        QVERIFY(KeyStore::noBackendHelp().contains(QStringLiteral("never in a file")));
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
