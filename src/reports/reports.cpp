#include "reports/reports.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace ConsignDesk::Reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConsignDesk::Reports", text);
}

// A grouping: its SQL over the table (aliased t) and its column's header.
struct Grouping {
    QString sql;
    QString header;
};

Grouping salesGrouping(const QString &by)
{
    const QString local = QStringLiteral("t.date / 1000, 'unixepoch', 'localtime'");
    if (by == QLatin1String("day"))
        return {QStringLiteral("strftime('%Y-%m-%d', %1)").arg(local), tr("Day")};
    if (by == QLatin1String("week"))
        return {QStringLiteral("strftime('%Y-W%W', %1)").arg(local), tr("Week")};
    if (by == QLatin1String("location"))
        return {QStringLiteral("coalesce((SELECT l.name FROM locations l WHERE l.connection_id = t.connection_id AND "
                               "l.external_id = t.location_id), t.location_id, '')"),
                tr("Location")};
    if (by == QLatin1String("payment-type"))
        return {QStringLiteral("coalesce(t.payment_type, '')"), tr("Payment type")};
    return {QStringLiteral("strftime('%Y-%m', %1)").arg(local), tr("Month")};
}

Grouping inventoryGrouping(const QString &by)
{
    if (by == QLatin1String("category"))
        return {QStringLiteral("coalesce(t.category, t.category_id, '')"), tr("Category")};
    if (by == QLatin1String("consignor"))
        return {QStringLiteral("coalesce((SELECT c.name FROM consignors c WHERE c.connection_id = t.connection_id AND "
                               "c.external_id = t.consignor_id), t.consignor_id, '')"),
                tr("Consignor")};
    if (by == QLatin1String("inventory-type"))
        return {QStringLiteral("coalesce(t.inventory_type, '')"), tr("Inventory type")};
    return {QStringLiteral("coalesce(t.status, '')"), tr("Status")};
}

QString periodText(const ReportParams &p)
{
    const QLocale locale;
    if (!p.from.isValid() && !p.to.isValid())
        return tr("All dates");
    const QString from = p.from.isValid() ? locale.toString(p.from, QLocale::ShortFormat) : tr("the beginning");
    const QString to = p.to.isValid() ? locale.toString(p.to, QLocale::ShortFormat) : tr("today");
    return QStringLiteral("%1 – %2").arg(from, to);
}

QString storeText(QSqlDatabase db, const QString &connectionId)
{
    QSqlQuery q(db);
    q.prepare(connectionId.isEmpty() ? QStringLiteral("SELECT group_concat(name, ', ') FROM (SELECT name FROM connections "
                                                      "ORDER BY name COLLATE NOCASE)")
                                     : QStringLiteral("SELECT name FROM connections WHERE id = ?"));
    if (!connectionId.isEmpty())
        q.addBindValue(connectionId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// Runs @p sql (first column the group, second the currency, then the numbers
// of @p kinds) into the sink, with a totals row per currency.
bool groupedReport(QSqlDatabase db, const QString &sql, const QVariantList &binds, const TableMeta &meta,
                   TableSink &sink, QString *error, qint64 *rows)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (!sink.begin(meta, error))
        return false;
    const int numbers = int(meta.columns.size()) - 2;
    QMap<QString, QList<qint64>> totals; // per currency
    qint64 written = 0;
    while (query.next()) {
        const QString currency = query.value(1).toString();
        QList<Cell> cells{Cell::text(query.value(0).toString().isEmpty() ? tr("(none)") : query.value(0).toString()),
                          Cell::text(currency)};
        QList<qint64> &sum = totals[currency];
        sum.resize(numbers, 0);
        for (int i = 0; i < numbers; ++i) {
            const qint64 value = query.value(2 + i).toLongLong();
            sum[i] += value;
            cells.append(meta.columns.at(2 + i).kind == CellKind::Money ? Cell::money(value, currency)
                                                                         : Cell::integer(value));
        }
        sink.row(cells);
        ++written;
    }
    QList<QList<Cell>> totalRows;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        QList<Cell> cells{Cell::text(tr("Total")), Cell::text(it.key())};
        for (int i = 0; i < numbers; ++i)
            cells.append(meta.columns.at(2 + i).kind == CellKind::Money ? Cell::money(it.value().at(i), it.key())
                                                                         : Cell::integer(it.value().at(i)));
        totalRows.append(cells);
    }
    sink.totals(totalRows);
    if (rows)
        *rows = written;
    return sink.finish(error);
}

QString connectionFilter(const ReportParams &p, QVariantList *binds)
{
    if (p.connectionId.isEmpty())
        return {};
    binds->append(p.connectionId);
    return QStringLiteral(" AND t.connection_id = ?");
}

} // namespace

const QList<ReportInfo> &reports()
{
    static const QList<ReportInfo> list{
        {QStringLiteral("sales-summary"), tr("Sales summary"),
         {QStringLiteral("month"), QStringLiteral("week"), QStringLiteral("day"), QStringLiteral("location"),
          QStringLiteral("payment-type")},
         true},
        {QStringLiteral("inventory-valuation"), tr("Inventory valuation"),
         {QStringLiteral("status"), QStringLiteral("category"), QStringLiteral("consignor"),
          QStringLiteral("inventory-type")},
         false},
        {QStringLiteral("aging"), tr("Inventory aging"), {}, false},
    };
    return list;
}

