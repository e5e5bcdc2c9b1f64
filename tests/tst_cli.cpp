// The real program, started as a user would, with no display at all.
#include "clirun.h"

#include <QRegularExpression>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    // No data folder, no display, and the system language @p language.
    static Run run(const QStringList &arguments, const QString &language = QStringLiteral("C.UTF-8"))
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), language);
        return runConsignDesk(QString(), arguments, {}, 30000, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CONSIGNDESK_BINARY"), "run through ctest");
    }

    void versionWithoutDisplay()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^ConsignDesk \\d+\\.\\d+\\.\\d+\\n$")).match(r.out).hasMatch(),
                 qPrintable(r.out));
        QCOMPARE(r.err, QString());
    }

    void helpWithoutDisplay()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: consigndesk")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--version")));
        QVERIFY(r.out.contains(QStringLiteral("without a window")));
        QCOMPARE(r.err, QString());
    }

    void unknownCommandFailsWithOneLine()
    {
        const Run r = run({QStringLiteral("teleport")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("consigndesk: unknown command 'teleport'")), qPrintable(r.err));
    }

    void unknownOptionFailsWithOneLine()
    {
        const Run r = run({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(QStringLiteral("frobnicate")), qPrintable(r.err));
    }

    void helpSpeaksTheSystemLanguage()
    {
        const Run r = run({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(r.exitCode, 0);
        // Our catalogue and Qt's own are both loaded for a German system.
        QVERIFY2(r.out.contains(QStringLiteral("ohne Fenster")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Aufruf:")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
