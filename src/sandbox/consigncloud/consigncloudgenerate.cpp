// Deterministic generation of ConsignCloud's store, and its activity.
#include "sandbox/consigncloud/consigncloudstore.h"

#include "sandbox/names.h"
#include "sandbox/random.h"

#include <QJsonArray>

#include <algorithm>

namespace ConsignDesk::Sandbox::ConsignCloud {

namespace {

constexpr qint32 day = 86400;
constexpr qint32 historyStart = -730 * day;

constexpr std::uint64_t streamAccount = 0xacc;
constexpr std::uint64_t streamItem = 0x17e;
constexpr std::uint64_t streamSale = 0x5a1e;
constexpr std::uint64_t streamLedger = 0x1ed9e;

// Price range per category, in whole dollars (Names' category order).
const int priceLow[] = {8, 15, 20, 10, 10, 5, 5, 3};
const int priceHigh[] = {120, 180, 600, 400, 500, 80, 150, 60};
const int splits[] = {4000, 5000, 5000, 5000, 6000, 6000, 6500, 7000};

int weighted(Rng &rng, std::initializer_list<int> weights)
{
    int total = 0;
    for (const int w : weights)
        total += w;
    qint64 r = rng.range(0, total - 1);
    int index = 0;
    for (const int w : weights) {
        if (r < w)
            return index;
        r -= w;
        ++index;
    }
    return index - 1;
}

qint32 priceFor(Rng &rng, int category)
{
    const int c = category % 8;
    const qint64 r = rng.range(0, 1000);
    const qint64 dollars = priceLow[c] + (priceHigh[c] - priceLow[c]) * r * r / 1000000;
    switch (rng.range(0, 9)) {
    case 0: case 1: case 2: return qint32(dollars * 100 + 99);
    case 3: return qint32(dollars * 100 + 50);
    default: return qint32(dollars * 100);
    }
}

/// A new item of @p batch (or none), its units and price drawn from @p rng.
Item makeItem(Rng &rng, const Store &store, quint32 account, quint32 batch, quint8 location, qint32 created)
{
    Item item{};
    item.created = item.updated = created;
    item.sold = item.deleted = NoTime;
    item.account = account;
    item.batch = batch;
    item.line = NoIndex;
    item.location = location;
    item.category = quint8(weighted(rng, {30, 12, 10, 8, 14, 10, 8, 8}));
    if (account == NoIndex) {
        item.type = quint8(InventoryType::Retail);
    } else {
        const Account &a = store.accounts[account];
        item.type = rng.chance(0.92) ? a.defaultType : quint8(InventoryType::BuyOutright);
    }
    if (item.type == quint8(InventoryType::Consignment))
        item.split = rng.chance(0.93) ? store.accounts[account].defaultSplit : quint16(rng.pick(splits));
    item.tagPrice = rng.chance(0.0005) ? -qint32(rng.range(100, 2000)) : priceFor(rng, item.category);
    item.quantity = 1;
    const qint64 units = rng.range(0, 999);
    if (units < 40) {
        item.quantity = qint16(rng.range(2, 6));
        item.flags |= UnitStatus;
        item.otherUnits = quint8(rng.range(0, item.quantity - 1));
        item.otherStatus = quint8(rng.chance(0.5) ? ItemStatus::Damaged : ItemStatus::ToBeReturned);
    } else if (units < 43) {
        item.quantity = NullQuantity;
    } else if (units < 45) {
        item.quantity = qint16(-rng.range(1, 3));
    }
    if (rng.chance(0.85))
        item.flags |= Printed;
    item.status = quint8(ItemStatus::Active);
    return item;
}

} // namespace

void Store::generate()
{
    generateSmallTables();
    generateAccounts(std::max<qint64>(25, options.items / 40));
    generateItems();
    m_deferLedger = true; // sales credit no one yet; generateLedger writes the entries in time order
    generateSales();
    m_deferLedger = false;
    generateLedger();
}

void Store::generateSmallTables()
{
    auto entity = [](QJsonObject fields, qint32 created) { return Entity{std::move(fields), created, created, NoTime}; };
    const qint32 opened = historyStart - 200 * day;
    for (int c = 0; c < Names::categoryCount(); ++c) {
        QString name = Names::categoryName(c).toLower();
        name[0] = name[0].toUpper();
        categories.push_back(entity(QJsonObject{{QStringLiteral("name"), name},
                                                {QStringLiteral("parent"), QJsonValue::Null},
                                                {QStringLiteral("default_expiration_days"), 90}},
                                    opened + c * 60));
    }
    const char *const taxNames[] = {"State sales tax", "County sales tax", "Tax exempt"};
    const double rates[] = {0.0825, 0.07, 0.0};
    for (int t = 0; t < 3; ++t)
        taxes.push_back(entity(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(taxNames[t])},
                                           {QStringLiteral("rate"), rates[t]}},
                               opened + t * 60));
    const char *const locationNames[] = {"Main Street Store", "Riverside Outlet", "Warehouse"};
    Rng rng(options.seed, 0x10ca, 0);
    for (int l = 0; l < 3; ++l)
        locations.push_back(entity(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(locationNames[l])},
                                               {QStringLiteral("address"), Names::street(rng)},
                                               {QStringLiteral("city"), Names::city(rng)},
                                               {QStringLiteral("phone_number"), Names::phone(rng)},
                                               {QStringLiteral("tax"), id(Kind::Tax, l)}},
                                   opened + l * 86400));
    struct DiscountSeed { const char *name; const char *type; double value; };
    const DiscountSeed discountSeeds[] = {{"Spring sale", "percentage", 0.2}, {"Staff discount", "percentage", 0.15},
                                          {"Clearance", "percentage", 0.5}, {"$5 off coupon", "fixed", 500},
                                          {"Loyalty reward", "fixed", 1000}};
    for (std::size_t d = 0; d < std::size(discountSeeds); ++d) {
        const DiscountSeed &s = discountSeeds[d];
        QJsonObject fields{{QStringLiteral("name"), QString::fromLatin1(s.name)},
                           {QStringLiteral("type"), QString::fromLatin1(s.type)},
                           {QStringLiteral("active"), d != 2}};
        if (QLatin1String(s.type) == QLatin1String("fixed"))
            fields.insert(QStringLiteral("amount"), qint64(s.value));
        else
            fields.insert(QStringLiteral("percentage"), s.value);
        discounts.push_back(entity(fields, historyStart + qint32(d) * 40 * day));
    }
}

