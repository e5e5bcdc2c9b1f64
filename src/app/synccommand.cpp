#include "app/synccommand.h"

#include "app/commandline.h"
#include "core/currency.h"
#include "net/httpclient.h"
#include "payouts/proposals.h"
#include "reports/csvwriter.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/syncengine.h"
#include "vendors/connector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ConsignDesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
};

// The connections a command works on: all, or the one named.
std::optional<QList<Connection>> chosenConnections(Sync::ConnectionService &service, const QString &name, QString *error)
{
    if (name.isEmpty())
        return service.list(error);
    const auto found = service.find(name, error);
    if (!found) {
        if (error->isEmpty())
            *error = Text::tr("no connection named '%1'").arg(name);
        return std::nullopt;
    }
    return QList<Connection>{*found};
}

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// A one-line bar on a terminal, redrawn in place.
void drawProgress(QTextStream &err, const Sync::SyncProgress &p)
{
    QString line = QStringLiteral("%1 %2: ").arg(p.connection, p.resource);
    if (p.total > 0) {
        const int width = 24;
        const int filled = int(std::min<qint64>(width, p.rows * width / p.total));
        line += u'[' + QString(filled, u'#') + QString(width - filled, u' ') + QStringLiteral("] ");
        line += Text::tr("%1 of %2 rows").arg(p.rows).arg(p.total);
    } else {
        line += Text::tr("%1 rows").arg(p.rows);
    }
    line += u' ' + Text::tr("(page %1)").arg(p.pages);
    if (p.etaMs >= 0)
        line += u' ' + Text::tr("about %1 left").arg(duration(p.etaMs));
    err << "\r\x1b[K" << line << Qt::flush;
}

int runSync(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption connection(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption full(QStringLiteral("full"));
    parser.addOptions({connection, full});
    if (!parser.parse(QStringList{QStringLiteral("sync")} + arguments))
        return commandFailed(context, "sync", parser.errorText(), ExitUsage);
    if (!parser.positionalArguments().isEmpty())
        return commandFailed(context, "sync", Text::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()),
                    ExitUsage);

    QString error;
    auto db = Store::Database::open(Store::Database::pathIn(context.dataDir), &error);
    if (!db)
        return commandFailed(context, "sync", error);
    Secrets::KeyStore keys;
    Sync::ConnectionService service(*db, keys);
    const auto connections = chosenConnections(service, parser.value(connection), &error);
    if (!connections)
        return commandFailed(context, "sync", error);
    if (connections->isEmpty())
        return commandFailed(context, "sync", Text::tr("no connections yet; add one with: consigndesk connection add"));

    const bool terminal = isatty(fileno(stderr));
    QNetworkAccessManager network;
    Net::HttpClient http(&network);
    bool allOk = true;
    for (const Connection &c : *connections) {
        auto connector = Vendors::makeConnector(c, http, [&service, c](auto give) {
            const Secrets::KeyResult key = service.secretOf(c);
            give(key.secret, key.ok() ? QString() : key.message);
        });
        if (!connector) {
            context.err << "consigndesk sync: "
                        << Text::tr("%1 (%2): this version cannot sync %2 yet").arg(c.name, Vendors::displayName(c.vendor))
                        << Qt::endl;
            allOk = false;
            continue;
        }
        Sync::SyncRun::Options options;
        options.full = parser.isSet(full);
        Sync::SyncRun run(*db, *connector, options);
        if (terminal)
            QObject::connect(&run, &Sync::SyncRun::progress, &run,
                             [&context](const Sync::SyncProgress &p) { drawProgress(context.err, p); });
        QEventLoop loop;
        QObject::connect(&run, &Sync::SyncRun::finished, &loop, &QEventLoop::quit);
        run.start();
        if (!run.isFinished())
            loop.exec();
        if (terminal)
            context.err << "\r\x1b[K" << Qt::flush;

        context.out << Text::tr("%1 (%2)").arg(c.name, Vendors::displayName(c.vendor)) << Qt::endl;
        for (const Sync::ResourceSummary &s : run.summaries()) {
            QString line = QStringLiteral("  %1: ").arg(s.resource);
            if (s.cancelled)
                line += Text::tr("not synced");
            else
                line += Text::tr("%1 added, %2 changed, %3 deleted (%4; pages: %5)")
                            .arg(s.counts.added)
                            .arg(s.counts.changed)
                            .arg(s.counts.deleted)
                            .arg(s.full ? Text::tr("full") : Text::tr("incremental"))
                            .arg(s.pages);
            if (!s.error.isEmpty())
                line += QStringLiteral(" — ") + Text::tr("failed");
            context.out << line << Qt::endl;
            if (!s.error.isEmpty())
                context.err << "consigndesk sync: " << s.error << Qt::endl;
        }
        allOk = allOk && run.ok();
    }
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

Subcommand syncCommand()
{
    return {QStringLiteral("sync"), QStringLiteral("[--connection NAME] [--full]"),
            Text::tr("Bring the local cache up to date with the connected stores."), runSync};
}

} // namespace ConsignDesk