const ReportInfo *findReport(const QString &name)
{
    for (const ReportInfo &info : reports()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

bool runReport(const QString &name, QSqlDatabase db, const ReportParams &params, TableSink &sink, QString *error,
               qint64 *rows)
{
    const ReportInfo *info = findReport(name);
    if (!info) {
        *error = tr("no report named '%1'").arg(name);
        return false;
    }
    if (!params.groupBy.isEmpty() && !info->groupings.contains(params.groupBy)) {
        *error = info->groupings.isEmpty()
            ? tr("%1 has no grouping").arg(name)
            : tr("%1 groups by %2, not '%3'").arg(name, info->groupings.join(QStringLiteral(", ")), params.groupBy);
        return false;
    }
    TableMeta meta;
    meta.title = info->title;
    meta.store = storeText(db, params.connectionId);
    QVariantList binds;

    if (name == QLatin1String("sales-summary")) {
        const Grouping g = salesGrouping(params.groupBy);
        meta.period = periodText(params);
        meta.columns = {{g.header, CellKind::Text},       {tr("Currency"), CellKind::Text},
                        {tr("Sales"), CellKind::Integer}, {tr("Subtotal"), CellKind::Money},
                        {tr("Tax"), CellKind::Money},     {tr("Total"), CellKind::Money}};
        // Completed sales only: open, parked and voided ones are not sales yet (or any more).
        QString where = QStringLiteral("t.deleted IS NULL AND (t.status IS NULL OR t.status IN ('finalized', 'completed'))");
        if (params.from.isValid()) {
            where += QStringLiteral(" AND t.date >= ?");
            binds.append(params.from.startOfDay().toMSecsSinceEpoch());
        }
        if (params.to.isValid()) {
            where += QStringLiteral(" AND t.date < ?");
            binds.append(params.to.addDays(1).startOfDay().toMSecsSinceEpoch());
        }
        where += connectionFilter(params, &binds);
        return groupedReport(db,
                             QStringLiteral("SELECT %1 AS g, t.currency, count(*), sum(t.subtotal_minor), "
                                            "sum(t.tax_minor), sum(t.total_minor) FROM sales t WHERE %2 "
                                            "GROUP BY g, t.currency ORDER BY g, t.currency")
                                 .arg(g.sql, where),
                             binds, meta, sink, error, rows);
    }

    // Items on hand: live, unsold; a quantity not tracked counts as one, an
    // oversold (negative) one as none.
    const QString onHand = QStringLiteral("CASE WHEN t.quantity IS NULL THEN 1 WHEN t.quantity < 0 THEN 0 ELSE t.quantity END");
    QString where = QStringLiteral("t.deleted IS NULL AND t.inactive = 0 AND t.sold IS NULL");
    where += connectionFilter(params, &binds);
    meta.period = tr("As of %1").arg(QLocale().toString(params.now.toLocalTime().date(), QLocale::ShortFormat));
    if (name == QLatin1String("inventory-valuation")) {
        const Grouping g = inventoryGrouping(params.groupBy);
        meta.columns = {{g.header, CellKind::Text},
                        {tr("Currency"), CellKind::Text},
                        {tr("Items"), CellKind::Integer},
                        {tr("Quantity"), CellKind::Integer},
                        {tr("Value"), CellKind::Money}};
        return groupedReport(db,
                             QStringLiteral("SELECT %1 AS g, t.currency, count(*), sum(%3), sum(t.price_minor * %3) "
                                            "FROM items t WHERE %2 GROUP BY g, t.currency ORDER BY g, t.currency")
                                 .arg(g.sql, where, onHand),
                             binds, meta, sink, error, rows);
    }
    // aging: days on the floor since the item was created.
    meta.columns = {{tr("Days on the floor"), CellKind::Text},
                    {tr("Currency"), CellKind::Text},
                    {tr("Items"), CellKind::Integer},
                    {tr("Quantity"), CellKind::Integer},
                    {tr("Value"), CellKind::Money}};
    binds.prepend(params.now.toMSecsSinceEpoch());
    return groupedReport(db,
                         QStringLiteral("SELECT CASE WHEN d <= 30 THEN '0–30' WHEN d <= 60 THEN '31–60' WHEN d <= 90 "
                                        "THEN '61–90' ELSE '90+' END AS g, currency, count(*), sum(q), sum(v) FROM ("
                                        "SELECT (? - t.created) / 86400000 AS d, t.currency AS currency, %2 AS q, "
                                        "t.price_minor * %2 AS v FROM items t WHERE t.created IS NOT NULL AND %1) "
                                        "GROUP BY g, currency ORDER BY min(d), currency")
                             .arg(where, onHand),
                         binds, meta, sink, error, rows);
}

} // namespace ConsignDesk::Reports
