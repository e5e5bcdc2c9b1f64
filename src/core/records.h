#pragma once

// The unified records of the cache: what every vendor's data becomes. Each
// record is keyed by (connection, externalId), externalId being the vendor's
// own id. Money is integer minor units of the record's currency; shares and
// splits are basis points of the CONSIGNOR's share (5000 = 50 %), whatever the
// vendor's convention. Times are UTC; an invalid QDateTime means "none".
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ConsignDesk::Records {

struct Consignor {
    QString externalId;
    QString number;  ///< the store's account number or key, when the vendor has one
    QString name;    ///< as people read it: "Given Surname", or the company
    QString firstName;
    QString lastName;
    QString company;
    QString email;
    QString phone;
    std::optional<qint64> balanceMinor; ///< what the store owes them now, when the vendor says
    QString currency;
    std::optional<int> splitBp; ///< their default share
    bool archived = false;
    QDateTime created;
    QDateTime updated;
    QDateTime deleted; ///< soft-deleted at the vendor
};

struct Item {
    QString externalId; ///< SimpleConsign: the sku
    QString sku;
    QString title;
    QString description;
    QString consignorId; ///< external id of the consignor, empty for store stock
    QString categoryId;
    QString category; ///< name, when the vendor gives one
    QString locationId;
    QString batchId;
    QString status;         ///< lower case: active, sold, expired, …
    QString inventoryType;  ///< consignment, retail, buy_outright, …
    std::optional<qint64> quantity;
    qint64 priceMinor = 0;  ///< the current selling price
    std::optional<qint64> tagPriceMinor; ///< before discounts, when different
    QString currency;
    std::optional<int> splitBp; ///< the consignor's share
    QString brand;
    QString color;
    QString size;
    QStringList images;
    bool ecommerce = false;
    bool inactive = false; ///< SimpleConsign state "I", Consignify ARCHIVED
    QDateTime created;
    QDateTime updated;
    QDateTime sold;
    QDate expires;
    QDateTime deleted;
};

struct Sale {
    QString externalId;
    QString number;
    QDateTime date;
    QString status; ///< finalized, open, parked, voided, returned
    qint64 subtotalMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
    QString currency;
    QString locationId;
    QString customerId;
    QString paymentType;
    QDateTime updated;
    QDateTime deleted;
};

struct SaleLine {
    QString externalId;
    QString saleId;
    QString itemId;
    QString productId; ///< Consignify: the product the line sold
    QString title;
    QString sku;
    QString consignorId;
    qint64 quantity = 1;
    qint64 priceMinor = 0; ///< the line's total price
    std::optional<int> splitBp;
    std::optional<qint64> consignorAmountMinor;
    QString currency;
    QString status;
    bool fulfilled = true;
    QDateTime date;
    QDateTime fulfilledAt;
    QString payoutId; ///< the payout that paid this line, if any
    QDateTime updated;
};

struct Payout {
    QString externalId;
    QString consignorId;
    QDateTime date;
    qint64 amountMinor = 0;
    qint64 adjustmentMinor = 0;
    QString currency;
    QString reference;
    QString note;
    QDateTime updated;
    QDateTime deleted;
};

struct PayoutLine {
    QString externalId;
    QString payoutId;
    QString saleLineId;
    QString productId;
    qint64 quantity = 1;
    std::optional<int> splitBp;
    qint64 amountMinor = 0;
    QString currency;
};

/// ConsignCloud's ledger of an account: sales, payouts, voids, refunds.
struct BalanceEntry {
    QString externalId;
    QString consignorId;
    QString type;
    qint64 amountMinor = 0;
    qint64 balanceMinor = 0;
    QString currency;
    QString saleId;
    QString payoutReference;
    QString description;
    QDateTime created;
};

struct Category {
    QString externalId;
    QString name;
    QString parentId;
    QDateTime updated;
    QDateTime deleted;
};

struct Location {
    QString externalId;
    QString name;
    QString address;
    QDateTime updated;
    QDateTime deleted;
};

struct Batch {
    QString externalId;
    QString number;
    QString consignorId;
    QString description;
    QString status;
    QString locationId;
    qint64 itemCount = 0;
    QDateTime created;
    QDateTime updated;
};

/// Consignly: one pallet, carton or tote at the warehouse.
struct LogisticUnit {
    QString externalId;
    QString number;
    QString ssccNumber;
    QString warehouseId;
    QString warehouse;
    QString locationId;
    QString location;
    QString locationType;
    QString partnerId;
    QString partner;
    QString consignmentId;
    qint64 onHand = 0;
    qint64 available = 0;
};

/// Consignly: one product line of a logistic unit (warehouseProductId).
struct StockLine {
    QString externalId;
    QString logisticUnitId;
    QString productId;
    QString productCode;
    QString productName;
    QString warehouse;
    QString location;
    QString partner;
    QString batch;
    qint64 onHand = 0;
    qint64 available = 0;
    QDate bestBefore;
    QDate expiry;
    bool dangerousGoods = false;
    QString dgClass;
    QString dgUnNumber;
    int serialTrackingMode = 1; ///< 1 none, 2 full capture, 3 release capture
    bool serialRequired = false;
};

struct SerialItem {
    QString externalId;
    QString stockLineId;
    QString serial;
    qint64 onHand = 1;
    qint64 available = 0;
};

/// Consignly: a consumable (pallets, wrap, labels) used on a consignment.
struct Consumable {
    QString externalId; ///< consignmentId + "/" + consumableTypeId
    QString consignmentId;
    QString consignmentNumber;
    QString typeId;
    QString name;
    qint64 valueThousandths = 0; ///< exact, the vendor allows 3 decimals
};

/// What one page of a vendor's answer became. A connector fills the lists of
/// its resource; the cache writes the whole batch in one transaction.
struct RecordBatch {
    QList<Consignor> consignors;
    QList<Item> items;
    QList<Sale> sales;
    QList<SaleLine> saleLines;
    QList<Payout> payouts;
    QList<PayoutLine> payoutLines;
    QList<BalanceEntry> balanceEntries;
    QList<Category> categories;
    QList<Location> locations;
    QList<Batch> batches;
    QList<LogisticUnit> logisticUnits;
    QList<StockLine> stockLines;
    QList<SerialItem> serialItems;
    QList<Consumable> consumables;

    qsizetype size() const
    {
        return consignors.size() + items.size() + sales.size() + saleLines.size() + payouts.size()
            + payoutLines.size() + balanceEntries.size() + categories.size() + locations.size() + batches.size()
            + logisticUnits.size() + stockLines.size() + serialItems.size() + consumables.size();
    }
    bool isEmpty() const { return size() == 0; }
};

} // namespace ConsignDesk::Records
