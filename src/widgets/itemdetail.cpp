#include "widgets/itemdetail.h"

#include "widgets/itemimages.h"

#include <QEvent>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTextBrowser>

namespace ConsignDesk {

using namespace DetailFormat;

namespace {

constexpr int priceHistoryLimit = 100;
constexpr int salesLimit = 20;
constexpr int thumbnailWidth = 96;

} // namespace

ItemDetail::ItemDetail(QSqlDatabase db, QNetworkAccessManager *network, const QString &imageCacheDir, QWidget *parent)
    : HtmlDetailView(db, tr("Item details"), parent)
    , m_images(new ItemImages(network, imageCacheDir, this))
{
    connect(m_images, &ItemImages::changed, this, [this] {
        if (m_waitingForImages)
            redraw();
    });
    m_resizeRedraw.setSingleShot(true);
    m_resizeRedraw.setInterval(150);
    connect(&m_resizeRedraw, &QTimer::timeout, this, [this] {
        if (m_hasImages && mainImageWidth() != m_drawnWidth)
            redraw();
    });
    browser()->viewport()->installEventFilter(this);
}

void ItemDetail::showRecord(qint64 id)
{
    if (id != currentId())
        m_mainImage = 0;
    HtmlDetailView::showRecord(id);
}

void ItemDetail::reload()
{
    m_images->forgetFailures();
    HtmlDetailView::reload();
}

bool ItemDetail::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == browser()->viewport() && event->type() == QEvent::Resize && m_hasImages)
        m_resizeRedraw.start();
    return HtmlDetailView::eventFilter(watched, event);
}

int ItemDetail::mainImageWidth() const
{
    const int available = browser()->viewport()->width() - 2 * int(browser()->document()->documentMargin()) - 8;
    return qBound(thumbnailWidth, available, 420);
}

void ItemDetail::followLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String("image"))
        return;
    bool ok = false;
    const int index = url.path().toInt(&ok);
    if (ok && index != m_mainImage) {
        m_mainImage = index;
        redraw();
    }
}

QVariant ItemDetail::resource(const QUrl &url)
{
    if (url.scheme() == QLatin1String("cdimg"))
        return m_resources.value(url.path());
    return {};
}

