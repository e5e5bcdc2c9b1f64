#pragma once

// ConsignCloud's JSON mapped to the unified records: pure functions, no I/O.
// Each mapper ignores unknown fields, accepts the variants of FIELD-NOTES.md
// (an item's status as an object of unit counts, a null or negative quantity,
// a negative tag price, ids expanded into objects, numbers as strings or
// integers) and refuses a missing or wrong-typed required field with an error
// naming the endpoint, the record and the field, e.g.
// `GET /items: item 6d1…: field "tag_price" is a string, expected a number`.
#include "core/records.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ConsignDesk::Vendors::ConsignCloud {

/// The translation context of every ConsignCloud message.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConsignCloudConnector)
};

/// What every mapper needs besides the JSON: where it came from and the
/// connection's currency.
struct MapContext {
    QString endpoint; ///< "GET /items", for messages
    QString currency = QStringLiteral("USD");
};

/// An exact decimal: the JSON number @p value times 10^@p decimals as an
/// integer. A JSON number is read back as its shortest decimal text, so no
/// floating-point amount is ever kept. With @p round, further decimals are
/// rounded half away from zero (for shares); without, they are refused.
/// Refuses magnitudes above 2^53 and anything not finite. @p problem gets the
/// reason (translated), without the field.
std::optional<qint64> fixedPoint(double value, int decimals, bool round, QString *problem);

/// ConsignCloud money (always the amount times 100, FIELD-NOTES) as minor units
/// of @p currency: cents for USD, yen for JPY (refused unless whole), fils for KWD.
std::optional<qint64> moneyToMinor(double value, const QString &currency, QString *problem);

/// A consignor's fraction 0-1 as basis points (0.6 -> 6000), rounded to the
/// nearest basis point; refused outside 0-1.
std::optional<int> fractionToBasisPoints(double value, QString *problem);

/// The status of most units of an item status object {"active": 2, "damaged": 1};
/// a tie goes to the status listed first in FIELD-NOTES (active, sold, expired, …).
QString majorityStatus(const QJsonObject &counts, qint64 *units = nullptr, QString *badKey = nullptr);

/// A list page {count, data, next_cursor}.
struct Envelope {
    qint64 count = -1; ///< -1 when absent
    QJsonArray data;
    QString nextCursor; ///< empty on the last page
};

/// Parses a list page's body. @p notJson is set when the body is no JSON at
/// all (cut short), as against JSON of the wrong shape.
bool parseEnvelope(const QByteArray &body, const QString &endpoint, Envelope &out, QString *error,
                   bool *notJson = nullptr);

/// The vendor's message of an error answer `{"error": code, "message": text}`,
/// or the start of the body.
QString vendorMessage(const QByteArray &body);

/// One record of a list's `data`; @p position (0-based) names a record without a usable id.
bool mapAccount(const QJsonValue &json, const MapContext &context, int position, Records::Consignor &out,
                QString *error);
bool mapBalanceEntry(const QJsonValue &json, const MapContext &context, int position, Records::BalanceEntry &out,
                     QString *error);
bool mapItem(const QJsonValue &json, const MapContext &context, int position, Records::Item &out, QString *error);
bool mapSale(const QJsonValue &json, const MapContext &context, int position, Records::Sale &out, QString *error);
/// A line of GET /sales/{id}/line-items; @p saleId fills the line's sale when it has none.
bool mapLineItem(const QJsonValue &json, const MapContext &context, int position, const QString &saleId,
                 Records::SaleLine &out, QString *error);
bool mapBatch(const QJsonValue &json, const MapContext &context, int position, Records::Batch &out, QString *error);
bool mapCategory(const QJsonValue &json, const MapContext &context, int position, Records::Category &out,
                 QString *error);
bool mapLocation(const QJsonValue &json, const MapContext &context, int position, Records::Location &out,
                 QString *error);

} // namespace ConsignDesk::Vendors::ConsignCloud
