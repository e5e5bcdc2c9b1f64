#include "app/exportcommand.h"

#include "app/commandline.h"
#include "core/currency.h"
#include "payouts/proposals.h"
#include "reports/reports.h"
#include "reports/tableexport.h"
#include "reports/tablesink.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "sync/connectionservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ConsignDesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

using Reports::Cell;
using Reports::CellKind;

const char *const payoutsDue = "payouts-due";

// Progress on a terminal for long exports: a count redrawn in place every
// 10,000 rows.
struct Progress {
    QTextStream &err;
    bool terminal = isatty(fileno(stderr));
    void tick(qint64 rows)
    {
        if (terminal)
            err << "\r\x1b[K" << Text::tr("%1 rows written…").arg(QLocale().toString(rows)) << Qt::flush;
    }
    void done()
    {
        if (terminal)
            err << "\r\x1b[K" << Qt::flush;
    }
};

// What each consignor is owed now, one row per proposal (payouts/proposals.h);
// connections of vendors without payouts have none.
bool exportPayoutsDue(Store::Database &db, const QString &connectionId, Reports::TableSink &sink, qint64 *rows,
                      QString *error)
{
    const QList<Payouts::Proposal> proposals = Payouts::ProposalBuilder(db.sql()).due(connectionId, 1, error);
    if (!error->isEmpty())
        return false;
    Reports::TableMeta meta;
    meta.title = Text::tr("Payouts due");
    meta.columns = {{QStringLiteral("connection"), CellKind::Text}, {QStringLiteral("vendor"), CellKind::Text},
                    {QStringLiteral("consignor_id"), CellKind::Text}, {QStringLiteral("name"), CellKind::Text},
                    {QStringLiteral("amount"), CellKind::Money},      {QStringLiteral("currency"), CellKind::Text},
                    {QStringLiteral("lines"), CellKind::Integer}};
    if (!sink.begin(meta, error))
        return false;
    for (const Payouts::Proposal &p : proposals)
        sink.row({Cell::text(p.connectionName), Cell::text(Vendors::id(p.vendor)), Cell::text(p.consignorId),
                  Cell::text(p.consignorName), Cell::money(p.amountMinor, p.currency), Cell::text(p.currency),
                  Cell::integer(p.lines.size())});
    sink.totals({});
    *rows = proposals.size();
    return sink.finish(error);
}

