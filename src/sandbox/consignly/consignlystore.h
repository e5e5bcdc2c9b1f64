#pragma once

// The Consignly emulator's data: a third-party-logistics warehouse holding the
// store's consigned stock. Compact rows; long text (product names, batches,
// serials, numbers) is derived from the row's index and the seed on demand.

#include "sandbox/consignly/consignlycatalog.h"
#include "sandbox/vendorapi.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <limits>
#include <vector>

namespace ConsignDesk::Sandbox {
class Rng;
}

namespace ConsignDesk::Sandbox::Consignly {

constexpr qint16 noDate = std::numeric_limits<qint16>::min();

struct Warehouse {
    QString name;
    quint32 firstLocation[5] = {};  ///< per location type (1..4): first location index
    quint32 locationCount[5] = {};
};
struct Zone {
    quint8 warehouse;
    quint8 type;
    QString name;
};
struct Location {
    quint32 zone;
    quint8 warehouse;
    quint8 type;
    QString name;
};
struct Partner {
    QString name;
    QString code;
    std::vector<quint32> products;
};
/// A partner product (the consignor's SKU); its name is derived on demand.
struct Product {
    quint32 partner;
    quint32 sequence;    ///< within the partner: the product code's number
    quint32 volumeCm3;   ///< per unit
    quint32 weightG;     ///< per unit
    quint8 category;
    quint8 tracking;     ///< TrackingMode
    qint8 dangerousGood; ///< index into dangerousGood(), -1 none
    quint8 noun;         ///< own categories: noun index
    quint8 brand;        ///< own categories: brand index
    bool batched;
};
/// A logistic unit (pallet, carton) at one location; its lines are contiguous.
struct LogisticUnit {
    quint32 partner;
    quint32 location;
    quint32 firstLine;
    quint8 lineCount;
    qint16 receivedDay;  ///< days from the epoch date
    qint64 updated;      ///< seconds since 1970, internal only (not in the API)
};
/// A product line (warehouse product) of a logistic unit. Serial items of a
/// tracked line are its item numbers serialStart .. serialStart+onHand-1; the
/// first onHand-available of them are the allocated ones.
struct ProductLine {
    quint32 unit;
    quint32 product;
    qint32 onHand;
    qint32 available;
    quint32 serialStart;
    qint16 bestBefore = noDate;
    qint16 expiry = noDate;
    qint16 packaging = noDate;
    qint16 production = noDate;
    qint16 sellBy = noDate;
};
struct Consumable {
    quint8 type;
    qint64 valueMilli; ///< thousandths of the unit
    quint32 serial;    ///< the consignment consumable's own id
};
enum ConsignmentType : quint8 { Inward = 1, Outward = 2 };
struct Consignment {
    quint32 partner;
    quint8 warehouse;
    quint8 type;
    quint8 status;   ///< index into consignmentStatus(type, …)
    qint64 created;  ///< seconds since 1970
    qint64 updated;
    std::vector<Consumable> consumables;
};

struct ProductText {
    QString code;
    QString name;
    QString brand;
    QString color; ///< empty when the category has none
    QString size;
};

class Store
{
public:
    explicit Store(const GenerationOptions &options);

    quint64 seed() const { return m_seed; }
    QDate epochDate() const { return m_epochDate; }
    /// Bumped by every change; caches key on it.
    quint64 version() const { return m_version; }
    void bump() { ++m_version; }

    QString id(IdKind kind, quint64 index) const { return makeId(m_seed, kind, index); }
    ProductText productText(quint32 product) const;
    /// The line's batch; null when its product is not batch-managed.
    QString batch(quint32 line) const;
    QString serial(quint32 line, quint32 itemNumber) const;
    QString unitNumber(quint32 unit) const;
    QString unitReference(quint32 unit) const;
    QString consignmentNumber(quint32 consignment) const;
    QString consignmentReference(quint32 consignment) const;
    static QString consignmentTypeName(quint8 type);
    static QString consignmentStatusName(quint8 type, quint8 status);
    QString date(qint16 days) const;
    static quint64 itemKey(quint32 line, quint32 itemNumber) { return (quint64(line) << 22) | itemNumber; }

    /// Consumable changes; each bumps the version and the consignment's update time.
    void setConsumable(quint32 consignment, quint8 type, qint64 valueMilli, qint64 now);
    bool removeConsumable(quint32 consignment, quint8 type, qint64 now);
    const Consumable *consumable(quint32 consignment, quint8 type) const;

    void simulateActivity(Rng &rng, qint64 now);
    /// See ConsignlyApi for the keys.
    QJsonObject inspect() const;

    std::vector<Warehouse> warehouses;
    std::vector<Zone> zones;
    std::vector<Location> locations;
    std::vector<Partner> partners;
    std::vector<Product> products;
    std::vector<LogisticUnit> units;
    std::vector<ProductLine> lines;
    std::vector<Consignment> consignments;

private:
    void generateLayout(qint64 unitCount);
    void generatePartners(qint64 partnerCount, qint64 productCount);
    quint32 addUnit(Rng &rng, quint32 partner, quint32 location, qint16 receivedDay, qint64 updated, bool fresh);
    void addLine(Rng &rng, quint32 unit, quint32 product, bool quarantined, bool fresh);
    void addConsignment(Rng &rng, quint32 partner, quint8 warehouse, quint8 type, quint8 status, qint64 created,
                        qint64 updated, int consumableCount);
    quint32 pickPartner(Rng &rng) const;
    quint32 pickLocation(Rng &rng, quint8 warehouse) const;

    quint64 m_seed;
    QDate m_epochDate;
    qint64 m_epochSecs;
    quint64 m_version = 1;
    quint32 m_nextConsumableSerial = 1;
};

} // namespace ConsignDesk::Sandbox::Consignly
