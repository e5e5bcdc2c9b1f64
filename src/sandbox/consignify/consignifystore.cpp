#include "sandbox/consignify/consignifystore.h"

#include "sandbox/names.h"
#include "sandbox/random.h"

#include <algorithm>

namespace ConsignDesk::Sandbox::Consignify {

namespace {

// Rng stream tags, one per kind of generated thing.
enum : quint64 {
    TagConsignor = 0xc0f1,
    TagConsignorId,
    TagProduct,
    TagProductId,
    TagTitle,
    TagLineItems,
    TagLineItemId,
    TagOrderId,
    TagOrders,
    TagPayouts,
    TagPayoutId,
    TagPayoutLineId,
    TagVariant,
    TagSku,
    TagKey,
};

constexpr qint64 productIdBase = 14985350000000;
constexpr qint64 variantIdBase = 55263180000000;
constexpr qint64 lineItemIdBase = 34838140000000;
constexpr qint64 orderIdBase = 11725350000000;
constexpr qint64 idStride = 4096;

const char *const payoutNotes[] = {"", "", "", "Bank transfer", "Paid in store credit", "Cash in store",
                                   "Cheque posted"};

QString cuid(quint64 seed, quint64 tag, quint64 index)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    Rng rng(seed, tag, index);
    QString out(24, Qt::Uninitialized);
    QChar *data = out.data();
    data[0] = QLatin1Char(alphabet[rng.next() % 26]);
    for (int i = 1; i < 24; ++i)
        data[i] = QLatin1Char(alphabet[rng.next() % 36]);
    return out;
}

qint64 derivedId(quint64 seed, quint64 tag, qint64 base, qint64 index)
{
    return base + index * idStride + qint64(mix(mix(seed, tag), quint64(index)) % (idStride - 96));
}

qint64 inverseIndex(const QString &id, qint64 base)
{
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    if (!ok || number < base)
        return -1;
    return (number - base) / idStride;
}

qint16 shareStep(Rng &rng, int lowPct, int highPct)
{
    return qint16(rng.range(lowPct / 5, highPct / 5) * 5 * 100);
}

} // namespace

Store::Store(quint64 seed, qint64 items, Ms epoch)
    : m_seed(seed)
    , m_epoch(epoch)
    , m_trackingStart(epoch - 365 * msPerDay)
    , m_clock(epoch)
{
    generateConsignors(std::max<qint64>(12, items / 100));
    generateProducts(std::max<qint64>(40, items / 10));
    generateLineItems(std::max<qint64>(100, items));
    generatePayouts();
}

QString Store::apiKey() const
{
    return QStringLiteral("csfy_live_") + QString::number(mix(m_seed, TagKey), 16).rightJustified(16, u'0');
}

QString Store::productId(qint32 index) const
{
    return QString::number(derivedId(m_seed, TagProductId, productIdBase, index));
}

QString Store::variantId(qint32 product) const
{
    return QString::number(derivedId(m_seed, TagVariant, variantIdBase, product));
}

QString Store::lineItemId(qint32 index) const
{
    return QString::number(derivedId(m_seed, TagLineItemId, lineItemIdBase, index));
}

QString Store::orderId(qint32 orderNo) const
{
    return QString::number(derivedId(m_seed, TagOrderId, orderIdBase, orderNo));
}

QString Store::payoutId(qint32 index) const { return cuid(m_seed, TagPayoutId, quint64(index)); }
QString Store::payoutLineId(qint32 index) const { return cuid(m_seed, TagPayoutLineId, quint64(index)); }

QString Store::title(qint32 product) const
{
    Rng rng(m_seed, TagTitle, quint64(product));
    const int category = int(rng.range(0, Names::categoryCount() - 1));
    return Names::itemTitle(rng, category).title;
}

QString Store::sku(qint32 product) const
{
    Rng rng(m_seed, TagSku, quint64(product));
    if (rng.chance(0.3))
        return {};
    return QStringLiteral("CSG-") + Names::code(rng, 6);
}

qint32 Store::findProduct(const QString &id) const
{
    const qint64 index = inverseIndex(id, productIdBase);
    if (index < 0 || index >= qint64(m_products.size()) || productId(qint32(index)) != id)
        return -1;
    return qint32(index);
}

