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

// Runs @p sql with @p binds into @p query and begins the sink; false with the error.
bool beginReport(QSqlQuery &query, const QString &sql, const QVariantList &binds, const TableMeta &meta, TableSink &sink,
                 QString *error)
{
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return sink.begin(meta, error);
}

// Ends the sink with the totals rows; @p rows (if asked) gets the rows written.
bool finishReport(TableSink &sink, const QList<QList<Cell>> &totalRows, qint64 written, qint64 *rows, QString *error)
{
    sink.totals(totalRows);
    if (rows)
        *rows = written;
    return sink.finish(error);
}

// Runs @p sql (first column the group, second the currency, then the numbers
// of @p kinds) into the sink, with a totals row per currency.
bool groupedReport(QSqlDatabase db, const QString &sql, const QVariantList &binds, const TableMeta &meta,
                   TableSink &sink, QString *error, qint64 *rows)
{
    QSqlQuery query(db);
    if (!beginReport(query, sql, binds, meta, sink, error))
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
    return finishReport(sink, totalRows, written, rows, error);
}

QString connectionFilter(const ReportParams &p, QVariantList *binds)
{
    if (p.connectionId.isEmpty())
        return {};
    binds->append(p.connectionId);
    return QStringLiteral(" AND t.connection_id = ?");
}


// How listReport totals: per the value of keyColumn (the currency, or a
// type), the columns of numbers summed; thousandths columns are decimal
// quantities held in thousandths, shown as text with three decimals.
struct ListSpec {
    int currencyColumn = -1; ///< money columns take their currency from here
    int keyColumn = -1;      ///< one totals row per value of this column; -1: one in all
    QList<int> thousandths;
    bool totals = true;
};

QString thousandthsText(qint64 v)
{
    const QString sign = v < 0 ? QStringLiteral("-") : QString();
    const qint64 a = v < 0 ? -v : v;
    return sign + QString::number(a / 1000) + u'.' + QStringLiteral("%1").arg(a % 1000, 3, 10, QLatin1Char('0'));
}

// Runs @p sql (one column per meta column, in order) into the sink, a row per
// result row, then the totals rows.
bool listReport(QSqlDatabase db, const QString &sql, const QVariantList &binds, const TableMeta &meta,
                const ListSpec &spec, TableSink &sink, QString *error, qint64 *rows)
{
    QSqlQuery query(db);
    if (!beginReport(query, sql, binds, meta, sink, error))
        return false;
    const int columns = int(meta.columns.size());
    QList<bool> summed(columns, false);
    for (int i = 0; i < columns; ++i)
        summed[i] = spec.thousandths.contains(i) || meta.columns.at(i).kind == CellKind::Integer
            || meta.columns.at(i).kind == CellKind::Money;
    const int key = spec.keyColumn >= 0 ? spec.keyColumn : spec.currencyColumn;
    QMap<QString, QList<qint64>> totals;
    qint64 written = 0;
    while (query.next()) {
        const QString currency = spec.currencyColumn >= 0 ? query.value(spec.currencyColumn).toString() : QString();
        QList<qint64> &sum = totals[key >= 0 ? query.value(key).toString() : QString()];
        sum.resize(columns, 0);
        QList<Cell> cells;
        cells.reserve(columns);
        for (int i = 0; i < columns; ++i) {
            const QVariant value = query.value(i);
            if (summed.at(i))
                sum[i] += value.toLongLong();
            if (value.isNull()) {
                cells.append(Cell{});
                continue;
            }
            if (spec.thousandths.contains(i)) {
                cells.append(Cell::text(thousandthsText(value.toLongLong())));
                continue;
            }
            switch (meta.columns.at(i).kind) {
            case CellKind::Money:
                cells.append(Cell::money(value.toLongLong(), currency));
                break;
            case CellKind::Integer:
            case CellKind::Percent:
                cells.append(Cell::integer(value.toLongLong()));
                break;
            case CellKind::DateTime:
                cells.append(Cell{QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC), {}});
                break;
            case CellKind::Date: {
                const QDate date = QDate::fromString(value.toString().left(10), Qt::ISODate);
                cells.append(date.isValid() ? Cell{date, {}} : Cell::text(value.toString()));
                break;
            }
            default:
                cells.append(Cell::text(value.toString()));
                break;
            }
        }
        sink.row(cells);
        ++written;
    }
    QList<QList<Cell>> totalRows;
    if (spec.totals) {
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            QList<Cell> cells(columns);
            cells[0] = Cell::text(tr("Total"));
            if (key > 0)
                cells[key] = Cell::text(it.key());
            for (int i = 1; i < columns; ++i) {
                if (!summed.at(i) || i == key)
                    continue;
                const qint64 v = it.value().at(i);
                cells[i] = spec.thousandths.contains(i) ? Cell::text(thousandthsText(v))
                    : meta.columns.at(i).kind == CellKind::Money
                    ? Cell::money(v, spec.currencyColumn >= 0 && key == spec.currencyColumn ? it.key() : QString())
                    : Cell::integer(v);
            }
            totalRows.append(cells);
        }
    }
    return finishReport(sink, totalRows, written, rows, error);
}

