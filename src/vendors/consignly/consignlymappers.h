#pragma once

// Consignly's JSON mapped to the unified records: pure functions, no I/O.
// Each mapper ignores unknown fields, accepts the variants of FIELD-NOTES.md
// (serialTrackingMode 0 = None, optional fields omitted or null, a consumable's
// name as "name" or "consumableTypeName") and refuses a missing or wrong-typed
// required field with an error naming the endpoint, the record and the field.
#include "core/records.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ConsignDesk::Vendors::Consignly {

/// The translation context of every Consignly message.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConsignlyConnector)
};

/// An exact decimal: @p value (a JSON number, or a string of decimal digits
/// such as "12.30") times 10^@p decimals as an integer. Refuses more decimal
/// places than @p decimals, magnitudes above 2^53 and anything not a finite
/// decimal, with the reason in @p error. Never keeps a floating-point amount:
/// a JSON number is read back as its shortest decimal text.
std::optional<qint64> fixedPoint(const QJsonValue &value, int decimals, QString *error);

/// A list envelope {index, total, <array>}.
struct Envelope {
    qint64 index = 0;
    qint64 total = 0;
    QJsonArray rows;
};

/// Parses a list page's body. @p notJson is set when the body is no JSON
/// object at all (cut short), as against JSON of the wrong shape.
bool parseEnvelope(const QByteArray &body, const QString &endpoint, const QString &arrayName, Envelope &out,
                   QString *error, bool *notJson = nullptr);

/// The vendor's message of an error answer: {ErrorType, ErrorMessages[]},
/// OAuth's {error, error_description}, or the start of the body.
QString vendorMessage(const QByteArray &body);

/// Consignly's location type number as text: racking, bulk, quarantine, transitional.
QString locationTypeName(int type);

/// One /v1/inventory record {logisticUnit, products[]}: the unit and its lines.
bool mapInventoryRecord(const QJsonValue &record, const QString &endpoint, Records::LogisticUnit &unit,
                        QList<Records::StockLine> &lines, QString *error);

/// One logistic unit object.
bool mapLogisticUnit(const QJsonObject &json, const QString &endpoint, Records::LogisticUnit &out, QString *error);

/// One product line of a logistic unit.
bool mapStockLine(const QJsonObject &json, const QString &endpoint, const QString &logisticUnitId,
                  Records::StockLine &out, QString *error);

/// True when the line's serial items are worth fetching: serial-tracked with stock on hand.
bool hasSerialItems(const Records::StockLine &line);

/// One /v1/inventory/{warehouseProductId}/items item of the line @p stockLineId.
bool mapSerialItem(const QJsonValue &json, const QString &endpoint, const QString &stockLineId,
                   Records::SerialItem &out, QString *error);

/// What a consumables sync needs of a /v1/consignments row.
struct ConsignmentRef {
    QString id;
    QString number;
};
bool mapConsignment(const QJsonValue &json, const QString &endpoint, ConsignmentRef &out, QString *error);

/// One consumable of the consignment @p consignment (GET /v1/consignments/{id}/consumables
/// or the consignment detail's "consumables").
bool mapConsumable(const QJsonValue &json, const QString &endpoint, const ConsignmentRef &consignment,
                   Records::Consumable &out, QString *error);

/// The consumables of a consignment's answer body {"consumables": [...]}.
bool mapConsumables(const QByteArray &body, const QString &endpoint, const ConsignmentRef &consignment,
                    QList<Records::Consumable> &out, QString *error, bool *notJson = nullptr);

} // namespace ConsignDesk::Vendors::Consignly
