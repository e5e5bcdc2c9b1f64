#pragma once

#include "app/subcommand.h"

#include <QString>
#include <QStringList>

namespace ConsignDesk {

/// Exit codes shared by every headless command.
enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// @short What the command line asks for, decided before any QApplication exists,
/// so that --help, --version and subcommands never need a display.
struct ParsedCommandLine {
    enum class Action { OpenWindow, ShowHelp, ShowVersion, RunSubcommand, Fail };
    Action action = Action::OpenWindow;
    QString subcommand;        ///< for RunSubcommand
    QStringList subcommandArguments; ///< everything after the subcommand's name
    QString error;             ///< for Fail: one line, no trailing newline
    bool demo = false;         ///< --demo: open the window on the in-process demo stores
    QString dataDir;           ///< --data-dir, empty for the default
};

/// Parses argv (including argv[0]). Options Qt itself takes for a window
/// (-platform, -style, …) are accepted and left for QApplication.
ParsedCommandLine parseCommandLine(const QStringList &arguments, const QStringList &subcommandNames);

/// The text of `consigndesk --help`, with the list of subcommands.
QString helpText(const QList<Subcommand> &commands);

/// The folder of the cache and the connection list: @p chosen, or the GUI's default.
QString resolveDataDir(const QString &chosen);

/// The text of `consigndesk --version`.
QString versionText();

} // namespace ConsignDesk