// The period over @p column (epoch milliseconds) as SQL, binding its ends.
QString periodFilter(const ReportParams &p, const QString &column, QVariantList *binds)
{
    QString where;
    if (p.from.isValid()) {
        where += QStringLiteral(" AND %1 >= ?").arg(column);
        binds->append(p.from.startOfDay().toMSecsSinceEpoch());
    }
    if (p.to.isValid()) {
        where += QStringLiteral(" AND %1 < ?").arg(column);
        binds->append(p.to.addDays(1).startOfDay().toMSecsSinceEpoch());
    }
    return where;
}

QString consignorName(const QString &alias)
{
    return QStringLiteral("coalesce((SELECT c.name FROM consignors c WHERE c.connection_id = %1.connection_id AND "
                          "c.external_id = %1.consignor_id), %1.consignor_id, '')")
        .arg(alias);
}

// A sale line that counts: live, of a completed sale (or of none known).
const char *const liveLine =
    "t.deleted IS NULL AND (t.sale_id IS NULL OR EXISTS (SELECT 1 FROM sales s WHERE s.connection_id = t.connection_id "
    "AND s.external_id = t.sale_id AND s.deleted IS NULL AND (s.status IS NULL OR s.status IN ('finalized', "
    "'completed'))))";

} // namespace

