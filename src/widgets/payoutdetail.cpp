#include "widgets/payoutdetail.h"

#include <QMap>
#include <QSqlQuery>

namespace ConsignDesk {

using namespace DetailFormat;

namespace {

constexpr int lineLimit = 500;

// The payout, with its consignor's row and name.
const QString payoutQuery = QStringLiteral("SELECT p.*, c.id AS consignor_row, c.name AS consignor_name FROM payouts p"
                                           " LEFT JOIN consignors c ON c.connection_id = p.connection_id AND c.external_id = p.consignor_id"
                                           " WHERE p.id = ?");

} // namespace

PayoutDetail::PayoutDetail(QSqlDatabase db, QWidget *parent)
    : HtmlDetailView(db, tr("Payout details"), parent)
{
}

bool PayoutDetail::render(qint64 id, Html &html)
{
    QSqlQuery q(db());
    const std::optional<Record> record = findRecord(q, payoutQuery, id);
    if (!record)
        return false;
    const auto &[connectionId, externalId, currency, connection] = *record;
    const QString reference = columnText(q, "reference");
    html.title(reference.isEmpty() ? tr("Payout") : tr("Payout %1").arg(reference),
               tr("Payout of %1 (%2)").arg(connection.name, connection.vendorName));
    if (!q.value(QStringLiteral("deleted")).isNull())
        html.warning(tr("Deleted or voided at the vendor on %1.").arg(dateOf(q.value(QStringLiteral("deleted")))));

    html.beginFields();
    if (!q.value(QStringLiteral("consignor_row")).isNull())
        html.field(tr("Consignor"),
                   link({QStringLiteral("consignors"), q.value(QStringLiteral("consignor_row")).toLongLong()},
                        columnText(q, "consignor_name")));
    else
        html.textField(tr("Consignor"), columnText(q, "consignor_id"));
    html.textField(tr("Date"), dateTime(q.value(QStringLiteral("date"))));
    html.field(tr("Amount"), QStringLiteral("<b>") + escape(columnMoney(q, "amount_minor", currency)) + QStringLiteral("</b>"));
    if (q.value(QStringLiteral("adjustment_minor")).toLongLong() != 0)
        html.textField(tr("Adjustment"), moneyChange(q.value(QStringLiteral("adjustment_minor")).toLongLong(), currency));
    html.textField(tr("Reference"), reference);
    html.textField(tr("Note"), columnText(q, "note"));
    html.textField(tr("Updated"), dateTime(q.value(QStringLiteral("updated"))));
    html.textField(tr("Vendor id"), externalId);
    html.endFields();

    const qint64 lines = countOf(
        QStringLiteral("SELECT count(*) FROM payout_lines WHERE connection_id = ? AND payout_id = ? AND deleted IS NULL"),
        connectionId, externalId);
    html.section(tr("Lines"), countNote(lines, lineLimit, tr("(the first %1 of %2)")));
    if (lines == 0) {
        html.paragraph(escape(tr("No lines in the cache.")), true);
        return true;
    }
    QSqlQuery l(db());
    l.prepare(QStringLiteral(
        "SELECT coalesce(nullif(sl.title, ''), i.title) AS title, coalesce(nullif(sl.sku, ''), i.sku) AS sku, i.id AS item_row,"
        " s.id AS sale_row, s.number AS sale_number, sl.date AS sold, pl.quantity, pl.split_bp,"
        " pl.amount_minor, pl.currency, pl.product_id"
        " FROM payout_lines pl"
        " LEFT JOIN sale_lines sl ON sl.connection_id = pl.connection_id AND sl.external_id = pl.sale_line_id"
        " LEFT JOIN sales s ON s.connection_id = pl.connection_id AND s.external_id = sl.sale_id"
        " LEFT JOIN items i ON i.connection_id = pl.connection_id"
        "  AND i.external_id = coalesce(sl.item_id, pl.product_id)"
        " WHERE pl.connection_id = ? AND pl.payout_id = ? AND pl.deleted IS NULL"
        " ORDER BY pl.id LIMIT ?"));
    l.addBindValue(connectionId);
    l.addBindValue(externalId);
    l.addBindValue(lineLimit);
    if (!run(l))
        return true;
    QMap<QString, qint64> sums; // per currency: never one figure for two
    html.beginTable({{tr("Item")},
                     {tr("SKU")},
                     {tr("Sold")},
                     {tr("Sale")},
                     {tr("Quantity"), Html::Right},
                     {tr("Their share"), Html::Right},
                     {tr("Amount"), Html::Right}});
    while (l.next()) {
        QString title = columnText(l, "title");
        if (title.isEmpty())
            title = columnText(l, "product_id").isEmpty() ? tr("Untitled item") : columnText(l, "product_id");
        const QString item = l.value(QStringLiteral("item_row")).isNull()
            ? escape(title)
            : link({QStringLiteral("items"), l.value(QStringLiteral("item_row")).toLongLong()}, title);
        const QString sale = l.value(QStringLiteral("sale_row")).isNull()
            ? QString()
            : link({QStringLiteral("sales"), l.value(QStringLiteral("sale_row")).toLongLong()},
                   columnText(l, "sale_number").isEmpty() ? tr("Sale") : columnText(l, "sale_number"));
        const QString lineCurrency = columnText(l, "currency");
        sums[lineCurrency] += l.value(QStringLiteral("amount_minor")).toLongLong();
        html.row({item, escape(columnText(l, "sku")), escape(dateOf(l.value(QStringLiteral("sold")))), sale,
                  escape(count(l.value(QStringLiteral("quantity")).toLongLong())),
                  escape(share(l.value(QStringLiteral("split_bp")))), escape(columnMoney(l, "amount_minor", lineCurrency))});
    }
    html.endTable();
    if (lines <= lineLimit) {
        for (auto it = sums.cbegin(); it != sums.cend(); ++it)
            html.raw(QStringLiteral("<p align=\"right\">") + escape(tr("Total of the lines: %1").arg(money(it.value(), it.key())))
                     + QStringLiteral("</p>"));
    }
    return true;
}

} // namespace ConsignDesk
