#include "sandbox/consignly/consignlystore.h"

#include "sandbox/names.h"
#include "sandbox/random.h"

#include <QTimeZone>

#include <algorithm>

namespace ConsignDesk::Sandbox::Consignly {

namespace {

// Stream tags of the deterministic generator, one per kind of row.
enum : std::uint64_t {
    TagLayout = 0xC1A0,
    TagPartner,
    TagProduct,
    TagProductText,
    TagUnit,
    TagUnitText,
    TagLine,
    TagBatch,
    TagSerial,
    TagConsignment,
    TagConsignmentText,
};

constexpr qint64 daySecs = 86400;

const char *const partnerSuffixes[] = {"Resale Ltd", "& Co", "Vintage", "Trading Co", "Consignments",
                                       "Collective", "Boutique", "Estate Sales"};
const char *const inwardStatuses[] = {"Draft", "Awaiting Arrival", "Receiving", "Received"};
const char *const outwardStatuses[] = {"Draft", "Awaiting Pick", "Picking", "Packed", "Dispatched"};
constexpr quint8 inwardDone = 3;
constexpr quint8 outwardDone = 4;

// Triangular skew towards low indices: the first partners are the biggest.
quint32 skewed(Rng &rng, std::size_t count)
{
    const auto a = rng.next() % count;
    const auto b = rng.next() % count;
    return quint32(std::min(a, b));
}

QString lettersOf(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.unicode() < 128 && c.isLetter())
            out.append(c.toUpper());
        if (out.size() == 3)
            break;
    }
    while (out.size() < 3)
        out.append(u'X');
    return out;
}

} // namespace

Store::Store(const GenerationOptions &options)
    : m_seed(options.seed)
{
    const QDateTime epoch = options.epoch.isValid() ? options.epoch.toUTC()
                                                    : QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC);
    m_epochDate = epoch.date();
    m_epochSecs = epoch.toSecsSinceEpoch();
    const qint64 n = std::max<qint64>(1, options.items);
    const qint64 unitCount = std::max<qint64>(30, n / 20);
    const qint64 partnerCount = std::max<qint64>(6, n / 2000);
    const qint64 productCount = std::max<qint64>(40, n / 25);
    const qint64 consignmentCount = std::max<qint64>(10, n / 100);

    generateLayout(unitCount);
    generatePartners(partnerCount, productCount);

    units.reserve(std::size_t(unitCount + unitCount / 10));
    lines.reserve(std::size_t(unitCount * 23 / 10 + 64));
    for (qint64 u = 0; u < unitCount; ++u) {
        Rng rng(m_seed, TagUnit, std::uint64_t(u));
        const quint32 partner = pickPartner(rng);
        const auto warehouse = quint8(rng.next() % warehouses.size());
        const quint32 location = pickLocation(rng, warehouse);
        const auto receivedDay = qint16(-rng.range(0, 730));
        const qint64 received = m_epochSecs + receivedDay * daySecs;
        const qint64 updated = std::min(m_epochSecs, received + rng.range(0, 20 * daySecs));
        addUnit(rng, partner, location, receivedDay, updated, false);
    }

    consignments.reserve(std::size_t(consignmentCount + consignmentCount / 10));
    for (qint64 c = 0; c < consignmentCount; ++c) {
        Rng rng(m_seed, TagConsignment, std::uint64_t(c));
        const quint32 partner = pickPartner(rng);
        const auto warehouse = quint8(rng.next() % warehouses.size());
        const quint8 type = rng.chance(0.5) ? Inward : Outward;
        const qint64 age = rng.range(0, 365 * daySecs);
        const qint64 created = m_epochSecs - age;
        const quint8 done = type == Inward ? inwardDone : outwardDone;
        const quint8 status = age > 7 * daySecs ? done : quint8(rng.range(0, done));
        const qint64 updated = created + rng.range(0, std::min<qint64>(age, 3 * daySecs));
        addConsignment(rng, partner, warehouse, type, status, created, updated, status == 0 ? 0 : int(rng.range(0, 4)));
    }
}