bool ItemDetail::render(qint64 id, Html &html)
{
    m_resources.clear();
    m_waitingForImages = false;
    m_hasImages = false;
    QSqlQuery q(db());
    const std::optional<Record> record = findRecord(
        q,
        QStringLiteral("SELECT i.*, c.id AS consignor_row, c.name AS consignor_name, cat.name AS category_name,"
                       " loc.name AS location_name, b.number AS batch_number"
                       " FROM items i"
                       " LEFT JOIN consignors c ON c.connection_id = i.connection_id AND c.external_id = i.consignor_id"
                       " LEFT JOIN categories cat ON cat.connection_id = i.connection_id AND cat.external_id = i.category_id"
                       " LEFT JOIN locations loc ON loc.connection_id = i.connection_id AND loc.external_id = i.location_id"
                       " LEFT JOIN batches b ON b.connection_id = i.connection_id AND b.external_id = i.batch_id"
                       " WHERE i.id = ?"),
        id);
    if (!record)
        return false;

    const auto &[connectionId, externalId, currency, connection] = *record;
    const QString title = columnText(q, "title");
    html.title(title.isEmpty() ? tr("Untitled item") : title, tr("Item of %1 (%2)").arg(connection.name, connection.vendorName));
    if (!q.value(QStringLiteral("deleted")).isNull())
        html.warning(tr("Deleted or inactivated at the vendor on %1.").arg(dateOf(q.value(QStringLiteral("deleted")))));
    else if (q.value(QStringLiteral("inactive")).toInt() != 0)
        html.warning(tr("Inactive at the vendor."));

    html.beginFields();
    html.textField(tr("SKU"), columnText(q, "sku"));
    html.field(tr("Price"),
               QStringLiteral("<b>") + escape(money(q.value(QStringLiteral("price_minor")).toLongLong(), currency))
                   + QStringLiteral("</b>"));
    if (!q.value(QStringLiteral("tag_price_minor")).isNull())
        html.textField(tr("Tag price"), money(q.value(QStringLiteral("tag_price_minor")).toLongLong(), currency));
    html.textField(tr("Status"), humanize(columnText(q, "status")));
    html.textField(tr("Inventory type"), humanize(columnText(q, "inventory_type")));
    if (!q.value(QStringLiteral("quantity")).isNull())
        html.textField(tr("Quantity"), count(q.value(QStringLiteral("quantity")).toLongLong()));
    const QString consignorId = columnText(q, "consignor_id");
    if (!q.value(QStringLiteral("consignor_row")).isNull()) {
        const QString name = columnText(q, "consignor_name");
        html.field(tr("Consignor"),
                   link({QStringLiteral("consignors"), q.value(QStringLiteral("consignor_row")).toLongLong()},
                        name.isEmpty() ? consignorId : name));
    } else if (!consignorId.isEmpty()) {
        html.textField(tr("Consignor"), tr("%1 (no consignor record in the cache)").arg(consignorId));
    }
    html.textField(tr("Consignor's share"), share(q.value(QStringLiteral("split_bp"))));
    html.textField(tr("Category"),
                   columnText(q, "category").isEmpty() ? columnText(q, "category_name") : columnText(q, "category"));
    html.textField(tr("Location"), columnText(q, "location_name"));
    html.textField(tr("Batch"), columnText(q, "batch_number"));
    html.textField(tr("Brand"), columnText(q, "brand"));
    html.textField(tr("Colour"), columnText(q, "color"));
    html.textField(tr("Size"), columnText(q, "size"));
    if (q.value(QStringLiteral("ecommerce")).toInt() != 0)
        html.textField(tr("Online store"), tr("Listed"));
    html.textField(tr("Created"), dateTime(q.value(QStringLiteral("created"))));
    html.textField(tr("Updated"), dateTime(q.value(QStringLiteral("updated"))));
    html.textField(tr("Sold"), dateTime(q.value(QStringLiteral("sold"))));
    if (!columnText(q, "expires").isEmpty())
        html.textField(tr("Consignment ends"), isoDate(columnText(q, "expires")));
    html.textField(tr("Vendor id"), externalId);
    html.endFields();

    const QString description = columnText(q, "description");
    if (!description.isEmpty()) {
        html.section(tr("Description"));
        html.paragraph(escape(description).replace(u'\n', QStringLiteral("<br>")));
    }
    const QStringList images = columnText(q, "images").split(u'\n', Qt::SkipEmptyParts);
    if (!images.isEmpty())
        renderImages(connection, images, html);
    renderPriceHistory(id, currency, html);
    renderSales(connectionId, externalId, html);
    return true;
}

void ItemDetail::renderImages(const ConnectionInfo &connection, const QStringList &images, Html &html)
{
    const qreal dpr = browser()->devicePixelRatioF();
    const int mainWidth = mainImageWidth();
    m_drawnWidth = mainWidth;
    const int main = qBound(0, m_mainImage, int(images.size()) - 1);

    QList<ItemImages::Source> fetchable;
    QStringList elsewhere;
    for (const QString &image : images) {
        const ItemImages::Source source = m_images->source(connection, image, ItemImages::sizeFor(mainWidth, dpr));
        if (source.fetchable())
            fetchable.append(source);
        else
            elsewhere.append(image);
    }
    html.section(tr("Images"), images.size() > 1 ? QStringLiteral("(%1)").arg(count(images.size())) : QString());
    m_hasImages = !fetchable.isEmpty();

    // The chosen image large, the others as thumbnails that choose it.
    // While loading, a box the size the image will take, so the panel does not jump when it arrives.
    auto placeholder = [&](ItemImages::State state, int width) {
        const QString text = state == ItemImages::State::Loading ? tr("Loading image…") : tr("Image unavailable");
        const int padding = state == ItemImages::State::Loading ? qMax(6, width * 3 / 8 - fontMetrics().height() / 2) : 16;
        return QStringLiteral("<table border=\"1\" cellspacing=\"0\" width=\"%1\" style=\"border-style: solid; border-color: %2;\">"
                              "<tr><td align=\"center\" class=\"muted\" style=\"padding: %3px 4px;\">%4</td></tr></table>")
            .arg(width)
            .arg(palette().color(QPalette::Mid).name())
            .arg(padding)
            .arg(escape(text));
    };
    auto draw = [&](const ItemImages::Source &source, int width, const QString &alt) -> QString {
        const ItemImages::Image image = m_images->get(source);
        if (image.state != ItemImages::State::Ready) {
            m_waitingForImages |= image.state == ItemImages::State::Loading;
            return placeholder(image.state, width);
        }
        const QString key = QFileInfo(source.cacheFile).fileName();
        m_resources.insert(key, image.image);
        return QStringLiteral("<img src=\"cdimg:%1\" width=\"%2\" alt=\"%3\">").arg(escape(key)).arg(width).arg(escape(alt));
    };

    if (!fetchable.isEmpty()) {
        const int shown = qMin(main, int(fetchable.size()) - 1);
        html.raw(QStringLiteral("<p>") + draw(fetchable.at(shown), mainWidth, fetchable.at(shown).image)
                 + QStringLiteral("</p>"));
        if (fetchable.size() > 1) {
            QString thumbs = QStringLiteral("<p>");
            for (int i = 0; i < fetchable.size(); ++i) {
                const ItemImages::Source thumb
                    = m_images->source(connection, fetchable.at(i).image, ItemImages::sizeFor(thumbnailWidth, dpr));
                const QString picture = draw(thumb, thumbnailWidth, tr("Image %1").arg(i + 1));
                thumbs += (i == shown ? picture : QStringLiteral("<a href=\"image:%1\">%2</a>").arg(i).arg(picture))
                    + QStringLiteral("&nbsp;&nbsp;");
            }
            html.raw(thumbs + QStringLiteral("</p>"));
        }
    }
    if (!elsewhere.isEmpty()) {
        html.paragraph(escape(tr("Hosted by the vendor, not downloaded:")), true);
        QString list;
        for (const QString &image : elsewhere)
            list += escape(image) + QStringLiteral("<br>");
        html.paragraph(list, true);
    }
}

