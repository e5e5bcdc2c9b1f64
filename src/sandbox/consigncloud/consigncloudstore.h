#pragma once

// ConsignCloud's data: compact rows for items, sales, sale lines, balance
// entries and payouts (a million items fit in well under 100 MB), small
// tables kept as JSON objects, deterministic generation and store activity.
#include "sandbox/vendorapi.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace ConsignDesk::Sandbox {

class Rng;

namespace ConsignCloud {

/// The kinds of record; each has its own id space.
enum class Kind : quint8 { Item = 1, Account, Sale, Line, Entry, Payout, Batch, Category, Location, Discount, Tax };

constexpr qint32 NoTime = std::numeric_limits<qint32>::min();
constexpr quint32 NoIndex = std::numeric_limits<quint32>::max();
constexpr qint16 NullQuantity = std::numeric_limits<qint16>::min();
constexpr qint64 NullValue = std::numeric_limits<qint64>::min();

enum class ItemStatus : quint8 {
    Active, Sold, Expired, SoldOnShopify, SoldOnSquare, SoldOnThirdParty, ToBeReturned, ReturnedToOwner,
    Donated, Lost, Stolen, Damaged, Parked, Inactive, Count
};
enum class InventoryType : quint8 { Consignment, BuyOutright, Retail, Count };
enum class SaleStatus : quint8 { Open, Finalized, Parked, Voided, Returned, Count };
enum class PaymentType : quint8 { Card, Cash, Check, StoreCredit, GiftCard, Count };
enum class EntryType : quint8 { Sale, Payout, Void, Refund, Count };
enum class BatchStatus : quint8 { Draft, Submitted, Count };

const char *itemStatusName(int status);
const char *inventoryTypeName(int type);
const char *saleStatusName(int status);
const char *paymentTypeName(int type);
const char *entryTypeName(int type);
const char *batchStatusName(int status);

/// One item in 44 bytes; its title, description, sku, tags and images are
/// derived from its index and the seed unless a client wrote them.
struct Item {
    qint32 created;  ///< seconds relative to the epoch
    qint32 updated;
    qint32 sold;     ///< NoTime unless sold
    qint32 deleted;  ///< NoTime unless soft-deleted
    qint32 tagPrice; ///< cents
    quint32 account; ///< NoIndex for store-owned (retail) stock
    quint32 batch;   ///< NoIndex when in no batch
    quint32 line;    ///< the sale line of the current sale (sold or parked), NoIndex when none
    qint16 quantity; ///< NullQuantity when not tracked
    quint16 split;   ///< consignor's share in basis points
    quint8 category;
    quint8 location;
    quint8 type;     ///< InventoryType
    quint8 status;   ///< ItemStatus; the status of most units when units differ
    quint8 flags;    ///< ItemFlag
    quint8 otherUnits; ///< units in otherStatus when the status is an object
    quint8 otherStatus;
};
enum ItemFlag : quint8 { Printed = 1, UnitStatus = 2, CustomText = 4 };

struct ItemText {
    QString title;
    QString description;
};

struct Account {
    QString firstName, lastName, company, email, phone;
    qint32 number;
    qint32 created, updated, deleted;
    quint16 defaultSplit; ///< basis points
    quint8 defaultType;   ///< InventoryType
    bool isVendor;
    qint64 balance;       ///< cents; always the sum of the account's balance entries
};

struct Sale {
    qint32 created, updated;
    quint32 firstLine;
    quint32 customer; ///< account index or NoIndex
    qint32 subtotal, tax, cogs; ///< cents
    quint16 lineCount;
    quint8 location, status, paymentType;
};

struct SaleLine {
    quint32 item;
    quint32 sale;
    qint32 price;  ///< cents
    qint32 credit; ///< the consignor's share credited (consignment lines), cents
};

struct Entry {
    qint64 balanceAfter;
    quint32 account;
    quint32 ref;   ///< sale line (sale, void, refund) or payout index
    qint32 created;
    qint32 amount; ///< cents, signed
    quint8 type;   ///< EntryType
};

struct Payout {
    quint32 account;
    quint32 entry;
    qint32 created;
    qint32 amount;
    QString reference;
    QString note;
};

struct Batch {
    quint32 account;
    qint32 created, updated;
    quint32 itemCount;
    quint8 status;
    quint8 location;
    QString description; ///< null: derived
};

/// A record of a small table (categories, locations, discounts, taxes).
struct Entity {
    QJsonObject fields;
    qint32 created, updated, deleted;
};

/// @short ConsignCloud's whole store, generated from the options.
class Store
{
public:
    explicit Store(const GenerationOptions &options);

    // ids: uuid-shaped, deterministic, decodable to the row's index
    QString id(Kind kind, quint64 index) const;
    /// The index of a uuid of @p kind, or NoIndex (malformed or not ours; not bounds-checked).
    quint32 indexOf(Kind kind, const QString &id) const;

    // time: rows keep seconds relative to the epoch
    qint32 toRelative(const QDateTime &utc) const;
    qint64 toUnixSeconds(qint32 relative) const { return m_epochSecs + relative; }
    /// "2025-01-01T00:00:00Z", appended to @p out (fast, for big pages)
    void appendTimestamp(QByteArray &out, qint32 relative) const;
    QByteArray timestamp(qint32 relative) const;
    QByteArray date(qint32 relative) const; ///< "2025-01-01"

    // derived text
    QString title(quint32 item) const;
    QString description(quint32 item) const;
    QString sku(quint32 item) const;
    QString brand(quint32 item) const;
    QString color(quint32 item) const;
    QString accountName(quint32 account) const;

    // mutations (each bumps the data version)
    quint32 addItem(const Item &item);
    quint32 createSale(const std::vector<quint32> &items, quint32 customer, int paymentType, int status, qint32 when);
    void finalizeSale(quint32 sale, qint32 when);
    /// Voids or refunds: the items go back to active and consignors are debited.
    void reverseSale(quint32 sale, SaleStatus status, qint32 when);
    quint32 addPayout(quint32 account, qint32 amount, qint32 when, const QString &reference, const QString &note);
    void touch() { ++m_version; }
    quint64 version() const { return m_version; }

    void simulateActivity(Rng &rng, const QDateTime &now);
    QJsonObject inspect() const;

    /// The consignor's share of @p price at @p splitBp, rounded half up.
    static qint64 share(qint64 price, int splitBp);
    qint32 taxRate(int location) const; ///< basis points
    qint32 lineCogs(const SaleLine &line) const;

    GenerationOptions options;
    qint64 m_epochSecs = 0;
    std::vector<Item> items;
    QHash<quint32, ItemText> itemTexts; ///< titles/descriptions clients wrote
    std::vector<Account> accounts;
    std::vector<Sale> sales;
    std::vector<SaleLine> lines;
    std::vector<Entry> entries;
    std::vector<Payout> payouts;
    std::vector<Batch> batches;
    std::vector<Entity> categories, locations, discounts, taxes;

private:
    void generate();
    void generateAccounts(qint64 count);
    void generateItems();
    void generateSales();
    void generateLedger();
    void generateSmallTables();
    void appendEntry(quint32 account, qint32 amount, EntryType type, quint32 ref, qint32 when);
    quint64 m_idKey = 0;
    quint64 m_version = 1;
    bool m_deferLedger = false;
};

} // namespace ConsignCloud
} // namespace ConsignDesk::Sandbox
