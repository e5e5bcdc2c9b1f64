// bench_reports: how fast the report sinks write a large table, and how much
// memory they hold while doing it (issue 8: XLSX of 100,000 rows < 5 s, with
// memory bounded because rows are streamed).
//
//   bench_reports xlsx [--rows 100000] [--out FILE] [--keep]
//       8 columns of mixed kinds (text, integer, money in USD/EUR/JPY, date,
//       date-time, percent) and a totals row through XlsxSink: rows/s,
//       seconds, the file's size and peak memory (VmHWM), with VmHWM before
//       the export for comparison. The file goes to a temporary folder and is
//       removed unless --out is given or --keep.
//
//   bench_reports pdf [--rows 10000] [--out FILE] [--keep]
//       The same table through PdfSink (A4, offscreen fonts): seconds, pages,
//       the file's size and peak memory (target < 5 s for 10,000 rows).
//
//   bench_reports csv [--rows 1000000] [--out FILE] [--keep]
//       An items-like table (connection, vendor, external_id, sku, title,
//       consignor, status, quantity, price, currency, category, created)
//       through the CSV sink from generated rows (target < 3 s for 1,000,000).
//
//   bench_reports export-items --cache FILE [--generic] [--out FILE] [--keep]
//       The real `export items --format csv` on a cache file (one built by
//       `bench_panes build --items 1000000`; it is opened for writing, as the
//       program opens it, so give it a copy): seconds, rows/s, the file's size
//       and peak memory (VmHWM) against the target < 3 s for 1,000,000 items.
//       --generic writes through the CSV sink and QSqlQuery instead, the path
//       the other formats take, for comparison.
#include "reports/pdfsink.h"
#include "reports/tableexport.h"
#include "reports/tablesink.h"
#include "reports/xlsxsink.h"
#include "store/database.h"

#include "procstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace ConsignDesk;
using namespace ConsignDesk::Reports;

namespace {

struct Options {
    qint64 rows = 100000;
    QString out;
    bool keep = false;
    QString cache;       ///< export-items
    bool generic = false; ///< export-items: through the CSV sink
};

bool parseOptions(const QStringList &args, Options *options)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--rows" && i + 1 < args.size()) {
            bool ok = false;
            options->rows = args.at(++i).toLongLong(&ok);
            if (!ok || options->rows < 0)
                return false;
        } else if (arg == u"--out" && i + 1 < args.size()) {
            options->out = args.at(++i);
        } else if (arg == u"--keep") {
            options->keep = true;
        } else if (arg == u"--cache" && i + 1 < args.size()) {
            options->cache = args.at(++i);
        } else if (arg == u"--generic") {
            options->generic = true;
        } else {
            return false;
        }
    }
    return true;
}

/// The bench's table: what a sales report looks like.
TableMeta salesMeta()
{
    return {QStringLiteral("Sales"), QStringLiteral("Main Street, Outlet"), QStringLiteral("1 Jan 2026 – 31 Dec 2026"),
            {{QStringLiteral("Item"), CellKind::Text},
             {QStringLiteral("SKU"), CellKind::Text},
             {QStringLiteral("Qty"), CellKind::Integer},
             {QStringLiteral("Price"), CellKind::Money},
             {QStringLiteral("Consignor share"), CellKind::Money},
             {QStringLiteral("Sold on"), CellKind::Date},
             {QStringLiteral("Synced at"), CellKind::DateTime},
             {QStringLiteral("Commission"), CellKind::Percent}}};
}

/// Row @p i of the bench's table, made on the fly so that only the sink holds rows.
QList<Cell> salesRow(qint64 i)
{
    static const QString currencies[] = {QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("JPY")};
    static const QDate first(2026, 1, 1);
    static const QDateTime synced(first, QTime(9, 0), Qt::UTC);
    const QString &currency = currencies[i % 3];
    const qint64 price = (i * 7919) % 250000 - 1000; // some negatives (refunds)
    const qint64 commission = 2500 + (i % 5) * 500;  // 25 % - 45 %
    return {Cell::text(QStringLiteral("Item %1 – vintage coat, size %2").arg(i).arg(36 + i % 10)),
            Cell::text(QStringLiteral("SKU-%1").arg(i, 8, 10, QLatin1Char('0'))),
            Cell::integer(1 + i % 4),
            Cell::money(price, currency),
            Cell::money(price * (10000 - commission) / 10000, currency),
            {first.addDays(i % 365), {}},
            {synced.addSecs(i * 37), {}},
            {commission, {}}};
}

