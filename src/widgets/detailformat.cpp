#include "widgets/detailformat.h"

#include "core/numbers.h"

#include "core/currency.h"
#include "core/vendor.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDetail, "consigndesk.widgets.detail")

namespace ConsignDesk::DetailFormat {

namespace {

QString shortDateFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString css(const QPalette &p)
{
    const QColor text = p.color(QPalette::Text);
    const QColor muted = mutedColor(p);
    const QColor rule = p.color(QPalette::Mid);
    const QColor header = p.color(QPalette::AlternateBase);
    return QStringLiteral("body { color: %1; }"
                          "a { color: %2; }"
                          "h1 { font-size: x-large; font-weight: 600; margin-top: 0px; margin-bottom: 2px; }"
                          "h2 { font-size: medium; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }"
                          ".muted { color: %3; }"
                          ".warning { color: %4; font-weight: 600; }"
                          "table.fields td { padding: 2px 12px 2px 0px; vertical-align: top; }"
                          "table.fields td.label { color: %3; white-space: nowrap; }"
                          "table.list { border-collapse: collapse; border-color: %5; margin-bottom: 14px; }"
                          "table.fields { margin-top: 4px; margin-bottom: 10px; }"
                          "table.list th { background-color: %6; font-weight: 600; padding: 3px 8px;"
                          " border-bottom: 1px solid %5; }"
                          "table.list td { padding: 3px 8px; border-bottom: 1px solid %5; }"
                          "td.num { white-space: nowrap; }")
        .arg(text.name(), p.color(QPalette::Link).name(), muted.name(), warningColor(p).name(), rule.name(), header.name());
}

} // namespace

QString money(qint64 minor, const QString &currency, const QLocale &locale)
{
    return Currency::format(minor, currency, locale);
}

QString dateTime(const QVariant &ms, const QLocale &locale)
{
    if (ms.isNull())
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toLocalTime();
    return locale.toString(local, shortDateFormat(locale) + u' ' + locale.timeFormat(QLocale::ShortFormat));
}

QString dateOf(const QVariant &ms, const QLocale &locale)
{
    if (ms.isNull())
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toLocalTime();
    return locale.toString(local.date(), shortDateFormat(locale));
}

QString isoDate(const QString &iso, const QLocale &locale)
{
    const QDate date = QDate::fromString(iso.left(10), Qt::ISODate);
    return date.isValid() ? locale.toString(date, shortDateFormat(locale)) : iso;
}

QString share(const QVariant &basisPoints, const QLocale &locale)
{
    if (basisPoints.isNull())
        return {};
    return Numbers::percentFromBasisPoints(basisPoints.toLongLong(), locale);
}

QString count(qint64 n, const QLocale &locale)
{
    return locale.toString(n);
}

QString countNote(qint64 total, int limit, const QString &partOf)
{
    if (total <= limit)
        return QStringLiteral("(%1)").arg(count(total));
    return partOf.arg(count(limit), count(total));
}

QString thousandths(qint64 value, const QLocale &locale)
{
    QString text = locale.toString(double(value) / 1000.0, 'f', 3);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(locale.zeroDigit().size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString humanize(const QString &vendorValue)
{
    QString text = vendorValue.trimmed();
    text.replace(u'_', u' ');
    if (text.isEmpty())
        return text;
    if (text == text.toUpper())
        text = text.toLower();
    text[0] = text.at(0).toUpper();
    return text;
}

QString moneyChange(qint64 minor, const QString &currency, const QLocale &locale)
{
    if (minor > 0)
        return locale.positiveSign() + money(minor, currency, locale);
    return money(minor, currency, locale);
}

QUrl recordUrl(const RecordRef &record)
{
    QUrl url;
    url.setScheme(QStringLiteral("record"));
    url.setPath(record.table + u'/' + QString::number(record.id));
    return url;
}

std::optional<RecordRef> recordFromUrl(const QUrl &url)
{
    if (url.scheme() != QLatin1String("record"))
        return std::nullopt;
    const QStringList parts = url.path().split(u'/');
    if (parts.size() != 2)
        return std::nullopt;
    bool ok = false;
    RecordRef record{parts.at(0), parts.at(1).toLongLong(&ok)};
    if (!ok || !record.isValid())
        return std::nullopt;
    return record;
}

QString link(const RecordRef &record, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(recordUrl(record).toString(QUrl::FullyEncoded), escape(text));
}

QString goneText()
{
    return DetailView::tr("This record is no longer in the cache.");
}

QString nothingSelectedText()
{
    return DetailView::tr("Select a row to see its details.");
}

QColor attentionTint(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);
    // A third of the highlight over the base: clearly marked, text still readable.
    const qreal a = 0.3;
    return QColor::fromRgbF(base.redF() * (1 - a) + highlight.redF() * a, base.greenF() * (1 - a) + highlight.greenF() * a,
                            base.blueF() * (1 - a) + highlight.blueF() * a);
}

QColor mutedColor(const QPalette &palette)
{
    // Not PlaceholderText: Qt 6 makes it the text colour at half opacity,
    // which HTML colours cannot carry; a mix keeps about 5:1 contrast.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const qreal a = 0.4;
    return QColor::fromRgbF(text.redF() * (1 - a) + base.redF() * a, text.greenF() * (1 - a) + base.greenF() * a,
                            text.blueF() * (1 - a) + base.blueF() * a);
}

QColor warningColor(const QPalette &palette)
{
    const bool darkBase = palette.color(QPalette::Base).lightnessF() < 0.5;
    return darkBase ? QColor(0xff, 0xa0, 0x7a) : QColor(0xa8, 0x1c, 0x1c);
}

std::optional<ConnectionInfo> connectionInfo(QSqlDatabase db, const QString &connectionId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name, vendor, base_url, currency FROM connections WHERE id = ?"));
    query.addBindValue(connectionId);
    if (!run(query) || !query.next())
        return std::nullopt;
    ConnectionInfo info;
    info.id = connectionId;
    info.name = query.value(0).toString();
    info.vendor = query.value(1).toString();
    const std::optional<Vendor> vendor = Vendors::fromId(info.vendor);
    info.vendorName = vendor ? Vendors::displayName(*vendor) : info.vendor;
    info.baseUrl = QUrl(query.value(2).toString());
    info.currency = query.value(3).toString();
    return info;
}

QString columnText(const QSqlQuery &q, const char *column)
{
    return q.value(QLatin1String(column)).toString();
}

QString columnMoney(const QSqlQuery &q, const char *column, const QString &currency)
{
    const QVariant value = q.value(QLatin1String(column));
    return value.isNull() ? QString() : money(value.toLongLong(), currency);
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDetail) << "query failed:" << query.lastError().text();
    return false;
}

Html::Html(const QPalette &palette)
    : m_palette(palette)
{
    m_out = QStringLiteral("<html><head><style>") + css(palette) + QStringLiteral("</style></head><body>");
}

void Html::title(const QString &text, const QString &subtitle)
{
    m_out += QStringLiteral("<h1>") + escape(text) + QStringLiteral("</h1>");
    if (!subtitle.isEmpty())
        m_out += QStringLiteral("<p class=\"muted\" style=\"margin-top: 0px; margin-bottom: 10px;\">") + escape(subtitle)
            + QStringLiteral("</p>");
}

void Html::warning(const QString &text)
{
    m_out += QStringLiteral("<p class=\"warning\">") + escape(text) + QStringLiteral("</p>");
}

void Html::paragraph(const QString &html, bool muted)
{
    m_out += (muted ? QStringLiteral("<p class=\"muted\">") : QStringLiteral("<p>")) + html + QStringLiteral("</p>");
}

void Html::section(const QString &text, const QString &note)
{
    m_out += QStringLiteral("<h2>") + escape(text);
    if (!note.isEmpty())
        m_out += QStringLiteral(" <span class=\"muted\" style=\"font-weight: normal;\">") + escape(note)
            + QStringLiteral("</span>");
    m_out += QStringLiteral("</h2>");
}

void Html::beginFields()
{
    m_out += QStringLiteral("<table class=\"fields\" cellspacing=\"0\" cellpadding=\"0\">");
}

void Html::field(const QString &label, const QString &valueHtml)
{
    if (valueHtml.isEmpty())
        return;
    m_out += QStringLiteral("<tr><td class=\"label\">") + escape(label) + QStringLiteral("</td><td>") + valueHtml
        + QStringLiteral("</td></tr>");
}

void Html::endFields()
{
    m_out += QStringLiteral("</table>");
}

void Html::beginTable(const QList<Column> &columns, bool fullWidth)
{
    m_columns = columns;
    m_fullWidth = fullWidth;
    m_rows.clear();
}

void Html::row(const QStringList &cellsHtml, bool attention)
{
    m_rows.append({cellsHtml, attention});
}

void Html::endTable()
{
    // A column empty on every row (no SKUs, nothing paid out yet) is left out.
    QList<int> shown;
    for (int c = 0; c < m_columns.size(); ++c) {
        const bool used = c == 0 || std::any_of(m_rows.cbegin(), m_rows.cend(), [c](const Row &row) {
                              return c < row.cells.size() && !row.cells.at(c).isEmpty();
                          });
        if (used)
            shown.append(c);
    }
    m_out += m_fullWidth ? QStringLiteral("<table class=\"list\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr>")
                         : QStringLiteral("<table class=\"list\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr>");
    for (int c : shown) {
        const Column &column = m_columns.at(c);
        m_out += (column.align == Right ? QStringLiteral("<th align=\"right\">") : QStringLiteral("<th align=\"left\">"))
            + escape(column.title) + QStringLiteral("</th>");
    }
    m_out += QStringLiteral("</tr></thead>");
    for (const Row &row : std::as_const(m_rows)) {
        m_out += row.attention ? QStringLiteral("<tr style=\"background-color: %1;\">").arg(attentionTint(m_palette).name())
                               : QStringLiteral("<tr>");
        for (int c : shown) {
            const QString cell = c < row.cells.size() ? row.cells.at(c) : QString();
            m_out += (m_columns.at(c).align == Right ? QStringLiteral("<td class=\"num\" align=\"right\">")
                                                     : QStringLiteral("<td>"))
                + cell + QStringLiteral("</td>");
        }
        m_out += QStringLiteral("</tr>");
    }
    m_out += QStringLiteral("</table>");
    m_rows.clear();
}

QString Html::text() const
{
    return m_out + QStringLiteral("</body></html>");
}

} // namespace ConsignDesk::DetailFormat