std::optional<QDate> parseDate(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

int runExport(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption connection(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption includeDeleted(QStringLiteral("include-deleted"));
    const QCommandLineOption raw(QStringLiteral("raw"));
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("DATE"));
    const QCommandLineOption groupBy(QStringLiteral("group-by"), QString(), QStringLiteral("GROUP"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QString(), QStringLiteral("a4|letter"));
    const QCommandLineOption consignor(QStringLiteral("consignor"), QString(), QStringLiteral("ID"));
    const QCommandLineOption days(QStringLiteral("days"), QString(), QStringLiteral("N"));
    parser.addOptions({format, out, connection, includeDeleted, raw, from, to, groupBy, pageSize, consignor, days});
    if (!parser.parse(QStringList{QStringLiteral("export")} + arguments))
        return commandFailed(context, "export", parser.errorText(), ExitUsage);
    QStringList names;
    for (const Reports::ExportTable &t : Reports::exportTables())
        names.append(QString::fromLatin1(t.name));
    names.append(QString::fromLatin1(payoutsDue));
    for (const Reports::ReportInfo &r : Reports::reports())
        names.append(r.name);
    if (parser.positionalArguments().size() != 1)
        return commandFailed(context, "export", Text::tr("say what to export: one of %1").arg(names.join(QStringLiteral(", "))),
                             ExitUsage);
    QString what = parser.positionalArguments().constFirst();
    // The stock table grouped, or its expiring or dangerous lines: the warehouse-stock report.
    if (what == QLatin1String("stock") && parser.isSet(groupBy))
        what = QStringLiteral("warehouse-stock");
    if (!names.contains(what))
        return commandFailed(context, "export",
                             Text::tr("cannot export '%1'; choose one of %2").arg(what, names.join(QStringLiteral(", "))),
                             ExitUsage);
    const QString formatName = parser.value(format);
    Reports::Format chosen = Reports::Format::Csv;
    if (formatName == QLatin1String("xlsx"))
        chosen = Reports::Format::Xlsx;
    else if (formatName == QLatin1String("pdf"))
        chosen = Reports::Format::Pdf;
    else if (formatName != QLatin1String("csv"))
        return commandFailed(context, "export", Text::tr("--format must be csv, xlsx or pdf"), ExitUsage);
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return commandFailed(context, "export", Text::tr("export needs --out FILE"), ExitUsage);
    Reports::ReportParams params;
    for (const auto &[option, date] : {std::pair{&from, &params.from}, std::pair{&to, &params.to}}) {
        if (!parser.isSet(*option))
            continue;
        const auto parsed = parseDate(parser.value(*option));
        if (!parsed)
            return commandFailed(context, "export",
                                 Text::tr("--%1: '%2' is not a date like 2026-03-31")
                                     .arg(option->names().constFirst(), parser.value(*option)),
                                 ExitUsage);
        *date = *parsed;
    }
    if (params.from.isValid() && params.to.isValid() && params.to < params.from)
        return commandFailed(context, "export", Text::tr("the date range ends before it starts"), ExitUsage);
    params.groupBy = parser.value(groupBy);
    const Reports::ReportInfo *report = Reports::findReport(what);
    if (!report && (parser.isSet(from) || parser.isSet(to) || parser.isSet(groupBy)))
        return commandFailed(context, "export", Text::tr("--from, --to and --group-by are for reports, not %1").arg(what),
                             ExitUsage);
    if (report && !report->usesPeriod && (parser.isSet(from) || parser.isSet(to)))
        return commandFailed(context, "export", Text::tr("%1 has no period: --from and --to do not apply").arg(what),
                             ExitUsage);
    if (parser.isSet(consignor) && !(report && report->usesConsignor))
        return commandFailed(context, "export", Text::tr("--consignor is for consignor-statement, not %1").arg(what),
                             ExitUsage);
    if (report && report->usesConsignor) {
        params.consignorId = parser.value(consignor).trimmed();
        if (params.consignorId.isEmpty())
            return commandFailed(context, "export", Text::tr("%1 needs --consignor ID").arg(what), ExitUsage);
    }
    if (parser.isSet(days)) {
        if (!(report && report->usesDays))
            return commandFailed(context, "export", Text::tr("--days is for expiring and warehouse-stock, not %1").arg(what),
                                 ExitUsage);
        bool ok = false;
        params.days = parser.value(days).toInt(&ok);
        if (!ok || params.days < 1 || params.days > 36500)
            return commandFailed(context, "export",
                                 Text::tr("--days: '%1' is not a number of days from 1").arg(parser.value(days)), ExitUsage);
    }
    if (report && !params.groupBy.isEmpty() && !report->groupings.contains(params.groupBy))
        return commandFailed(context, "export",
                             report->groupings.isEmpty()
                                 ? Text::tr("%1 has no grouping").arg(what)
                                 : Text::tr("%1 groups by %2").arg(what, report->groupings.join(QStringLiteral(", "))),
                             ExitUsage);
    Reports::SinkOptions options;
    options.raw = parser.isSet(raw);
    if (parser.isSet(pageSize)) {
        if (parser.value(pageSize) == QLatin1String("letter"))
            options.pageSize = QPageSize(QPageSize::Letter);
        else if (parser.value(pageSize) != QLatin1String("a4"))
            return commandFailed(context, "export", Text::tr("--page-size must be a4 or letter"), ExitUsage);
    }

    QString error;
    auto db = Store::Database::openWithoutChecks(Store::Database::pathIn(context.dataDir), &error);
    if (!db)
        return commandFailed(context, "export", error);
    if (parser.isSet(connection)) {
        Secrets::KeyStore keys;
        Sync::ConnectionService service(*db, keys);
        const auto found = service.find(parser.value(connection), &error);
        if (!found)
            return commandFailed(context, "export",
                                 error.isEmpty() ? Text::tr("no connection named '%1'").arg(parser.value(connection)) : error);
        params.connectionId = found->id;
    }
    const QString path = parser.value(out);
    Progress progress{context.err};
    qint64 rows = 0;
    bool ok = false;
    if (const Reports::ExportTable *table = Reports::findExportTable(what)) {
        Reports::TableExportOptions tableOptions;
        tableOptions.connectionId = params.connectionId;
        tableOptions.includeDeleted = parser.isSet(includeDeleted);
        tableOptions.raw = options.raw;
        tableOptions.progress = [&progress](qint64 written) { progress.tick(written); };
        if (chosen == Reports::Format::Csv) {
            ok = Reports::exportTableCsv(*db, *table, tableOptions, path, &rows, &error);
        } else {
            std::unique_ptr<Reports::TableSink> sink = Reports::makeSink(chosen, path, options);
            ok = Reports::exportTable(*db, *table, tableOptions, *sink, &rows, &error);
        }
    } else {
        std::unique_ptr<Reports::TableSink> sink = Reports::makeSink(chosen, path, options);
        if (report)
            ok = Reports::runReport(what, db->sql(), params, *sink, &error, &rows);
        else
            ok = exportPayoutsDue(*db, params.connectionId, *sink, &rows, &error);
    }
    progress.done();
    if (!ok)
        return commandFailed(context, "export", Text::tr("cannot write %1: %2").arg(path, error));
    context.err << Text::tr("Wrote %1 rows to %2.").arg(rows).arg(path) << Qt::endl;
    return ExitOk;
}

} // namespace

Subcommand exportCommand()
{
    QStringList reports;
    for (const Reports::ReportInfo &r : Reports::reports())
        reports.append(r.name);
    return {QStringLiteral("export"),
            QStringLiteral("consignors|items|sales|payouts|payouts-due|stock|%1 --format csv|xlsx|pdf --out FILE "
                           "[--connection NAME] [--from DATE --to DATE] [--group-by GROUP] [--consignor ID] [--days N] "
                           "[--include-deleted] [--raw] [--page-size a4|letter]; stock --group-by "
                           "warehouse|location|partner|expiring|dangerous is the warehouse-stock report")
                .arg(reports.join(u'|')),
            Text::tr("Write a table or a report of the cache to a CSV, Excel or PDF file."), runExport};
}

} // namespace ConsignDesk
