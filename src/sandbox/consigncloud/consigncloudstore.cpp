#include "sandbox/consigncloud/consigncloudstore.h"

#include "sandbox/names.h"
#include "sandbox/random.h"

#include <QJsonArray>

#include <cstdio>

namespace ConsignDesk::Sandbox::ConsignCloud {

namespace {

const char *const itemStatusNames[] = {"active", "sold", "expired", "sold_on_shopify", "sold_on_square",
                                       "sold_on_third_party", "to_be_returned", "returned_to_owner", "donated",
                                       "lost", "stolen", "damaged", "parked", "inactive"};
const char *const inventoryTypeNames[] = {"consignment", "buy_outright", "retail"};
const char *const saleStatusNames[] = {"open", "finalized", "parked", "voided", "returned"};
const char *const paymentTypeNames[] = {"card", "cash", "check", "store_credit", "gift_card"};
const char *const entryTypeNames[] = {"sale", "payout", "void", "refund"};
const char *const batchStatusNames[] = {"draft", "submitted"};
const char *const conditions[] = {"Excellent condition", "Like new", "Gently used", "Good condition, light wear",
                                  "New with tags", "Vintage, some signs of age"};

template<std::size_t N>
const char *nameOf(const char *const (&names)[N], int index)
{
    return index >= 0 && std::size_t(index) < N ? names[index] : "";
}

constexpr std::uint64_t streamTitle = 0x7171;
constexpr std::uint64_t streamSku = 0x5c0;

// A 4-round Feistel permutation of 64 bits: ids look random yet decode to the index.
std::uint64_t feistel(std::uint64_t value, std::uint64_t key, bool inverse)
{
    std::uint32_t left = std::uint32_t(value >> 32);
    std::uint32_t right = std::uint32_t(value);
    for (int round = 0; round < 4; ++round) {
        const int k = inverse ? 3 - round : round;
        if (!inverse) {
            const std::uint32_t next = left ^ std::uint32_t(mix(right, key + std::uint64_t(k)));
            left = right;
            right = next;
        } else {
            const std::uint32_t previous = right ^ std::uint32_t(mix(left, key + std::uint64_t(k)));
            right = left;
            left = previous;
        }
    }
    return (std::uint64_t(left) << 32) | right;
}

const char hexDigits[] = "0123456789abcdef";

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

const char *itemStatusName(int status) { return nameOf(itemStatusNames, status); }
const char *inventoryTypeName(int type) { return nameOf(inventoryTypeNames, type); }
const char *saleStatusName(int status) { return nameOf(saleStatusNames, status); }
const char *paymentTypeName(int type) { return nameOf(paymentTypeNames, type); }
const char *entryTypeName(int type) { return nameOf(entryTypeNames, type); }
const char *batchStatusName(int status) { return nameOf(batchStatusNames, status); }

Store::Store(const GenerationOptions &generation)
    : options(generation)
{
    if (!options.epoch.isValid())
        options.epoch = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    m_epochSecs = options.epoch.toSecsSinceEpoch();
    m_idKey = mix(options.seed, 0xcc1d);
    generate();
}

QString Store::id(Kind kind, quint64 index) const
{
    const std::uint64_t key = mix(m_idKey, std::uint64_t(kind));
    const std::uint64_t a = feistel(index, key, false);
    const std::uint64_t b = mix(a, key);
    char h[16], g[16];
    for (int i = 0; i < 16; ++i) {
        h[i] = hexDigits[(a >> (60 - 4 * i)) & 0xf];
        g[i] = hexDigits[(b >> (60 - 4 * i)) & 0xf];
    }
    char out[36];
    int p = 0;
    for (int i = 0; i < 8; ++i) out[p++] = h[i];
    out[p++] = '-';
    for (int i = 8; i < 12; ++i) out[p++] = h[i];
    out[p++] = '-';
    out[p++] = '4';
    for (int i = 12; i < 15; ++i) out[p++] = h[i];
    out[p++] = '-';
    out[p++] = hexDigits[8 + (b & 3)];
    out[p++] = h[15];
    out[p++] = g[1];
    out[p++] = g[2];
    out[p++] = '-';
    for (int i = 3; i < 15; ++i) out[p++] = g[i];
    return QString::fromLatin1(out, 36);
}

quint32 Store::indexOf(Kind kind, const QString &text) const
{
    if (text.size() != 36 || text.at(8) != u'-' || text.at(13) != u'-' || text.at(14) != u'4'
        || text.at(18) != u'-' || text.at(23) != u'-')
        return NoIndex;
    static const int aPositions[16] = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15, 16, 17, 20};
    std::uint64_t a = 0;
    for (const int position : aPositions) {
        const int v = hexValue(text.at(position));
        if (v < 0)
            return NoIndex;
        a = (a << 4) | std::uint64_t(v);
    }
    const std::uint64_t key = mix(m_idKey, std::uint64_t(kind));
    const QString expected = id(kind, feistel(a, key, true));
    if (expected != text)
        return NoIndex;
    const std::uint64_t index = feistel(a, key, true);
    return index >= NoIndex ? NoIndex : quint32(index);
}

qint32 Store::toRelative(const QDateTime &utc) const
{
    const qint64 relative = utc.toSecsSinceEpoch() - m_epochSecs;
    return qint32(qBound(qint64(std::numeric_limits<qint32>::min()) + 1, relative, qint64(std::numeric_limits<qint32>::max())));
}

void Store::appendTimestamp(QByteArray &out, qint32 relative) const
{
    const qint64 secs = m_epochSecs + relative;
    const qint64 days = floorDiv(secs, 86400);
    const qint64 rest = secs - days * 86400;
    int year, month, day;
    civil(days, year, month, day);
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                                int(rest / 3600), int(rest / 60 % 60), int(rest % 60));
    out.append(buffer, n);
}