void Store::generateLayout(qint64 unitCount)
{
    const int warehouseCount = 2 + int(mix(m_seed, TagLayout) % 2);
    const qint64 perWarehouse = unitCount / warehouseCount;
    const auto racking = quint32(std::clamp<qint64>(perWarehouse / 3, 20, 9000));
    const auto bulk = quint32(std::clamp<qint64>(racking / 20, 2, 99));
    constexpr quint32 perZone = 400;
    for (int w = 0; w < warehouseCount; ++w) {
        Warehouse warehouse;
        warehouse.name = QString::fromLatin1(warehouseName(w));
        auto addZone = [&](quint8 type, const QString &name) {
            zones.push_back(Zone{quint8(w), type, name});
            return quint32(zones.size() - 1);
        };
        auto addLocation = [&](quint32 zone, quint8 type, const QString &name) {
            locations.push_back(Location{zone, quint8(w), type, name});
        };
        warehouse.firstLocation[Racking] = quint32(locations.size());
        warehouse.locationCount[Racking] = racking;
        quint32 zone = 0;
        for (quint32 r = 0; r < racking; ++r) {
            const QChar letter(u'A' + char16_t(r / perZone));
            if (r % perZone == 0)
                zone = addZone(Racking, QStringLiteral("Racking ") + letter);
            const quint32 within = r % perZone;
            addLocation(zone, Racking,
                        QStringLiteral("%1-%2-%3").arg(letter).arg(within / 20 + 1, 2, 10, QLatin1Char('0'))
                            .arg(within % 20 + 1, 2, 10, QLatin1Char('0')));
        }
        zone = addZone(Bulk, QStringLiteral("Bulk Storage"));
        warehouse.firstLocation[Bulk] = quint32(locations.size());
        warehouse.locationCount[Bulk] = bulk;
        for (quint32 b = 0; b < bulk; ++b)
            addLocation(zone, Bulk, QStringLiteral("BULK-%1").arg(b + 1, 2, 10, QLatin1Char('0')));
        zone = addZone(Quarantine, QStringLiteral("Quarantine"));
        warehouse.firstLocation[Quarantine] = quint32(locations.size());
        warehouse.locationCount[Quarantine] = 2;
        addLocation(zone, Quarantine, QStringLiteral("QUAR-01"));
        addLocation(zone, Quarantine, QStringLiteral("QUAR-02"));
        zone = addZone(Transitional, QStringLiteral("Dock"));
        warehouse.firstLocation[Transitional] = quint32(locations.size());
        warehouse.locationCount[Transitional] = 2;
        addLocation(zone, Transitional, QStringLiteral("DOCK-01"));
        addLocation(zone, Transitional, QStringLiteral("DESP-01"));
        warehouses.push_back(warehouse);
    }
}

