#include "models/tablespec.h"

#include <QHash>
#include <QRegularExpression>

namespace ConsignDesk::Models {

namespace {

#define COLUMN(text) QT_TRANSLATE_NOOP("ConsignDesk::Models::Columns", text)
#define FILTER(text) QT_TRANSLATE_NOOP("ConsignDesk::Models::Filters", text)

using K = ColumnKind;
using F = FilterSpec::Kind;

QString nameOf(const char *table, const char *idColumn)
{
    return QStringLiteral("(SELECT x.name FROM %1 x WHERE x.connection_id = t.connection_id AND x.external_id = t.%2)")
        .arg(QLatin1String(table), QLatin1String(idColumn));
}

const QString connectionName = QStringLiteral("(SELECT c.name FROM connections c WHERE c.id = t.connection_id)");

ColumnSpec connectionColumn()
{
    return {QStringLiteral("connection"), COLUMN("Connection"), connectionName, K::Text, {}, false};
}

FilterSpec connectionFilter()
{
    return {QStringLiteral("connection"), FILTER("Connection"), F::Choice, QStringLiteral("t.connection_id = ?"),
            QStringLiteral("SELECT name, id FROM connections ORDER BY name COLLATE NOCASE"), {}, false};
}

FilterSpec choiceOf(const char *key, const char *label, const char *table, const char *column)
{
    const QString c = QLatin1String(column);
    return {QLatin1String(key), label, F::Choice, QStringLiteral("t.%1 = ?").arg(c),
            QStringLiteral("SELECT DISTINCT %2 FROM %1 WHERE %2 IS NOT NULL AND %2 <> '' ORDER BY 1")
                .arg(QLatin1String(table), c),
            {}, false};
}

// A choice among another table's records of the same connection.
FilterSpec recordChoice(const char *key, const char *label, const char *idColumn, const char *table,
                        const char *labelSql)
{
    return {QLatin1String(key), label, F::Choice,
            QStringLiteral("(t.connection_id = ? AND t.%1 = ?)").arg(QLatin1String(idColumn)),
            QStringLiteral("SELECT %2 || ' — ' || (SELECT c.name FROM connections c WHERE c.id = x.connection_id), "
                           "x.connection_id, x.external_id FROM %1 x WHERE x.deleted IS NULL ORDER BY 1 COLLATE NOCASE")
                .arg(QLatin1String(table), QLatin1String(labelSql)),
            {}, false};
}

TableSpec items()
{
    TableSpec s;
    s.table = QStringLiteral("items");
    s.columns = {
        connectionColumn(),
        {QStringLiteral("sku"), COLUMN("SKU"), QStringLiteral("t.sku"), K::Text, QStringLiteral("t.sku")},
        {QStringLiteral("title"), COLUMN("Title"), QStringLiteral("t.title"), K::Text,
         QStringLiteral("t.title COLLATE NOCASE")},
        {QStringLiteral("consignor"), COLUMN("Consignor"), nameOf("consignors", "consignor_id"), K::Text, {}},
        {QStringLiteral("category"), COLUMN("Category"), QStringLiteral("t.category"), K::Text,
         QStringLiteral("t.category COLLATE NOCASE")},
        {QStringLiteral("status"), COLUMN("Status"), QStringLiteral("t.status"), K::Text, QStringLiteral("t.status")},
        {QStringLiteral("inventory_type"), COLUMN("Inventory type"), QStringLiteral("t.inventory_type"), K::Text,
         QStringLiteral("t.inventory_type"), true},
        {QStringLiteral("location"), COLUMN("Location"), nameOf("locations", "location_id"), K::Text, {}, true},
        {QStringLiteral("batch"), COLUMN("Batch"),
         QStringLiteral("(SELECT x.number FROM batches x WHERE x.connection_id = t.connection_id AND x.external_id = "
                        "t.batch_id)"),
         K::Text, {}, true},
        {QStringLiteral("quantity"), COLUMN("Quantity"), QStringLiteral("t.quantity"), K::Integer, {}, true},
        {QStringLiteral("price"), COLUMN("Price"), QStringLiteral("t.price_minor"), K::Money,
         QStringLiteral("t.price_minor")},
        {QStringLiteral("tag_price"), COLUMN("Tag price"), QStringLiteral("t.tag_price_minor"), K::Money, {}, true},
        {QStringLiteral("split"), COLUMN("Consignor's share"), QStringLiteral("t.split_bp"), K::Percent, {}, true},
        {QStringLiteral("brand"), COLUMN("Brand"), QStringLiteral("t.brand"), K::Text, {}, true},
        {QStringLiteral("ecommerce"), COLUMN("E-commerce"), QStringLiteral("t.ecommerce"), K::Bool,
         QStringLiteral("t.ecommerce"), true},
        {QStringLiteral("created"), COLUMN("Created"), QStringLiteral("t.created"), K::Time, QStringLiteral("t.created")},
        {QStringLiteral("updated"), COLUMN("Updated"), QStringLiteral("t.updated"), K::Time, QStringLiteral("t.updated"),
         true},
        {QStringLiteral("expires"), COLUMN("Expires"), QStringLiteral("t.expires"), K::Date, {}, true},
    };
    s.filters = {
        {QStringLiteral("price"), FILTER("Price"), F::MoneyRange, QStringLiteral("t.price_minor"), {}, {}, false},
        choiceOf("category", FILTER("Category"), "items", "category"),
        recordChoice("consignor", FILTER("Consignor"), "consignor_id", "consignors", "x.name"),
        choiceOf("status", FILTER("Status"), "items", "status"),
        choiceOf("inventory_type", FILTER("Inventory type"), "items", "inventory_type"),
        recordChoice("location", FILTER("Location"), "location_id", "locations", "x.name"),
        recordChoice("batch", FILTER("Batch"), "batch_id", "batches", "coalesce(x.number, x.external_id)"),
        {QStringLiteral("created"), FILTER("Created"), F::DateRange, QStringLiteral("t.created"), {}, {}, false},
        {QStringLiteral("ecommerce"), FILTER("E-commerce only"), F::Flag, QStringLiteral("t.ecommerce = 1"), {}, {},
         false},
        {QStringLiteral("inactive"), FILTER("Include inactive"), F::Flag, {}, {},
         QStringLiteral("t.deleted IS NULL AND t.inactive = 0"), false},
        connectionFilter(),
    };
    s.ftsTable = QStringLiteral("items_fts");
    s.defaultSortKey = QStringLiteral("created");
    s.defaultOrder = Qt::DescendingOrder;
    s.totalKey = QStringLiteral("price");
    return s;
}

TableSpec consignors()
{
    TableSpec s;
    s.table = QStringLiteral("consignors");
    s.columns = {
        connectionColumn(),
        {QStringLiteral("number"), COLUMN("Number"), QStringLiteral("t.number"), K::Text, QStringLiteral("t.number")},
        {QStringLiteral("name"), COLUMN("Name"), QStringLiteral("t.name"), K::Text, QStringLiteral("t.name COLLATE NOCASE")},
        {QStringLiteral("email"), COLUMN("Email"), QStringLiteral("t.email"), K::Text,
         QStringLiteral("t.email COLLATE NOCASE")},
        {QStringLiteral("phone"), COLUMN("Phone"), QStringLiteral("t.phone"), K::Text, {}, true},
        {QStringLiteral("company"), COLUMN("Company"), QStringLiteral("t.company"), K::Text, {}, true},
        {QStringLiteral("balance"), COLUMN("Balance"), QStringLiteral("t.balance_minor"), K::Money,
         QStringLiteral("t.balance_minor")},
        {QStringLiteral("split"), COLUMN("Consignor's share"), QStringLiteral("t.split_bp"), K::Percent, {}},
        {QStringLiteral("archived"), COLUMN("Archived"), QStringLiteral("t.archived"), K::Bool,
         QStringLiteral("t.archived"), true},
        {QStringLiteral("created"), COLUMN("Created"), QStringLiteral("t.created"), K::Time, {}, true},
    };
    s.baseWhere = QStringLiteral("t.deleted IS NULL");
    s.filters = {
        {QStringLiteral("balance"), FILTER("Balance"), F::MoneyRange, QStringLiteral("t.balance_minor"), {}, {}, false},
        {QStringLiteral("archived"), FILTER("Include archived"), F::Flag, {}, {}, QStringLiteral("t.archived = 0"),
         false},
        connectionFilter(),
    };
    s.ftsTable = QStringLiteral("consignors_fts");
    s.defaultSortKey = QStringLiteral("name");
    s.totalKey = QStringLiteral("balance");
    return s;
}

TableSpec sales()
{
    TableSpec s;
    s.table = QStringLiteral("sales");
    s.columns = {
        connectionColumn(),
        {QStringLiteral("number"), COLUMN("Number"), QStringLiteral("coalesce(t.number, t.external_id)"), K::Text, {}},
        {QStringLiteral("date"), COLUMN("Date"), QStringLiteral("t.date"), K::Time, QStringLiteral("t.date")},
        {QStringLiteral("status"), COLUMN("Status"), QStringLiteral("t.status"), K::Text, QStringLiteral("t.status")},
        {QStringLiteral("subtotal"), COLUMN("Subtotal"), QStringLiteral("t.subtotal_minor"), K::Money, {}, true},
        {QStringLiteral("tax"), COLUMN("Tax"), QStringLiteral("t.tax_minor"), K::Money, {}, true},
        {QStringLiteral("total"), COLUMN("Total"), QStringLiteral("t.total_minor"), K::Money,
         QStringLiteral("t.total_minor")},
        {QStringLiteral("location"), COLUMN("Location"), nameOf("locations", "location_id"), K::Text, {}},
        {QStringLiteral("customer"), COLUMN("Customer"), QStringLiteral("t.customer_id"), K::Text,
         QStringLiteral("t.customer_id")},
        {QStringLiteral("payment_type"), COLUMN("Payment type"), QStringLiteral("t.payment_type"), K::Text,
         QStringLiteral("t.payment_type")},
        {QStringLiteral("lines"), COLUMN("Lines"),
         QStringLiteral("(SELECT count(*) FROM sale_lines l WHERE l.connection_id = t.connection_id AND l.sale_id = "
                        "t.external_id)"),
         K::Integer, {}, true},
    };
    s.baseWhere = QStringLiteral("t.deleted IS NULL");
    s.filters = {
        {QStringLiteral("date"), FILTER("Date"), F::DateRange, QStringLiteral("t.date"), {}, {}, false},
        choiceOf("status", FILTER("Status"), "sales", "status"),
        {QStringLiteral("total"), FILTER("Total"), F::MoneyRange, QStringLiteral("t.total_minor"), {}, {}, false},
        recordChoice("location", FILTER("Location"), "location_id", "locations", "x.name"),
        {QStringLiteral("customer"), FILTER("Customer"), F::Text, QStringLiteral("t.customer_id LIKE ? ESCAPE '\\'"),
         {}, {}, false},
        choiceOf("payment_type", FILTER("Payment type"), "sales", "payment_type"),
        connectionFilter(),
    };
    s.searchColumns = {QStringLiteral("t.number"), QStringLiteral("t.external_id"), QStringLiteral("t.customer_id")};
    s.defaultSortKey = QStringLiteral("date");
    s.defaultOrder = Qt::DescendingOrder;
    s.totalKey = QStringLiteral("total");
    return s;
}

TableSpec payouts()
{
    TableSpec s;
    s.table = QStringLiteral("payouts");
    s.columns = {
        connectionColumn(),
        {QStringLiteral("date"), COLUMN("Date"), QStringLiteral("t.date"), K::Time, QStringLiteral("t.date")},
        {QStringLiteral("consignor"), COLUMN("Consignor"), nameOf("consignors", "consignor_id"), K::Text, {}},
        {QStringLiteral("amount"), COLUMN("Amount"), QStringLiteral("t.amount_minor"), K::Money,
         QStringLiteral("t.amount_minor")},
        {QStringLiteral("adjustment"), COLUMN("Adjustment"), QStringLiteral("t.adjustment_minor"), K::Money, {}, true},
        {QStringLiteral("reference"), COLUMN("Reference"), QStringLiteral("t.reference"), K::Text,
         QStringLiteral("t.reference")},
        {QStringLiteral("note"), COLUMN("Note"), QStringLiteral("t.note"), K::Text, {}, true},
        {QStringLiteral("lines"), COLUMN("Lines"),
         QStringLiteral("(SELECT count(*) FROM payout_lines l WHERE l.connection_id = t.connection_id AND l.payout_id = "
                        "t.external_id)"),
         K::Integer, {}},
    };
    s.baseWhere = QStringLiteral("t.deleted IS NULL");
    s.filters = {
        {QStringLiteral("date"), FILTER("Date"), F::DateRange, QStringLiteral("t.date"), {}, {}, false},
        recordChoice("consignor", FILTER("Consignor"), "consignor_id", "consignors", "x.name"),
        {QStringLiteral("amount"), FILTER("Amount"), F::MoneyRange, QStringLiteral("t.amount_minor"), {}, {}, false},
        connectionFilter(),
    };
    s.searchColumns = {QStringLiteral("t.reference"), QStringLiteral("t.note"), QStringLiteral("t.external_id")};
    s.defaultSortKey = QStringLiteral("date");
    s.defaultOrder = Qt::DescendingOrder;
    s.totalKey = QStringLiteral("amount");
    return s;
}

TableSpec stock()
{
    TableSpec s;
    s.table = QStringLiteral("stock_lines");
    const QString unit = QStringLiteral("(SELECT u.%1 FROM logistic_units u WHERE u.connection_id = t.connection_id AND "
                                        "u.external_id = t.logistic_unit_id)");
    s.columns = {
        connectionColumn(),
        {QStringLiteral("warehouse"), COLUMN("Warehouse"), QStringLiteral("t.warehouse"), K::Text,
         QStringLiteral("t.warehouse")},
        {QStringLiteral("location"), COLUMN("Location"), QStringLiteral("t.location"), K::Text,
         QStringLiteral("t.location")},
        {QStringLiteral("partner"), COLUMN("Partner"), QStringLiteral("t.partner"), K::Text, QStringLiteral("t.partner")},
        {QStringLiteral("sscc"), COLUMN("SSCC"), unit.arg(QStringLiteral("sscc")), K::Text, {}, true},
        {QStringLiteral("product_code"), COLUMN("Product code"), QStringLiteral("t.product_code"), K::Text,
         QStringLiteral("t.product_code")},
        {QStringLiteral("product_name"), COLUMN("Product"), QStringLiteral("t.product_name"), K::Text,
         QStringLiteral("t.product_name COLLATE NOCASE")},
        {QStringLiteral("batch"), COLUMN("Batch"), QStringLiteral("t.batch"), K::Text, QStringLiteral("t.batch")},
        {QStringLiteral("available"), COLUMN("Available"), QStringLiteral("t.available"), K::Integer, {}},
        {QStringLiteral("on_hand"), COLUMN("On hand"), QStringLiteral("t.on_hand"), K::Integer, {}},
        {QStringLiteral("best_before"), COLUMN("Best before"), QStringLiteral("t.best_before"), K::Date, {}, true},
        {QStringLiteral("expiry"), COLUMN("Expiry"), QStringLiteral("t.expiry"), K::Date, QStringLiteral("t.expiry")},
        {QStringLiteral("dangerous_goods"), COLUMN("Dangerous goods"),
         QStringLiteral("CASE WHEN t.dangerous_goods THEN trim(coalesce(t.dg_class, '') || ' ' || "
                        "coalesce('UN' || t.dg_un_number, '')) END"),
         K::Text, QStringLiteral("t.dangerous_goods")},
    };
    s.baseWhere = QStringLiteral("t.deleted IS NULL");
    s.filters = {
        choiceOf("warehouse", FILTER("Warehouse"), "stock_lines", "warehouse"),
        choiceOf("location", FILTER("Location"), "stock_lines", "location"),
        choiceOf("partner", FILTER("Partner"), "stock_lines", "partner"),
        {QStringLiteral("depleted"), FILTER("Include depleted"), F::Flag, {}, {}, QStringLiteral("t.on_hand > 0"), false},
        {QStringLiteral("dangerous"), FILTER("Dangerous goods only"), F::Flag, QStringLiteral("t.dangerous_goods = 1"),
         {}, {}, false},
        {QStringLiteral("expiring"), FILTER("Expiring within"), F::Days,
         QStringLiteral("(t.expiry IS NOT NULL AND t.expiry <= ?)"), {}, {}, true},
        connectionFilter(),
    };
    s.ftsTable = QStringLiteral("stock_lines_fts");
    s.searchColumns = {unit.arg(QStringLiteral("sscc"))};
    s.defaultSortKey = QStringLiteral("product_name");
    return s;
}

#undef COLUMN
#undef FILTER

} // namespace

const TableSpec &tableSpec(const QString &table)
{
    static const QHash<QString, TableSpec> specs{
        {QStringLiteral("items"), items()},     {QStringLiteral("consignors"), consignors()},
        {QStringLiteral("sales"), sales()},     {QStringLiteral("payouts"), payouts()},
        {QStringLiteral("stock_lines"), stock()},
    };
    static const TableSpec none;
    const auto it = specs.constFind(table);
    return it == specs.constEnd() ? none : *it;
}

QStringList paneTables()
{
    return {QStringLiteral("consignors"), QStringLiteral("items"), QStringLiteral("sales"), QStringLiteral("payouts"),
            QStringLiteral("stock_lines")};
}

QString ftsQuery(const QString &typed)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"]+"));
    QStringList terms;
    for (const QString &word : typed.split(separators, Qt::SkipEmptyParts))
        terms.append(u'"' + word + QStringLiteral("\"*"));
    return terms.join(u' ');
}

} // namespace ConsignDesk::Models
