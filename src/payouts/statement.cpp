#include "payouts/statement.h"

#include "core/currency.h"
#include "core/numbers.h"
#include "core/vendor.h"
#include "payouts/documentstyle.h"
#include "store/cachewriter.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QJsonObject>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextFrameFormat>

#include <algorithm>

namespace ConsignDesk::Payouts {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Statement)
};

using DocumentStyle::accent;
using DocumentStyle::day;
using DocumentStyle::ink;
using DocumentStyle::muted;
using DocumentStyle::rule;
// The band behind the table's header.
constexpr auto band = "#edf1f6";

constexpr qreal marginMm = 15;
constexpr qreal footerMm = 9;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Where the lines do not add up to the total, a line that says why.
void balance(Statement &s)
{
    qint64 sum = 0;
    for (const StatementLine &line : std::as_const(s.lines))
        sum += line.amountMinor;
    const qint64 difference = s.totalMinor - sum;
    if (difference == 0)
        return;
    StatementLine adjustment;
    adjustment.title = difference > 0 ? Text::tr("Earlier balance brought forward")
                                      : Text::tr("Balance kept for a later payout");
    adjustment.quantity = 0;
    adjustment.priced = false;
    adjustment.amountMinor = difference;
    s.lines.append(adjustment);
}

// Oldest first (lines without a date last), the period from the first to the last.
void setPeriod(Statement &s)
{
    std::stable_sort(s.lines.begin(), s.lines.end(), [](const StatementLine &a, const StatementLine &b) {
        if (a.date.isValid() != b.date.isValid())
            return a.date.isValid();
        return a.date < b.date;
    });
    QDateTime first, last;
    for (const StatementLine &line : std::as_const(s.lines)) {
        if (!line.date.isValid())
            continue;
        if (!first.isValid() || line.date < first)
            first = line.date;
        if (!last.isValid() || line.date > last)
            last = line.date;
    }
    const QDate fallback = (s.date.isValid() ? s.date : QDateTime::currentDateTimeUtc()).toLocalTime().date();
    s.periodFrom = first.isValid() ? first.toLocalTime().date() : fallback;
    s.periodTo = last.isValid() ? last.toLocalTime().date() : fallback;
}

bool fail(const QSqlQuery &query, QString *error)
{
    if (error)
        *error = query.lastError().text();
    return false;
}

// A Consignify line item: the cache's sale line, with the share that gives the
// amount the intent recorded (the product's, the consignor's, the line's, the
// shop's default 50 %, as proposals.cpp chooses it).
bool consignifyLine(QSqlQuery &q, const Intent &intent, const QString &id, StatementLine &line, QString *error)
{
    q.bindValue(QStringLiteral(":connection"), intent.connectionId);
    q.bindValue(QStringLiteral(":consignor"), intent.consignorId);
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return fail(q, error);
    if (!q.next())
        return true;
    line.notInCache = false;
    line.title = q.value(0).toString();
    line.sku = q.value(1).toString();
    const qint64 cachedQuantity = q.value(2).toLongLong();
    const qint64 gross = q.value(3).toLongLong(); // unit price × quantity
    if (line.quantity <= 0)
        line.quantity = cachedQuantity;
    line.priceMinor = cachedQuantity > 0 ? gross / cachedQuantity : gross;
    line.priced = true;
    const QDateTime fulfilled = Store::timeFromValue(q.value(7));
    line.date = fulfilled.isValid() ? fulfilled : Store::timeFromValue(q.value(8));
    for (int column : {4, 5, 6}) {
        if (!q.value(column).isNull() && shareOfMinor(gross, q.value(column).toInt()) == line.amountMinor) {
            line.splitBp = q.value(column).toInt();
            return true;
        }
    }
    if (shareOfMinor(gross, 5000) == line.amountMinor)
        line.splitBp = 5000;
    return true;
}