QByteArray Store::timestamp(qint32 relative) const
{
    QByteArray out;
    appendTimestamp(out, relative);
    return out;
}

QByteArray Store::date(qint32 relative) const
{
    return timestamp(relative).left(10);
}

QString Store::title(quint32 item) const
{
    if (items[item].flags & CustomText) {
        const auto found = itemTexts.constFind(item);
        if (found != itemTexts.cend() && !found->title.isNull())
            return found->title;
    }
    Rng rng(options.seed, streamTitle, item);
    return Names::itemTitle(rng, items[item].category).title;
}

QString Store::description(quint32 item) const
{
    if (items[item].flags & CustomText) {
        const auto found = itemTexts.constFind(item);
        if (found != itemTexts.cend() && !found->description.isNull())
            return found->description;
    }
    Rng rng(options.seed, streamTitle, item);
    const Names::ItemTitle t = Names::itemTitle(rng, items[item].category);
    return t.color + u' ' + t.noun.toLower() + QStringLiteral(" by ") + t.brand + QStringLiteral(", size ") + t.size
        + QStringLiteral(". ") + QString::fromLatin1(rng.pick(conditions)) + u'.';
}

QString Store::brand(quint32 item) const
{
    Rng rng(options.seed, streamTitle, item);
    return Names::itemTitle(rng, items[item].category).brand;
}

QString Store::color(quint32 item) const
{
    Rng rng(options.seed, streamTitle, item);
    return Names::itemTitle(rng, items[item].category).color;
}

QString Store::sku(quint32 item) const
{
    Rng rng(options.seed, streamSku, item);
    return Names::code(rng, 3) + u'-' + QString::number(100000 + item);
}

QString Store::accountName(quint32 account) const
{
    const Account &a = accounts[account];
    if (a.firstName.isEmpty() && a.lastName.isEmpty())
        return a.company;
    return a.firstName + u' ' + a.lastName;
}

qint64 Store::share(qint64 price, int splitBp)
{
    return floorDiv(price * splitBp + 5000, 10000);
}

