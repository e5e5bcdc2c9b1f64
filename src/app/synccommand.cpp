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

// ---- export ---------------------------------------------------------------

struct Column {
    const char *header;
    enum Kind { Text, Integer, Money, Time } kind;
};

struct ExportTable {
    const char *name;
    const char *table;
    QList<Column> columns;
    const char *select; ///< the table's columns after connection, vendor and external_id, in order
    const char *liveFilter; ///< rows shown without --include-deleted
};

const QList<ExportTable> &exportTables()
{
    static const QList<ExportTable> tables{
        {"consignors", "consignors",
         {{"name", Column::Text}, {"email", Column::Text}, {"balance", Column::Money}, {"currency", Column::Text},
          {"number", Column::Text}},
         "t.name, t.email, t.balance_minor, t.currency, t.number", "t.deleted IS NULL AND t.archived = 0"},
        {"items", "items",
         {{"sku", Column::Text}, {"title", Column::Text}, {"consignor_id", Column::Text}, {"status", Column::Text},
          {"quantity", Column::Integer}, {"price", Column::Money}, {"currency", Column::Text},
          {"category", Column::Text}, {"created", Column::Time}},
         "t.sku, t.title, t.consignor_id, t.status, t.quantity, t.price_minor, t.currency, "
         "COALESCE(t.category, t.category_id), t.created",
         "t.deleted IS NULL AND t.inactive = 0"},
        {"sales", "sales",
         {{"date", Column::Time}, {"status", Column::Text}, {"subtotal", Column::Money}, {"tax", Column::Money},
          {"total", Column::Money}, {"currency", Column::Text}},
         "t.date, t.status, t.subtotal_minor, t.tax_minor, t.total_minor, t.currency", "t.deleted IS NULL"},
        {"payouts", "payouts",
         {{"consignor_id", Column::Text}, {"date", Column::Time}, {"amount", Column::Money},
          {"currency", Column::Text}, {"reference", Column::Text}},
         "t.consignor_id, t.date, t.amount_minor, t.currency, t.reference", "t.deleted IS NULL"},
        {"stock", "stock_lines",
         {{"warehouse", Column::Text}, {"location", Column::Text}, {"product_code", Column::Text},
          {"product_name", Column::Text}, {"batch", Column::Text}, {"available", Column::Integer},
          {"on_hand", Column::Integer}, {"expiry", Column::Text}},
         "t.warehouse, t.location, t.product_code, t.product_name, t.batch, t.available, t.on_hand, t.expiry",
         "t.deleted IS NULL"},
    };
    return tables;
}

// What each consignor is owed now, one row per proposal (payouts/proposals.h);
// connections of vendors without payouts have none.
const char *const payoutsDue = "payouts-due";

int exportPayoutsDue(Store::Database &db, const QString &connectionId, const QString &path, bool raw,
                     CommandContext &context)
{
    QString error;
    const QList<Payouts::Proposal> proposals = Payouts::ProposalBuilder(db.sql()).due(connectionId, 1, &error);
    if (!error.isEmpty())
        return commandFailed(context, "export", error);
    Reports::CsvWriter csv(path, raw);
    if (!csv.open(&error))
        return commandFailed(context, "export", Text::tr("cannot write %1: %2").arg(path, error));
    csv.writeRow({QStringLiteral("connection"), QStringLiteral("vendor"), QStringLiteral("consignor_id"),
                  QStringLiteral("name"), QStringLiteral("amount"), QStringLiteral("currency"), QStringLiteral("lines")});
    const QList<bool> numeric{false, false, false, false, true, false, true};
    for (const Payouts::Proposal &p : proposals)
        csv.writeRow({p.connectionName, Vendors::id(p.vendor), p.consignorId, p.consignorName,
                      Currency::formatPlain(p.amountMinor, p.currency), p.currency, QString::number(p.lines.size())},
                     numeric);
    if (!csv.commit(&error))
        return commandFailed(context, "export", Text::tr("cannot write %1: %2").arg(path, error));
    context.err << Text::tr("Wrote %1 rows to %2.").arg(proposals.size()).arg(path) << Qt::endl;
    return ExitOk;
}

