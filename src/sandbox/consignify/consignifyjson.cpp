#include "sandbox/consignify/consignifyjson.h"

namespace ConsignDesk::Sandbox::Consignify {

namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *day = int(doy - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = int(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

void digits(char *out, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

void time(JsonWriter &w, const char *name, Ms ms)
{
    w.key(name);
    if (ms == 0)
        w.null();
    else
        w.raw('"' + isoTime(ms) + '"');
}

void share(JsonWriter &w, const char *name, qint16 shareBp)
{
    w.key(name);
    if (shareBp == noShare)
        w.null();
    else
        w.decimal(shareBp, 2);
}

void money(JsonWriter &w, const char *name, qint64 minor)
{
    w.key(name).decimal(minor, 2);
}

} // namespace

QByteArray isoTime(Ms ms)
{
    const qint64 days = ms >= 0 ? ms / msPerDay : (ms - msPerDay + 1) / msPerDay;
    const qint64 rest = ms - days * msPerDay;
    int year = 0, month = 0, day = 0;
    civil(days, &year, &month, &day);
    char text[24];
    digits(text, year, 4);
    text[4] = '-';
    digits(text + 5, month, 2);
    text[7] = '-';
    digits(text + 8, day, 2);
    text[10] = 'T';
    digits(text + 11, int(rest / 3600000), 2);
    text[13] = ':';
    digits(text + 14, int(rest / 60000 % 60), 2);
    text[16] = ':';
    digits(text + 17, int(rest / 1000 % 60), 2);
    text[19] = '.';
    digits(text + 20, int(rest % 1000), 3);
    text[23] = 'Z';
    return QByteArray(text, 24);
}

Ms toMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

std::optional<Ms> parseTime(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

const char *statusName(ProductStatus status)
{
    switch (status) {
    case ProductStatus::Active: return "ACTIVE";
    case ProductStatus::Draft: return "DRAFT";
    case ProductStatus::Archived: return "ARCHIVED";
    }
    return "ACTIVE";
}

const char *fateName(ItemFate fate)
{
    switch (fate) {
    case ItemFate::ShopDefault: return "SHOP_DEFAULT";
    case ItemFate::Donate: return "DONATE";
    case ItemFate::Return: return "RETURN";
    }
    return "SHOP_DEFAULT";
}

const char *portalName(Portal portal)
{
    switch (portal) {
    case Portal::ShopDefault: return "SHOP_DEFAULT";
    case Portal::Enabled: return "ENABLED";
    case Portal::Disabled: return "DISABLED";
    }
    return "SHOP_DEFAULT";
}

const char *receiptName(Receipt receipt)
{
    switch (receipt) {
    case Receipt::Sent: return "SENT";
    case Receipt::NotSent: return "NOT_SENT";
    case Receipt::Failed: return "FAILED";
    }
    return "NOT_SENT";
}

std::optional<ItemFate> fateFromName(const QString &name)
{
    for (const ItemFate fate : {ItemFate::ShopDefault, ItemFate::Donate, ItemFate::Return}) {
        if (name == QLatin1String(fateName(fate)))
            return fate;
    }
    return std::nullopt;
}

std::optional<Portal> portalFromName(const QString &name)
{
    for (const Portal portal : {Portal::ShopDefault, Portal::Enabled, Portal::Disabled}) {
        if (name == QLatin1String(portalName(portal)))
            return portal;
    }
    return std::nullopt;
}

namespace Json {

void consignor(JsonWriter &w, const Store &store, qint32 index)
{
    const Consignor &c = store.consignors()[size_t(index)];
    w.beginObject();
    w.field("id", c.id);
    w.field("key", c.key);
    w.field("shopId", store.shopId());
    w.optionalField("givenName", c.givenName);
    w.optionalField("surname", c.surname);
    share(w, "share", c.shareBp);
    w.optionalField("email", c.email);
    w.optionalField("phone", c.phone);
    w.optionalField("notes", c.notes);
    w.field("unsoldItemFate", fateName(c.fate));
    time(w, "createdAt", c.createdAt);
    time(w, "updatedAt", c.updatedAt);
    w.field("archived", c.archived);
    w.field("portalEnabled", portalName(c.portal));
    w.endObject();
}

void product(JsonWriter &w, const Store &store, qint32 index)
{
    const Product &p = store.products()[size_t(index)];
    w.beginObject();
    w.field("id", store.productId(index));
    time(w, "updatedAt", p.updatedAt);
    w.field("shopId", store.shopId());
    w.key("consignerId");
    if (p.consignor < 0)
        w.null();
    else
        w.value(store.consignors()[size_t(p.consignor)].id);
    time(w, "shopifyUpdatedAt", p.shopifyUpdatedAt);
    share(w, "consignerShare", p.shareBp);
    w.field("status", statusName(p.status));
    w.field("totalInventory", p.totalInventory);
    w.field("title", store.title(index));
    w.endObject();
}

void productBrief(JsonWriter &w, const Store &store, qint32 index)
{
    const Product &p = store.products()[size_t(index)];
    w.beginObject();
    w.field("id", store.productId(index));
    w.field("title", store.title(index));
    w.field("status", statusName(p.status));
    w.field("totalInventory", p.totalInventory);
    share(w, "consignerShare", p.shareBp);
    time(w, "shopifyUpdatedAt", p.shopifyUpdatedAt);
    w.endObject();
}

void lineItem(JsonWriter &w, const Store &store, qint32 index)
{
    const LineItem &item = store.lineItems()[size_t(index)];
    w.beginObject();
    w.field("id", store.lineItemId(index));
    w.field("orderId", store.orderId(item.orderNo));
    w.field("productId", store.productId(item.product));
    w.field("variantId", store.variantId(item.product));
    w.optionalField("sku", store.sku(item.product));
    w.field("originalQuantity", int(item.originalQuantity));
    w.field("currentQuantity", int(item.currentQuantity));
    money(w, "unitPrice", item.unitPrice);
    money(w, "unitPriceDiscounted", item.unitPriceDiscounted);
    w.field("currencyCode", store.currency());
    w.field("isFulfilled", item.fulfilledAt != 0);
    time(w, "fulfillmentCreatedAt", item.fulfilledAt);
    time(w, "fulfillmentLastUpdatedAt", item.fulfillmentUpdatedAt);
    w.key("itemPayout");
    if (item.payoutLine < 0)
        w.null();
    else
        payoutLineRef(w, store, item.payoutLine);
    w.endObject();
}

void payoutLineRef(JsonWriter &w, const Store &store, qint32 index)
{
    const PayoutLine &line = store.payoutLines()[size_t(index)];
    const Payout &payout = store.payouts()[size_t(line.payout)];
    w.beginObject();
    w.field("id", store.payoutLineId(index));
    w.field("lineItemId", store.lineItemId(line.lineItem));
    share(w, "consignerSharePct", line.shareBp);
    w.field("quantity", int(line.quantity));
    money(w, "amount", line.amount);
    w.key("payout").beginObject();
    w.field("id", store.payoutId(line.payout));
    w.field("reference", QStringLiteral("#R%1").arg(payout.reference));
    w.endObject();
    w.endObject();
}

void payout(JsonWriter &w, const Store &store, qint32 index, bool withLines)
{
    const Payout &p = store.payouts()[size_t(index)];
    w.beginObject();
    w.field("id", store.payoutId(index));
    w.field("shopId", store.shopId());
    w.field("reference", QStringLiteral("#R%1").arg(p.reference));
    money(w, "amount", p.amount);
    money(w, "adjustment", p.adjustment);
    w.field("currencyCode", store.currency());
    time(w, "paidAt", p.paidAt);
    w.nullField("signatureId");
    time(w, "createdAt", p.createdAt);
    w.field("note", p.note);
    time(w, "updatedAt", p.updatedAt);
    w.field("consignerId", store.consignors()[size_t(p.consignor)].id);
    time(w, "receiptSentAt", p.receiptSentAt);
    w.field("receiptStatus", receiptName(p.receipt));
    w.key("receiptStatusReason");
    if (p.receipt == Receipt::Failed)
        w.value("Consignor email bounced");
    else
        w.null();
    if (withLines) {
        w.key("payoutLineItems").beginArray();
        for (qint32 l = p.firstLine; l < p.firstLine + p.lineCount; ++l) {
            const PayoutLine &line = store.payoutLines()[size_t(l)];
            const LineItem &item = store.lineItems()[size_t(line.lineItem)];
            w.beginObject();
            w.field("id", store.payoutLineId(l));
            w.field("payoutId", store.payoutId(index));
            w.field("lineItemId", store.lineItemId(line.lineItem));
            w.field("productId", store.productId(item.product));
            share(w, "consignerSharePct", line.shareBp);
            w.field("quantity", int(line.quantity));
            money(w, "amount", line.amount);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

} // namespace Json

} // namespace ConsignDesk::Sandbox::Consignify
