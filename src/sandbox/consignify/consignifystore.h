#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace ConsignDesk::Sandbox {

class Rng;

namespace Consignify {

/// Milliseconds since 1970 (UTC); 0 means "none".
using Ms = qint64;
constexpr Ms msPerDay = 86400000;

/// A share in basis points (50 % is 5000); -1 is null.
constexpr qint16 noShare = -1;

enum class ProductStatus : quint8 { Active, Draft, Archived };
enum class ItemFate : quint8 { ShopDefault, Donate, Return };
enum class Portal : quint8 { ShopDefault, Enabled, Disabled };
enum class Receipt : quint8 { Sent, NotSent, Failed };

/// @short A consignor; few enough (N/100) to keep its strings.
struct Consignor {
    QString id;
    QString key;
    QString givenName; ///< null: JSON null
    QString surname;
    QString email;
    QString phone;
    QString notes;
    Ms createdAt = 0;
    Ms updatedAt = 0;
    qint16 shareBp = noShare;
    ItemFate fate = ItemFate::ShopDefault;
    Portal portal = Portal::ShopDefault;
    bool archived = false;
};

/// @short A Shopify product; the id and title are derived from its index.
struct Product {
    Ms shopifyUpdatedAt = 0;
    Ms updatedAt = 0;
    qint32 consignor = -1;      ///< index, -1: store-owned
    qint32 totalInventory = 0;
    qint32 basePrice = 0;       ///< minor units, for new orders
    qint16 shareBp = noShare;   ///< the product's own consignerShare
    ProductStatus status = ProductStatus::Active;
};

/// @short One order line item (40 bytes); ids are derived from the index,
/// which is also the order of creation.
struct LineItem {
    Ms fulfilledAt = 0;         ///< fulfillmentCreatedAt, 0: not fulfilled
    Ms fulfillmentUpdatedAt = 0;
    qint32 product = 0;
    qint32 orderNo = 0;
    qint32 payoutLine = -1;     ///< index into payoutLines, -1: unpaid
    qint32 unitPrice = 0;       ///< minor units
    qint32 unitPriceDiscounted = 0;
    quint16 originalQuantity = 1;
    quint16 currentQuantity = 1;
};

struct PayoutLine {
    qint32 lineItem = 0;
    qint32 payout = 0;
    qint32 amount = 0;          ///< minor units
    qint16 shareBp = 0;
    qint16 quantity = 0;
};

struct Payout {
    Ms paidAt = 0;
    Ms createdAt = 0;
    Ms updatedAt = 0;
    Ms receiptSentAt = 0;
    qint64 amount = 0;          ///< minor units: the lines' sum plus adjustment
    qint64 adjustment = 0;
    QString note;
    qint32 consignor = 0;
    qint32 reference = 0;       ///< 1001 for "#R1001"
    qint32 firstLine = 0;       ///< the lines are payoutLines[firstLine, firstLine + lineCount)
    qint32 lineCount = 0;
    Receipt receipt = Receipt::Sent;
    bool deleted = false;
};

/// A payout line requested by a client (POST /payouts).
struct LineRequest {
    qint32 lineItem = 0;
    qint32 quantity = -1;       ///< -1: the line item's current quantity
    qint64 amount = -1;         ///< -1: the consignor's share of it
};

/// @short Consignify's shop: consignors, products, order line items and payouts,
/// generated deterministically from the seed, changed by the API and by activity.
class Store
{
public:
    Store(quint64 seed, qint64 items, Ms epoch);

    // The shop.
    QString shopId() const { return QStringLiteral("consignify-sandbox.myshopify.com"); }
    QString currency() const { return QStringLiteral("GBP"); }
    static constexpr int holdingDays = 14;
    static constexpr qint16 defaultShareBp = 5000;
    Ms epoch() const { return m_epoch; }
    Ms trackingStart() const { return m_trackingStart; }
    QString apiKey() const;