qint32 Store::taxRate(int location) const
{
    if (location < 0 || std::size_t(location) >= locations.size())
        return 0;
    const quint32 tax = indexOf(Kind::Tax, locations[location].fields.value(QStringLiteral("tax")).toString());
    if (tax >= taxes.size() || taxes[tax].deleted != NoTime)
        return 0;
    return qint32(qRound64(taxes[tax].fields.value(QStringLiteral("rate")).toDouble() * 10000.0));
}

qint32 Store::lineCogs(const SaleLine &line) const
{
    const Item &item = items[line.item];
    if (item.type == quint8(InventoryType::Consignment))
        return qint32(share(line.price, item.split));
    return qint32(share(line.price, 4500)); // buy-outright and retail stock cost 45 % of the price
}

quint32 Store::addItem(const Item &item)
{
    items.push_back(item);
    if (item.batch != NoIndex && item.batch < batches.size())
        ++batches[item.batch].itemCount;
    touch();
    return quint32(items.size() - 1);
}

void Store::appendEntry(quint32 account, qint32 amount, EntryType type, quint32 ref, qint32 when)
{
    Account &a = accounts[account];
    a.balance += amount;
    a.updated = std::max(a.updated, when);
    entries.push_back(Entry{a.balance, account, ref, when, amount, quint8(type)});
}

quint32 Store::createSale(const std::vector<quint32> &saleItems, quint32 customer, int paymentType, int status,
                          qint32 when)
{
    Sale sale{};
    sale.created = sale.updated = when;
    sale.firstLine = quint32(lines.size());
    sale.customer = customer;
    sale.lineCount = quint16(saleItems.size());
    sale.location = saleItems.empty() ? 0 : items[saleItems.front()].location;
    sale.status = quint8(SaleStatus::Parked);
    sale.paymentType = quint8(paymentType);
    const quint32 saleIndex = quint32(sales.size());
    qint64 subtotal = 0, cogs = 0;
    for (const quint32 index : saleItems) {
        Item &item = items[index];
        const SaleLine line{index, saleIndex, item.tagPrice, 0};
        subtotal += line.price;
        cogs += lineCogs(line);
        item.line = quint32(lines.size());
        item.status = quint8(ItemStatus::Parked);
        item.updated = when;
        lines.push_back(line);
    }
    sale.subtotal = qint32(subtotal);
    sale.tax = qint32(share(subtotal, taxRate(sale.location)));
    sale.cogs = qint32(cogs);
    sales.push_back(sale);
    if (status == int(SaleStatus::Finalized))
        finalizeSale(saleIndex, when);
    touch();
    return saleIndex;
}

void Store::finalizeSale(quint32 saleIndex, qint32 when)
{
    Sale &sale = sales[saleIndex];
    sale.status = quint8(SaleStatus::Finalized);
    sale.updated = when;
    for (quint32 l = sale.firstLine; l < sale.firstLine + sale.lineCount; ++l) {
        SaleLine &line = lines[l];
        Item &item = items[line.item];
        item.status = quint8(ItemStatus::Sold);
        item.sold = when;
        item.updated = when;
        if (item.type == quint8(InventoryType::Consignment) && item.account != NoIndex) {
            line.credit = qint32(share(line.price, item.split));
            if (line.credit != 0 && !m_deferLedger)
                appendEntry(item.account, line.credit, EntryType::Sale, l, when);
        }
    }
    touch();
}

void Store::reverseSale(quint32 saleIndex, SaleStatus status, qint32 when)
{
    Sale &sale = sales[saleIndex];
    const bool credited = sale.status == quint8(SaleStatus::Finalized);
    sale.status = quint8(status);
    sale.updated = when;
    for (quint32 l = sale.firstLine; l < sale.firstLine + sale.lineCount; ++l) {
        const SaleLine &line = lines[l];
        Item &item = items[line.item];
        if (item.line == l) {
            item.status = quint8(ItemStatus::Active);
            item.sold = NoTime;
            item.line = NoIndex;
            item.updated = when;
        }
        if (credited && line.credit != 0 && item.account != NoIndex)
            appendEntry(item.account, -line.credit, status == SaleStatus::Voided ? EntryType::Void : EntryType::Refund,
                        l, when);
    }
    touch();
}