void Store::generatePartners(qint64 partnerCount, qint64 productCount)
{
    partners.reserve(std::size_t(partnerCount));
    for (qint64 i = 0; i < partnerCount; ++i) {
        Rng rng(m_seed, TagPartner, std::uint64_t(i));
        const QString first = Names::firstName(rng);
        const QString last = Names::lastName(rng);
        Partner partner;
        if (rng.chance(0.45))
            partner.name = first + u' ' + last;
        else
            partner.name = last + u' ' + QString::fromLatin1(rng.pick(partnerSuffixes));
        partner.code = lettersOf(last);
        partners.push_back(std::move(partner));
    }
    products.reserve(std::size_t(productCount));
    for (qint64 p = 0; p < productCount; ++p) {
        Rng rng(m_seed, TagProduct, std::uint64_t(p));
        Product product{};
        product.partner = p < partnerCount ? quint32(p) : skewed(rng, partners.size());
        product.sequence = quint32(partners[product.partner].products.size() + 1);
        product.category = quint8(drawCategory(rng.next()));
        const CategoryInfo &info = category(product.category);
        product.volumeCm3 = quint32(rng.range(info.volumeLo, info.volumeHi));
        product.weightG = quint32(rng.range(info.weightLo, info.weightHi));
        product.tracking = TrackingNone;
        product.dangerousGood = -1;
        if (info.names < 0) {
            product.noun = quint8(rng.next() % std::uint64_t(ownNounCount(product.category)));
            product.brand = quint8(rng.next() % std::uint64_t(ownBrandCount(product.category)));
            product.dangerousGood = qint8(ownNoun(product.category, product.noun).dangerousGood);
        }
        switch (product.category) {
        case CatElectronics: product.tracking = TrackingFullCapture; break;
        case CatJewelry: product.tracking = rng.chance(0.5) ? TrackingReleaseCapture : TrackingNone; break;
        case CatBags: product.tracking = rng.chance(0.25) ? TrackingReleaseCapture : TrackingNone; break;
        default: break;
        }
        product.batched = product.category == CatBeauty || product.category == CatPantry
            || (product.category == CatElectronics && rng.chance(0.5));
        partners[product.partner].products.push_back(quint32(p));
        products.push_back(product);
    }
}

quint32 Store::pickPartner(Rng &rng) const
{
    return skewed(rng, partners.size());
}

quint32 Store::pickLocation(Rng &rng, quint8 warehouse) const
{
    const Warehouse &w = warehouses[warehouse];
    const auto roll = rng.range(0, 99);
    const int type = roll < 80 ? Racking : roll < 92 ? Bulk : roll < 95 ? Quarantine : Transitional;
    return w.firstLocation[type] + quint32(rng.next() % w.locationCount[type]);
}

quint32 Store::addUnit(Rng &rng, quint32 partner, quint32 location, qint16 receivedDay, qint64 updated, bool fresh)
{
    const auto unitIndex = quint32(units.size());
    const auto roll = rng.range(0, 99);
    const int lineCount = roll < 45 ? 1 : roll < 75 ? 2 : roll < 90 ? 3 : 4;
    units.push_back(LogisticUnit{partner, location, quint32(lines.size()), quint8(lineCount), receivedDay, updated});
    const std::vector<quint32> &catalogue = partners[partner].products;
    const bool quarantined = locations[location].type == Quarantine;
    for (int i = 0; i < lineCount; ++i)
        addLine(rng, unitIndex, catalogue[rng.next() % catalogue.size()], quarantined, fresh);
    return unitIndex;
}

void Store::addLine(Rng &unitRng, quint32 unit, quint32 productIndex, bool quarantined, bool fresh)
{
    const auto lineIndex = quint32(lines.size());
    Rng rng(m_seed ^ unitRng.next(), TagLine, lineIndex);
    const Product &product = products[productIndex];
    const CategoryInfo &info = category(product.category);
    ProductLine line{};
    line.unit = unit;
    line.product = productIndex;
    const qint64 maxQuantity = product.tracking == TrackingNone ? info.maxQuantity : std::min(info.maxQuantity, 24);
    line.onHand = qint32(1 + std::min(rng.next() % std::uint64_t(maxQuantity), rng.next() % std::uint64_t(maxQuantity)));
    if (!fresh && rng.chance(0.08))
        line.onHand = 0;
    line.available = line.onHand;
    if (quarantined)
        line.available = 0;
    else if (!fresh && line.onHand > 0 && rng.chance(0.2))
        line.available = line.onHand - qint32(rng.range(1, line.onHand));
    line.serialStart = product.tracking == TrackingNone ? 0 : quint32(fresh ? 0 : rng.range(0, 40));
    line.bestBefore = line.expiry = line.packaging = line.production = line.sellBy = noDate;
    const qint16 received = units[unit].receivedDay;
    switch (product.category) {
    case CatPantry: {
        line.production = qint16(received - rng.range(5, 60));
        line.packaging = qint16(line.production + rng.range(0, 3));
        const auto roll = rng.range(0, 99);
        line.expiry = qint16(roll < 15 ? rng.range(0, 30) : roll < 20 ? rng.range(-20, -1) : rng.range(31, 540));
        line.bestBefore = qint16(std::max<qint64>(line.packaging, line.expiry - rng.range(0, 60)));
        if (rng.chance(0.5))
            line.sellBy = qint16(std::max<qint64>(line.packaging, line.bestBefore - rng.range(3, 14)));
        break;
    }
    case CatBeauty:
        line.production = qint16(received - rng.range(30, 365));
        line.expiry = qint16(rng.chance(0.1) ? rng.range(0, 30) : rng.range(31, 1000));
        break;
    case CatElectronics:
        line.production = qint16(received - rng.range(30, 400));
        break;
    default:
        break;
    }
    lines.push_back(line);
}