// A ConsignCloud balance entry, with the sale line it credits when the cache
// shows which (the sale's line of this consignor for that amount).
bool consignCloudLine(QSqlQuery &entry, QSqlQuery &saleLines, const Intent &intent, const QString &id,
                      StatementLine &line, QString *error)
{
    entry.bindValue(QStringLiteral(":connection"), intent.connectionId);
    entry.bindValue(QStringLiteral(":id"), id);
    if (!entry.exec())
        return fail(entry, error);
    if (!entry.next())
        return true;
    line.notInCache = false;
    const QString type = entry.value(0).toString();
    const QString description = entry.value(1).toString();
    line.title = description.isEmpty() ? type : description;
    line.date = Store::timeFromValue(entry.value(2));
    line.quantity = 1;
    line.priced = false;
    const QString saleId = entry.value(3).toString();
    if (saleId.isEmpty())
        return true;
    saleLines.bindValue(QStringLiteral(":connection"), intent.connectionId);
    saleLines.bindValue(QStringLiteral(":sale"), saleId);
    saleLines.bindValue(QStringLiteral(":consignor"), intent.consignorId);
    if (!saleLines.exec())
        return fail(saleLines, error);
    int found = 0;
    int matched = -1;
    struct Candidate {
        QString title, sku;
        qint64 quantity, price;
        QVariant split;
    };
    QList<Candidate> candidates;
    while (saleLines.next()) {
        candidates.append({saleLines.value(0).toString(), saleLines.value(1).toString(), saleLines.value(2).toLongLong(),
                           saleLines.value(3).toLongLong(), saleLines.value(4)});
        if (matched < 0 && !saleLines.value(5).isNull()
            && qAbs(saleLines.value(5).toLongLong()) == qAbs(line.amountMinor))
            matched = found;
        ++found;
    }
    if (matched < 0 && found == 1)
        matched = 0;
    if (matched < 0)
        return true;
    const Candidate &c = candidates.at(matched);
    if (type == QLatin1String("sale") || line.title.isEmpty())
        line.title = c.title.isEmpty() ? line.title : c.title;
    line.sku = c.sku;
    line.quantity = c.quantity > 0 ? c.quantity : 1;
    const qint64 unit = c.price / line.quantity;
    line.priceMinor = line.amountMinor < 0 ? -qAbs(unit) : unit;
    line.priced = true;
    if (!c.split.isNull())
        line.splitBp = c.split.toInt();
    return true;
}

QString money(qint64 minor, const QString &currency, const QLocale &locale)
{
    // No break inside an amount ("US$ 1,234.00" stays on one line).
    return esc(Currency::format(minor, currency, locale)).replace(u' ', QChar(0x00a0));
}

QString cellStyle(bool right, bool ruled = true)
{
    QString style = QStringLiteral("padding: 5px 6px;");
    if (right)
        style += QStringLiteral(" text-align: right; white-space: nowrap;");
    if (ruled)
        style += QStringLiteral(" border-bottom-style: solid; border-bottom-width: 1px; border-bottom-color: %1;").arg(
            QLatin1String(rule));
    return style;
}