void Store::generateAccounts(qint64 count)
{
    accounts.reserve(std::size_t(count));
    const qint64 first = qint64(historyStart) - 120 * day;
    const qint64 span = qint64(850) * day;
    for (qint64 i = 0; i < count; ++i) {
        Rng rng(options.seed, streamAccount, std::uint64_t(i));
        Account a{};
        a.firstName = Names::firstName(rng);
        a.lastName = Names::lastName(rng);
        if (rng.chance(0.12))
            a.company = Names::company(rng);
        a.email = Names::emailFor(a.firstName, a.lastName, rng);
        a.phone = Names::phone(rng);
        a.number = qint32(i + 1);
        a.created = qint32(first + i * span / count + rng.range(0, std::max<qint64>(0, span / count - 1)));
        a.updated = a.created;
        a.deleted = NoTime;
        a.isVendor = i == 0 || rng.chance(0.85);
        a.defaultSplit = quint16(rng.pick(splits));
        a.defaultType = quint8(rng.chance(0.88) ? InventoryType::Consignment : InventoryType::BuyOutright);
        if (!a.isVendor && rng.chance(0.05)) {
            a.deleted = std::min<qint32>(-day, a.created + qint32(rng.range(30, 300)) * day);
            a.updated = a.deleted;
        }
        accounts.push_back(a);
    }
}

void Store::generateItems()
{
    const qint64 n = std::max<qint64>(0, options.items);
    items.reserve(std::size_t(n));
    std::vector<quint32> vendors;
    for (quint32 a = 0; a < accounts.size(); ++a) {
        if (accounts[a].isVendor && accounts[a].deleted == NoTime)
            vendors.push_back(a);
    }
    const qint64 span = -qint64(historyStart) - 3600;
    qint64 batchLeft = 0;
    quint32 batch = NoIndex;
    for (qint64 i = 0; i < n; ++i) {
        Rng rng(options.seed, streamItem, std::uint64_t(i));
        const qint32 created = qint32(historyStart + i * span / n + rng.range(0, std::max<qint64>(0, span / n - 1)));
        if (batchLeft == 0) {
            Batch b{};
            b.created = b.updated = created;
            b.status = quint8(BatchStatus::Submitted);
            b.location = quint8(weighted(rng, {50, 30, 20}));
            b.account = NoIndex;
            if (!rng.chance(0.08)) {
                // a consignor who already had an account then
                const auto known = std::partition_point(vendors.begin(), vendors.end(), [this, created](quint32 a) {
                    return accounts[a].created <= created;
                });
                const qint64 choices = std::max<qint64>(1, known - vendors.begin());
                b.account = vendors[std::size_t(rng.range(0, choices - 1))];
            }
            batches.push_back(b);
            batch = quint32(batches.size() - 1);
            batchLeft = rng.range(3, 30);
        }
        --batchLeft;
        const Batch &b = batches[batch];
        Item item = makeItem(rng, *this, b.account, batch, b.location, created);
        ++batches[batch].itemCount;
        items.push_back(item);
    }
    if (!batches.empty() && n > 0 && batches.back().created > -2 * day)
        batches.back().status = quint8(BatchStatus::Draft);
}