int runExport(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption connection(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption includeDeleted(QStringLiteral("include-deleted"));
    const QCommandLineOption raw(QStringLiteral("raw"));
    parser.addOptions({format, out, connection, includeDeleted, raw});
    if (!parser.parse(QStringList{QStringLiteral("export")} + arguments))
        return commandFailed(context, "export", parser.errorText(), ExitUsage);
    QStringList names;
    for (const ExportTable &t : exportTables())
        names.append(QString::fromLatin1(t.name));
    names.append(QString::fromLatin1(payoutsDue));
    if (parser.positionalArguments().size() != 1)
        return commandFailed(context, "export", Text::tr("say what to export: one of %1").arg(names.join(QStringLiteral(", "))),
                    ExitUsage);
    const QString what = parser.positionalArguments().constFirst();
    const auto table = std::find_if(exportTables().cbegin(), exportTables().cend(),
                                    [&](const ExportTable &t) { return what == QLatin1String(t.name); });
    if (table == exportTables().cend() && what != QLatin1String(payoutsDue))
        return commandFailed(context, "export",
                    Text::tr("cannot export '%1'; choose one of %2").arg(what, names.join(QStringLiteral(", "))),
                    ExitUsage);
    if (!parser.isSet(format) || parser.value(format) != QLatin1String("csv"))
        return commandFailed(context, "export", Text::tr("--format csv is the format this version writes"), ExitUsage);
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return commandFailed(context, "export", Text::tr("export needs --out FILE"), ExitUsage);

    QString error;
    auto db = Store::Database::open(Store::Database::pathIn(context.dataDir), &error);
    if (!db)
        return commandFailed(context, "export", error);
    QString connectionId;
    if (parser.isSet(connection)) {
        Secrets::KeyStore keys;
        Sync::ConnectionService service(*db, keys);
        const auto found = service.find(parser.value(connection), &error);
        if (!found)
            return commandFailed(context, "export",
                        error.isEmpty() ? Text::tr("no connection named '%1'").arg(parser.value(connection)) : error);
        connectionId = found->id;
    }
    if (what == QLatin1String(payoutsDue))
        return exportPayoutsDue(*db, connectionId, parser.value(out), parser.isSet(raw), context);

    QStringList where;
    if (!parser.isSet(includeDeleted))
        where.append(QString::fromLatin1(table->liveFilter));
    if (!connectionId.isEmpty())
        where.append(QStringLiteral("t.connection_id = :connection"));
    QSqlQuery query(db->sql());
    query.setForwardOnly(true); // rows streamed, not held
    query.prepare(QStringLiteral("SELECT c.name, c.vendor, t.external_id, %1 FROM %2 t JOIN connections c ON c.id = "
                                 "t.connection_id%3 ORDER BY c.name, t.id")
                      .arg(QString::fromLatin1(table->select), QString::fromLatin1(table->table),
                           where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    if (!connectionId.isEmpty())
        query.bindValue(QStringLiteral(":connection"), connectionId);
    if (!query.exec())
        return commandFailed(context, "export", query.lastError().text());

    Reports::CsvWriter csv(parser.value(out), parser.isSet(raw));
    if (!csv.open(&error))
        return commandFailed(context, "export", Text::tr("cannot write %1: %2").arg(parser.value(out), error));
    QStringList header{QStringLiteral("connection"), QStringLiteral("vendor"), QStringLiteral("external_id")};
    QList<bool> numeric{false, false, false};
    int currencyColumn = -1;
    for (int i = 0; i < table->columns.size(); ++i) {
        const Column &column = table->columns.at(i);
        header.append(QString::fromLatin1(column.header));
        numeric.append(column.kind == Column::Integer || column.kind == Column::Money);
        if (qstrcmp(column.header, "currency") == 0)
            currencyColumn = i;
    }
    csv.writeRow(header);
    qint64 rows = 0;
    while (query.next()) {
        QStringList cells{query.value(0).toString(), query.value(1).toString(), query.value(2).toString()};
        const QString currency = currencyColumn >= 0 ? query.value(3 + currencyColumn).toString() : QString();
        for (int i = 0; i < table->columns.size(); ++i) {
            const QVariant value = query.value(3 + i);
            switch (table->columns.at(i).kind) {
            case Column::Text:
            case Column::Integer:
                cells.append(value.isNull() ? QString() : value.toString());
                break;
            case Column::Money:
                cells.append(value.isNull() ? QString() : Currency::formatPlain(value.toLongLong(), currency));
                break;
            case Column::Time:
                cells.append(value.isNull() ? QString()
                                            : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC)
                                                  .toString(Qt::ISODate));
                break;
            }
        }
        csv.writeRow(cells, numeric);
        ++rows;
    }
    if (!csv.commit(&error))
        return commandFailed(context, "export", Text::tr("cannot write %1: %2").arg(parser.value(out), error));
    context.err << Text::tr("Wrote %1 rows to %2.").arg(rows).arg(parser.value(out)) << Qt::endl;
    return ExitOk;
}

} // namespace

Subcommand syncCommand()
{
    return {QStringLiteral("sync"), QStringLiteral("[--connection NAME] [--full]"),
            Text::tr("Bring the local cache up to date with the connected stores."), runSync};
}

Subcommand exportCommand()
{
    return {QStringLiteral("export"),
            QStringLiteral("consignors|items|sales|payouts|payouts-due|stock --format csv --out FILE [--connection NAME] "
                           "[--include-deleted] [--raw]"),
            Text::tr("Write a table of the cache to a file."), runExport};
}

} // namespace ConsignDesk
