#pragma once

// Consignify JSON -> records: pure functions, no I/O. Money arrives as JSON
// numbers in major units (1067.94) and becomes exact integer minor units;
// shares arrive as the consignor's percentage (45.5) and become basis points
// of the consignor's share (4550). A record that does not fit is refused with
// a message naming the endpoint, the record's id and the field.
#include "core/records.h"
#include "vendors/jsonmapping.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ConsignDesk::Vendors::Consignify {

/// The messages of the mappers (and the connector), for tr().
class Messages
{
    Q_DECLARE_TR_FUNCTIONS(ConsignifyMessages)
public:
    /// `GET /products: product 1498…: field "title" is a number, expected a string`
    static QString wrongType(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                             const QString &actual, const QString &expected);
    /// `GET /products: product 1498…: field "title" is missing`
    static QString missing(const QString &endpoint, const QString &kind, const QString &id, const QString &field);
    /// `GET /payouts: payout ovfj…: field "amount": 1.234 has more decimals than GBP has (2)`
    static QString badValue(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                            const QString &reason);
};

/// Where a record came from and the currency to use when it names none.
struct Context {
    QString endpoint; ///< "GET /products", for messages
    QString currency = QStringLiteral("GBP");
};

/// A mapped record, or why it was refused.
using Vendors::Mapped;

/// A JSON number in major units to exact minor units of a currency with
/// @p digits decimals; refuses non-finite values, more decimals than @p digits
/// and magnitudes (in minor units) above 2^53, saying why in @p reason.
std::optional<qint64> decimalToMinor(double value, int digits, QString *reason);
/// A consignor's percentage 0-100 with at most 2 decimals to basis points.
std::optional<int> percentToBp(double value, QString *reason);

/// GET /consignors rows and GET /consignor/{id}, GET /product/{id}/consignor objects.
Mapped<Records::Consignor> mapConsignor(const QJsonObject &json, const Context &context);

/// A product row (GET /products, GET /product/{id}); says whether the row
/// carried its consignor and share, or they must be fetched.
struct ProductRow {
    Records::Item item;
    bool hasConsignor = false; ///< "consignerId" present (null = store-owned)
    bool hasShare = false;     ///< "consignerShare" present and not null
};
Mapped<ProductRow> mapProduct(const QJsonObject &json, const Context &context);

/// GET /product/{id}/share: {"share": n | null} -> basis points (nullopt: not set).
Mapped<std::optional<int>> mapShare(const QJsonValue &json, const QString &productId, const Context &context);
/// GET /product/{id}/consignor: null or a consignor object -> its id (empty: none).
Mapped<QString> mapProductConsignor(const QJsonValue &json, const QString &productId, const Context &context);

/// An order line item of GET /product/{id}/items. price = unitPriceDiscounted
/// x currentQuantity, exact; consignorId is left to the caller (the product's).
Mapped<Records::SaleLine> mapLineItem(const QJsonObject &json, const Context &context);

/// A payout (GET /payouts rows or GET /payout/{id}).
Mapped<Records::Payout> mapPayout(const QJsonObject &json, const Context &context);
/// One element of a payout's payoutLineItems; @p payout gives its id and currency.
Mapped<Records::PayoutLine> mapPayoutLine(const QJsonObject &json, const Records::Payout &payout,
                                          const Context &context);

} // namespace ConsignDesk::Vendors::Consignify
