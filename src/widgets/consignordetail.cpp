#include "widgets/consignordetail.h"

#include <QDesktopServices>
#include <QSqlQuery>

namespace ConsignDesk {

using namespace DetailFormat;

namespace {

constexpr int balanceLimit = 20;

} // namespace

ConsignorDetail::ConsignorDetail(QSqlDatabase db, QWidget *parent)
    : HtmlDetailView(db, tr("Consignor details"), parent)
{
}

void ConsignorDetail::followLink(const QUrl &url)
{
    if (url.scheme() == QLatin1String("mailto"))
        QDesktopServices::openUrl(url);
}

bool ConsignorDetail::render(qint64 id, Html &html)
{
    QSqlQuery q(db());
    const std::optional<Record> record = findRecord(q, QStringLiteral("SELECT * FROM consignors WHERE id = ?"), id);
    if (!record)
        return false;
    const auto &[connectionId, externalId, currency, connection] = *record;

    QString name = columnText(q, "name");
    if (name.isEmpty())
        name = QString(columnText(q, "first_name") + u' ' + columnText(q, "last_name")).trimmed();
    html.title(name.isEmpty() ? tr("Unnamed consignor") : name,
               tr("Consignor of %1 (%2)").arg(connection.name, connection.vendorName));
    if (!q.value(QStringLiteral("deleted")).isNull())
        html.warning(tr("Deleted or inactivated at the vendor on %1.").arg(dateOf(q.value(QStringLiteral("deleted")))));
    else if (q.value(QStringLiteral("archived")).toInt() != 0)
        html.warning(tr("Archived at the vendor."));

    const qint64 items = countOf(QStringLiteral("SELECT count(*) FROM items WHERE connection_id = ? AND consignor_id = ?"
                                                " AND deleted IS NULL"),
                                 connectionId, externalId);
    const qint64 sales = countOf(QStringLiteral("SELECT count(*) FROM sale_lines WHERE connection_id = ? AND consignor_id = ?"
                                                " AND deleted IS NULL"),
                                 connectionId, externalId);
    const qint64 payouts = countOf(QStringLiteral("SELECT count(*) FROM payouts WHERE connection_id = ? AND consignor_id = ?"
                                                  " AND deleted IS NULL"),
                                   connectionId, externalId);

    html.beginFields();
    html.textField(tr("Number"), columnText(q, "number"));
    html.textField(tr("Company"), columnText(q, "company"));
    const QString email = columnText(q, "email");
    if (!email.isEmpty()) {
        QUrl mail;
        mail.setScheme(QStringLiteral("mailto"));
        mail.setPath(email);
        html.field(tr("Email"),
                   QStringLiteral("<a href=\"%1\">%2</a>").arg(escape(mail.toString(QUrl::FullyEncoded)), escape(email)));
    }
    html.textField(tr("Phone"), columnText(q, "phone"));
    if (q.value(QStringLiteral("balance_minor")).isNull())
        html.field(tr("Balance"),
                   QStringLiteral("<span class=\"muted\">") + escape(tr("not reported by %1").arg(connection.vendorName))
                       + QStringLiteral("</span>"));
    else
        html.field(tr("Balance"),
                   QStringLiteral("<b>") + escape(money(q.value(QStringLiteral("balance_minor")).toLongLong(), currency))
                       + QStringLiteral("</b>"));
    html.textField(tr("Consignor's share"), share(q.value(QStringLiteral("split_bp"))));
    html.textField(tr("Items"), count(items));
    html.textField(tr("Sales"), count(sales));
    html.textField(tr("Payouts"), count(payouts));
    html.textField(tr("Created"), dateTime(q.value(QStringLiteral("created"))));
    html.textField(tr("Updated"), dateTime(q.value(QStringLiteral("updated"))));
    html.textField(tr("Vendor id"), externalId);
    html.endFields();

    if (!email.isEmpty())
        renderSamePerson(id, connectionId, email, html);
    renderItems(connectionId, externalId, items, html);
    renderSales(connectionId, externalId, sales, html);
    renderPayouts(connectionId, externalId, payouts, html);
    renderBalance(connectionId, externalId, html);
    return true;
}

void ConsignorDetail::renderSamePerson(qint64 id, const QString &connectionId, const QString &email, Html &html)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT c.id, c.name, c.number, c.balance_minor, c.currency, k.name, k.vendor"
                             " FROM consignors c JOIN connections k ON k.id = c.connection_id"
                             " WHERE c.email = ? COLLATE NOCASE AND c.id <> ? AND c.connection_id <> ? AND c.deleted IS NULL"
                             " ORDER BY k.name COLLATE NOCASE, c.name COLLATE NOCASE LIMIT ?"));
    q.addBindValue(email);
    q.addBindValue(id);
    q.addBindValue(connectionId);
    q.addBindValue(listLimit);
    if (!run(q) || !q.next())
        return;
    // Each balance in its own currency: they are never added up.
    html.section(tr("On other connections"), tr("same email"));
    html.beginTable({{tr("Connection")}, {tr("Consignor")}, {tr("Number")}, {tr("Balance"), Html::Right}});
    do {
        const QString balance = q.value(3).isNull() ? QString() : money(q.value(3).toLongLong(), q.value(4).toString());
        html.row({escape(q.value(5).toString()),
                  link({QStringLiteral("consignors"), q.value(0).toLongLong()}, q.value(1).toString()),
                  escape(q.value(2).toString()), escape(balance)});
    } while (q.next());
    html.endTable();
}

