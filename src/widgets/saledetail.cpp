#include "widgets/saledetail.h"

#include <QSqlQuery>

namespace ConsignDesk {

using namespace DetailFormat;

namespace {

constexpr int lineLimit = 500;

// The sale, with its location's name.
const QString saleQuery = QStringLiteral("SELECT s.*, loc.name AS location_name FROM sales s"
                                         " LEFT JOIN locations loc ON loc.connection_id = s.connection_id AND loc.external_id = s.location_id"
                                         " WHERE s.id = ?");

} // namespace

SaleDetail::SaleDetail(QSqlDatabase db, QWidget *parent)
    : HtmlDetailView(db, tr("Sale details"), parent)
{
}

bool SaleDetail::render(qint64 id, Html &html)
{
    QSqlQuery q(db());
    const std::optional<Record> record = findRecord(q, saleQuery, id);
    if (!record)
        return false;
    const auto &[connectionId, externalId, currency, connection] = *record;
    const QString number = columnText(q, "number");
    html.title(number.isEmpty() ? tr("Sale") : tr("Sale %1").arg(number),
               tr("Sale of %1 (%2)").arg(connection.name, connection.vendorName));
    if (!q.value(QStringLiteral("deleted")).isNull())
        html.warning(tr("Deleted or voided at the vendor on %1.").arg(dateOf(q.value(QStringLiteral("deleted")))));

    html.beginFields();
    html.textField(tr("Date"), dateTime(q.value(QStringLiteral("date"))));
    html.textField(tr("Status"), humanize(columnText(q, "status")));
    html.textField(tr("Payment"), humanize(columnText(q, "payment_type")));
    html.textField(tr("Subtotal"), columnMoney(q, "subtotal_minor", currency));
    html.textField(tr("Tax"), columnMoney(q, "tax_minor", currency));
    html.field(tr("Total"), QStringLiteral("<b>") + escape(columnMoney(q, "total_minor", currency)) + QStringLiteral("</b>"));
    html.textField(tr("Location"), columnText(q, "location_name"));
    html.textField(tr("Customer"), columnText(q, "customer_id"));
    html.textField(tr("Updated"), dateTime(q.value(QStringLiteral("updated"))));
    html.textField(tr("Vendor id"), externalId);
    html.endFields();

    const qint64 lines = countOf(
        QStringLiteral("SELECT count(*) FROM sale_lines WHERE connection_id = ? AND sale_id = ? AND deleted IS NULL"),
        connectionId, externalId);
    html.section(tr("Lines"), countNote(lines, lineLimit, tr("(the first %1 of %2)")));
    if (lines == 0) {
        html.paragraph(escape(tr("No lines in the cache.")), true);
        return true;
    }
    QSqlQuery l(db());
    l.prepare(QStringLiteral("SELECT coalesce(nullif(l.title, ''), i.title) AS title, coalesce(nullif(l.sku, ''), i.sku) AS sku, "
                             "i.id AS item_row, c.id AS consignor_row, c.name AS consignor_name,"
                             " l.quantity, l.price_minor, l.consignor_amount_minor, l.currency, l.status,"
                             " p.id AS payout_row, p.reference AS payout_reference"
                             " FROM sale_lines l"
                             " LEFT JOIN items i ON i.connection_id = l.connection_id AND i.external_id = l.item_id"
                             " LEFT JOIN consignors c ON c.connection_id = l.connection_id AND c.external_id = l.consignor_id"
                             " LEFT JOIN payouts p ON p.connection_id = l.connection_id AND p.external_id = l.payout_id"
                             " WHERE l.connection_id = ? AND l.sale_id = ? AND l.deleted IS NULL"
                             " ORDER BY l.id LIMIT ?"));
    l.addBindValue(connectionId);
    l.addBindValue(externalId);
    l.addBindValue(lineLimit);
    if (!run(l))
        return true;
    // The SKU under the title: one column less in a narrow panel.
    html.beginTable({{tr("Item")},
                     {tr("Consignor")},
                     {tr("Qty"), Html::Right},
                     {tr("Price"), Html::Right},
                     {tr("Their share"), Html::Right},
                     {tr("Status")},
                     {tr("Paid out in")}});
    while (l.next()) {
        const QString title = columnText(l, "title").isEmpty() ? tr("Untitled item") : columnText(l, "title");
        const QString item = l.value(QStringLiteral("item_row")).isNull()
            ? escape(title)
            : link({QStringLiteral("items"), l.value(QStringLiteral("item_row")).toLongLong()}, title);
        const QString consignor = l.value(QStringLiteral("consignor_row")).isNull()
            ? QString()
            : link({QStringLiteral("consignors"), l.value(QStringLiteral("consignor_row")).toLongLong()},
                   columnText(l, "consignor_name"));
        const QString payout = l.value(QStringLiteral("payout_row")).isNull()
            ? QString()
            : link({QStringLiteral("payouts"), l.value(QStringLiteral("payout_row")).toLongLong()},
                   columnText(l, "payout_reference").isEmpty() ? tr("Payout") : columnText(l, "payout_reference"));
        const QString lineCurrency = columnText(l, "currency");
        const QString sku = columnText(l, "sku");
        html.row({sku.isEmpty() ? item : item + QStringLiteral("<br><span class=\"muted\">") + escape(sku) + QStringLiteral("</span>"),
                  consignor, escape(count(l.value(QStringLiteral("quantity")).toLongLong())),
                  escape(columnMoney(l, "price_minor", lineCurrency)),
                  escape(columnMoney(l, "consignor_amount_minor", lineCurrency)), escape(humanize(columnText(l, "status"))),
                  payout});
    }
    html.endTable();
    return true;
}

} // namespace ConsignDesk