void Store::addConsignment(Rng &rng, quint32 partner, quint8 warehouse, quint8 type, quint8 status, qint64 created,
                           qint64 updated, int consumableCount)
{
    Consignment consignment{partner, warehouse, type, status, created, updated, {}};
    const std::uint64_t start = rng.next();
    for (int i = 0; i < consumableCount; ++i) {
        const auto typeIndex = quint8((start + std::uint64_t(i) * 3) % std::uint64_t(consumableTypeCount()));
        const ConsumableTypeInfo &info = consumableType(typeIndex);
        consignment.consumables.push_back(
            Consumable{typeIndex, qint64(info.stepMilli) * rng.range(1, info.maxSteps), m_nextConsumableSerial++});
    }
    consignments.push_back(std::move(consignment));
}

ProductText Store::productText(quint32 productIndex) const
{
    const Product &product = products[productIndex];
    const CategoryInfo &info = category(product.category);
    ProductText text;
    text.code = partners[product.partner].code + u'-' + QString::number(product.sequence).rightJustified(5, u'0');
    if (info.names >= 0) {
        Rng rng(m_seed, TagProductText, productIndex);
        const Names::ItemTitle title = Names::itemTitle(rng, info.names);
        text.name = title.title;
        text.brand = title.brand;
        text.color = title.color;
        text.size = title.size;
    } else {
        text.brand = QString::fromUtf8(ownBrand(product.category, product.brand));
        text.name = text.brand + u' ' + QString::fromUtf8(ownNoun(product.category, product.noun).noun);
    }
    return text;
}

QString Store::batch(quint32 line) const
{
    const ProductLine &row = lines[line];
    if (!products[row.product].batched)
        return {};
    Rng rng(m_seed, TagBatch, line);
    const qint16 day = row.production != noDate ? row.production : units[row.unit].receivedDay;
    return QStringLiteral("B%1-%2").arg(m_epochDate.addDays(day).toString(QStringLiteral("yyMMdd"))).arg(rng.range(1, 999), 3, 10, QLatin1Char('0'));
}

QString Store::serial(quint32 line, quint32 itemNumber) const
{
    Rng rng(m_seed, TagSerial, itemKey(line, itemNumber));
    return QStringLiteral("SN") + Names::code(rng, 10);
}

QString Store::unitNumber(quint32 unit) const
{
    return QStringLiteral("LU-%1").arg(unit + 1, 7, 10, QLatin1Char('0'));
}

QString Store::unitReference(quint32 unit) const
{
    Rng rng(m_seed, TagUnitText, unit);
    return QStringLiteral("PO-%1").arg(rng.range(10000, 99999));
}

QString Store::consignmentNumber(quint32 consignment) const
{
    return QStringLiteral("CN-%1").arg(consignment + 1, 6, 10, QLatin1Char('0'));
}

