// Store activity over time and the inspection summary.
#include "sandbox/consignify/consignifyjson.h"
#include "sandbox/consignify/consignifystore.h"

#include "sandbox/random.h"

#include <QJsonObject>

namespace ConsignDesk::Sandbox::Consignify {

void Store::simulateActivity(Rng &rng, Ms now)
{
    m_clock = std::max(m_clock, now);
    const qint64 productCount = qint64(m_products.size());

    // New orders: a line item on an active product in stock, mostly consigned.
    const qint64 orders = rng.range(1, 3);
    for (qint64 n = 0; n < orders; ++n) {
        for (int attempt = 0; attempt < 30; ++attempt) {
            const qint32 p = qint32(rng.range(0, productCount - 1));
            Product &product = m_products[size_t(p)];
            if (product.status != ProductStatus::Active || product.totalInventory <= 0
                || (product.consignor < 0 && attempt < 20))
                continue;
            LineItem item;
            item.product = p;
            item.orderNo = m_nextOrderNo++;
            item.unitPrice = product.basePrice;
            item.unitPriceDiscounted = rng.chance(0.8) ? item.unitPrice
                                                       : qint32(qint64(item.unitPrice) * rng.range(70, 95) / 100);
            const qint32 index = qint32(m_lineItems.size());
            m_lineItems.push_back(item);
            m_itemsOfProduct[size_t(p)].push_back(index);
            m_unfulfilled.push_back(index);
            --product.totalInventory;
            product.shopifyUpdatedAt = now / 1000 * 1000;
            product.updatedAt = now;
            break;
        }
    }

    // Fulfilments.
    const qint64 fulfilments = rng.range(1, 2);
    for (qint64 n = 0; n < fulfilments && !m_unfulfilled.empty(); ++n) {
        const size_t at = size_t(rng.range(0, qint64(m_unfulfilled.size()) - 1));
        LineItem &item = m_lineItems[size_t(m_unfulfilled[at])];
        m_unfulfilled[at] = m_unfulfilled.back();
        m_unfulfilled.pop_back();
        item.fulfilledAt = now;
        item.fulfillmentUpdatedAt = now;
        m_products[size_t(item.product)].updatedAt = now;
    }

    // A return: the current quantity goes down, the unit goes back on sale.
    if (rng.chance(0.3)) {
        for (int attempt = 0; attempt < 30; ++attempt) {
            LineItem &item = m_lineItems[size_t(rng.range(0, qint64(m_lineItems.size()) - 1))];
            if (item.fulfilledAt == 0 || item.currentQuantity == 0)
                continue;
            --item.currentQuantity;
            item.fulfillmentUpdatedAt = now;
            Product &product = m_products[size_t(item.product)];
            ++product.totalInventory;
            product.updatedAt = now;
            product.shopifyUpdatedAt = now / 1000 * 1000;
            break;
        }
    }

    // A product's share changes.
    if (rng.chance(0.2)) {
        for (int attempt = 0; attempt < 30; ++attempt) {
            const qint32 p = qint32(rng.range(0, productCount - 1));
            if (m_products[size_t(p)].consignor < 0)
                continue;
            setShare(p, qint16(rng.range(6, 16) * 500), now);
            break;
        }
    }

    // A new consignor signs up.
    if (rng.chance(0.1)) {
        const qint32 index = qint32(m_consignors.size());
        Consignor c = makeConsignor(index, now);
        while (findConsignorByKey(c.key) >= 0)
            c.key += u'x';
        addConsignor(std::move(c), now);
    }

    // A payout of everything a consignor is owed now.
    if (rng.chance(0.15)) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            const qint32 c = qint32(rng.range(0, qint64(m_consignors.size()) - 1));
            std::vector<PayoutLine> lines;
            for (const qint32 p : m_productsOfConsignor[size_t(c)]) {
                for (const qint32 i : m_itemsOfProduct[size_t(p)]) {
                    const LineItem &item = m_lineItems[size_t(i)];
                    if (!payable(item, now))
                        continue;
                    PayoutLine line;
                    line.lineItem = i;
                    line.quantity = qint16(item.currentQuantity);
                    line.shareBp = effectiveShare(p);
                    line.amount = qint32(shareAmount(item, line.quantity, line.shareBp));
                    lines.push_back(line);
                }
            }
            if (lines.empty())
                continue;
            const qint32 index = appendPayout(c, lines, 0, now, Receipt::Sent, QString());
            m_payouts[size_t(index)].createdAt = now;
            m_payouts[size_t(index)].updatedAt = now;
            m_payouts[size_t(index)].receiptSentAt = now;
            for (const PayoutLine &line : lines)
                m_products[size_t(m_lineItems[size_t(line.lineItem)].product)].updatedAt = now;
            break;
        }
    }
}

QJsonObject Store::inspect(Ms now) const
{
    now = std::max(now, m_clock);
    qint64 archived = 0;
    for (const Consignor &c : m_consignors)
        archived += c.archived ? 1 : 0;
    qint64 consigned = 0;
    for (const Product &p : m_products)
        consigned += p.consignor >= 0 ? 1 : 0;

    std::vector<qint64> owed(m_consignors.size(), 0);
    qint64 fulfilled = 0;
    for (const LineItem &item : m_lineItems) {
        fulfilled += item.fulfilledAt != 0 ? 1 : 0;
        const qint32 consignor = m_products[size_t(item.product)].consignor;
        if (consignor >= 0 && payable(item, now))
            owed[size_t(consignor)] += shareAmount(item, item.currentQuantity, effectiveShare(item.product));
    }
    qint64 payouts = 0, lines = 0, sumPayouts = 0, sumLines = 0;
    for (const Payout &p : m_payouts) {
        if (p.deleted)
            continue;
        ++payouts;
        lines += p.lineCount;
        sumPayouts += p.amount;
        for (qint32 l = p.firstLine; l < p.firstLine + p.lineCount; ++l)
            sumLines += m_payoutLines[size_t(l)].amount;
    }
    QJsonObject owedById;
    qint64 owedTotal = 0;
    for (size_t c = 0; c < m_consignors.size(); ++c) {
        owedById.insert(m_consignors[c].id, owed[c]);
        owedTotal += owed[c];
    }
    return QJsonObject{
        {QStringLiteral("shop_id"), shopId()},
        {QStringLiteral("currency"), currency()},
        {QStringLiteral("consignors"), qint64(m_consignors.size())},
        {QStringLiteral("consignors_archived"), archived},
        {QStringLiteral("products"), qint64(m_products.size())},
        {QStringLiteral("products_consigned"), consigned},
        {QStringLiteral("line_items"), qint64(m_lineItems.size())},
        {QStringLiteral("line_items_fulfilled"), fulfilled},
        {QStringLiteral("payouts"), payouts},
        {QStringLiteral("payout_lines"), lines},
        {QStringLiteral("sum_payouts_minor"), sumPayouts},
        {QStringLiteral("sum_payout_lines_minor"), sumLines},
        {QStringLiteral("holding_days"), holdingDays},
        {QStringLiteral("tracking_start"), QString::fromLatin1(isoTime(m_trackingStart))},
        {QStringLiteral("default_share_pct"), defaultShareBp / 100},
        {QStringLiteral("as_of"), QString::fromLatin1(isoTime(now))},
        {QStringLiteral("owed_minor"), owedById},
        {QStringLiteral("owed_total_minor"), owedTotal},
    };
}

} // namespace ConsignDesk::Sandbox::Consignify
