#include "app/commandline.h"

#include "app/subcommand.h"
#include "version.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

// The translation context of the command line's own words.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

namespace ConsignDesk {

namespace {

// Options QGuiApplication and QApplication parse themselves; we accept them so
// that `consigndesk -platform offscreen` still opens the window.
const char *const qtValueOptions[] = {
    "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
    "qwindowicon", "qwindowtitle", "style", "stylesheet", "session", "display", "geometry",
};
const char *const qtFlagOptions[] = {"reverse", "widgetcount", "nograb", "dograb", "sync"};

struct ParserOptions {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, CommandLine::tr("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               CommandLine::tr("Show the version and exit.")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               CommandLine::tr("Keep the cache and the connection list in DIR instead of the "
                                               "usual place."),
                               QStringLiteral("DIR")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            CommandLine::tr("Open the window on the demo stores: the four vendors emulated on this "
                                            "computer, with generated data.")};
};

void configure(QCommandLineParser &parser, const ParserOptions &options)
{
    parser.setApplicationDescription(
        CommandLine::tr("ConsignDesk: inventory, sales, consignor payouts and reports for consignment and resale "
           "stores, across ConsignCloud, SimpleConsign, Consignify and Consignly.\n"
           "Without a command, the window opens; with one, it runs without a window."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOption(options.help);
    parser.addOption(options.version);
    parser.addOption(options.demo);
    parser.addOption(options.dataDir);
    for (const char *name : qtValueOptions) {
        QCommandLineOption option(QString::fromLatin1(name), QString(), QStringLiteral("value"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    for (const char *name : qtFlagOptions) {
        QCommandLineOption option(QString::fromLatin1(name));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    parser.addPositionalArgument(QStringLiteral("command"),
                                 CommandLine::tr("A command from the list below, run without a window."),
                                 QStringLiteral("[command [arguments...]]"));
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments, const QStringList &subcommandNames)
{
    ParsedCommandLine result;
    QCommandLineParser parser;
    const ParserOptions options;
    configure(parser, options);
    if (!parser.parse(arguments)) {
        result.action = ParsedCommandLine::Action::Fail;
        result.error = CommandLine::tr("%1; see consigndesk --help").arg(parser.errorText());
        return result;
    }
    if (parser.isSet(options.help)) {
        result.action = ParsedCommandLine::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(options.version)) {
        result.action = ParsedCommandLine::Action::ShowVersion;
        return result;
    }
    result.demo = parser.isSet(options.demo);
    result.dataDir = parser.value(options.dataDir);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return result;
    if (result.demo) {
        result.action = ParsedCommandLine::Action::Fail;
        result.error = CommandLine::tr("--demo opens the window; it does not go with a command");
        return result;
    }
    const QString &name = positional.constFirst();
    if (!subcommandNames.contains(name)) {
        result.action = ParsedCommandLine::Action::Fail;
        result.error = CommandLine::tr("unknown command '%1'; see consigndesk --help").arg(name);
        return result;
    }
    result.action = ParsedCommandLine::Action::RunSubcommand;
    result.subcommand = name;
    result.subcommandArguments = positional.mid(1);
    return result;
}

QString helpText(const QList<Subcommand> &commands)
{
    QCommandLineParser parser;
    const ParserOptions options;
    configure(parser, options);
    // Qt names the program by its full path; users type its name.
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    if (!arguments.isEmpty())
        text.replace(arguments.constFirst(), QStringLiteral("consigndesk"));
    if (!commands.isEmpty()) {
        text += u'\n' + CommandLine::tr("Commands:") + u'\n';
        for (const Subcommand &command : commands) {
            const QString usage = command.name + (command.synopsis.isEmpty() ? QString() : u' ' + command.synopsis);
            text += QStringLiteral("  ") + usage + u'\n';
            text += QStringLiteral("      ") + command.summary + u'\n';
        }
    }
    return text;
}

QString resolveDataDir(const QString &chosen)
{
    if (!chosen.isEmpty())
        return QDir(chosen).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString versionText()
{
    return QStringLiteral("ConsignDesk " CONSIGNDESK_VERSION "\n");
}

int commandFailed(CommandContext &context, const char *command, const QString &reason, int code)
{
    context.err << "consigndesk " << command << ": " << reason << Qt::endl;
    return code;
}

} // namespace ConsignDesk