QString Store::consignmentReference(quint32 consignment) const
{
    Rng rng(m_seed, TagConsignmentText, consignment);
    return (consignments[consignment].type == Inward ? QStringLiteral("PO-") : QStringLiteral("SO-"))
        + QString::number(rng.range(10000, 99999));
}

QString Store::consignmentTypeName(quint8 type)
{
    return type == Inward ? QStringLiteral("Inward") : QStringLiteral("Outward");
}

QString Store::consignmentStatusName(quint8 type, quint8 status)
{
    return QString::fromLatin1(type == Inward ? inwardStatuses[std::min<quint8>(status, inwardDone)]
                                              : outwardStatuses[std::min<quint8>(status, outwardDone)]);
}

QString Store::date(qint16 days) const
{
    return m_epochDate.addDays(days).toString(Qt::ISODate);
}

const Consumable *Store::consumable(quint32 consignment, quint8 type) const
{
    for (const Consumable &item : consignments[consignment].consumables) {
        if (item.type == type)
            return &item;
    }
    return nullptr;
}

void Store::setConsumable(quint32 consignment, quint8 type, qint64 valueMilli, qint64 now)
{
    Consignment &row = consignments[consignment];
    auto it = std::find_if(row.consumables.begin(), row.consumables.end(),
                           [type](const Consumable &item) { return item.type == type; });
    if (it != row.consumables.end())
        it->valueMilli = valueMilli;
    else
        row.consumables.push_back(Consumable{type, valueMilli, m_nextConsumableSerial++});
    row.updated = now;
    bump();
}

bool Store::removeConsumable(quint32 consignment, quint8 type, qint64 now)
{
    Consignment &row = consignments[consignment];
    auto it = std::find_if(row.consumables.begin(), row.consumables.end(),
                           [type](const Consumable &item) { return item.type == type; });
    if (it == row.consumables.end())
        return false;
    row.consumables.erase(it);
    row.updated = now;
    bump();
    return true;
}

void Store::simulateActivity(Rng &rng, qint64 now)
{
    auto randomLine = [&](auto accept) -> qint64 {
        for (int attempt = 0; attempt < 12; ++attempt) {
            const auto line = qint64(rng.next() % lines.size());
            if (accept(lines[std::size_t(line)]))
                return line;
        }
        return -1;
    };
    // Picks: stock allocated to outward consignments is no longer available.
    for (qint64 picks = rng.range(1, 3); picks > 0; --picks) {
        const qint64 found = randomLine([](const ProductLine &line) { return line.available > 0; });
        if (found < 0)
            continue;
        ProductLine &line = lines[std::size_t(found)];
        line.available -= qint32(rng.range(1, std::min(line.available, 5)));
        units[line.unit].updated = now;
    }
    // Dispatches: allocated stock leaves; tracked lines lose their oldest serials.
    for (qint64 dispatches = rng.range(0, 2); dispatches > 0; --dispatches) {
        const qint64 found = randomLine([](const ProductLine &line) { return line.onHand > line.available; });
        if (found < 0)
            continue;
        ProductLine &line = lines[std::size_t(found)];
        const auto quantity = qint32(rng.range(1, line.onHand - line.available));
        line.onHand -= quantity;
        if (products[line.product].tracking != TrackingNone)
            line.serialStart += quint32(quantity);
        LogisticUnit &unit = units[line.unit];
        unit.updated = now;
        if (rng.chance(0.5)) {
            Rng consignmentRng(rng.next());
            addConsignment(consignmentRng, unit.partner, locations[unit.location].warehouse, Outward, outwardDone, now,
                           now, int(consignmentRng.range(1, 3)));
        }
    }
    // A stock-take write-off now and then.
    if (rng.chance(0.1)) {
        const qint64 found = randomLine([](const ProductLine &line) { return line.available > 0; });
        if (found >= 0) {
            ProductLine &line = lines[std::size_t(found)];
            --line.onHand;
            --line.available;
            if (products[line.product].tracking != TrackingNone)
                ++line.serialStart;
            units[line.unit].updated = now;
        }
    }
    // Receipts: a new logistic unit on the receiving dock, with its inward consignment.
    if (rng.chance(0.3)) {
        const quint32 partner = pickPartner(rng);
        const auto warehouse = quint8(rng.next() % warehouses.size());
        const quint32 dock = warehouses[warehouse].firstLocation[Transitional];
        const auto day = qint16(std::clamp<qint64>((now - m_epochSecs) / daySecs, -20000, 20000));
        addUnit(rng, partner, dock, day, now, true);
        Rng consignmentRng(rng.next());
        addConsignment(consignmentRng, partner, warehouse, Inward, inwardDone, now, now, 2);
    }
    // Consumables recorded, corrected or removed on a consignment.
    if (rng.chance(0.5)) {
        const auto index = quint32(rng.next() % consignments.size());
        const Consignment &row = consignments[index];
        const auto type = quint8(rng.next() % std::uint64_t(consumableTypeCount()));
        const ConsumableTypeInfo &info = consumableType(type);
        if (!row.consumables.empty() && rng.chance(0.25))
            removeConsumable(index, row.consumables.front().type, now);
        else
            setConsumable(index, type, qint64(info.stepMilli) * rng.range(1, info.maxSteps), now);
    }
    bump();
}