// Lays each statement out on the device's pages (inside its margins), a
// footer on each: the statement's store, consignor and reference, and
// "Page n of m" (of that statement).
void paintStatements(QPainter &painter, QPagedPaintDevice &device, const QList<Statement> &statements,
                     const QLocale &locale)
{
    const qreal dpiY = device.logicalDpiY();
    const qreal width = device.width();
    const qreal height = device.height();
    const qreal footer = footerMm / 25.4 * dpiY;
    const qreal bodyHeight = height - footer;
    const QFont footerFont = DocumentStyle::font(7.5);
    bool first = true;
    for (const Statement &s : statements) {
        QTextDocument doc;
        doc.setDefaultFont(DocumentStyle::font(9));
        doc.setUndoRedoEnabled(false);
        doc.setHtml(statementHtml(s, locale));
        doc.documentLayout()->setPaintDevice(&device);
        QTextFrameFormat root = doc.rootFrame()->frameFormat();
        root.setMargin(0);
        root.setPadding(0);
        doc.rootFrame()->setFrameFormat(root);
        doc.setPageSize(QSizeF(width, bodyHeight));
        const int pages = doc.pageCount();
        const QString left = Text::tr("%1 · Consignor statement · %2 · %3")
                                 .arg(s.store, s.consignorName.isEmpty() ? s.consignorId : s.consignorName, s.reference);
        for (int page = 0; page < pages; ++page) {
            if (!first)
                device.newPage();
            first = false;
            painter.save();
            const QRectF clip(0, page * bodyHeight, width, bodyHeight);
            painter.translate(0, -clip.top());
            doc.drawContents(&painter, clip);
            painter.restore();

            painter.save();
            painter.setFont(footerFont);
            const QFontMetricsF metrics(footerFont, &device);
            const qreal lineY = height - metrics.height() - footer * 0.25;
            painter.setPen(QPen(QColor(QLatin1String(rule)), dpiY / 96.0));
            painter.drawLine(QPointF(0, lineY), QPointF(width, lineY));
            painter.setPen(QColor(QLatin1String(muted)));
            const QRectF textRect(0, height - metrics.height(), width, metrics.height());
            const QString right = Text::tr("Page %1 of %2").arg(page + 1).arg(pages);
            const qreal rightWidth = metrics.horizontalAdvance(right);
            painter.drawText(textRect.adjusted(0, 0, -rightWidth - metrics.averageCharWidth() * 3, 0),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(left, Qt::ElideMiddle,
                                                width - rightWidth - metrics.averageCharWidth() * 3));
            painter.drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, right);
            painter.restore();
        }
    }
}

} // namespace

std::optional<Statement> statementForIntent(QSqlDatabase db, const Intent &intent, QString *error)
{
    Statement s;
    s.store = intent.connectionName;
    const std::optional<Vendor> vendor = Vendors::fromId(intent.vendor);
    s.vendorName = vendor ? Vendors::displayName(*vendor) : intent.vendor;
    s.consignorName = intent.consignorName;
    s.consignorId = intent.consignorId;
    s.totalMinor = intent.amountMinor;
    s.currency = intent.currency;
    s.reference = intent.reference;
    s.vendorReference = intent.vendorReference;
    s.stateText = describeState(intent.state);
    s.date = intent.approvedAt;

    QSqlQuery item(db);
    item.setForwardOnly(true);
    QSqlQuery saleLines(db);
    saleLines.setForwardOnly(true);
    const bool consignify = vendor == Vendor::Consignify;
    if (consignify) {
        if (!item.prepare(QStringLiteral(
                "SELECT COALESCE(NULLIF(sl.title, ''), i.title, ''), COALESCE(NULLIF(sl.sku, ''), i.sku, ''), "
                "sl.quantity, sl.price_minor, i.split_bp, k.split_bp, sl.split_bp, sl.fulfilled_at, sl.date "
                "FROM sale_lines sl "
                "LEFT JOIN items i ON i.connection_id = sl.connection_id AND i.external_id = sl.item_id "
                "LEFT JOIN consignors k ON k.connection_id = sl.connection_id AND k.external_id = :consignor "
                "WHERE sl.connection_id = :connection AND sl.external_id = :id"))) {
            fail(item, error);
            return std::nullopt;
        }
    } else {
        if (!item.prepare(QStringLiteral("SELECT type, description, created, sale_id FROM balance_entries "
                                         "WHERE connection_id = :connection AND external_id = :id"))
            || !saleLines.prepare(QStringLiteral(
                "SELECT COALESCE(NULLIF(sl.title, ''), i.title, ''), COALESCE(NULLIF(sl.sku, ''), i.sku, ''), "
                "sl.quantity, sl.price_minor, sl.split_bp, sl.consignor_amount_minor FROM sale_lines sl "
                "LEFT JOIN items i ON i.connection_id = sl.connection_id AND i.external_id = sl.item_id "
                "WHERE sl.connection_id = :connection AND sl.sale_id = :sale AND sl.consignor_id = :consignor "
                "ORDER BY sl.id"))) {
            fail(item.lastError().isValid() ? item : saleLines, error);
            return std::nullopt;
        }
    }
    if (s.consignorName.isEmpty()) {
        QSqlQuery name(db);
        name.prepare(QStringLiteral("SELECT name FROM consignors WHERE connection_id = ? AND external_id = ?"));
        name.addBindValue(intent.connectionId);
        name.addBindValue(intent.consignorId);
        if (name.exec() && name.next())
            s.consignorName = name.value(0).toString();
    }

    for (const QJsonValue &value : intent.lines) {
        const QJsonObject object = value.toObject();
        const QString id = lineId(value);
        StatementLine line;
        line.title = id;
        line.notInCache = true;
        line.priced = false;
        line.quantity = object.value(QLatin1String("quantity")).toInteger(consignify ? 0 : 1);
        line.amountMinor = object.value(QLatin1String("amount")).toInteger();
        if (!id.isEmpty()) {
            const bool ok = consignify ? consignifyLine(item, intent, id, line, error)
                                       : consignCloudLine(item, saleLines, intent, id, line, error);
            if (!ok)
                return std::nullopt;
        }
        if (line.notInCache)
            line.title = Text::tr("Line %1").arg(id);
        s.lines.append(line);
    }
    setPeriod(s);
    balance(s);
    return s;
}

