#include "sandbox/simpleconsign/simpleconsignstore.h"

#include "sandbox/names.h"
#include "sandbox/random.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ConsignDesk::Sandbox::SimpleConsign {

namespace {

constexpr qint64 dayMs = 86400000;
constexpr quint32 skuMask = (1u << 30) - 1; // 32^6 SKUs
constexpr quint32 skuMulA = 0x2545F491u;
constexpr quint32 skuMulB = 0x1B873593u;
const char skuAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// Random-stream tags, one per kind of decision.
constexpr std::uint64_t itemStream = 0x5c17e0;
constexpr std::uint64_t consignorStream = 0x5cc0;

constexpr quint32 inverse(quint32 a)
{
    quint32 inv = a;
    for (int i = 0; i < 5; ++i)
        inv *= 2u - a * inv;
    return inv;
}

// Shares of the store's items per category (percent), in Names' category order.
const int categoryShare[] = {34, 12, 10, 8, 12, 10, 6, 8};
// Typical retail in dollars per category.
const int retailRange[][2] = {{8, 120}, {15, 220}, {20, 650}, {10, 480}, {15, 420}, {3, 80}, {5, 320}, {3, 60}};
const quint8 discountSteps[] = {10, 20, 25, 30, 50};

int pickCategory(Rng &rng)
{
    int roll = int(rng.range(0, 99));
    for (int i = 0; i < int(std::size(categoryShare)); ++i) {
        if (roll < categoryShare[i])
            return i % Names::categoryCount();
        roll -= categoryShare[i];
    }
    return 0;
}

qint32 pickRetail(Rng &rng, int category)
{
    const auto &range = retailRange[category % int(std::size(retailRange))];
    const double u = rng.unit();
    const qint64 dollars = range[0] + qint64(double(range[1] - range[0]) * u * u);
    switch (rng.range(0, 3)) {
    case 0: return qint32(dollars * 100 + 50);
    case 1: return qint32(std::max<qint64>(dollars * 100 - 1, 99));
    default: return qint32(dollars * 100);
    }
}

} // namespace

const char *statusName(Status status)
{
    switch (status) {
    case Status::Active: return "ACTIVE";
    case Status::Sold: return "SOLD";
    case Status::Expired: return "EXPIRED";
    case Status::InGrace: return "INGRACE";
    case Status::Donated: return "DONATED";
    case Status::Converted: return "CONVERTED";
    case Status::Returned: return "RETURNED";
    case Status::Layaway: return "LAYAWAY";
    case Status::Missing: return "MISSING";
    case Status::Damaged: return "DAMAGED";
    case Status::Unavailable: return "UNAVAILABLE";
    }
    return "ACTIVE";
}

Store::Store(const GenerationOptions &options)
    : m_seed(options.seed)
    , m_epochMs(options.epoch.isValid() ? options.epoch.toMSecsSinceEpoch()
                                        : QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())
    , m_generated(std::max<qint64>(0, options.items))
    , m_skuAdd(quint32(mix(options.seed, 0x5c0)) & skuMask)
{
    generateConsignors();
    m_items.reserve(std::size_t(m_generated + m_generated / 50 + 64));
    const qint64 span = 730 * dayMs;
    const qint64 start = m_epochMs - span;
    const qint64 step = m_generated > 0 ? span / m_generated : span;
    for (qint64 i = 0; i < m_generated; ++i) {
        Rng jitter(m_seed, itemStream + 1, std::uint64_t(i));
        const qint64 created = start + (m_generated > 0 ? span * i / m_generated : 0)
            + jitter.range(0, std::max<qint64>(0, step - 1000));
        m_items.push_back(makeItem(i, created, m_epochMs, false));
        m_maxLastUpdated = std::max(m_maxLastUpdated, m_items.back().lastUpdated);
    }
}

void Store::generateConsignors()
{
    const qint64 count = std::max<qint64>(20, m_generated / 50);
    m_consignors.resize(std::size_t(count));
    for (qint64 k = 0; k < count; ++k) {
        Rng rng(m_seed, consignorStream, std::uint64_t(k));
        Consignor &consignor = m_consignors[std::size_t(k)];
        consignor.id = qint32(1000001 + 13 * k + rng.range(0, 12));
        static const quint8 splits[] = {40, 50, 50, 50, 60, 60, 65};
        static const quint8 periods[] = {60, 90, 90, 90, 120};
        consignor.storeSplit = rng.pick(splits);
        consignor.periodDays = rng.pick(periods);
    }
}