QJsonObject Store::inspect() const
{
    qint64 depleted = 0, serialItems = 0, available = 0, onHand = 0, dangerous = 0, stockedUnits = 0;
    qint64 volumeCm3 = 0, weightG = 0;
    for (const LogisticUnit &unit : units) {
        bool stocked = false;
        for (quint32 i = unit.firstLine; i < unit.firstLine + unit.lineCount; ++i) {
            const ProductLine &line = lines[i];
            const Product &product = products[line.product];
            stocked = stocked || line.onHand > 0;
            depleted += line.onHand == 0 ? 1 : 0;
            serialItems += product.tracking != TrackingNone ? line.onHand : 0;
            dangerous += product.dangerousGood >= 0 ? 1 : 0;
            available += line.available;
            onHand += line.onHand;
            volumeCm3 += qint64(line.onHand) * product.volumeCm3;
            weightG += qint64(line.onHand) * product.weightG;
        }
        stockedUnits += stocked ? 1 : 0;
    }
    qint64 consumables = 0, consumableMilli = 0;
    for (const Consignment &consignment : consignments) {
        consumables += qint64(consignment.consumables.size());
        for (const Consumable &item : consignment.consumables)
            consumableMilli += item.valueMilli;
    }
    return QJsonObject{
        {QStringLiteral("warehouses"), qint64(warehouses.size())},
        {QStringLiteral("zones"), qint64(zones.size())},
        {QStringLiteral("locations"), qint64(locations.size())},
        {QStringLiteral("partners"), qint64(partners.size())},
        {QStringLiteral("partner_products"), qint64(products.size())},
        {QStringLiteral("logistic_units"), qint64(units.size())},
        {QStringLiteral("stocked_logistic_units"), stockedUnits},
        {QStringLiteral("product_lines"), qint64(lines.size())},
        {QStringLiteral("depleted_lines"), depleted},
        {QStringLiteral("dangerous_good_lines"), dangerous},
        {QStringLiteral("serial_items"), serialItems},
        {QStringLiteral("sum_available"), available},
        {QStringLiteral("sum_on_hand"), onHand},
        {QStringLiteral("sum_on_hand_volume_cm3"), volumeCm3},
        {QStringLiteral("sum_on_hand_weight_g"), weightG},
        {QStringLiteral("consignments"), qint64(consignments.size())},
        {QStringLiteral("consumables"), consumables},
        {QStringLiteral("sum_consumable_value_milli"), consumableMilli},
        {QStringLiteral("data_version"), qint64(m_version)},
    };
}

} // namespace ConsignDesk::Sandbox::Consignly