Statement statementForProposal(const Proposal &proposal, const QString &store)
{
    Statement s;
    s.store = store.isEmpty() ? proposal.connectionName : store;
    s.vendorName = Vendors::displayName(proposal.vendor);
    s.consignorName = proposal.consignorName;
    s.consignorId = proposal.consignorId;
    s.totalMinor = proposal.amountMinor;
    s.currency = proposal.currency;
    s.reference = Text::tr("(not yet approved)");
    s.stateText = Text::tr("not yet approved");
    s.date = QDateTime::currentDateTimeUtc();
    s.proposal = true;
    for (const ProposalLine &p : proposal.lines) {
        StatementLine line;
        line.title = p.title;
        line.date = p.date;
        line.quantity = p.quantity;
        line.splitBp = p.splitBp;
        line.amountMinor = p.amountMinor;
        // A ConsignCloud balance entry carries the consignor's amount only.
        line.priced = proposal.vendor != Vendor::ConsignCloud;
        line.priceMinor = line.priced ? p.unitPriceMinor : 0;
        s.lines.append(line);
    }
    setPeriod(s);
    balance(s);
    return s;
}

QString statementDay(const QDate &date, const QLocale &locale)
{
    return day(date, locale);
}

QString statementHtml(const Statement &s, const QLocale &locale)
{
    const QString consignor = s.consignorName.isEmpty() ? s.consignorId : s.consignorName;
    QString html;
    html += QStringLiteral("<html><body style=\"color: %1;\">").arg(QLatin1String(ink));

    // The header: the store on the left, what this is on the right, a rule below.
    const QString headerCell = QStringLiteral("padding: 0 0 8px 0; border-bottom-style: solid; border-bottom-width: "
                                              "2px; border-bottom-color: %1;")
                                   .arg(QLatin1String(accent));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse: collapse;\"><tr>");
    html += QStringLiteral("<td valign=\"bottom\" style=\"%1\"><span style=\"font-size: 17pt; font-weight: 600; color: %2;\">%3</span>"
                           "<br/><span style=\"color: %4;\">%5</span></td>")
                .arg(headerCell, QLatin1String(accent), esc(s.store), QLatin1String(muted),
                     esc(s.vendorName.isEmpty() ? QString() : Text::tr("Payouts through %1").arg(s.vendorName)));
    html += QStringLiteral("<td valign=\"bottom\" align=\"right\" style=\"%1\"><span style=\"font-size: 14pt; color: %2;\">%3</span>"
                           "<br/><span style=\"color: %4;\">%5</span></td>")
                .arg(headerCell, QLatin1String(accent), esc(Text::tr("Consignor statement")), QLatin1String(muted),
                     !s.date.isValid() ? QString()
                     : s.proposal     ? esc(Text::tr("Preview of %1").arg(day(s.date.toLocalTime().date(), locale)))
                                      : esc(Text::tr("Dated %1").arg(day(s.date.toLocalTime().date(), locale))));
    html += QStringLiteral("</tr></table>");

    // Who, when, which payout.
    const QString label = QStringLiteral("color: %1; font-size: 7.5pt; font-weight: 600;").arg(QLatin1String(muted));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top: 14px; margin-bottom: 16px;\"><tr>");
    html += QStringLiteral("<td width=\"50%\" valign=\"top\"><span style=\"%1\">%2</span><br/>"
                           "<span style=\"font-size: 12pt; font-weight: 600;\">%3</span><br/>"
                           "<span style=\"color: %4;\">%5</span></td>")
                .arg(label, esc(Text::tr("CONSIGNOR")), esc(consignor), QLatin1String(muted),
                     esc(Text::tr("Consignor ID %1").arg(s.consignorId)));
    QList<std::pair<QString, QString>> facts{
        {Text::tr("Period"), esc(day(s.periodFrom, locale)) + QStringLiteral(" – ") + esc(day(s.periodTo, locale))},
        {Text::tr("Payout reference"), QStringLiteral("<b>%1</b>").arg(esc(s.reference))},
    };
    if (!s.vendorReference.isEmpty() && s.vendorReference != s.reference)
        facts.append({Text::tr("%1 reference").arg(s.vendorName), esc(s.vendorReference)});
    facts.append({Text::tr("Status"), esc(s.stateText)});
    html += QStringLiteral("<td width=\"50%\" valign=\"top\" align=\"right\"><table cellspacing=\"0\" cellpadding=\"1\">");
    for (const auto &[name, value] : std::as_const(facts))
        html += QStringLiteral("<tr><td align=\"right\" style=\"padding-right: 10px; color: %1;\">%2</td><td>%3</td></tr>")
                    .arg(QLatin1String(muted), esc(name), value);
    html += QStringLiteral("</table></td></tr></table>");

    // The lines.
    const QString head = QStringLiteral("padding: 5px 6px; font-weight: 600; color: %1; background-color: %2; "
                                        "border-bottom-style: solid; border-bottom-width: 1px; border-bottom-color: %1;")
                             .arg(QLatin1String(accent), QLatin1String(band));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse: collapse;\">");
    html += QStringLiteral("<thead><tr>"
                           "<th width=\"13%\" align=\"left\" style=\"%1\">%2</th>"
                           "<th align=\"left\" style=\"%1\">%3</th>"
                           "<th width=\"6%\" align=\"right\" style=\"%1\">%4</th>"
                           "<th width=\"13%\" align=\"right\" style=\"%1\">%5</th>"
                           "<th width=\"9%\" align=\"right\" style=\"%1\">%6</th>"
                           "<th width=\"14%\" align=\"right\" style=\"%1\">%7</th>"
                           "</tr></thead>")
                .arg(head, esc(Text::tr("Date")), esc(Text::tr("Item")), esc(Text::tr("Qty")), esc(Text::tr("Price")),
                     esc(Text::tr("Share")), esc(Text::tr("Amount")));
    const QString dash = QStringLiteral("<span style=\"color: %1;\">–</span>").arg(QLatin1String(muted));
    for (const StatementLine &line : s.lines) {
        QString item = esc(line.title);
        QStringList notes;
        if (!line.sku.isEmpty())
            notes.append(Text::tr("SKU %1").arg(esc(line.sku)));
        if (line.notInCache)
            notes.append(QStringLiteral("<i>%1</i>").arg(esc(Text::tr("(not in the cache)"))));
        if (!notes.isEmpty())
            item += QStringLiteral("<br/><span style=\"color: %1; font-size: 7.5pt;\">%2</span>")
                        .arg(QLatin1String(muted), notes.join(QStringLiteral(" · ")));
        const bool adjustment = line.quantity == 0;
        html += QStringLiteral("<tr>"
                               "<td valign=\"top\" style=\"%1\">%2</td>"
                               "<td valign=\"top\" style=\"%3\">%4</td>"
                               "<td valign=\"top\" align=\"right\" style=\"%5\">%6</td>"
                               "<td valign=\"top\" align=\"right\" style=\"%5\">%7</td>"
                               "<td valign=\"top\" align=\"right\" style=\"%5\">%8</td>"
                               "<td valign=\"top\" align=\"right\" style=\"%5\">%9</td>"
                               "</tr>")
                    .arg(cellStyle(false) + QStringLiteral(" white-space: nowrap;"),
                         line.date.isValid() ? esc(day(line.date.toLocalTime().date(), locale)) : QString(),
                         cellStyle(false), adjustment ? QStringLiteral("<i>%1</i>").arg(item) : item, cellStyle(true),
                         adjustment ? QString() : esc(locale.toString(line.quantity)),
                         line.priced ? money(line.priceMinor, s.currency, locale) : (adjustment ? QString() : dash),
                         line.splitBp ? esc(Numbers::percentFromBasisPoints(*line.splitBp, locale))
                                      : (adjustment ? QString() : dash),
                         money(line.amountMinor, s.currency, locale));
    }
    if (s.lines.isEmpty())
        html += QStringLiteral("<tr><td colspan=\"6\" style=\"%1 color: %2;\"><i>%3</i></td></tr>")
                    .arg(cellStyle(false), QLatin1String(muted), esc(Text::tr("No lines are recorded for this payout.")));
    const QString total = QStringLiteral("padding: 7px 6px; font-weight: 600; font-size: 10.5pt; border-top-style: solid; "
                                         "border-top-width: 2px; border-top-color: %1;")
                              .arg(QLatin1String(accent));
    html += QStringLiteral("<tr><td colspan=\"5\" align=\"right\" style=\"%1\">%2</td>"
                           "<td align=\"right\" style=\"%1\">%3</td></tr>")
                .arg(total, esc(s.proposal ? Text::tr("Total to be paid") : Text::tr("Total paid")),
                     money(s.totalMinor, s.currency, locale));
    html += QStringLiteral("</table>");

    // What the figures mean, and which payout this is.
    html += QStringLiteral("<p style=\"margin-top: 18px; color: %1; font-size: 8pt;\">%2</p>")
                .arg(QLatin1String(muted),
                     esc(Text::tr("Amounts in %1. Price is the selling price of one item; share is the consignor's part "
                                  "of it; amount is what the line adds to this payout.")
                             .arg(s.currency)));
    html += QStringLiteral("<p style=\"color: %1; font-size: 8pt;\">%2</p>")
                .arg(QLatin1String(muted),
                     esc(s.proposal ? Text::tr("This payout is not yet approved; its reference is given on approval.")
                                    : Text::tr("Payout reference %1 · status: %2").arg(s.reference, s.stateText)));
    html += QStringLiteral("</body></html>");
    return html;
}

bool writeStatementPdf(const QList<Statement> &statements, const QString &path, QString *error, const QPageSize &page,
                       const QLocale &locale)
{
    if (statements.isEmpty()) {
        if (error)
            *error = Text::tr("there is no statement to write");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Text::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(600);
        writer.setCreator(QStringLiteral("ConsignDesk"));
        writer.setTitle(statements.size() == 1
                            ? Text::tr("Consignor statement %1").arg(statements.constFirst().reference)
                            : Text::tr("Consignor statements"));
        writer.setPageLayout(QPageLayout(page, QPageLayout::Portrait,
                                         QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error = Text::tr("cannot write %1: the PDF could not be started").arg(path);
            return false;
        }
        paintStatements(painter, writer, statements, locale);
        painter.end();
    }
    if (!file.commit()) {
        if (error)
            *error = Text::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void printStatements(const QList<Statement> &statements, QPrinter *printer, const QLocale &locale)
{
    if (!printer || statements.isEmpty())
        return;
    printer->setPageMargins(QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(printer))
        return;
    paintStatements(painter, *printer, statements, locale);
    painter.end();
}

} // namespace ConsignDesk::Payouts