Item Store::makeItem(qint64 index, qint64 createdMs, qint64 epochMs, bool fresh) const
{
    Rng rng(m_seed, itemStream, std::uint64_t(index));
    Item item;
    item.created = createdMs;
    if (rng.chance(0.66)) {
        const double u = rng.unit();
        item.consignor = qint32(std::min<double>(double(m_consignors.size()) - 1,
                                                 std::floor(double(m_consignors.size()) * std::pow(u, 1.3))));
    }
    item.category = quint8(pickCategory(rng));
    item.retail = pickRetail(rng, item.category);
    item.cost = item.consignment() ? 0 : qint32(qint64(item.retail) * rng.range(30, 60) / 100);

    if (rng.chance(0.10))
        item.flags |= Item::DoNotDiscount;
    if (rng.chance(0.15))
        item.flags |= Item::BuyersFee;
    if (rng.chance(0.25)) {
        item.flags |= Item::Ecommerce;
        item.images = quint8(rng.range(1, 4));
        if (rng.chance(0.6))
            item.flags |= Item::EcommerceText;
        if (rng.chance(0.85))
            item.flags |= Item::Dimensions;
    } else {
        if (rng.chance(0.05))
            item.images = 1;
        if (rng.chance(0.08))
            item.flags |= Item::Dimensions;
    }
    item.quantity = quint16(item.consignment() ? (rng.chance(0.1) ? 2 : 1) : rng.range(1, 6));
    if (fresh) {
        item.lastUpdated = createdMs;
        return item;
    }

    if (!item.has(Item::DoNotDiscount) && rng.chance(0.25))
        item.discount = rng.pick(discountSteps);
    const double roll = rng.unit();
    const int period = item.consignment() ? m_consignors[std::size_t(item.consignor)].periodDays : 0;
    const bool pastExpiry = item.consignment() && createdMs + period * dayMs < epochMs;
    auto set = [&item](Status status, int quantity) {
        item.status = status;
        if (quantity >= 0)
            item.quantity = quint16(quantity);
    };
    if (roll < 0.17)
        set(Status::Sold, 0);
    else if (item.consignment() && pastExpiry && roll < 0.25)
        set(Status::Expired, -1);
    else if (item.consignment() && pastExpiry && roll < 0.28)
        set(Status::InGrace, -1);
    else if (item.consignment() && pastExpiry && roll < 0.31)
        set(Status::Donated, 0);
    else if (item.consignment() && pastExpiry && roll < 0.34)
        set(Status::Returned, 0);
    else if (item.consignment() && roll < 0.35)
        set(Status::Converted, -1);
    else if (roll < 0.365)
        set(Status::Layaway, -1);
    else if (roll < 0.375)
        set(Status::Missing, 0);
    else if (roll < 0.385)
        set(Status::Damaged, -1);
    else if (roll < 0.39)
        set(Status::Unavailable, -1);
    else if (!item.consignment() && roll < 0.41)
        set(Status::Active, 0); // sold out, awaiting restock
    if (rng.chance(0.04) || ((item.status == Status::Donated || item.status == Status::Returned) && rng.chance(0.5)))
        item.flags |= Item::Inactive;
    const double touched = rng.unit();
    item.lastUpdated = createdMs + qint64(double(std::max<qint64>(0, epochMs - createdMs)) * touched * touched);
    return item;
}

quint32 Store::permute(quint32 x) const
{
    x = (x * skuMulA) & skuMask;
    x ^= x >> 15;
    x = (x + m_skuAdd) & skuMask;
    x = (x * skuMulB) & skuMask;
    x ^= x >> 15;
    return x;
}

quint32 Store::unpermute(quint32 y) const
{
    y ^= y >> 15;
    y = (y * inverse(skuMulB)) & skuMask;
    y = (y - m_skuAdd) & skuMask;
    y ^= y >> 15;
    y = (y * inverse(skuMulA)) & skuMask;
    return y;
}

QString Store::sku(qint64 index) const
{
    quint32 value = permute(quint32(index) & skuMask);
    QChar text[6];
    for (int i = 5; i >= 0; --i) {
        text[i] = QLatin1Char(skuAlphabet[value & 31u]);
        value >>= 5;
    }
    return QString(text, 6);
}

qint64 Store::indexOfSku(QStringView sku) const
{
    if (sku.size() != 6)
        return -1;
    quint32 value = 0;
    for (const QChar c : sku) {
        const char *found = c.unicode() < 128 ? std::strchr(skuAlphabet, char(c.unicode())) : nullptr;
        if (!found || *found == '\0')
            return -1;
        value = (value << 5) | quint32(found - skuAlphabet);
    }
    const qint64 index = unpermute(value);
    return index < qint64(m_items.size()) ? index : -1;
}

int Store::consignorIndex(qint64 id) const
{
    if (id < 1000001)
        return -1;
    const qint64 k = (id - 1000001) / 13;
    if (k >= qint64(m_consignors.size()) || m_consignors[std::size_t(k)].id != id)
        return -1;
    return int(k);
}

qint64 Store::pickItem(Rng &rng, bool needStock) const
{
    if (m_items.empty())
        return -1;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const qint64 index = rng.range(0, qint64(m_items.size()) - 1);
        const Item &item = m_items[std::size_t(index)];
        if (item.active() && (!needStock || (item.quantity > 0 && item.status == Status::Active)))
            return index;
    }
    return -1;
}

