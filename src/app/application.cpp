#include "app/application.h"

#include "app/commandline.h"
#include "app/connectioncommand.h"
#include "app/demostores.h"
#include "app/exportcommand.h"
#include "app/payoutcommand.h"
#include "app/subcommand.h"
#include "app/synccommand.h"
#include "app/translations.h"
#include "version.h"
#include "sync/workspace.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QStatusBar>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace ConsignDesk {

QList<Subcommand> subcommands()
{
    // Each layer's issue adds its commands here (sync, export, …).
    return {connectionCommand(), syncCommand(), exportCommand(), payoutsCommand()};
}

namespace {

constexpr qint64 demoStoreItems = 2000;

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ConsignDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ConsignDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONSIGNDESK_VERSION));
}

QStringList argumentList(int argc, char *argv[])
{
    QStringList list;
    list.reserve(argc);
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

// A command that lays out text (`payouts statement` writes a PDF) needs fonts,
// so a QGuiApplication, on the offscreen platform: still no display.
bool needsFonts(const ParsedCommandLine &parsed)
{
    if (parsed.action != ParsedCommandLine::Action::RunSubcommand)
        return false;
    if (parsed.subcommand == QLatin1String("payouts"))
        return parsed.subcommandArguments.value(0) == QLatin1String("statement");
    // export … --format pdf (either spelling of the option)
    const QStringList &a = parsed.subcommandArguments;
    return parsed.subcommand == QLatin1String("export")
        && (a.contains(QStringLiteral("--format=pdf"))
            || (a.indexOf(QStringLiteral("--format")) >= 0
                && a.value(a.indexOf(QStringLiteral("--format")) + 1) == QLatin1String("pdf")));
}

int runHeadless(int argc, char *argv[], const ParsedCommandLine &parsed)
{
    std::unique_ptr<QCoreApplication> application;
    if (needsFonts(parsed)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    describeApplication();
    installTranslations(app, QLocale::system());
    const QList<Subcommand> commands = subcommands(); // after the translator, for their summaries

    QTextStream out(stdout);
    QTextStream err(stderr);
    switch (parsed.action) {
    case ParsedCommandLine::Action::ShowHelp:
        out << helpText(commands);
        return ExitOk;
    case ParsedCommandLine::Action::ShowVersion:
        out << versionText();
        return ExitOk;
    case ParsedCommandLine::Action::Fail:
        err << "consigndesk: " << parsed.error << Qt::endl;
        return ExitUsage;
    case ParsedCommandLine::Action::RunSubcommand:
        for (const Subcommand &command : commands) {
            if (command.name == parsed.subcommand) {
                CommandContext context{resolveDataDir(parsed.dataDir), out, err, [] {
                                           QFile in;
                                           if (!in.open(stdin, QIODevice::ReadOnly))
                                               return QByteArray();
                                           return in.readAll();
                                       }};
                return command.run(parsed.subcommandArguments, context);
            }
        }
        return ExitUsage; // parseCommandLine only accepts known names
    case ParsedCommandLine::Action::OpenWindow:
        break;
    }
    return ExitUsage;
}

int runWindow(int argc, char *argv[], bool demo, const QString &dataDir)
{
    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName(QStringLiteral(CONSIGNDESK_APP_ID));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/consigndesk.svg")));
    installTranslations(app, QLocale::system());

    MainWindow window;
    QString workspaceError;
    const std::unique_ptr<Sync::Workspace> workspace = Sync::Workspace::open(resolveDataDir(dataDir), &workspaceError);
    if (workspace)
        window.setWorkspace(workspace.get());
    else
        window.statusBar()->showMessage(MainWindow::tr("The cache could not be opened: %1").arg(workspaceError));
    DemoStoresController demoStores(window, workspace.get(), demoStoreItems);
    // --demo, or demo connections from an earlier run that need their stores again.
    if (demo || (workspace && hasDemoConnections(workspace->connections())))
        demoStores.start();
    window.show();
    return app.exec();
}

} // namespace

int runApplication(int argc, char *argv[])
{
    QStringList names;
    for (const Subcommand &command : subcommands())
        names.append(command.name);

    const ParsedCommandLine parsed = parseCommandLine(argumentList(argc, argv), names);
    if (parsed.action == ParsedCommandLine::Action::OpenWindow)
        return runWindow(argc, argv, parsed.demo, parsed.dataDir);
    return runHeadless(argc, argv, parsed);
}

} // namespace ConsignDesk