void Store::generateSales()
{
    // Decide each item's fate; the sold ones are grouped into sales by time.
    std::vector<std::pair<qint32, quint32>> sold;
    sold.reserve(items.size() * 3 / 4);
    for (quint32 i = 0; i < items.size(); ++i) {
        Item &item = items[i];
        Rng rng(options.seed, streamSale, i);
        const qint32 shelf = qint32(1 + rng.range(0, 149) * rng.range(0, 149) / 149) * day + qint32(rng.range(0, 36000));
        const qint64 soldAt = qint64(item.created) + shelf;
        if (rng.chance(0.005)) {
            item.deleted = qint32(std::min<qint64>(-60, item.created + rng.range(1, 30) * day));
            item.updated = item.deleted;
            continue;
        }
        const bool single = item.quantity == 1 && item.tagPrice > 0;
        if (single && rng.chance(0.72) && soldAt < 0) {
            sold.emplace_back(qint32(soldAt), i);
            continue;
        }
        if (!single)
            continue;
        const qint64 fate = rng.range(0, 999);
        if (item.type == quint8(InventoryType::Consignment) && item.created < -90 * day && fate < 700) {
            const int s = weighted(rng, {50, 15, 15, 15, 5});
            const ItemStatus statuses[] = {ItemStatus::Expired, ItemStatus::ToBeReturned, ItemStatus::ReturnedToOwner,
                                           ItemStatus::Donated, ItemStatus::Active};
            item.status = quint8(statuses[s]);
            if (item.status != quint8(ItemStatus::Active))
                item.updated = item.created + 90 * day;
        } else if (fate >= 980 && soldAt < 0) {
            item.status = quint8(int(ItemStatus::SoldOnShopify) + weighted(rng, {5, 3, 2}));
            item.sold = item.updated = qint32(soldAt);
        } else if (fate >= 970 && fate < 980) {
            item.status = quint8(int(ItemStatus::Lost) + weighted(rng, {3, 2, 5}));
            item.updated = qint32(std::min<qint64>(-60, soldAt));
        } else if (fate >= 960 && fate < 970) {
            item.status = quint8(ItemStatus::Inactive);
        }
    }
    std::sort(sold.begin(), sold.end());

    std::vector<quint32> group;
    for (std::size_t next = 0; next < sold.size();) {
        Rng rng(options.seed, streamSale ^ 0xffff, sales.size());
        const std::size_t size = std::size_t(1 + weighted(rng, {60, 25, 10, 5}));
        group.clear();
        qint32 when = 0;
        for (; next < sold.size() && group.size() < size; ++next) {
            group.push_back(sold[next].second);
            when = sold[next].first;
        }
        quint32 customer = NoIndex;
        if (rng.chance(0.3)) {
            const auto known = std::partition_point(accounts.begin(), accounts.end(),
                                                    [when](const Account &a) { return a.created <= when; });
            if (known != accounts.begin())
                customer = quint32(rng.range(0, (known - accounts.begin()) - 1));
        }
        const int payment = weighted(rng, {65, 25, 2, 5, 3});
        const bool parked = when > -3 * day && rng.chance(0.3);
        const quint32 s = createSale(group, customer, payment, int(parked ? SaleStatus::Parked : SaleStatus::Finalized),
                                     when);
        if (parked)
            continue;
        const qint64 reversal = rng.range(0, 999);
        if (reversal < 30) {
            const qint32 at = qint32(std::min<qint64>(-30, when + rng.range(600, 3 * day)));
            const SaleStatus status = reversal < 20 ? SaleStatus::Voided : SaleStatus::Returned;
            sales[s].status = quint8(status);
            sales[s].updated = at;
            for (quint32 l = sales[s].firstLine; l < sales[s].firstLine + sales[s].lineCount; ++l) {
                Item &item = items[lines[l].item];
                item.status = quint8(ItemStatus::Active);
                item.sold = NoTime;
                item.line = NoIndex;
                item.updated = at;
            }
        }
    }
}

