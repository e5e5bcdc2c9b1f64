#include "app/commandline.h"

#include <QTest>

using namespace ConsignDesk;
using Action = ParsedCommandLine::Action;

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    static ParsedCommandLine parse(const QStringList &arguments, const QStringList &commands = {})
    {
        return parseCommandLine(QStringList{QStringLiteral("consigndesk")} + arguments, commands);
    }

private Q_SLOTS:
    void noArgumentsOpensTheWindow()
    {
        QCOMPARE(parse({}).action, Action::OpenWindow);
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<Action>("action");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << Action::ShowHelp;
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << Action::ShowHelp;
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << Action::ShowVersion;
        QTest::newRow("-v") << QStringList{QStringLiteral("-v")} << Action::ShowVersion;
    }
    void helpAndVersion()
    {
        QFETCH(QStringList, arguments);
        QFETCH(Action, action);
        QCOMPARE(parse(arguments).action, action);
    }

    void qtWindowOptionsAreLeftForQApplication()
    {
        const auto parsed = parse({QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                   QStringLiteral("-style"), QStringLiteral("fusion"), QStringLiteral("-reverse")});
        QCOMPARE(parsed.action, Action::OpenWindow);
    }

    void demoOpensTheWindowOnTheDemoStores()
    {
        const auto parsed = parse({QStringLiteral("--demo")});
        QCOMPARE(parsed.action, Action::OpenWindow);
        QVERIFY(parsed.demo);
        QVERIFY(!parse({}).demo);
        const auto withCommand = parse({QStringLiteral("--demo"), QStringLiteral("sync")}, {QStringLiteral("sync")});
        QCOMPARE(withCommand.action, Action::Fail);
        QVERIFY(withCommand.error.contains(QStringLiteral("--demo")));
    }

    void unknownOptionFailsWithItsName()
    {
        const auto parsed = parse({QStringLiteral("--frobnicate")});
        QCOMPARE(parsed.action, Action::Fail);
        QVERIFY2(parsed.error.contains(QStringLiteral("frobnicate")), qPrintable(parsed.error));
        QVERIFY(!parsed.error.contains(u'\n'));
    }

    void unknownCommandFailsWithItsName()
    {
        const auto parsed = parse({QStringLiteral("teleport")}, {QStringLiteral("sync")});
        QCOMPARE(parsed.action, Action::Fail);
        QVERIFY2(parsed.error.contains(QStringLiteral("'teleport'")), qPrintable(parsed.error));
        QVERIFY(parsed.error.contains(QStringLiteral("--help")));
    }

    void commandTakesEverythingAfterItsName()
    {
        const auto parsed = parse({QStringLiteral("export"), QStringLiteral("items"), QStringLiteral("--format"),
                                   QStringLiteral("csv"), QStringLiteral("--help")},
                                  {QStringLiteral("sync"), QStringLiteral("export")});
        QCOMPARE(parsed.action, Action::RunSubcommand);
        QCOMPARE(parsed.subcommand, QStringLiteral("export"));
        // Options after the command belong to it, --help included.
        QCOMPARE(parsed.subcommandArguments, (QStringList{QStringLiteral("items"), QStringLiteral("--format"),
                                                           QStringLiteral("csv"), QStringLiteral("--help")}));
    }

    void helpListsEveryCommand()
    {
        const QList<Subcommand> commands{
            {QStringLiteral("sync"), QStringLiteral("[--full]"), QStringLiteral("Fetch every store."), {}},
            {QStringLiteral("export"), QStringLiteral("TABLE --out FILE"), QStringLiteral("Write a table."), {}},
        };
        const QString text = helpText(commands);
        QVERIFY(text.contains(QStringLiteral("--version")));
        QVERIFY(text.contains(QStringLiteral("Commands:")));
        QVERIFY(text.contains(QStringLiteral("sync [--full]")));
        QVERIFY(text.contains(QStringLiteral("export TABLE --out FILE")));
        QVERIFY(text.indexOf(QStringLiteral("Fetch every store.")) < text.indexOf(QStringLiteral("Write a table.")));
        // Qt's own window options stay out of the help.
        QVERIFY(!text.contains(QStringLiteral("platform")));
    }

    void versionNamesTheProgram()
    {
        QVERIFY(versionText().startsWith(QStringLiteral("ConsignDesk ")));
        QVERIFY(versionText().contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