quint32 Store::addPayout(quint32 account, qint32 amount, qint32 when, const QString &reference, const QString &note)
{
    const quint32 index = quint32(payouts.size());
    payouts.push_back(Payout{account, quint32(entries.size()), when, amount, reference, note});
    appendEntry(account, -amount, EntryType::Payout, index, when);
    touch();
    return index;
}

QJsonObject Store::inspect() const
{
    qint64 live = 0, deleted = 0, sumTag = 0, sold = 0;
    qint64 byStatus[int(ItemStatus::Count)] = {};
    for (const Item &item : items) {
        if (item.deleted != NoTime) {
            ++deleted;
            continue;
        }
        ++live;
        sumTag += item.tagPrice;
        ++byStatus[item.status];
        if (item.status == quint8(ItemStatus::Sold))
            ++sold;
    }
    QJsonObject itemStatuses;
    for (int s = 0; s < int(ItemStatus::Count); ++s)
        itemStatuses.insert(QString::fromLatin1(itemStatusName(s)), byStatus[s]);

    qint64 liveAccounts = 0, deletedAccounts = 0, sumBalances = 0;
    std::vector<qint64> perAccount(accounts.size(), 0);
    for (const Entry &entry : entries) {
        perAccount[entry.account] += entry.amount;
        sumBalances += entry.amount;
    }
    bool consistent = true;
    for (std::size_t a = 0; a < accounts.size(); ++a) {
        (accounts[a].deleted == NoTime ? liveAccounts : deletedAccounts) += 1;
        consistent = consistent && perAccount[a] == accounts[a].balance;
    }

    qint64 saleCount[int(SaleStatus::Count)] = {};
    qint64 finalizedTotal = 0;
    for (const Sale &sale : sales) {
        ++saleCount[sale.status];
        if (sale.status == quint8(SaleStatus::Finalized))
            finalizedTotal += qint64(sale.subtotal) + sale.tax;
    }
    QJsonObject saleStatuses;
    for (int s = 0; s < int(SaleStatus::Count); ++s)
        saleStatuses.insert(QString::fromLatin1(saleStatusName(s)), saleCount[s]);
    qint64 sumPayouts = 0;
    for (const Payout &payout : payouts)
        sumPayouts += payout.amount;
    auto liveCount = [](const std::vector<Entity> &table) {
        return qint64(std::count_if(table.begin(), table.end(), [](const Entity &e) { return e.deleted == NoTime; }));
    };

    return QJsonObject{
        {QStringLiteral("items"), live},
        {QStringLiteral("deleted_items"), deleted},
        {QStringLiteral("sold_items"), sold},
        {QStringLiteral("items_by_status"), itemStatuses},
        {QStringLiteral("sum_tag_price"), sumTag},
        {QStringLiteral("accounts"), liveAccounts},
        {QStringLiteral("deleted_accounts"), deletedAccounts},
        {QStringLiteral("sales"), qint64(sales.size())},
        {QStringLiteral("sales_by_status"), saleStatuses},
        {QStringLiteral("sum_finalized_sales_total"), finalizedTotal},
        {QStringLiteral("sale_lines"), qint64(lines.size())},
        {QStringLiteral("balance_entries"), qint64(entries.size())},
        {QStringLiteral("payouts"), qint64(payouts.size())},
        {QStringLiteral("sum_payouts"), sumPayouts},
        {QStringLiteral("sum_balances"), sumBalances},
        {QStringLiteral("balances_consistent"), consistent},
        {QStringLiteral("categories"), liveCount(categories)},
        {QStringLiteral("locations"), liveCount(locations)},
        {QStringLiteral("discounts"), liveCount(discounts)},
        {QStringLiteral("taxes"), liveCount(taxes)},
        {QStringLiteral("batches"), qint64(batches.size())},
        {QStringLiteral("data_version"), qint64(m_version)},
    };
}

} // namespace ConsignDesk::Sandbox::ConsignCloud