int benchXlsx(const Options &options)
{
    QTemporaryDir dir;
    const QString path = options.out.isEmpty() ? dir.filePath(QStringLiteral("bench.xlsx")) : options.out;
    if (options.keep && options.out.isEmpty())
        dir.setAutoRemove(false);
    const qint64 hwmBefore = procStatusKb("VmHWM:");

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<TableSink> sink = makeXlsxSink(path, {});
    QString error;
    if (!sink->begin(salesMeta(), &error)) {
        std::fprintf(stderr, "begin: %s\n", qPrintable(error));
        return 1;
    }
    qint64 totals[3] = {0, 0, 0};
    qint64 quantity = 0;
    for (qint64 i = 0; i < options.rows; ++i) {
        const QList<Cell> row = salesRow(i);
        quantity += row.at(2).value.toLongLong();
        totals[i % 3] += row.at(3).value.toLongLong();
        sink->row(row);
    }
    sink->totals({{Cell::text(QStringLiteral("Total (USD)")), {}, Cell::integer(quantity), Cell::money(totals[0], QStringLiteral("USD"))},
                  {Cell::text(QStringLiteral("Total (EUR)")), {}, {}, Cell::money(totals[1], QStringLiteral("EUR"))},
                  {Cell::text(QStringLiteral("Total (JPY)")), {}, {}, Cell::money(totals[2], QStringLiteral("JPY"))}});
    const qint64 rowsMs = timer.elapsed();
    if (!sink->finish(&error)) {
        std::fprintf(stderr, "finish: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 totalMs = timer.elapsed();
    const qint64 hwm = procStatusKb("VmHWM:");
    const double seconds = totalMs / 1000.0;

    std::printf("xlsx: %lld rows x 8 columns in %.2f s (rows %.2f s, finish %.2f s): %.0f rows/s\n",
                static_cast<long long>(options.rows), seconds, rowsMs / 1000.0, (totalMs - rowsMs) / 1000.0,
                seconds > 0 ? options.rows / seconds : 0.0);
    std::printf("xlsx: file %.1f MB; peak RSS (VmHWM) %lld kB, %lld kB before the export\n",
                QFileInfo(path).size() / 1e6, static_cast<long long>(hwm), static_cast<long long>(hwmBefore));
    if (options.rows > 0) {
        const double per100k = seconds * 100000.0 / double(options.rows);
        std::printf("xlsx: 100,000 rows at this rate: %.2f s (target < 5 s: %s)\n", per100k,
                    per100k < 5.0 ? "met" : "MISSED");
    }
    if (options.keep || !options.out.isEmpty())
        std::printf("xlsx: written to %s\n", qPrintable(path));
    return 0;
}

// The PDF sink over the same table: 10,000 rows in < 5 s, memory bounded.
int benchPdf(const Options &options)
{
    QTemporaryDir dir;
    const QString path = options.out.isEmpty() ? dir.filePath(QStringLiteral("bench.pdf")) : options.out;
    if (options.keep && options.out.isEmpty())
        dir.setAutoRemove(false);
    const qint64 hwmBefore = procStatusKb("VmHWM:");

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<TableSink> sink = makePdfSink(path, {});
    QString error;
    if (!sink->begin(salesMeta(), &error)) {
        std::fprintf(stderr, "begin: %s\n", qPrintable(error));
        return 1;
    }
    qint64 totals[3] = {0, 0, 0};
    qint64 quantity = 0;
    qint64 hwmHalfway = 0;
    for (qint64 i = 0; i < options.rows; ++i) {
        const QList<Cell> row = salesRow(i);
        quantity += row.at(2).value.toLongLong();
        totals[i % 3] += row.at(3).value.toLongLong();
        sink->row(row);
        if (i == options.rows / 2)
            hwmHalfway = procStatusKb("VmHWM:");
    }
    sink->totals({{Cell::text(QStringLiteral("Total (USD)")), {}, Cell::integer(quantity), Cell::money(totals[0], QStringLiteral("USD"))},
                  {Cell::text(QStringLiteral("Total (EUR)")), {}, {}, Cell::money(totals[1], QStringLiteral("EUR"))},
                  {Cell::text(QStringLiteral("Total (JPY)")), {}, {}, Cell::money(totals[2], QStringLiteral("JPY"))}});
    const qint64 rowsMs = timer.elapsed();
    if (!sink->finish(&error)) {
        std::fprintf(stderr, "finish: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 totalMs = timer.elapsed();
    const qint64 hwm = procStatusKb("VmHWM:");
    const double seconds = totalMs / 1000.0;

    QProcess info; // the number of pages, when pdfinfo is at hand
    info.start(QStringLiteral("pdfinfo"), {path});
    QString pages = QStringLiteral("?");
    if (info.waitForFinished(30000)) {
        for (const QByteArray &line : info.readAllStandardOutput().split('\n')) {
            if (line.startsWith("Pages:"))
                pages = QString::fromLatin1(line.mid(6).trimmed());
        }
    }
    std::printf("pdf: %lld rows x 8 columns in %.2f s (rows %.2f s, finish %.2f s): %.0f rows/s, %s pages\n",
                static_cast<long long>(options.rows), seconds, rowsMs / 1000.0, (totalMs - rowsMs) / 1000.0,
                seconds > 0 ? options.rows / seconds : 0.0, qPrintable(pages));
    std::printf("pdf: file %.1f MB; peak RSS (VmHWM) %lld kB, %lld kB halfway, %lld kB before the export\n",
                QFileInfo(path).size() / 1e6, static_cast<long long>(hwm), static_cast<long long>(hwmHalfway),
                static_cast<long long>(hwmBefore));
    const double per10k = options.rows > 0 ? seconds * 10000.0 / options.rows : 0.0;
    std::printf("pdf: %.2f s per 10,000 rows; target < 5 s for 10,000 rows: %s\n", per10k,
                options.rows >= 10000 ? (per10k < 5.0 ? "met" : "MISSED") : "n/a (fewer rows)");
    if (options.keep || !options.out.isEmpty())
        std::printf("pdf: written to %s\n", qPrintable(path));
    return 0;
}

int benchCsv(const Options &options)
{
    QTemporaryDir dir;
    const QString path = options.out.isEmpty() ? dir.filePath(QStringLiteral("bench.csv")) : options.out;
    if (options.keep)
        dir.setAutoRemove(false);
    TableMeta meta;
    meta.title = QStringLiteral("Items");
    for (const auto &[header, kind] :
         {std::pair{"connection", CellKind::Text}, {"vendor", CellKind::Text}, {"external_id", CellKind::Text},
          {"sku", CellKind::Text}, {"title", CellKind::Text}, {"consignor_id", CellKind::Text},
          {"status", CellKind::Text}, {"quantity", CellKind::Integer}, {"price", CellKind::Money},
          {"currency", CellKind::Text}, {"category", CellKind::Text}, {"created", CellKind::DateTime}})
        meta.columns.append({QString::fromLatin1(header), kind});
    const QStringList statuses{QStringLiteral("active"), QStringLiteral("sold"), QStringLiteral("returned")};
    const QStringList categories{QStringLiteral("Dresses"), QStringLiteral("Shoes, boots"), QStringLiteral("Bags"),
                                 QStringLiteral("=Formula")};
    const QString connection = QStringLiteral("Main Street");
    const QString vendor = QStringLiteral("consigncloud");
    const QString usd = QStringLiteral("USD");
    const qint64 base = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    auto sink = makeSink(Format::Csv, path);
    QString error;
    if (!sink->begin(meta, &error)) {
        std::fprintf(stderr, "csv: %s\n", qPrintable(error));
        return 1;
    }
    for (qint64 r = 0; r < options.rows; ++r) {
        sink->row({Cell::text(connection), Cell::text(vendor), Cell::text(QString::number(1000000 + r)),
                   Cell::text(QStringLiteral("SKU-") + QString::number(r)),
                   Cell::text(QStringLiteral("Item \"") + QString::number(r % 997) + QStringLiteral("\" wool coat")),
                   Cell::text(QString::number(r % 5000)), Cell::text(statuses.at(r % 3)), Cell::integer(r % 4),
                   Cell::money(100 + (r * 37) % 100000, usd), Cell::text(usd), Cell::text(categories.at(r % 4)),
                   Cell{QDateTime::fromMSecsSinceEpoch(base + r * 60000, Qt::UTC), {}}});
    }
    sink->totals({});
    if (!sink->finish(&error)) {
        std::fprintf(stderr, "csv: %s\n", qPrintable(error));
        return 1;
    }
    const double seconds = timer.elapsed() / 1000.0;
    std::printf("csv: %lld rows x 12 columns in %.2f s: %.0f rows/s; file %.1f MB; peak RSS (VmHWM) %lld kB\n",
                static_cast<long long>(options.rows), seconds, seconds > 0 ? options.rows / seconds : 0.0,
                QFileInfo(path).size() / 1e6, static_cast<long long>(procStatusKb("VmHWM:")));
    const double perMillion = options.rows > 0 ? seconds * 1e6 / options.rows : 0.0;
    std::printf("csv: %.2f s per 1,000,000 rows; target < 3 s for 1,000,000 rows: %s\n", perMillion,
                options.rows >= 1000000 ? (perMillion < 3.0 ? "met" : "MISSED") : "n/a (fewer rows)");
    if (options.keep || !options.out.isEmpty())
        std::printf("csv: written to %s\n", qPrintable(path));
    return 0;
}

// The program's own export of the items table from a cache file.
int benchExportItems(const Options &options)
{
    if (options.cache.isEmpty()) {
        std::fprintf(stderr, "export-items: say which cache with --cache FILE\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString path = options.out.isEmpty() ? dir.filePath(QStringLiteral("items.csv")) : options.out;
    if (options.keep)
        dir.setAutoRemove(false);
    const char *const how = options.generic ? "generic (QSqlQuery, CSV sink)" : "fast (Statement, CSV bytes)";
    QString error;
    auto db = Store::Database::openWithoutChecks(options.cache, &error);
    if (!db) {
        std::fprintf(stderr, "export-items: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 hwmBefore = procStatusKb("VmHWM:");
    const Reports::ExportTable &table = *Reports::findExportTable(QStringLiteral("items"));
    qint64 rows = 0;
    QElapsedTimer timer;
    timer.start();
    bool ok = false;
    if (options.generic) {
        auto sink = makeSink(Format::Csv, path);
        ok = Reports::exportTable(*db, table, {}, *sink, &rows, &error);
    } else {
        ok = Reports::exportTableCsv(*db, table, {}, path, &rows, &error);
    }
    const double seconds = timer.elapsed() / 1000.0;
    if (!ok) {
        std::fprintf(stderr, "export-items: %s\n", qPrintable(error));
        return 1;
    }
    QSqlQuery count(db->sql());
    const qint64 items = count.exec(QStringLiteral("SELECT count(*) FROM items")) && count.next()
        ? count.value(0).toLongLong()
        : 0;
    std::printf("export-items, %s: %lld rows of %lld items in %.2f s: %.0f rows/s; file %.1f MB\n", how,
                static_cast<long long>(rows), static_cast<long long>(items), seconds, seconds > 0 ? rows / seconds : 0.0,
                QFileInfo(path).size() / 1e6);
    std::printf("export-items: peak RSS (VmHWM) %lld kB, %lld kB before the export\n",
                static_cast<long long>(procStatusKb("VmHWM:")), static_cast<long long>(hwmBefore));
    const double perMillion = items > 0 ? seconds * 1e6 / double(items) : 0.0;
    std::printf("export-items: %.2f s per 1,000,000 items; target < 3 s for 1,000,000 items: %s\n", perMillion,
                items >= 1000000 ? (perMillion < 3.0 ? "met" : "MISSED") : "n/a (fewer items)");
    if (options.keep || !options.out.isEmpty())
        std::printf("export-items: written to %s\n", qPrintable(path));
    return 0;
}

void usage()
{
    std::fprintf(stderr,
                 "usage: bench_reports xlsx [--rows N] [--out FILE] [--keep]\n"
                 "       bench_reports pdf [--rows N] [--out FILE] [--keep]\n"
                 "       bench_reports csv [--rows N] [--out FILE] [--keep]\n"
                 "       bench_reports export-items --cache FILE [--generic] [--out FILE] [--keep]\n");
}

} // namespace

int main(int argc, char **argv)
{
    // A PDF paints text: a QGuiApplication, on the offscreen platform unless told otherwise.
    const bool pdf = argc > 1 && qstrcmp(argv[1], "pdf") == 0;
    if (pdf && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application;
    if (pdf)
        application = std::make_unique<QGuiApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        usage();
        return 2;
    }
    const QString command = args.takeFirst();
    Options options;
    if (!parseOptions(args, &options)) {
        usage();
        return 2;
    }
    if (command == u"xlsx")
        return benchXlsx(options);
    if (command == u"csv") {
        if (!args.contains(QStringLiteral("--rows")))
            options.rows = 1000000;
        return benchCsv(options);
    }
    if (command == u"export-items")
        return benchExportItems(options);
    if (command == u"pdf") {
        if (!args.contains(QStringLiteral("--rows")))
            options.rows = 10000;
        return benchPdf(options);
    }
    usage();
    return 2;
}