void Store::simulateActivity(Rng &rng, qint64 nowMs)
{
    const qint64 stamp = std::max(nowMs, m_maxLastUpdated);
    std::vector<qint64> touched;
    const qint64 adds = rng.range(0, 2);
    for (qint64 i = 0; i < adds; ++i) {
        const qint64 index = qint64(m_items.size());
        m_items.push_back(makeItem(index, stamp, stamp, true));
        touched.push_back(index);
    }
    const qint64 reprices = rng.range(1, 3);
    for (qint64 i = 0; i < reprices; ++i) {
        const qint64 index = pickItem(rng, true);
        if (index < 0)
            continue;
        Item &item = m_items[std::size_t(index)];
        if (!item.has(Item::DoNotDiscount) && rng.chance(0.5)) {
            const quint8 *next = std::upper_bound(std::begin(discountSteps), std::end(discountSteps), item.discount);
            item.discount = next == std::end(discountSteps) ? quint8(50) : *next;
        } else {
            const qint64 changed = qint64(item.retail) * rng.range(85, 115) / 100 / 50 * 50;
            item.retail = qint32(std::max<qint64>(100, changed));
        }
        touched.push_back(index);
    }
    const qint64 sales = rng.range(0, 2);
    for (qint64 i = 0; i < sales; ++i) {
        const qint64 index = pickItem(rng, true);
        if (index < 0)
            continue;
        Item &item = m_items[std::size_t(index)];
        if (item.quantity > 1) {
            --item.quantity;
        } else {
            item.quantity = 0;
            item.status = Status::Sold;
        }
        touched.push_back(index);
    }
    if (rng.chance(0.35)) {
        const qint64 index = pickItem(rng, false);
        if (index >= 0) {
            m_items[std::size_t(index)].flags |= Item::Inactive;
            touched.push_back(index);
        }
    }
    if (rng.chance(0.25)) {
        const qint64 index = pickItem(rng, true);
        if (index >= 0 && !m_items[std::size_t(index)].has(Item::Ecommerce)) {
            Item &item = m_items[std::size_t(index)];
            item.flags |= Item::Ecommerce | Item::Dimensions;
            item.images = std::max<quint8>(item.images, quint8(rng.range(1, 4)));
            touched.push_back(index);
        }
    }
    for (const qint64 index : touched)
        m_items[std::size_t(index)].lastUpdated = stamp;
    if (!touched.empty())
        m_maxLastUpdated = stamp;
    ++m_version;
}

QJsonObject Store::inspect() const
{
    if (m_inspectVersion == m_version)
        return m_inspect;
    qint64 active = 0, zero = 0, ecommerce = 0, consignment = 0, defaultResults = 0, quantity = 0;
    qint64 sumRetail = 0, sumCurrent = 0, sumCost = 0, activeRetail = 0, activeCurrent = 0, maxUpdated = 0;
    qint64 statuses[statusCount] = {};
    std::vector<qint64> perCategory(std::size_t(Names::categoryCount()), 0);
    for (const Item &item : m_items) {
        const qint64 current = item.currentPrice();
        active += item.active();
        zero += item.quantity == 0;
        ecommerce += item.has(Item::Ecommerce);
        consignment += item.consignment();
        defaultResults += item.active() && item.quantity > 0;
        quantity += item.quantity;
        sumRetail += item.retail;
        sumCurrent += current;
        sumCost += item.cost;
        if (item.active()) {
            activeRetail += item.retail;
            activeCurrent += current;
        }
        maxUpdated = std::max(maxUpdated, item.lastUpdated);
        ++statuses[int(item.status)];
        ++perCategory[item.category];
    }
    QJsonObject statusCounts;
    for (int i = 0; i < statusCount; ++i)
        statusCounts.insert(QLatin1String(statusName(Status(i))), statuses[i]);
    QJsonObject categoryCounts;
    for (int i = 0; i < Names::categoryCount(); ++i)
        categoryCounts.insert(Names::categoryName(i), perCategory[std::size_t(i)]);
    const qint64 total = qint64(m_items.size());
    m_inspect = QJsonObject{
        {QStringLiteral("items"), total},
        {QStringLiteral("active_items"), active},
        {QStringLiteral("inactive_items"), total - active},
        {QStringLiteral("quantity_zero"), zero},
        {QStringLiteral("ecommerce_items"), ecommerce},
        {QStringLiteral("consignment_items"), consignment},
        {QStringLiteral("store_items"), total - consignment},
        {QStringLiteral("default_results"), defaultResults},
        {QStringLiteral("sum_quantity"), quantity},
        {QStringLiteral("sum_retail"), sumRetail},
        {QStringLiteral("sum_current_price"), sumCurrent},
        {QStringLiteral("sum_cost"), sumCost},
        {QStringLiteral("active_sum_retail"), activeRetail},
        {QStringLiteral("active_sum_current_price"), activeCurrent},
        {QStringLiteral("consignors"), qint64(m_consignors.size())},
        {QStringLiteral("max_last_updated"), maxUpdated},
        {QStringLiteral("statuses"), statusCounts},
        {QStringLiteral("categories"), categoryCounts},
        {QStringLiteral("version"), qint64(m_version)},
    };
    m_inspectVersion = m_version;
    return m_inspect;
}

} // namespace ConsignDesk::Sandbox::SimpleConsign
