#include "sandbox/consignly/consignlycatalog.h"

#include "sandbox/random.h"

#include <iterator>

namespace ConsignDesk::Sandbox::Consignly {

namespace {

constexpr std::uint64_t mask48 = 0xFFFFFFFFFFFFULL;

std::uint64_t idHigh(quint64 seed, IdKind kind, quint64 index)
{
    const std::uint64_t high = mix(mix(seed, 0xC0A51C1E1ULL), (std::uint64_t(kind) << 52) ^ index);
    return (high & ~0xF000ULL) | 0x4000ULL; // version 4
}

std::uint64_t idGroup4(quint64 seed, IdKind kind, quint64 index)
{
    return 0x8000ULL | (mix(seed ^ (std::uint64_t(kind) << 40), index) & 0x3FFF); // RFC 4122 variant
}

std::uint64_t idMask(quint64 seed, IdKind kind)
{
    return mix(seed ^ 0x5EEDULL, std::uint64_t(kind) + 77) & mask48;
}

// An invertible scramble of 48 bits, so consecutive indices give unrelated ids.
constexpr std::uint64_t scrambleFactor = 0x9E3779B97F4BULL; // odd

constexpr std::uint64_t inverse48(std::uint64_t odd)
{
    std::uint64_t x = odd; // Newton's iteration doubles the correct low bits each step
    for (int i = 0; i < 6; ++i)
        x = (x * (2 - odd * x)) & mask48;
    return x;
}

std::uint64_t scramble48(std::uint64_t x)
{
    x = (x * scrambleFactor) & mask48;
    return x ^ (x >> 24);
}

std::uint64_t unscramble48(std::uint64_t x)
{
    x ^= x >> 24;
    return (x * inverse48(scrambleFactor)) & mask48;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

const CategoryInfo categories[] = {
    {"Clothing", 25, 0, 2000, 8000, 250, 1500, 60},
    {"Shoes", 10, 1, 6000, 12000, 500, 1800, 40},
    {"Bags", 8, 2, 4000, 20000, 300, 1500, 30},
    {"Jewelry", 6, 3, 100, 600, 20, 250, 25},
    {"Home", 12, 4, 8000, 120000, 800, 25000, 20},
    {"Kids", 8, 5, 3000, 80000, 300, 12000, 40},
    {"Games", 6, 6, 2000, 15000, 300, 4000, 50},
    {"Books & Music", 7, 7, 1500, 6000, 250, 2000, 80},
    {"Beauty", 6, -1, 150, 900, 100, 600, 200},
    {"Pantry", 6, -1, 500, 2500, 250, 1300, 240},
    {"Electronics", 6, -1, 800, 9000, 150, 3000, 24},
};

const NounInfo beautyNouns[] = {
    {"Eau de Parfum 100ml", 0}, {"Face Serum 30ml", -1}, {"Lipstick Set", -1},
    {"Hairspray 400ml", 1},     {"Nail Polish Set", 2},  {"Body Lotion 250ml", -1},
};
const char *const beautyBrands[] = {"Chanel", "Dior", "Clinique", "Estée Lauder", "L'Oréal", "Aesop"};
const NounInfo pantryNouns[] = {
    {"Extra Virgin Olive Oil 1L", -1}, {"Raw Honey 500g", -1},      {"Coffee Beans 1kg", -1},
    {"Dark Chocolate Box", -1},        {"Loose Leaf Tea 250g", -1}, {"Maple Syrup 500ml", -1},
};
const char *const pantryBrands[] = {"Lindt", "Twinings", "Lavazza", "Manuka Gold", "Cobram Estate", "Bonne Maman"};
const NounInfo electronicsNouns[] = {
    {"Laptop 14in", 3},         {"Power Bank 20000mAh", 4}, {"Smartphone 128GB", 3},
    {"Noise-Cancelling Headphones", -1}, {"Digital Camera", -1}, {"Tablet 10in", 3},
};
const char *const electronicsBrands[] = {"Apple", "Samsung", "Sony", "Bose", "Canon", "Anker"};

const DangerousGoodInfo dangerousGoods[] = {
    {1266, 1, 1, 3, 7, true},  // perfumery products: class 3, PG II, Hazchem 3YE
    {1950, 0, 0, 2, 7, false}, // aerosols: class 2.1, Hazchem 2Y
    {1263, 1, 2, 3, 7, true},  // paint (nail polish): class 3, PG III, Hazchem 3YE
    {3481, 2, 3, 2, 6, false}, // lithium ion batteries contained in equipment: class 9
    {3480, 2, 3, 2, 6, false}, // lithium ion batteries: class 9
};
const char *const hazardClasses[] = {"2.1 Flammable Gases", "3 Flammable Liquids", "9 Miscellaneous Dangerous Goods"};
const char *const hazardCategories[] = {"Aerosols", "Flammable Liquids (Packing Group II)",
                                        "Flammable Liquids (Packing Group III)", "Lithium Ion Batteries"};

const ConsumableTypeInfo consumableTypes[] = {
    {"Pallet", 1000, 6},          {"Shrink Wrap (m)", 500, 160}, {"Carton Labels", 1000, 200},
    {"Carton - Small", 1000, 40}, {"Carton - Large", 1000, 24},  {"Void Fill (L)", 250, 200},
    {"Strapping (m)", 100, 400},  {"Packing Tape (m)", 500, 120}, {"Pallet Label", 1000, 8},
    {"Chep Pallet Hire", 1000, 6},
};

const char *const attributeNames[] = {"Color", "Size", "Brand"};

const char *const warehouses[] = {"Main Warehouse", "North Distribution Centre", "Harbour Overflow Store"};

} // namespace

QString makeId(quint64 seed, IdKind kind, quint64 index)
{
    const std::uint64_t high = idHigh(seed, kind, index);
    const std::uint64_t group4 = idGroup4(seed, kind, index);
    const std::uint64_t low = scramble48((index ^ idMask(seed, kind)) & mask48);
    static const char digits[] = "0123456789abcdef";
    char text[36];
    int at = 0;
    auto put = [&](std::uint64_t value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            text[at++] = digits[(value >> (4 * i)) & 0xF];
    };
    put(high >> 32, 8);
    text[at++] = '-';
    put(high >> 16, 4);
    text[at++] = '-';
    put(high, 4);
    text[at++] = '-';
    put(group4, 4);
    text[at++] = '-';
    put(low, 12);
    return QString::fromLatin1(text, 36);
}

bool isUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text.at(i) != u'-' : hexValue(text.at(i)) < 0)
            return false;
    }
    return true;
}

