#pragma once

// SimpleConsign (Traxia) JSON -> records: pure functions, no I/O. Money
// arrives as whole cents (JSON numbers) and becomes exact integer minor units
// of the connection's currency; splitPercentage is the STORE's whole-percent
// share and becomes basis points of the CONSIGNOR's share (40 -> 6000). A
// record that does not fit is refused with a message naming the endpoint, the
// record's sku and the field.
#include "core/records.h"
#include "vendors/jsonmapping.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace ConsignDesk::Vendors::SimpleConsign {

/// The messages of the mappers and the connector, for tr().
class Messages
{
    Q_DECLARE_TR_FUNCTIONS(SimpleConsignMessages)
public:
    /// `POST /inventory: item K9L28Q: field "retail" is a string, expected a number`
    static QString wrongType(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                             const QString &actual, const QString &expected);
    /// `POST /inventory: item K9L28Q: field "currentPrice" is missing`
    static QString missing(const QString &endpoint, const QString &kind, const QString &id, const QString &field);
    /// `POST /inventory: item K9L28Q: field "retail": 12.5 is not a whole number`
    static QString badValue(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                            const QString &reason);
    /// `POST /inventory: HTTP 401: Invalid API key`
    static QString httpError(const QString &endpoint, int status, const QString &message);
    /// `POST /inventory: the request failed: Connection refused`
    static QString requestFailed(const QString &endpoint, const QString &reason);
    /// `POST /inventory: the answer is not valid JSON (cut short?)`
    static QString notJson(const QString &endpoint);
    /// `POST /inventory: the answer was cut short after 1200 items`
    static QString cutShort(const QString &endpoint, qint64 items);
    /// `POST /inventory: the answer has no "results" array`
    static QString noResults(const QString &endpoint);
    /// `SimpleConsign: unknown resource "sales"`
    static QString unknownResource(const QString &resource);

    // Reasons for badValue().
    static QString notWhole(const QString &value);
    static QString tooManyDecimals(const QString &value, const QString &currency, int digits);
    static QString outOfRange(const QString &value);
    static QString notDate(const QString &value);
    static QString unknownCurrency(const QString &currency);
    static QString notObject();
};

/// Where a record came from and its currency.
struct Context {
    QString endpoint = QStringLiteral("POST /inventory"); ///< for messages
    QString currency = QStringLiteral("USD");
    qint64 position = -1; ///< the record's 0-based place in the answer, for a record without a usable sku
};

/// A mapped record, or why it was refused.
using Vendors::Mapped;

/// Traxia's money: a whole number of cents (the amount times 100, whatever
/// the currency) to exact minor units of a currency with @p digits decimals.
/// Refuses fractions of a cent, cents that do not fit the currency (1050 cents
/// in JPY), non-finite values and magnitudes above 2^53, saying why in @p reason.
std::optional<qint64> centsToMinor(double cents, const QString &currency, int digits, QString *reason);

/// splitPercentage (the STORE's share, 0-100, at most 2 decimals) to basis
/// points of the CONSIGNOR's share: 40 -> 6000, 37.5 -> 6250.
std::optional<int> storePercentToConsignorBp(double storePercent, QString *reason);

/// One element of "results" -> an item. externalId = sku; price = currentPrice;
/// tagPrice = retail; state "I" gives inactive and deleted = lastUpdated.
/// Accepts: "dicsount" for "discount", images as an array or a comma-separated
/// string, consignorId as a string or a whole number, booleans as JSON
/// booleans or "true"/"false", ms times as numbers or digit strings.
Mapped<Records::Item> mapItem(const QJsonObject &json, const Context &context);

/// @short Where the elements of a {"results": [...]} body lie, found without
/// parsing the body into one document: a scanner that tracks strings, escapes
/// and bracket depth.
struct ResultsScan {
    enum class Outcome {
        Ok,
        CutShort,  ///< the body ends before the top-level object closes
        NotJson,   ///< a byte where JSON cannot have one
        NoResults, ///< a JSON object without a "results" array
    };
    Outcome outcome = Outcome::NotJson;
    /// [begin, end) byte ranges of the complete elements of "results", in order
    /// (for CutShort, those that were complete before the end).
    QList<QPair<qsizetype, qsizetype>> elements;
    bool ok() const { return outcome == Outcome::Ok; }
};
ResultsScan scanResults(const QByteArray &body);

} // namespace ConsignDesk::Vendors::SimpleConsign
