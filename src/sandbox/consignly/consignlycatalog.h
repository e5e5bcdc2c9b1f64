#pragma once

// Fixed reference data of the Consignly emulator (product categories, dangerous
// goods, consumable types, location types) and the deterministic ids.

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <optional>

namespace ConsignDesk::Sandbox::Consignly {

/// What a generated id names; part of the id, so an id of one kind is never
/// mistaken for another.
enum class IdKind : quint8 {
    Warehouse = 1,
    Zone,
    Location,
    Partner,
    PartnerProduct,
    LogisticUnit,
    WarehouseProduct,
    ProductItem,
    Attribute,
    ProductAttribute,
    Consignment,
    ConsumableType,
    Consumable,
    DgClass,
    DgCategory,
};

/// A version-4-shaped uuid for (seed, kind, index); the index is recoverable.
QString makeId(quint64 seed, IdKind kind, quint64 index);
/// Whether @p text is a uuid at all (8-4-4-4-12 hex digits).
bool isUuid(const QString &text);
/// The index of one of our ids of @p kind; nullopt for any other uuid.
std::optional<quint64> parseId(quint64 seed, IdKind kind, const QString &text);

/// Location types as the docs number them.
enum LocationType : quint8 { Racking = 1, Bulk = 2, Quarantine = 3, Transitional = 4 };

/// Serial tracking modes (FIELD-NOTES numbering).
enum TrackingMode : quint8 { TrackingNone = 1, TrackingFullCapture = 2, TrackingReleaseCapture = 3 };

/// What a product category implies for its lines.
struct CategoryInfo {
    const char *name;
    int weight;            ///< how common, relative
    int names;             ///< the Names:: category used for titles, or -1 for our own noun lists
    int volumeLo, volumeHi; ///< cm3 per unit
    int weightLo, weightHi; ///< grams per unit
    int maxQuantity;        ///< largest generated on-hand quantity of a line
};
int categoryCount();
const CategoryInfo &category(int index);
/// A category index drawn by weight.
int drawCategory(std::uint64_t random);
enum Category : quint8 {
    CatClothing = 0, CatShoes, CatBags, CatJewelry, CatHome, CatKids, CatGames, CatBooks,
    CatBeauty, CatPantry, CatElectronics,
};

/// Our own nouns for the warehouse-only categories (beauty, pantry, electronics).
struct NounInfo {
    const char *noun;
    int dangerousGood; ///< index into dangerousGood(), or -1
};
int ownNounCount(int category);
const NounInfo &ownNoun(int category, int index);
int ownBrandCount(int category);
const char *ownBrand(int category, int index);

struct DangerousGoodInfo {
    int unNumber;
    int hazardClass;    ///< index into hazardClassName()
    int hazardCategory; ///< index into hazardCategoryName()
    int hazchemFire;
    int hazchemSafety;  ///< the Hazchem letter P,R,S,T,W,X,Y,Z as 1..8
    bool hazchemEvacuate;
};
const DangerousGoodInfo &dangerousGood(int index);
int hazardClassCount();
QString hazardClassName(int index);
int hazardCategoryCount();
QString hazardCategoryName(int index);

/// Consumable types; values are stored in thousandths.
struct ConsumableTypeInfo {
    const char *name;
    int stepMilli;  ///< generated values are multiples of this
    int maxSteps;
};
int consumableTypeCount();
const ConsumableTypeInfo &consumableType(int index);

/// Product attribute definitions (Color, Size, Brand).
int productAttributeCount();
QString productAttributeName(int index);

const char *warehouseName(int index);
int warehouseNameCount();

/// GS1 SSCC (18 digits, with its check digit) of a logistic unit.
QString ssccFor(quint64 seed, quint32 unit);

} // namespace ConsignDesk::Sandbox::Consignly
