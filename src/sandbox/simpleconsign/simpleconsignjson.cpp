#include "sandbox/simpleconsign/simpleconsignjson.h"

#include "sandbox/jsonwriter.h"
#include "sandbox/names.h"
#include "sandbox/random.h"

#include <QDate>

#include <cstdio>

namespace ConsignDesk::Sandbox::SimpleConsign {

namespace {

constexpr qint64 dayMs = 86400000;
constexpr std::uint64_t textStream = 0x5c7e47;
constexpr std::uint64_t sizeStream = 0x5c512e;
constexpr std::uint64_t imageCheckStream = 0x5c1c4e;

enum CategoryIndex { Clothing, Shoes, Bags, Jewelry, Home, Kids, Games, Books };

const char *const conditions[] = {
    "Excellent condition",  "Gently used",           "New with tags",          "Like new",
    "Good condition, light wear", "Minor scuff, priced to sell", "Vintage, well kept", "Barely worn",
};
const char *const internalNotes[] = {"Rack 3", "Back room shelf B", "Front window", "Tag color blue",
                                     "Intake batch", "Check stain before sale"};
const char *const shoeSizes[] = {"6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "11"};

// Typical packed size per category: length, width, height in tenths of an inch, weight in hundredths of a pound.
const int packSize[][4] = {{140, 100, 20, 120}, {130, 80, 50, 220}, {150, 120, 60, 180}, {40, 40, 20, 25},
                           {200, 160, 140, 650}, {120, 90, 30, 90},  {120, 120, 30, 160}, {100, 80, 20, 150}};

QString familyGroupFor(int category, Rng &rng)
{
    const double roll = rng.unit();
    switch (category) {
    case Clothing:
    case Shoes: return roll < 0.62 ? QStringLiteral("women") : roll < 0.92 ? QStringLiteral("men") : QStringLiteral("kids");
    case Bags:
    case Jewelry: return roll < 0.85 ? QStringLiteral("women") : QString();
    case Kids: return QStringLiteral("kids");
    default: return {};
    }
}

} // namespace

ItemText itemText(const Store &store, qint64 index)
{
    const Item &item = store.items()[std::size_t(index)];
    Rng rng(store.seed(), textStream, std::uint64_t(index));
    Names::ItemTitle title = Names::itemTitle(rng, item.category);
    ItemText text;
    text.brand = title.brand;
    text.color = title.color;
    text.noun = title.noun;
    Rng details(store.seed(), sizeStream, std::uint64_t(index));
    if (item.category == Clothing || item.category == Kids)
        text.size = title.size;
    else if (item.category == Shoes)
        text.size = QString::fromLatin1(details.pick(shoeSizes));
    text.familyGroup = familyGroupFor(item.category, details);
    const QString condition = QString::fromLatin1(details.pick(conditions));
    if (item.has(Item::Ecommerce) && item.has(Item::EcommerceText)) {
        text.name = title.brand + u' ' + title.noun + QStringLiteral(" in ") + title.color;
        if (!text.size.isNull())
            text.name += QStringLiteral(", Size ") + text.size;
        text.description = QStringLiteral("Pre-owned ") + title.brand + u' ' + title.noun.toLower()
            + QStringLiteral(" in ") + title.color.toLower() + QStringLiteral(". ") + condition + u'.';
    } else {
        text.name = title.title;
        const qint64 kind = details.range(0, 3);
        if (kind == 0)
            text.description = condition;
        else if (kind == 1)
            text.description = QString::fromLatin1(details.pick(internalNotes)) + QStringLiteral(", intake ")
                + QString::fromLatin1(usDate(item.created));
        // otherwise no Description/Extra Information
    }
    return text;
}

QByteArray usDate(qint64 msSinceEpoch)
{
    const qint64 days = msSinceEpoch >= 0 ? msSinceEpoch / dayMs : (msSinceEpoch - dayMs + 1) / dayMs;
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(2440588 + days).getDate(&year, &month, &day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", month, day, year);
    return QByteArray(buffer);
}

QString imageName(const Store &store, qint64 index, int number)
{
    const quint32 check = quint32(mix(mix(store.seed(), imageCheckStream), std::uint64_t(index) * 8 + std::uint64_t(number)));
    return store.sku(index) + u'_' + QString::number(number) + u'_'
        + QStringLiteral("%1").arg(check, 8, 16, QLatin1Char('0')) + QStringLiteral(".jpg");
}

std::optional<ImageRef> parseImageName(const Store &store, const QString &name)
{
    const QStringList parts = name.split(u'_');
    if (parts.size() != 3)
        return std::nullopt;
    const qint64 index = store.indexOfSku(parts.at(0));
    bool ok = false;
    const int number = parts.at(1).toInt(&ok);
    if (index < 0 || !ok || number < 1 || number > store.items()[std::size_t(index)].images)
        return std::nullopt;
    if (imageName(store, index, number) != name)
        return std::nullopt;
    return ImageRef{index, number};
}

void writeItem(QByteArray &out, const Store &store, qint64 index)
{
    const Item &item = store.items()[std::size_t(index)];
    const ItemText text = itemText(store, index);
    JsonWriter w(out);
    w.beginObject();
    w.field("consignmentItem", item.consignment());
    if (item.consignment()) {
        const Consignor &consignor = store.consignors()[std::size_t(item.consignor)];
        w.key("consignorId").value(QString::number(consignor.id));
        w.key("startDate").raw('"' + usDate(item.created) + '"');
        w.key("expireDate").raw('"' + usDate(item.created + consignor.periodDays * dayMs) + '"');
    } else {
        w.nullField("consignorId").nullField("startDate").nullField("expireDate");
    }
    w.key("status").raw('"' + QByteArray(statusName(item.status)) + '"');
    w.key("state").raw(item.active() ? QByteArrayLiteral("\"A\"") : QByteArrayLiteral("\"I\""));
    w.field("sku", store.sku(index));
    w.field("name", text.name);
    if (!text.description.isNull())
        w.field("description", text.description);
    w.field("category", Names::categoryName(item.category));
    w.field("quantity", qint64(item.quantity));
    w.field("cost", qint64(item.cost));
    w.field("retail", qint64(item.retail));
    w.field("buyersFee", item.buyersFee());
    w.field("discount", qint64(item.discount));
    w.field("currentPrice", item.currentPrice());
    w.field("doNotDiscount", item.has(Item::DoNotDiscount));
    if (!text.familyGroup.isNull())
        w.field("familyGroup", text.familyGroup);
    w.field("brand", text.brand);
    if (!text.size.isNull())
        w.field("size", text.size);
    w.field("color", text.color);
    w.key("images").beginArray();
    for (int n = 1; n <= item.images; ++n)
        w.value(imageName(store, index, n));
    w.endArray();
    w.field("ecommerceItem", item.has(Item::Ecommerce));
    if (item.consignment())
        w.field("splitPercentage", qint64(store.consignors()[std::size_t(item.consignor)].storeSplit));
    else
        w.nullField("splitPercentage");
    if (item.has(Item::Dimensions)) {
        Rng rng(store.seed(), sizeStream + 1, std::uint64_t(index));
        const int *base = packSize[item.category % 8];
        auto vary = [&rng](int value) { return qint64(value) * rng.range(70, 140) / 100; };
        w.key("dimensions").beginObject();
        w.key("length").decimal(vary(base[0]), 1);
        w.key("width").decimal(vary(base[1]), 1);
        w.key("height").decimal(std::max<qint64>(5, vary(base[2])), 1);
        w.key("unit").raw(QByteArrayLiteral("\"in\""));
        w.endObject();
        w.key("weight").beginObject();
        w.key("value").decimal(std::max<qint64>(5, vary(base[3])), 2);
        w.key("unit").raw(QByteArrayLiteral("\"lb\""));
        w.endObject();
    }
    w.field("dateCreated", item.created);
    w.field("lastUpdated", item.lastUpdated);
    w.endObject();
}

} // namespace ConsignDesk::Sandbox::SimpleConsign
