// API keys in the real keychain: gnome-keyring in the test's D-Bus session
// (scripts/test-session.sh), and a D-Bus session with no keychain at all.
#include "secrets/keystore.h"

#include <QProcess>
#include <QTemporaryDir>
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

    // Runs this test binary's no-backend probe in a D-Bus session whose bus
    // knows no services at all, so no keychain can start.
    static QProcess::ProcessChannelMode mode() { return QProcess::SeparateChannels; }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEYSTORE_PROBE"))
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
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEYSTORE_PROBE"))
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
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEYSTORE_PROBE"))
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
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEYSTORE_PROBE")) {
            // Inside the empty session: report what happened on stdout.
            KeyStore store;
            const KeyResult result = store.writeNow(freshEntry(), QStringLiteral("secret"));
            std::printf("PROBE %d %s\n", int(result.error), qPrintable(result.message));
            std::fflush(stdout);
            return;
        }
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("empty-session.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                   " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
                   "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                   "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        file.close();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CONSIGNDESK_KEYSTORE_PROBE"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral("dbus-run-session"),
                    {QStringLiteral("--config-file=") + config, QStringLiteral("--"),
                     QCoreApplication::applicationFilePath(), QStringLiteral("noKeychainIsSaidPlainly")});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const qsizetype at = out.indexOf(QStringLiteral("PROBE "));
        QVERIFY2(at >= 0, qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
        const QString line = out.mid(at + 6).section(u'\n', 0, 0);
        QCOMPARE(line.section(u' ', 0, 0).toInt(), int(KeyError::NoBackend));
        QVERIFY2(line.contains(QStringLiteral("no keychain")), qPrintable(line));
    }

    void sessionOnlyKeysStayInMemory()
    {
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEYSTORE_PROBE"))
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
