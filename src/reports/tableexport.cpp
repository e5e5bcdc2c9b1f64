#include "reports/tableexport.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace ConsignDesk::Reports {

const QList<ExportTable> &exportTables()
{
    static const QList<ExportTable> tables{
        {"consignors", "consignors", QT_TRANSLATE_NOOP("ExportCommand", "Consignors"),
         {{"name", CellKind::Text}, {"email", CellKind::Text}, {"balance", CellKind::Money}, {"currency", CellKind::Text},
          {"number", CellKind::Text}},
         "t.name, t.email, t.balance_minor, t.currency, t.number", "t.deleted IS NULL AND t.archived = 0"},
        {"items", "items", QT_TRANSLATE_NOOP("ExportCommand", "Items"),
         {{"sku", CellKind::Text}, {"title", CellKind::Text}, {"consignor_id", CellKind::Text}, {"status", CellKind::Text},
          {"quantity", CellKind::Integer}, {"price", CellKind::Money}, {"currency", CellKind::Text},
          {"category", CellKind::Text}, {"created", CellKind::DateTime}},
         "t.sku, t.title, t.consignor_id, t.status, t.quantity, t.price_minor, t.currency, "
         "COALESCE(t.category, t.category_id), t.created",
         "t.deleted IS NULL AND t.inactive = 0"},
        {"sales", "sales", QT_TRANSLATE_NOOP("ExportCommand", "Sales"),
         {{"date", CellKind::DateTime}, {"status", CellKind::Text}, {"subtotal", CellKind::Money}, {"tax", CellKind::Money},
          {"total", CellKind::Money}, {"currency", CellKind::Text}},
         "t.date, t.status, t.subtotal_minor, t.tax_minor, t.total_minor, t.currency", "t.deleted IS NULL"},
        {"payouts", "payouts", QT_TRANSLATE_NOOP("ExportCommand", "Payouts"),
         {{"consignor_id", CellKind::Text}, {"date", CellKind::DateTime}, {"amount", CellKind::Money},
          {"currency", CellKind::Text}, {"reference", CellKind::Text}},
         "t.consignor_id, t.date, t.amount_minor, t.currency, t.reference", "t.deleted IS NULL"},
        {"stock", "stock_lines", QT_TRANSLATE_NOOP("ExportCommand", "Warehouse stock"),
         {{"warehouse", CellKind::Text}, {"location", CellKind::Text}, {"product_code", CellKind::Text},
          {"product_name", CellKind::Text}, {"batch", CellKind::Text}, {"available", CellKind::Integer},
          {"on_hand", CellKind::Integer}, {"expiry", CellKind::Text}},
         "t.warehouse, t.location, t.product_code, t.product_name, t.batch, t.available, t.on_hand, t.expiry",
         "t.deleted IS NULL"},
    };
    return tables;
}

const ExportTable *findExportTable(const QString &name)
{
    for (const ExportTable &t : exportTables()) {
        if (name == QLatin1String(t.name))
            return &t;
    }
    return nullptr;
}

Cell exportCell(CellKind kind, const QVariant &value, const QString &currency)
{
    if (value.isNull())
        return {};
    switch (kind) {
    case CellKind::Money:
        return Cell::money(value.toLongLong(), currency);
    case CellKind::Integer:
        return Cell::integer(value.toLongLong());
    case CellKind::DateTime:
        return {QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC), {}};
    default:
        return Cell::text(value.toString());
    }
}

bool exportTable(Store::Database &db, const ExportTable &table, const TableExportOptions &options, TableSink &sink,
                 qint64 *rows, QString *error)
{
    QStringList where;
    if (!options.includeDeleted)
        where.append(QString::fromLatin1(table.liveFilter));
    if (!options.connectionId.isEmpty())
        where.append(QStringLiteral("t.connection_id = :connection"));
    QSqlQuery query(db.sql());
    query.setForwardOnly(true); // rows streamed, not held
    // Grouped by connection; one connection's rows come in their stored
    // order without a sort of the whole table.
    QSqlQuery connections(db.sql());
    const bool one = !options.connectionId.isEmpty()
        || (connections.exec(QStringLiteral("SELECT count(*) FROM connections")) && connections.next()
            && connections.value(0).toInt() <= 1);
    query.prepare(QStringLiteral("SELECT c.name, c.vendor, t.external_id, %1 FROM %2 t JOIN connections c ON c.id = "
                                 "t.connection_id%3 ORDER BY %4")
                      .arg(QString::fromLatin1(table.select), QString::fromLatin1(table.table),
                           where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")),
                           one ? QStringLiteral("t.id") : QStringLiteral("c.name, t.id")));
    if (!options.connectionId.isEmpty())
        query.bindValue(QStringLiteral(":connection"), options.connectionId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    TableMeta meta;
    meta.title = QCoreApplication::translate("ExportCommand", table.title);
    meta.columns = {{QStringLiteral("connection"), CellKind::Text},
                    {QStringLiteral("vendor"), CellKind::Text},
                    {QStringLiteral("external_id"), CellKind::Text}};
    int currencyColumn = -1;
    for (int i = 0; i < table.columns.size(); ++i) {
        meta.columns.append({QString::fromLatin1(table.columns.at(i).first), table.columns.at(i).second});
        if (qstrcmp(table.columns.at(i).first, "currency") == 0)
            currencyColumn = i;
    }
    if (!sink.begin(meta, error))
        return false;
    qint64 written = 0;
    while (query.next()) {
        QList<Cell> cells;
        cells.reserve(3 + table.columns.size());
        cells << Cell::text(query.value(0).toString()) << Cell::text(query.value(1).toString())
              << Cell::text(query.value(2).toString());
        const QString currency = currencyColumn >= 0 ? query.value(3 + currencyColumn).toString() : QString();
        for (int i = 0; i < table.columns.size(); ++i)
            cells.append(exportCell(table.columns.at(i).second, query.value(3 + i), currency));
        sink.row(cells);
        if (++written % 10000 == 0 && options.progress)
            options.progress(written);
    }
    sink.totals({});
    *rows = written;
    return sink.finish(error);
}

} // namespace ConsignDesk::Reports