void ItemDetail::renderPriceHistory(qint64 id, const QString &currency, Html &html)
{
    QSqlQuery total(db());
    total.prepare(QStringLiteral("SELECT count(*) FROM item_prices WHERE item_id = ?"));
    total.addBindValue(id);
    const qint64 rows = run(total) && total.next() ? total.value(0).toLongLong() : 0;

    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT price_minor, seen FROM item_prices WHERE item_id = ? ORDER BY seen DESC, rowid DESC LIMIT ?"));
    q.addBindValue(id);
    q.addBindValue(priceHistoryLimit + 1); // one more for the change of the oldest shown
    if (!run(q))
        return;
    QList<std::pair<qint64, QVariant>> prices;
    while (q.next())
        prices.append({q.value(0).toLongLong(), q.value(1)});

    html.section(tr("Price history"),
                 rows > priceHistoryLimit ? tr("(the newest %1 of %2)").arg(count(priceHistoryLimit), count(rows)) : QString());
    if (prices.isEmpty()) {
        html.paragraph(escape(tr("No price seen yet.")), true);
        return;
    }
    html.beginTable({{tr("Seen")}, {tr("Price"), Html::Right}, {tr("Change"), Html::Right}}, false);
    const int shown = int(qMin<qsizetype>(prices.size(), priceHistoryLimit));
    for (int i = 0; i < shown; ++i) {
        const qint64 price = prices.at(i).first;
        const QString change = i + 1 < prices.size() ? moneyChange(price - prices.at(i + 1).first, currency) : QString();
        html.row({escape(dateTime(prices.at(i).second)), escape(money(price, currency)), escape(change)});
    }
    html.endTable();
}

void ItemDetail::renderSales(const QString &connectionId, const QString &externalId, Html &html)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT l.date, l.quantity, l.price_minor, l.currency, l.status, s.id, s.number, l.sale_id"
                             " FROM sale_lines l"
                             " LEFT JOIN sales s ON s.connection_id = l.connection_id AND s.external_id = l.sale_id"
                             " WHERE l.item_id = ? AND l.connection_id = ? AND l.deleted IS NULL"
                             " ORDER BY l.date DESC LIMIT ?"));
    q.addBindValue(externalId);
    q.addBindValue(connectionId);
    q.addBindValue(salesLimit);
    if (!run(q) || !q.next())
        return;
    html.section(tr("Sold in"));
    html.beginTable({{tr("Date")}, {tr("Sale")}, {tr("Quantity"), Html::Right}, {tr("Price"), Html::Right}, {tr("Status")}});
    do {
        const QString number = q.value(6).toString().isEmpty() ? q.value(7).toString() : q.value(6).toString();
        const QString sale
            = q.value(5).isNull() ? escape(number) : link({QStringLiteral("sales"), q.value(5).toLongLong()}, number);
        html.row({escape(dateTime(q.value(0))), sale, escape(count(q.value(1).toLongLong())),
                  escape(money(q.value(2).toLongLong(), q.value(3).toString())), escape(humanize(q.value(4).toString()))});
    } while (q.next());
    html.endTable();
}

} // namespace ConsignDesk