std::optional<quint64> parseId(quint64 seed, IdKind kind, const QString &text)
{
    if (!isUuid(text))
        return std::nullopt;
    std::uint64_t high = 0;
    std::uint64_t group4 = 0;
    std::uint64_t low = 0;
    for (int i = 0; i < 36; ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            continue;
        const auto nibble = std::uint64_t(hexValue(text.at(i)));
        if (i < 18)
            high = (high << 4) | nibble;
        else if (i < 23)
            group4 = (group4 << 4) | nibble;
        else
            low = (low << 4) | nibble;
    }
    const quint64 index = (unscramble48(low) ^ idMask(seed, kind)) & mask48;
    if (idHigh(seed, kind, index) != high || idGroup4(seed, kind, index) != group4)
        return std::nullopt;
    return index;
}

int categoryCount() { return int(std::size(categories)); }
const CategoryInfo &category(int index) { return categories[index]; }

int drawCategory(std::uint64_t random)
{
    int total = 0;
    for (const CategoryInfo &info : categories)
        total += info.weight;
    int pick = int(random % std::uint64_t(total));
    for (int i = 0; i < categoryCount(); ++i) {
        pick -= categories[i].weight;
        if (pick < 0)
            return i;
    }
    return 0;
}

int ownNounCount(int category)
{
    switch (category) {
    case CatBeauty: return int(std::size(beautyNouns));
    case CatPantry: return int(std::size(pantryNouns));
    case CatElectronics: return int(std::size(electronicsNouns));
    default: return 0;
    }
}

const NounInfo &ownNoun(int category, int index)
{
    switch (category) {
    case CatBeauty: return beautyNouns[index];
    case CatPantry: return pantryNouns[index];
    default: return electronicsNouns[index];
    }
}

int ownBrandCount(int category)
{
    switch (category) {
    case CatBeauty: return int(std::size(beautyBrands));
    case CatPantry: return int(std::size(pantryBrands));
    case CatElectronics: return int(std::size(electronicsBrands));
    default: return 0;
    }
}

const char *ownBrand(int category, int index)
{
    switch (category) {
    case CatBeauty: return beautyBrands[index];
    case CatPantry: return pantryBrands[index];
    default: return electronicsBrands[index];
    }
}

const DangerousGoodInfo &dangerousGood(int index) { return dangerousGoods[index]; }
int hazardClassCount() { return int(std::size(hazardClasses)); }
QString hazardClassName(int index) { return QString::fromUtf8(hazardClasses[index]); }
int hazardCategoryCount() { return int(std::size(hazardCategories)); }
QString hazardCategoryName(int index) { return QString::fromUtf8(hazardCategories[index]); }

int consumableTypeCount() { return int(std::size(consumableTypes)); }
const ConsumableTypeInfo &consumableType(int index) { return consumableTypes[index]; }

int productAttributeCount() { return int(std::size(attributeNames)); }
QString productAttributeName(int index) { return QString::fromLatin1(attributeNames[index]); }

const char *warehouseName(int index) { return warehouses[index]; }
int warehouseNameCount() { return int(std::size(warehouses)); }

QString ssccFor(quint64 seed, quint32 unit)
{
    // Extension digit, a 7-digit GS1 company prefix fixed per seed, a 9-digit
    // serial reference, then the GS1 mod-10 check digit.
    const quint64 prefix = 9300000 + mix(seed, 0x55CC) % 100000;
    QByteArray digits = QByteArray::number(unit % 10) + QByteArray::number(prefix)
        + QByteArray::number(quint64(unit) + 100000000ULL).right(9);
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) {
        const int digit = digits.at(digits.size() - 1 - i) - '0';
        sum += (i % 2 == 0) ? digit * 3 : digit;
    }
    digits.append(char('0' + (10 - sum % 10) % 10));
    return QString::fromLatin1(digits);
}

} // namespace ConsignDesk::Sandbox::Consignly
