#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

namespace ConsignDesk {

/// What every command is given: where the data lives and where to write.
struct CommandContext {
    QString dataDir; ///< --data-dir, or the GUI's data location
    QTextStream &out;
    QTextStream &err;
    /// Reads standard input to its end (keys come this way, never on argv).
    std::function<QByteArray()> readStdin;
};

/// @short A headless command (`consigndesk NAME …`): runs without a window or display.
struct Subcommand {
    QString name;
    QString synopsis; ///< arguments after the name, as shown in --help
    QString summary;  ///< one line, translated
    /// Runs the command; returns the process's exit code (0 success, 1 failure, 2 usage).
    std::function<int(const QStringList &arguments, CommandContext &context)> run;
};

/// Writes "consigndesk COMMAND: REASON" as one line on standard error and
/// returns @p code (1 failure, 2 usage), for a command's `return`.
int commandFailed(CommandContext &context, const char *command, const QString &reason, int code = 1);

/// The commands this build knows, in the order --help lists them.
QList<Subcommand> subcommands();

} // namespace ConsignDesk