const QList<ReportInfo> &reports()
{
    static const QList<ReportInfo> list{
        {QStringLiteral("sales-summary"), tr("Sales summary"),
         {QStringLiteral("month"), QStringLiteral("week"), QStringLiteral("day"), QStringLiteral("location"),
          QStringLiteral("payment-type"), QStringLiteral("category"), QStringLiteral("consignor")},
         true},
        {QStringLiteral("inventory-valuation"), tr("Inventory valuation"),
         {QStringLiteral("status"), QStringLiteral("category"), QStringLiteral("consignor"),
          QStringLiteral("inventory-type")},
         false},
        {QStringLiteral("aging"), tr("Inventory aging"), {}, false},
        {QStringLiteral("expiring"), tr("Consignments expiring"), {}, false, false, true},
        {QStringLiteral("consignor-statement"), tr("Consignor statement"), {}, true, true},
        {QStringLiteral("payouts-history"), tr("Payouts history"), {}, true},
        {QStringLiteral("warehouse-stock"), tr("Warehouse stock"),
         {QStringLiteral("warehouse"), QStringLiteral("location"), QStringLiteral("partner"), QStringLiteral("expiring"),
          QStringLiteral("dangerous")},
         false, false, true},
        {QStringLiteral("consumables"), tr("Consumables per consignment"), {}, false},
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

    if (name == QLatin1String("sales-summary")
        && (params.groupBy == QLatin1String("category") || params.groupBy == QLatin1String("consignor"))) {
        // By what was sold: the sale lines, each line's price summed.
        const bool byCategory = params.groupBy == QLatin1String("category");
        meta.period = periodText(params);
        meta.columns = {{byCategory ? tr("Category") : tr("Consignor"), CellKind::Text},
                        {tr("Currency"), CellKind::Text},
                        {tr("Lines"), CellKind::Integer},
                        {tr("Quantity"), CellKind::Integer},
                        {tr("Amount"), CellKind::Money}};
        const QString g = byCategory
            ? QStringLiteral("coalesce((SELECT coalesce(i.category, i.category_id) FROM items i WHERE i.connection_id = "
                             "t.connection_id AND i.external_id = t.item_id), '')")
            : consignorName(QStringLiteral("t"));
        QString where = QString::fromLatin1(liveLine);
        where += periodFilter(params, QStringLiteral("coalesce(t.date, t.fulfilled_at)"), &binds);
        where += connectionFilter(params, &binds);
        return groupedReport(db,
                             QStringLiteral("SELECT %1 AS g, t.currency, count(*), sum(t.quantity), sum(t.price_minor) "
                                            "FROM sale_lines t WHERE %2 GROUP BY g, t.currency ORDER BY g, t.currency")
                                 .arg(g, where),
                             binds, meta, sink, error, rows);
    }

    if (name == QLatin1String("consignor-statement")) {
        if (params.consignorId.isEmpty()) {
            *error = tr("consignor-statement needs a consignor");
            return false;
        }
        QSqlQuery who(db);
        who.prepare(QStringLiteral("SELECT name FROM consignors WHERE external_id = ?%1 ORDER BY name LIMIT 1")
                        .arg(params.connectionId.isEmpty() ? QString() : QStringLiteral(" AND connection_id = ?")));
        who.addBindValue(params.consignorId);
        if (!params.connectionId.isEmpty())
            who.addBindValue(params.connectionId);
        const QString consignor = who.exec() && who.next() ? who.value(0).toString() : params.consignorId;
        meta.title = tr("Consignor statement: %1").arg(consignor);
        meta.period = periodText(params);
        meta.columns = {{tr("Date"), CellKind::DateTime}, {tr("Item"), CellKind::Text},
                        {tr("SKU"), CellKind::Text},      {tr("Quantity"), CellKind::Integer},
                        {tr("Price"), CellKind::Money},   {tr("Share"), CellKind::Percent},
                        {tr("Amount"), CellKind::Money},  {tr("Currency"), CellKind::Text}};
        QString where = QString::fromLatin1(liveLine) + QStringLiteral(" AND t.consignor_id = ?");
        binds.append(params.consignorId);
        where += periodFilter(params, QStringLiteral("coalesce(t.date, t.fulfilled_at)"), &binds);
        where += connectionFilter(params, &binds);
        ListSpec spec;
        spec.currencyColumn = 7;
        return listReport(db,
                          QStringLiteral("SELECT coalesce(t.date, t.fulfilled_at), coalesce(t.title, ''), t.sku, t.quantity, "
                                         "t.price_minor, t.split_bp, t.consignor_amount_minor, t.currency FROM sale_lines t "
                                         "WHERE %1 ORDER BY coalesce(t.date, t.fulfilled_at), t.id")
                              .arg(where),
                          binds, meta, spec, sink, error, rows);
    }

    if (name == QLatin1String("payouts-history")) {
        meta.period = periodText(params);
        meta.columns = {{tr("Date"), CellKind::DateTime},     {tr("Connection"), CellKind::Text},
                        {tr("Consignor"), CellKind::Text},    {tr("Amount"), CellKind::Money},
                        {tr("Currency"), CellKind::Text},     {tr("Reference"), CellKind::Text},
                        {tr("ConsignDesk state"), CellKind::Text}};
        QString where = QStringLiteral("t.deleted IS NULL");
        where += periodFilter(params, QStringLiteral("t.date"), &binds);
        where += connectionFilter(params, &binds);
        ListSpec spec;
        spec.currencyColumn = 4;
        return listReport(
            db,
            QStringLiteral("SELECT t.date, (SELECT n.name FROM connections n WHERE n.id = t.connection_id), %1, "
                           "t.amount_minor, t.currency, t.reference, (SELECT pi.state FROM payout_intents pi WHERE "
                           "pi.connection_id = t.connection_id AND t.reference IS NOT NULL AND t.reference <> '' AND "
                           "(pi.vendor_reference = t.reference OR pi.reference = t.reference) ORDER BY pi.id DESC LIMIT 1) "
                           "FROM payouts t WHERE %2 ORDER BY t.date, t.id")
                .arg(consignorName(QStringLiteral("t")), where),
            binds, meta, spec, sink, error, rows);
    }

    const int days = params.days > 0 ? params.days : 30;
    const QString until = params.now.toLocalTime().date().addDays(days).toString(Qt::ISODate);
    if (name == QLatin1String("warehouse-stock")) {
        const QString by = params.groupBy.isEmpty() ? QStringLiteral("warehouse") : params.groupBy;
        meta.period = tr("As of %1").arg(QLocale().toString(params.now.toLocalTime().date(), QLocale::ShortFormat));
        QString where = QStringLiteral("t.deleted IS NULL");
        where += connectionFilter(params, &binds);
        ListSpec spec;
        if (by == QLatin1String("expiring") || by == QLatin1String("dangerous")) {
            const bool expiring = by == QLatin1String("expiring");
            meta.title = expiring ? tr("Batches expiring within %1 days").arg(days) : tr("Dangerous goods in stock");
            meta.columns = {{tr("Warehouse"), CellKind::Text}, {tr("Location"), CellKind::Text},
                            {tr("Product code"), CellKind::Text}, {tr("Product"), CellKind::Text},
                            {tr("Batch"), CellKind::Text}, {expiring ? tr("Expiry") : tr("Class"), CellKind::Text},
                            {expiring ? tr("Partner") : tr("UN number"), CellKind::Text},
                            {tr("Available"), CellKind::Integer}, {tr("On hand"), CellKind::Integer}};
            if (expiring) {
                where += QStringLiteral(" AND t.expiry IS NOT NULL AND t.expiry <> '' AND substr(t.expiry, 1, 10) <= ?");
                binds.append(until);
            } else {
                where += QStringLiteral(" AND t.dangerous_goods = 1");
            }
            return listReport(db,
                              QStringLiteral("SELECT t.warehouse, t.location, t.product_code, t.product_name, t.batch, %1, "
                                             "%2, t.available, t.on_hand FROM stock_lines t WHERE %3 ORDER BY %4, t.id")
                                  .arg(expiring ? QStringLiteral("t.expiry") : QStringLiteral("t.dg_class"),
                                       expiring ? QStringLiteral("t.partner") : QStringLiteral("t.dg_un_number"), where,
                                       expiring ? QStringLiteral("t.expiry") : QStringLiteral("t.warehouse, t.location")),
                              binds, meta, spec, sink, error, rows);
        }
        const QString column = by == QLatin1String("location") ? QStringLiteral("t.location")
            : by == QLatin1String("partner")                   ? QStringLiteral("t.partner")
                                                               : QStringLiteral("t.warehouse");
        meta.columns = {{by == QLatin1String("location") ? tr("Location")
                             : by == QLatin1String("partner") ? tr("Partner")
                                                              : tr("Warehouse"),
                         CellKind::Text},
                        {tr("Lines"), CellKind::Integer},
                        {tr("Available"), CellKind::Integer},
                        {tr("On hand"), CellKind::Integer}};
        return listReport(db,
                          QStringLiteral("SELECT coalesce(%1, '') AS g, count(*), sum(t.available), sum(t.on_hand) FROM "
                                         "stock_lines t WHERE %2 GROUP BY g ORDER BY g")
                              .arg(column, where),
                          binds, meta, spec, sink, error, rows);
    }

    if (name == QLatin1String("consumables")) {
        meta.columns = {{tr("Consignment"), CellKind::Text}, {tr("Type"), CellKind::Text},
                        {tr("Name"), CellKind::Text},        {tr("Quantity"), CellKind::Text}};
        QString where = QStringLiteral("t.deleted IS NULL");
        where += connectionFilter(params, &binds);
        ListSpec spec;
        spec.keyColumn = 1; // a total per type: quantities of different things are not added up
        spec.thousandths = {3};
        return listReport(db,
                          QStringLiteral("SELECT coalesce(t.consignment_number, t.consignment_id), t.type_id, t.name, "
                                         "t.value_thousandths FROM consumables t WHERE %1 ORDER BY "
                                         "coalesce(t.consignment_number, t.consignment_id), t.type_id, t.id")
                              .arg(where),
                          binds, meta, spec, sink, error, rows);
    }

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
    if (name == QLatin1String("expiring")) {
        // Consignments whose agreement ends within the days (or has ended): items still on hand.
        meta.title = tr("Consignments expiring within %1 days").arg(days);
        meta.columns = {{tr("SKU"), CellKind::Text},     {tr("Title"), CellKind::Text},
                        {tr("Consignor"), CellKind::Text}, {tr("Expires"), CellKind::Date},
                        {tr("Quantity"), CellKind::Integer}, {tr("Price"), CellKind::Money},
                        {tr("Currency"), CellKind::Text}};
        binds.append(until);
        ListSpec spec;
        spec.currencyColumn = 6;
        return listReport(db,
                          QStringLiteral("SELECT t.sku, t.title, %1, t.expires, %3, t.price_minor, t.currency FROM items t "
                                         "WHERE %2 AND t.expires IS NOT NULL AND t.expires <> '' AND "
                                         "substr(t.expires, 1, 10) <= ? ORDER BY t.expires, t.id")
                              .arg(consignorName(QStringLiteral("t")), where, onHand),
                          binds, meta, spec, sink, error, rows);
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