    // Derived ids; the lookups return -1 when there is none.
    QString productId(qint32 index) const;
    QString variantId(qint32 product) const;
    QString lineItemId(qint32 index) const;
    QString orderId(qint32 orderNo) const;
    QString payoutId(qint32 index) const;
    QString payoutLineId(qint32 index) const;
    QString title(qint32 product) const;
    QString sku(qint32 product) const; ///< null for some products
    qint32 findProduct(const QString &id) const;
    qint32 findLineItem(const QString &id) const;
    qint32 findConsignor(const QString &id) const;
    qint32 findConsignorByKey(const QString &key) const;
    qint32 findPayout(const QString &id) const;

    const std::vector<Consignor> &consignors() const { return m_consignors; }
    const std::vector<Product> &products() const { return m_products; }
    const std::vector<LineItem> &lineItems() const { return m_lineItems; }
    const std::vector<Payout> &payouts() const { return m_payouts; }
    const std::vector<PayoutLine> &payoutLines() const { return m_payoutLines; }
    /// A product's line items, ascending.
    const std::vector<qint32> &itemsOf(qint32 product) const { return m_itemsOfProduct[size_t(product)]; }
    /// A consignor's products and payouts (deleted ones included), ascending.
    const std::vector<qint32> &productsOf(qint32 consignor) const { return m_productsOfConsignor[size_t(consignor)]; }
    const std::vector<qint32> &payoutsOf(qint32 consignor) const { return m_payoutsOfConsignor[size_t(consignor)]; }

    /// The share a product's consignor gets: the product's, else the consignor's, else the shop's.
    qint16 effectiveShare(qint32 product) const;
    /// The consignor's share of a line item's current quantity, rounded half up.
    qint64 shareAmount(const LineItem &item, qint32 quantity, qint16 shareBp) const;
    /// Payable now: fulfilled before @p now minus the holding time and on or
    /// after the tracking start, a positive quantity, not yet paid.
    bool payable(const LineItem &item, Ms now) const;

    // Changes; each bumps updatedAt to @p now.
    qint32 addConsignor(Consignor consignor, Ms now);
    Consignor &consignor(qint32 index) { return m_consignors[size_t(index)]; }
    void assign(qint32 product, qint32 consignor, Ms now);
    void setShare(qint32 product, qint16 shareBp, Ms now);
    /// Validates and records a payout; returns its index, or -1 with @p error.
    qint32 createPayout(qint32 consignor, const std::vector<LineRequest> &lines, std::optional<qint64> amount,
                        qint64 adjustment, const QString &note, Ms paidAt, Ms now, QString *error);
    void deletePayout(qint32 payout, Ms now);

    void simulateActivity(Rng &rng, Ms now);
    /// Keys documented in consignifyapi.h.
    QJsonObject inspect(Ms now) const;
    /// The time the shop's "now" is at least (the epoch, or the last activity).
    Ms clock() const { return m_clock; }

private:
    void generateConsignors(qint64 count);
    void generateProducts(qint64 count);
    void generateLineItems(qint64 count);
    void generatePayouts();
    Consignor makeConsignor(qint32 index, Ms createdAt) const;
    qint32 appendPayout(qint32 consignor, const std::vector<PayoutLine> &lines, qint64 adjustment, Ms paidAt,
                        Receipt receipt, const QString &note);
    static quint64 hashId(const QString &id);

    quint64 m_seed;
    Ms m_epoch;
    Ms m_trackingStart;
    Ms m_clock;
    qint32 m_nextOrderNo = 0;
    std::vector<Consignor> m_consignors;
    std::vector<Product> m_products;
    std::vector<LineItem> m_lineItems;
    std::vector<Payout> m_payouts;
    std::vector<PayoutLine> m_payoutLines;
    std::vector<std::vector<qint32>> m_itemsOfProduct;
    std::vector<std::vector<qint32>> m_productsOfConsignor;
    std::vector<std::vector<qint32>> m_payoutsOfConsignor;
    std::vector<qint32> m_unfulfilled; ///< line items awaiting fulfilment (activity)
    QHash<quint64, qint32> m_consignorById;
    QHash<quint64, qint32> m_payoutById;
};

} // namespace Consignify
} // namespace ConsignDesk::Sandbox