void Store::generateLedger()
{
    struct Event {
        qint32 at;
        quint32 line;
        quint8 type;
    };
    std::vector<Event> events;
    events.reserve(lines.size());
    for (const Sale &sale : sales) {
        if (sale.status == quint8(SaleStatus::Parked))
            continue;
        for (quint32 l = sale.firstLine; l < sale.firstLine + sale.lineCount; ++l) {
            if (lines[l].credit == 0)
                continue;
            events.push_back(Event{sale.created, l, quint8(EntryType::Sale)});
            if (sale.status == quint8(SaleStatus::Voided))
                events.push_back(Event{sale.updated, l, quint8(EntryType::Void)});
            else if (sale.status == quint8(SaleStatus::Returned))
                events.push_back(Event{sale.updated, l, quint8(EntryType::Refund)});
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });
    entries.reserve(events.size() + accounts.size() * 12);

    qint32 nextPayday = historyStart + 30 * day + 10 * 3600;
    int cheque = 10001;
    auto payday = [&](qint32 at) {
        Rng rng(options.seed, streamLedger, quint64(at));
        qint32 second = 0;
        for (quint32 a = 0; a < accounts.size(); ++a) {
            if (accounts[a].balance >= 2000 && rng.chance(0.75)) {
                addPayout(a, qint32(accounts[a].balance), at + second++,
                          QStringLiteral("CHK-%1").arg(cheque++), QStringLiteral("Monthly payout"));
            }
        }
    };
    for (const Event &event : events) {
        while (event.at >= nextPayday && nextPayday < -5 * day) {
            payday(nextPayday);
            nextPayday += 30 * day;
        }
        const SaleLine &line = lines[event.line];
        const qint32 amount = event.type == quint8(EntryType::Sale) ? line.credit : -line.credit;
        appendEntry(items[line.item].account, amount, EntryType(event.type), event.line, event.at);
    }
}

void Store::simulateActivity(Rng &rng, const QDateTime &now)
{
    const qint32 when = toRelative(now);
    if (items.empty() || accounts.empty())
        return;
    auto findItem = [&](auto predicate) -> quint32 {
        const quint32 start = quint32(rng.range(0, qint64(items.size()) - 1));
        for (quint32 k = 0; k < 4096 && k < items.size(); ++k) {
            const quint32 i = quint32((start + k) % items.size());
            if (predicate(items[i]))
                return i;
        }
        return NoIndex;
    };
    auto sellable = [](const Item &item) {
        return item.deleted == NoTime && item.status == quint8(ItemStatus::Active) && item.quantity == 1
            && item.tagPrice > 0 && item.line == NoIndex;
    };

    // a consignor drops off a few items
    quint32 account = quint32(rng.range(0, qint64(accounts.size()) - 1));
    for (quint32 k = 0; k < accounts.size() && !(accounts[account].isVendor && accounts[account].deleted == NoTime); ++k)
        account = (account + 1) % quint32(accounts.size());
    Batch b{};
    b.account = account;
    b.created = b.updated = when;
    b.status = quint8(BatchStatus::Submitted);
    b.location = quint8(rng.range(0, qint64(locations.size()) - 1));
    batches.push_back(b);
    const qint64 added = rng.range(1, 3);
    for (qint64 k = 0; k < added; ++k)
        addItem(makeItem(rng, *this, account, quint32(batches.size() - 1), b.location, when));

    // repricing: markdowns of 5-20 %, to whole dollars
    for (qint64 k = rng.range(0, 2); k > 0; --k) {
        const quint32 i = findItem(sellable);
        if (i != NoIndex) {
            const qint64 cut = items[i].tagPrice * (80 + rng.range(0, 15)) / 100;
            items[i].tagPrice = qint32(std::max<qint64>(100, cut / 100 * 100));
            items[i].updated = when;
        }
    }
    // a sale of one or two items
    std::vector<quint32> basket;
    for (qint64 k = rng.range(1, 2); k > 0; --k) {
        const quint32 i = findItem(sellable);
        if (i != NoIndex && std::find(basket.begin(), basket.end(), i) == basket.end())
            basket.push_back(i);
    }
    if (!basket.empty()) {
        const quint32 customer = rng.chance(0.3) ? quint32(rng.range(0, qint64(accounts.size()) - 1)) : NoIndex;
        createSale(basket, customer, weighted(rng, {65, 25, 2, 5, 3}), int(SaleStatus::Finalized), when);
    }
    // a recent sale voided
    if (rng.chance(0.15) && !sales.empty()) {
        const quint32 s = quint32(std::max<qint64>(0, qint64(sales.size()) - 1 - rng.range(0, 49)));
        if (sales[s].status == quint8(SaleStatus::Finalized))
            reverseSale(s, SaleStatus::Voided, when);
    }
    // a payout
    if (rng.chance(0.2)) {
        const quint32 start = quint32(rng.range(0, qint64(accounts.size()) - 1));
        for (quint32 k = 0; k < 256 && k < accounts.size(); ++k) {
            const quint32 a = (start + k) % quint32(accounts.size());
            if (accounts[a].balance >= 1000 && accounts[a].deleted == NoTime) {
                addPayout(a, qint32(accounts[a].balance), when, QStringLiteral("ACT-%1").arg(payouts.size() + 1),
                          QStringLiteral("Payout"));
                break;
            }
        }
    }
    // an item taken out of the system
    if (rng.chance(0.1)) {
        const quint32 i = findItem(sellable);
        if (i != NoIndex)
            items[i].deleted = items[i].updated = when;
    }
    touch();
}

} // namespace ConsignDesk::Sandbox::ConsignCloud