qint32 Store::findLineItem(const QString &id) const
{
    const qint64 index = inverseIndex(id, lineItemIdBase);
    if (index < 0 || index >= qint64(m_lineItems.size()) || lineItemId(qint32(index)) != id)
        return -1;
    return qint32(index);
}

quint64 Store::hashId(const QString &id)
{
    quint64 hash = 14695981039346656037ULL;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

qint32 Store::findConsignor(const QString &id) const
{
    const qint32 index = m_consignorById.value(hashId(id), -1);
    return index >= 0 && m_consignors[size_t(index)].id == id ? index : -1;
}

qint32 Store::findConsignorByKey(const QString &key) const
{
    for (size_t i = 0; i < m_consignors.size(); ++i) {
        if (m_consignors[i].key == key)
            return qint32(i);
    }
    return -1;
}

qint32 Store::findPayout(const QString &id) const
{
    const qint32 index = m_payoutById.value(hashId(id), -1);
    if (index < 0 || m_payouts[size_t(index)].deleted || payoutId(index) != id)
        return -1;
    return index;
}

qint16 Store::effectiveShare(qint32 product) const
{
    const Product &p = m_products[size_t(product)];
    if (p.shareBp != noShare)
        return p.shareBp;
    if (p.consignor >= 0 && m_consignors[size_t(p.consignor)].shareBp != noShare)
        return m_consignors[size_t(p.consignor)].shareBp;
    return defaultShareBp;
}

qint64 Store::shareAmount(const LineItem &item, qint32 quantity, qint16 shareBp) const
{
    const qint64 gross = qint64(item.unitPriceDiscounted) * quantity * shareBp;
    return (gross + 5000) / 10000; // half up; never negative
}

bool Store::payable(const LineItem &item, Ms now) const
{
    return item.fulfilledAt != 0 && item.currentQuantity > 0 && item.payoutLine < 0
        && item.fulfilledAt >= m_trackingStart && item.fulfilledAt < now - holdingDays * msPerDay;
}

Consignor Store::makeConsignor(qint32 index, Ms createdAt) const
{
    Rng rng(m_seed, TagConsignor, quint64(index));
    Consignor c;
    c.id = cuid(m_seed, TagConsignorId, quint64(index));
    c.givenName = Names::firstName(rng);
    c.surname = Names::lastName(rng);
    c.key = QString(c.surname).remove(u'\'') + u'-' + QString::number(index + 1);
    c.email = Names::emailFor(c.givenName, c.surname, rng);
    if (rng.chance(0.8))
        c.phone = QStringLiteral("+44 7700 9%1").arg(rng.range(0, 99999), 5, 10, QLatin1Char('0'));
    if (rng.chance(0.15))
        c.notes = rng.chance(0.5) ? QStringLiteral("Prefers bank transfer") : QStringLiteral("Drops off on Saturdays");
    if (rng.chance(0.3))
        c.shareBp = shareStep(rng, 40, 70);
    const double fate = rng.unit();
    c.fate = fate < 0.5 ? ItemFate::Donate : fate < 0.8 ? ItemFate::Return : ItemFate::ShopDefault;
    const double portal = rng.unit();
    c.portal = portal < 0.8 ? Portal::ShopDefault : portal < 0.95 ? Portal::Enabled : Portal::Disabled;
    c.archived = rng.chance(0.04);
    c.createdAt = createdAt;
    c.updatedAt = createdAt + rng.range(0, std::max<Ms>(0, m_epoch - createdAt - 1));
    return c;
}

void Store::generateConsignors(qint64 count)
{
    m_consignors.reserve(size_t(count));
    for (qint64 i = 0; i < count; ++i) {
        Rng rng(m_seed, TagConsignor ^ 0x5a, quint64(i));
        const Ms createdAt = m_epoch - 760 * msPerDay + rng.range(0, 740 * msPerDay);
        m_consignors.push_back(makeConsignor(qint32(i), createdAt));
        m_consignorById.insert(hashId(m_consignors.back().id), qint32(i));
    }
    m_productsOfConsignor.resize(size_t(count));
    m_payoutsOfConsignor.resize(size_t(count));
}

void Store::generateProducts(qint64 count)
{
    m_products.resize(size_t(count));
    m_itemsOfProduct.resize(size_t(count));
    const qint64 consignors = qint64(m_consignors.size());
    for (qint64 i = 0; i < count; ++i) {
        Rng rng(m_seed, TagProduct, quint64(i));
        Product &p = m_products[size_t(i)];
        if (rng.chance(0.85)) {
            p.consignor = qint32(rng.range(0, consignors - 1));
            m_productsOfConsignor[size_t(p.consignor)].push_back(qint32(i));
            if (rng.chance(0.2))
                p.shareBp = shareStep(rng, 30, 80);
        }
        const double status = rng.unit();
        p.status = status < 0.7 ? ProductStatus::Active : status < 0.8 ? ProductStatus::Draft : ProductStatus::Archived;
        p.totalInventory = p.status == ProductStatus::Archived ? 0 : qint32(rng.range(0, 12));
        p.basePrice = qint32(rng.range(4, 450) * 100 - (rng.chance(0.5) ? 5 : 0));
        p.shopifyUpdatedAt = (m_epoch - rng.range(3600000, 700 * msPerDay)) / 1000 * 1000; // Shopify: whole seconds
        p.updatedAt = std::min(m_epoch - 1, p.shopifyUpdatedAt + rng.range(1000, 3 * msPerDay));
    }
}

void Store::generateLineItems(qint64 count)
{
    const qint64 products = qint64(m_products.size());
    const qint64 perProduct = std::max<qint64>(1, 2 * count / products);
    const Ms historyStart = m_epoch - 730 * msPerDay;
    std::vector<LineItem> drafts;
    std::vector<std::pair<Ms, qint32>> order; // (ordered at, draft), sorted into time order
    drafts.reserve(size_t(count + count / 8));
    order.reserve(size_t(count + count / 8));
    for (qint64 p = 0; p < products; ++p) {
        Rng rng(m_seed, TagLineItems, quint64(p));
        const Product &product = m_products[size_t(p)];
        const qint64 n = rng.range(0, perProduct);
        for (qint64 k = 0; k < n; ++k) {
            LineItem item;
            const Ms orderedAt = historyStart + rng.range(0, 730 * msPerDay - 1);
            item.product = qint32(p);
            item.unitPrice = product.basePrice;
            item.unitPriceDiscounted = rng.chance(0.8) ? item.unitPrice
                                                       : qint32(qint64(item.unitPrice) * rng.range(70, 95) / 100);
            const double quantity = rng.unit();
            item.originalQuantity = quantity < 0.9 ? 1 : quantity < 0.98 ? 2 : 3;
            item.currentQuantity = item.originalQuantity;
            const bool old = orderedAt < m_epoch - 5 * msPerDay;
            if (rng.chance(old ? 0.97 : 0.5)) {
                item.fulfilledAt = std::min(m_epoch - 1000, orderedAt + rng.range(3600000, 3 * msPerDay)) / 1000 * 1000;
                item.fulfillmentUpdatedAt = item.fulfilledAt;
                if (rng.chance(0.06)) {
                    item.currentQuantity = quint16(item.originalQuantity - rng.range(1, item.originalQuantity));
                    item.fulfillmentUpdatedAt
                        = std::min(m_epoch - 1000, item.fulfilledAt + rng.range(msPerDay, 20 * msPerDay)) / 1000 * 1000;
                }
            }
            order.emplace_back(orderedAt, qint32(drafts.size()));
            drafts.push_back(item);
        }
    }
    std::sort(order.begin(), order.end());
    m_lineItems.resize(drafts.size());
    Rng orders(m_seed, TagOrders, 0);
    for (size_t j = 0; j < order.size(); ++j) {
        LineItem &item = m_lineItems[j];
        item = drafts[size_t(order[j].second)];
        if (j == 0 || !orders.chance(0.12))
            ++m_nextOrderNo;
        item.orderNo = m_nextOrderNo - 1;
        m_itemsOfProduct[size_t(item.product)].push_back(qint32(j));
        if (item.fulfilledAt == 0)
            m_unfulfilled.push_back(qint32(j));
    }
}

void Store::generatePayouts()
{
    struct Draft {
        Ms paidAt;
        qint32 consignor;
        std::vector<qint32> items;
    };
    std::vector<Draft> drafts;
    std::vector<std::pair<Ms, qint32>> candidates;
    for (size_t c = 0; c < m_consignors.size(); ++c) {
        candidates.clear();
        for (const qint32 p : m_productsOfConsignor[c]) {
            for (const qint32 i : m_itemsOfProduct[size_t(p)]) {
                const LineItem &item = m_lineItems[size_t(i)];
                if (item.fulfilledAt >= m_trackingStart && item.currentQuantity > 0)
                    candidates.emplace_back(item.fulfilledAt, i);
            }
        }
        std::sort(candidates.begin(), candidates.end());
        Rng rng(m_seed, TagPayouts, c);
        size_t next = 0;
        for (int month = 1; month <= 12; ++month) {
            const Ms paidAt = m_trackingStart + month * 30 * msPerDay + rng.range(8 * 3600000, 3 * msPerDay);
            if (paidAt >= m_epoch || rng.chance(0.15))
                continue;
            const Ms cutoff = paidAt - holdingDays * msPerDay;
            Draft draft{paidAt, qint32(c), {}};
            while (next < candidates.size() && candidates[next].first < cutoff)
                draft.items.push_back(candidates[next++].second);
            if (!draft.items.empty())
                drafts.push_back(std::move(draft));
        }
    }
    std::sort(drafts.begin(), drafts.end(), [](const Draft &a, const Draft &b) {
        return a.paidAt != b.paidAt ? a.paidAt < b.paidAt : a.consignor < b.consignor;
    });
    std::vector<PayoutLine> lines;
    for (Draft &draft : drafts) {
        Rng rng(m_seed, TagPayouts ^ 0x77, quint64(m_payouts.size()));
        lines.clear();
        for (const qint32 i : draft.items) {
            const LineItem &item = m_lineItems[size_t(i)];
            PayoutLine line;
            line.lineItem = i;
            line.quantity = qint16(item.currentQuantity);
            line.shareBp = effectiveShare(item.product);
            line.amount = qint32(shareAmount(item, line.quantity, line.shareBp));
            lines.push_back(line);
        }
        const double receipt = rng.unit();
        const QString note = QString::fromLatin1(rng.pick(payoutNotes));
        appendPayout(draft.consignor, lines, 0, draft.paidAt,
                     receipt < 0.85 ? Receipt::Sent : receipt < 0.95 ? Receipt::NotSent : Receipt::Failed, note);
    }
}

qint32 Store::appendPayout(qint32 consignor, const std::vector<PayoutLine> &lines, qint64 adjustment, Ms paidAt,
                           Receipt receipt, const QString &note)
{
    const qint32 index = qint32(m_payouts.size());
    Payout payout;
    payout.consignor = consignor;
    payout.reference = 1001 + index;
    payout.paidAt = paidAt;
    payout.createdAt = paidAt + 2;
    payout.updatedAt = paidAt + 1964;
    payout.receipt = receipt;
    payout.receiptSentAt = receipt == Receipt::NotSent ? 0 : paidAt + 1963;
    payout.note = note;
    payout.adjustment = adjustment;
    payout.firstLine = qint32(m_payoutLines.size());
    payout.lineCount = qint32(lines.size());
    qint64 sum = 0;
    for (PayoutLine line : lines) {
        line.payout = index;
        sum += line.amount;
        m_lineItems[size_t(line.lineItem)].payoutLine = qint32(m_payoutLines.size());
        m_payoutLines.push_back(line);
    }
    payout.amount = sum + adjustment;
    m_payouts.push_back(std::move(payout));
    m_payoutById.insert(hashId(payoutId(index)), index);
    m_payoutsOfConsignor[size_t(consignor)].push_back(index);
    return index;
}

qint32 Store::addConsignor(Consignor consignor, Ms now)
{
    const qint32 index = qint32(m_consignors.size());
    consignor.id = cuid(m_seed, TagConsignorId, quint64(index));
    consignor.createdAt = now;
    consignor.updatedAt = now;
    m_consignorById.insert(hashId(consignor.id), index);
    m_consignors.push_back(std::move(consignor));
    m_productsOfConsignor.emplace_back();
    m_payoutsOfConsignor.emplace_back();
    return index;
}

void Store::assign(qint32 product, qint32 consignor, Ms now)
{
    Product &p = m_products[size_t(product)];
    if (p.consignor == consignor)
        return;
    if (p.consignor >= 0) {
        auto &list = m_productsOfConsignor[size_t(p.consignor)];
        list.erase(std::lower_bound(list.begin(), list.end(), product));
    }
    p.consignor = consignor;
    if (consignor >= 0) {
        auto &list = m_productsOfConsignor[size_t(consignor)];
        list.insert(std::lower_bound(list.begin(), list.end(), product), product);
    } else {
        p.shareBp = noShare;
    }
    p.updatedAt = now;
}

void Store::setShare(qint32 product, qint16 shareBp, Ms now)
{
    m_products[size_t(product)].shareBp = shareBp;
    m_products[size_t(product)].updatedAt = now;
}

qint32 Store::createPayout(qint32 consignor, const std::vector<LineRequest> &requests, std::optional<qint64> amount,
                           qint64 adjustment, const QString &note, Ms paidAt, Ms now, QString *error)
{
    std::vector<PayoutLine> lines;
    std::vector<qint32> seen;
    qint64 sum = 0;
    for (const LineRequest &request : requests) {
        const LineItem &item = m_lineItems[size_t(request.lineItem)];
        const QString id = lineItemId(request.lineItem);
        if (m_products[size_t(item.product)].consignor != consignor) {
            *error = QStringLiteral("Line item %1 does not belong to a product of this consignor").arg(id);
            return -1;
        }
        if (item.payoutLine >= 0) {
            const Payout &paid = m_payouts[size_t(m_payoutLines[size_t(item.payoutLine)].payout)];
            *error = QStringLiteral("Line item %1 was already paid in payout #R%2").arg(id).arg(paid.reference);
            return -1;
        }
        if (std::find(seen.begin(), seen.end(), request.lineItem) != seen.end()) {
            *error = QStringLiteral("Line item %1 is listed twice").arg(id);
            return -1;
        }
        seen.push_back(request.lineItem);
        if (item.fulfilledAt == 0) {
            *error = QStringLiteral("Line item %1 is not fulfilled").arg(id);
            return -1;
        }
        PayoutLine line;
        line.lineItem = request.lineItem;
        line.quantity = qint16(request.quantity < 0 ? item.currentQuantity : request.quantity);
        if (line.quantity < 1 || line.quantity > item.currentQuantity) {
            *error = QStringLiteral("Line item %1: quantity must be from 1 to its current quantity %2")
                         .arg(id)
                         .arg(item.currentQuantity);
            return -1;
        }
        line.shareBp = effectiveShare(item.product);
        const qint64 lineAmount = request.amount < 0 ? shareAmount(item, line.quantity, line.shareBp) : request.amount;
        if (lineAmount > 100000000) {
            *error = QStringLiteral("Line item %1: amount is too large").arg(id);
            return -1;
        }
        line.amount = qint32(lineAmount);
        sum += line.amount;
        lines.push_back(line);
    }
    if (amount && *amount != sum + adjustment) {
        *error = QStringLiteral("amount %1 does not equal the line items' sum %2 plus the adjustment %3 (minor units)")
                     .arg(*amount)
                     .arg(sum)
                     .arg(adjustment);
        return -1;
    }
    const qint32 index = appendPayout(consignor, lines, adjustment, paidAt, Receipt::NotSent, note);
    Payout &payout = m_payouts[size_t(index)];
    payout.createdAt = now;
    payout.updatedAt = now;
    for (const PayoutLine &line : lines)
        m_products[size_t(m_lineItems[size_t(line.lineItem)].product)].updatedAt = now;
    return index;
}

void Store::deletePayout(qint32 index, Ms now)
{
    Payout &payout = m_payouts[size_t(index)];
    payout.deleted = true;
    payout.updatedAt = now;
    for (qint32 l = payout.firstLine; l < payout.firstLine + payout.lineCount; ++l) {
        LineItem &item = m_lineItems[size_t(m_payoutLines[size_t(l)].lineItem)];
        item.payoutLine = -1;
        m_products[size_t(item.product)].updatedAt = now;
    }
}

} // namespace ConsignDesk::Sandbox::Consignify
