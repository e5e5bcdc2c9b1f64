#pragma once

#include "sandbox/vendorapi.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace ConsignDesk::Sandbox {

class Rng;

namespace SimpleConsign {

/// The item statuses integrators report (FIELD-NOTES), in this order.
enum class Status : quint8 {
    Active,
    Sold,
    Expired,
    InGrace,
    Donated,
    Converted,
    Returned,
    Layaway,
    Missing,
    Damaged,
    Unavailable,
};
constexpr int statusCount = 11;
const char *statusName(Status status);

/// @short A consignor: only what items refer to (id, the store's split, the consignment period).
struct Consignor {
    qint32 id = 0;           ///< 7 digits, e.g. 1000437
    quint8 storeSplit = 50;  ///< the STORE's share in percent (SimpleConsign's meaning)
    quint8 periodDays = 90;  ///< consignment period: expireDate = startDate + period
};

/// @short One inventory item, 40 bytes. Texts (name, description, brand,
/// colour, size, dimensions) are derived from the item's index and the seed on
/// demand; see SimpleConsign::writeItem().
struct Item {
    enum Flag : quint8 {
        Ecommerce = 0x01,     ///< the E-commerce Item flag
        Inactive = 0x02,      ///< state "I" (deleted in SimpleConsign)
        DoNotDiscount = 0x04,
        BuyersFee = 0x08,     ///< a 10 % buyer's fee applies
        EcommerceText = 0x10, ///< has an E-commerce Name and Description
        Dimensions = 0x20,    ///< dimensions and weight were recorded
    };

    qint64 created = 0;     ///< ms since the epoch, UTC
    qint64 lastUpdated = 0; ///< ms since the epoch, UTC
    qint32 retail = 0;      ///< cents
    qint32 cost = 0;        ///< cents (0 for consignment items)
    qint32 consignor = -1;  ///< index into Store::consignors; -1: store inventory
    quint16 quantity = 0;
    quint8 category = 0;    ///< Names::categoryName(category)
    Status status = Status::Active;
    quint8 discount = 0;    ///< whole percent
    quint8 images = 0;      ///< 0..4
    quint8 flags = 0;

    bool has(Flag flag) const { return flags & flag; }
    bool active() const { return !has(Inactive); }
    bool consignment() const { return consignor >= 0; }
    /// retail less the discount percentage, rounded to the cent.
    qint64 currentPrice() const { return retail - (qint64(retail) * discount + 50) / 100; }
    qint64 buyersFee() const { return has(BuyersFee) ? (qint64(retail) * 10 + 50) / 100 : 0; }
};

/// @short Which items a request wants (the documented parameters).
struct Filter {
    int category = -1;          ///< -1: any
    bool anyConsignor = true;
    qint32 consignor = -1;      ///< index when !anyConsignor; -1 matches nothing (unknown id)
    bool onlyEcommerce = false;
    bool includeZero = false;
    bool includeInactive = false;
    qint64 modifiedSince = -1;  ///< lastUpdated >= modifiedSince; -1: any

    bool matches(const Item &item) const
    {
        return (includeInactive || item.active()) && (includeZero || item.quantity > 0)
            && (!onlyEcommerce || item.has(Item::Ecommerce)) && (category < 0 || item.category == category)
            && (anyConsignor || (consignor >= 0 && item.consignor == consignor))
            && (modifiedSince < 0 || item.lastUpdated >= modifiedSince);
    }
};

/// @short The store's whole inventory: generated from the options, changed by activity.
class Store
{
public:
    explicit Store(const GenerationOptions &options);

    quint64 seed() const { return m_seed; }
    qint64 epochMs() const { return m_epochMs; }
    const std::vector<Item> &items() const { return m_items; }
    const std::vector<Consignor> &consignors() const { return m_consignors; }
    /// Bumped by every change.
    quint64 version() const { return m_version; }

    /// The item's SKU: 6 capitals/digits, a bijection of the index (unique by construction).
    QString sku(qint64 index) const;
    /// The index of a SKU, or -1.
    qint64 indexOfSku(QStringView sku) const;
    /// The consignor with this id, or -1.
    int consignorIndex(qint64 id) const;

    /// One step: a few items added, repriced, sold, inactivated, flagged for e-commerce.
    void simulateActivity(Rng &rng, qint64 nowMs);
    /// The summary documented in SimpleConsignApi (cached per version).
    QJsonObject inspect() const;

private:
    void generateConsignors();
    Item makeItem(qint64 index, qint64 createdMs, qint64 epochMs, bool fresh) const;
    qint64 pickItem(Rng &rng, bool needStock) const;
    quint32 permute(quint32 x) const;
    quint32 unpermute(quint32 y) const;

    quint64 m_seed;
    qint64 m_epochMs;
    qint64 m_generated;
    std::vector<Item> m_items;
    std::vector<Consignor> m_consignors;
    quint64 m_version = 1;
    qint64 m_maxLastUpdated = 0;
    quint32 m_skuAdd;
    mutable quint64 m_inspectVersion = 0;
    mutable QJsonObject m_inspect;
};

} // namespace SimpleConsign
} // namespace ConsignDesk::Sandbox