namespace {

// "(3)", or "(the newest 50 of 120)".
QString listNote(qint64 total)
{
    return countNote(total, ConsignorDetail::listLimit, ConsignorDetail::tr("(the newest %1 of %2)"));
}

} // namespace

void ConsignorDetail::renderItems(const QString &connectionId, const QString &externalId, qint64 total, Html &html)
{
    html.section(tr("Items"), listNote(total));
    if (total == 0) {
        html.paragraph(escape(tr("No items in the cache.")), true);
        return;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, sku, title, status, price_minor, currency FROM items"
                             " WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL"
                             " ORDER BY coalesce(created, updated) DESC, id DESC LIMIT ?"));
    q.addBindValue(connectionId);
    q.addBindValue(externalId);
    q.addBindValue(listLimit);
    if (!run(q))
        return;
    html.beginTable({{tr("SKU")}, {tr("Title")}, {tr("Status")}, {tr("Price"), Html::Right}});
    while (q.next()) {
        const QString title = q.value(2).toString().isEmpty() ? tr("Untitled item") : q.value(2).toString();
        html.row({escape(q.value(1).toString()), link({QStringLiteral("items"), q.value(0).toLongLong()}, title),
                  escape(humanize(q.value(3).toString())), escape(money(q.value(4).toLongLong(), q.value(5).toString()))});
    }
    html.endTable();
}

void ConsignorDetail::renderSales(const QString &connectionId, const QString &externalId, qint64 total, Html &html)
{
    html.section(tr("Sales"), listNote(total));
    if (total == 0) {
        html.paragraph(escape(tr("No sales in the cache.")), true);
        return;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT l.date, l.title, i.id, s.id, s.number, l.price_minor, l.consignor_amount_minor, l.currency,"
                             " p.id, p.reference"
                             " FROM sale_lines l"
                             " LEFT JOIN items i ON i.connection_id = l.connection_id AND i.external_id = l.item_id"
                             " LEFT JOIN sales s ON s.connection_id = l.connection_id AND s.external_id = l.sale_id"
                             " LEFT JOIN payouts p ON p.connection_id = l.connection_id AND p.external_id = l.payout_id"
                             " WHERE l.connection_id = ? AND l.consignor_id = ? AND l.deleted IS NULL"
                             " ORDER BY l.date DESC, l.id DESC LIMIT ?"));
    q.addBindValue(connectionId);
    q.addBindValue(externalId);
    q.addBindValue(listLimit);
    if (!run(q))
        return;
    html.beginTable({{tr("Date")},
                     {tr("Item")},
                     {tr("Sale")},
                     {tr("Price"), Html::Right},
                     {tr("Their share"), Html::Right},
                     {tr("Paid out in")}});
    while (q.next()) {
        const QString title = q.value(1).toString();
        const QString item
            = q.value(2).isNull() ? escape(title) : link({QStringLiteral("items"), q.value(2).toLongLong()}, title);
        const QString sale = q.value(3).isNull() ? QString()
                                                 : link({QStringLiteral("sales"), q.value(3).toLongLong()},
                                                        q.value(4).toString().isEmpty() ? tr("Sale") : q.value(4).toString());
        const QString their = q.value(6).isNull() ? QString() : money(q.value(6).toLongLong(), q.value(7).toString());
        const QString payout = q.value(8).isNull() ? QString()
                                                   : link({QStringLiteral("payouts"), q.value(8).toLongLong()},
                                                          q.value(9).toString().isEmpty() ? tr("Payout") : q.value(9).toString());
        html.row({escape(dateOf(q.value(0))), item, sale, escape(money(q.value(5).toLongLong(), q.value(7).toString())),
                  escape(their), payout});
    }
    html.endTable();
}

void ConsignorDetail::renderPayouts(const QString &connectionId, const QString &externalId, qint64 total, Html &html)
{
    html.section(tr("Payouts"), listNote(total));
    if (total == 0) {
        html.paragraph(escape(tr("No payouts in the cache.")), true);
        return;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, date, reference, amount_minor, currency, note FROM payouts"
                             " WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL"
                             " ORDER BY date DESC, id DESC LIMIT ?"));
    q.addBindValue(connectionId);
    q.addBindValue(externalId);
    q.addBindValue(listLimit);
    if (!run(q))
        return;
    html.beginTable({{tr("Date")}, {tr("Reference")}, {tr("Amount"), Html::Right}, {tr("Note")}});
    while (q.next()) {
        const QString reference = q.value(2).toString().isEmpty() ? tr("Payout") : q.value(2).toString();
        html.row({escape(dateOf(q.value(1))), link({QStringLiteral("payouts"), q.value(0).toLongLong()}, reference),
                  escape(money(q.value(3).toLongLong(), q.value(4).toString())), escape(q.value(5).toString())});
    }
    html.endTable();
}

void ConsignorDetail::renderBalance(const QString &connectionId, const QString &externalId, Html &html)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT created, type, description, amount_minor, balance_minor, currency FROM balance_entries"
                             " WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL"
                             " ORDER BY created DESC, id DESC LIMIT ?"));
    q.addBindValue(connectionId);
    q.addBindValue(externalId);
    q.addBindValue(balanceLimit + 1);
    if (!run(q))
        return;
    QStringList rows;
    while (rows.size() < (balanceLimit + 1) * 4 && q.next()) {
        const QString description = q.value(2).toString().isEmpty() ? humanize(q.value(1).toString()) : q.value(2).toString();
        const QString currency = q.value(5).toString();
        rows.append(escape(dateOf(q.value(0)))); // four cells a row
        rows.append(escape(description));
        rows.append(escape(moneyChange(q.value(3).toLongLong(), currency)));
        rows.append(escape(money(q.value(4).toLongLong(), currency)));
    }
    if (rows.isEmpty())
        return;
    const qsizetype entries = rows.size() / 4;
    html.section(tr("Balance history"), entries > balanceLimit ? tr("(the newest %1)").arg(count(balanceLimit)) : QString());
    html.beginTable({{tr("Date")}, {tr("Entry")}, {tr("Amount"), Html::Right}, {tr("Balance"), Html::Right}});
    for (qsizetype i = 0; i < qMin<qsizetype>(entries, balanceLimit); ++i)
        html.row(rows.mid(i * 4, 4));
    html.endTable();
}

} // namespace ConsignDesk
