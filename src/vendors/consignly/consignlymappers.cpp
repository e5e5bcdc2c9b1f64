#include "vendors/consignly/consignlymappers.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

namespace ConsignDesk::Vendors::Consignly {

using namespace Records;

namespace {

constexpr qint64 exactLimit = qint64(1) << 53; // doubles are exact integers below this

QString typeWord(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Text::tr("null");
    case QJsonValue::Bool:
        return Text::tr("true or false");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("an array");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("missing");
}

QString numberText(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

/// Reads the fields of one record, keeping the first problem.
class Reader
{
public:
    Reader(const QJsonObject &json, const QString &endpoint, const QString &noun)
        : m_json(json)
        , m_endpoint(endpoint)
        , m_noun(noun)
    {
    }

    void setId(const QString &id) { m_id = id; }
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    /// Absent and null read alike (FIELD-NOTES: optional fields are omitted).
    bool present(const char *key) const
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        return !value.isUndefined() && !value.isNull();
    }

    QString string(const char *key, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, required))
            return {};
        if (value.isString())
            return value.toString();
        wrong(key, typeWord(value), Text::tr("a string"));
        return {};
    }

    /// An id: a string, not empty when required.
    QString id(const char *key, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, required))
            return {};
        if (!value.isString()) {
            wrong(key, typeWord(value), Text::tr("a string"));
            return {};
        }
        if (required && value.toString().trimmed().isEmpty())
            missing(key);
        return value.toString();
    }

    std::optional<qint64> whole(const char *key, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, required))
            return std::nullopt;
        if (!value.isDouble()) {
            wrong(key, typeWord(value), Text::tr("a whole number"));
            return std::nullopt;
        }
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) >= double(exactLimit)) {
            wrong(key, numberText(number), Text::tr("a whole number"));
            return std::nullopt;
        }
        return qint64(number);
    }

    std::optional<bool> boolean(const char *key, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, required))
            return std::nullopt;
        if (!value.isBool()) {
            wrong(key, typeWord(value), Text::tr("true or false"));
            return std::nullopt;
        }
        return value.toBool();
    }

    /// "YYYY-MM-DD"; a full ISO date-time is read as its date.
    QDate date(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, false))
            return {};
        const QString expected = Text::tr("a date (YYYY-MM-DD)");
        if (!value.isString()) {
            wrong(key, typeWord(value), expected);
            return {};
        }
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return {};
        QDate date;
        if (text.size() == 10)
            date = QDate::fromString(text, Qt::ISODate);
        else if (text.size() > 10 && text.at(10) == u'T')
            date = QDateTime::fromString(text, Qt::ISODateWithMs).date();
        if (!date.isValid())
            wrong(key, QString(u'"' + text + u'"'), expected);
        return date;
    }

    QJsonArray array(const char *key, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (!check(key, value, required))
            return {};
        if (!value.isArray()) {
            wrong(key, typeWord(value), Text::tr("an array"));
            return {};
        }
        return value.toArray();
    }

    QJsonValue raw(const char *key) const { return m_json.value(QLatin1String(key)); }

    void wrong(const char *key, const QString &is, const QString &expected)
    {
        if (failed())
            return;
        m_error = Text::tr("%1: %2 %3: field \"%4\" is %5, expected %6")
                      .arg(m_endpoint, m_noun, shownId(), QLatin1String(key), is, expected);
    }
    void bad(const char *key, const QString &why)
    {
        if (failed())
            return;
        m_error = Text::tr("%1: %2 %3: field \"%4\": %5").arg(m_endpoint, m_noun, shownId(), QLatin1String(key), why);
    }
    void missing(const char *key)
    {
        if (failed())
            return;
        m_error = Text::tr("%1: %2 %3: field \"%4\" is missing").arg(m_endpoint, m_noun, shownId(), QLatin1String(key));
    }

private:
    QString shownId() const { return m_id.isEmpty() ? QStringLiteral("?") : m_id; }

    /// False when there is nothing to read: absent/null (an error when required) or an earlier failure.
    bool check(const char *key, const QJsonValue &value, bool required)
    {
        if (failed())
            return false;
        if (value.isUndefined() || value.isNull()) {
            if (required)
                missing(key);
            return false;
        }
        return true;
    }

    QJsonObject m_json;
    QString m_endpoint;
    QString m_noun;
    QString m_id;
    QString m_error;
};

bool notAnObject(const QJsonValue &value, const QString &endpoint, const QString &noun, QString *error)
{
    if (value.isObject())
        return false;
    if (error)
        *error = Text::tr("%1: %2 is %3, expected %4").arg(endpoint, noun, typeWord(value), Text::tr("an object"));
    return true;
}

bool finish(const Reader &reader, QString *error)
{
    if (reader.failed() && error)
        *error = reader.error();
    return !reader.failed();
}

// The body as a JSON object; otherwise nullopt, with *notJson set and the error.
std::optional<QJsonObject> parseObject(const QByteArray &body, const QString &endpoint, QString *error, bool *notJson)
{
    if (notJson)
        *notJson = false;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (notJson)
            *notJson = true;
        if (error)
            *error = Text::tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
        return std::nullopt;
    }
    return document.object();
}

// The array @p name of @p object in @p out; otherwise false, with the error.
bool arrayField(const QJsonObject &object, const QString &endpoint, const QString &name, QJsonArray &out, QString *error)
{
    const QJsonValue value = object.value(name);
    if (value.isArray()) {
        out = value.toArray();
        return true;
    }
    if (error) {
        *error = value.isUndefined() ? Text::tr("%1: field \"%2\" is missing").arg(endpoint, name)
                                     : Text::tr("%1: field \"%2\" is %3, expected %4")
                                           .arg(endpoint, name, typeWord(value), Text::tr("an array"));
    }
    return false;
}

} // namespace

std::optional<qint64> fixedPoint(const QJsonValue &value, int decimals, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString text;
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            return fail(Text::tr("%1 is not a decimal number").arg(numberText(number)));
        if (std::fabs(number) >= double(exactLimit))
            return fail(Text::tr("%1 is too large to be exact").arg(numberText(number)));
        // The shortest text that reads back as the same double is the decimal
        // the vendor wrote (0.29 stays "0.29", not 0.28999…).
        text = numberText(number);
    } else if (value.isString()) {
        text = value.toString().trimmed();
    } else {
        return fail(Text::tr("%1 is not a decimal number").arg(typeWord(value)));
    }

    const QString shown = text;
    bool negative = false;
    if (text.startsWith(u'-') || text.startsWith(u'+')) {
        negative = text.startsWith(u'-');
        text.remove(0, 1);
    }
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    QString fraction = point < 0 ? QString() : text.mid(point + 1);
    auto digitsOnly = [](const QString &s) {
        for (const QChar c : s) {
            if (c < u'0' || c > u'9')
                return false;
        }
        return true;
    };
    if (whole.isEmpty() || !digitsOnly(whole) || (point >= 0 && (fraction.isEmpty() || !digitsOnly(fraction))))
        return fail(Text::tr("%1 is not a decimal number").arg(QString(u'"' + shown + u'"')));
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    if (fraction.size() > decimals)
        return fail(Text::tr("%1 has more than %2 decimal places").arg(shown).arg(decimals));
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    if (whole.size() > 16 || whole.toLongLong() >= exactLimit)
        return fail(Text::tr("%1 is too large to be exact").arg(shown));
    qint64 result = whole.toLongLong();
    for (int i = 0; i < decimals; ++i)
        result = result * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    return negative ? -result : result;
}

bool parseEnvelope(const QByteArray &body, const QString &endpoint, const QString &arrayName, Envelope &out,
                   QString *error, bool *notJson)
{
    const std::optional<QJsonObject> document = parseObject(body, endpoint, error, notJson);
    if (!document)
        return false;
    const QJsonObject &page = *document;
    for (const char *key : {"index", "total"}) {
        const QJsonValue value = page.value(QLatin1String(key));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || std::trunc(number) != number || number >= double(exactLimit)) {
            if (error) {
                *error = value.isUndefined()
                    ? Text::tr("%1: field \"%2\" is missing").arg(endpoint, QLatin1String(key))
                    : Text::tr("%1: field \"%2\" is %3, expected %4")
                          .arg(endpoint, QLatin1String(key),
                               value.isDouble() ? numberText(value.toDouble()) : typeWord(value),
                               Text::tr("a whole number"));
            }
            return false;
        }
    }
    QJsonArray rows;
    if (!arrayField(page, endpoint, arrayName, rows, error))
        return false;
    out.index = page.value(QStringLiteral("index")).toInteger();
    out.total = page.value(QStringLiteral("total")).toInteger();
    out.rows = rows;
    return true;
}

QString vendorMessage(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QStringList parts;
    const QString type = json.value(QStringLiteral("ErrorType")).toString();
    if (!type.isEmpty())
        parts.append(type);
    QStringList messages;
    for (const QJsonValue &message : json.value(QStringLiteral("ErrorMessages")).toArray()) {
        if (message.isString())
            messages.append(message.toString());
    }
    if (!messages.isEmpty())
        parts.append(messages.join(QStringLiteral("; ")));
    if (parts.isEmpty()) {
        for (const char *key : {"error", "error_description"}) {
            const QString text = json.value(QLatin1String(key)).toString();
            if (!text.isEmpty())
                parts.append(text);
        }
    }
    if (parts.isEmpty()) {
        QString text = QString::fromUtf8(body.left(300)).simplified();
        if (body.size() > 300)
            text += u'…';
        return text;
    }
    return parts.join(QStringLiteral(": "));
}

QString locationTypeName(int type)
{
    switch (type) {
    case 1:
        return QStringLiteral("racking");
    case 2:
        return QStringLiteral("bulk");
    case 3:
        return QStringLiteral("quarantine");
    case 4:
        return QStringLiteral("transitional");
    default:
        return QString::number(type);
    }
}

bool mapLogisticUnit(const QJsonObject &json, const QString &endpoint, LogisticUnit &out, QString *error)
{
    Reader r(json, endpoint, Text::tr("logistic unit"));
    r.setId(json.value(QStringLiteral("warehouseLogisticUnitId")).toString());
    out = LogisticUnit{};
    out.externalId = r.id("warehouseLogisticUnitId", true);
    out.number = r.string("logisticUnitNumber", false);
    out.ssccNumber = r.string("ssccNumber", false);
    out.warehouseId = r.id("warehouseId", false);
    out.warehouse = r.string("warehouseName", false);
    out.locationId = r.id("warehouseLocationId", false);
    out.location = r.string("warehouseLocationName", false);
    if (const auto type = r.whole("warehouseLocationType", false))
        out.locationType = locationTypeName(int(*type));
    out.partnerId = r.id("partnerId", false);
    out.partner = r.string("partnerName", false);
    out.onHand = r.whole("onHandQuantity", true).value_or(0);
    out.available = r.whole("availableQuantity", true).value_or(0);
    return finish(r, error);
}

bool mapStockLine(const QJsonObject &json, const QString &endpoint, const QString &logisticUnitId, StockLine &out,
                  QString *error)
{
    Reader r(json, endpoint, Text::tr("product line"));
    r.setId(json.value(QStringLiteral("warehouseProductId")).toString());
    out = StockLine{};
    out.externalId = r.id("warehouseProductId", true);
    out.logisticUnitId = logisticUnitId;
    out.productId = r.id("partnerProductId", false);
    out.productCode = r.string("partnerProductCode", false);
    out.productName = r.string("partnerProductName", false);
    out.warehouse = r.string("warehouseName", false);
    out.location = r.string("warehouseLocationName", false);
    out.partner = r.string("partnerName", false);
    out.batch = r.string("batch", false);
    out.onHand = r.whole("onHandQuantity", true).value_or(0);
    out.available = r.whole("availableQuantity", true).value_or(0);
    out.bestBefore = r.date("bestBeforeDate");
    out.expiry = r.date("expiryDate");
    r.date("packagingDate");
    r.date("productionDate");
    r.date("sellByDate");
    out.dangerousGoods = r.boolean("isDangerousGood", false).value_or(false);
    out.dgClass = r.id("dgHazardClassId", false);
    if (r.present("dgUnNumber")) {
        const QJsonValue un = r.raw("dgUnNumber");
        if (un.isString())
            out.dgUnNumber = un.toString().trimmed();
        else if (const auto number = r.whole("dgUnNumber", false))
            out.dgUnNumber = QStringLiteral("%1").arg(*number, 4, 10, QLatin1Char('0')); // UN numbers are 4 digits
    }
    r.whole("dgHazchemFireCode", false);
    r.whole("dgHazchemSafetyCode", false);
    r.boolean("dgHazchemEvacuate", false);
    const std::optional<bool> required = r.boolean("isSerialRequired", false);
    if (const auto mode = r.whole("serialTrackingMode", false)) {
        if (*mode < 0 || *mode > 3)
            r.wrong("serialTrackingMode", QString::number(*mode), Text::tr("0, 1, 2 or 3"));
        else
            out.serialTrackingMode = *mode == 0 ? 1 : int(*mode); // the doc sample's 0 is None
    } else if (required.value_or(false)) {
        out.serialTrackingMode = 2; // required but no mode named: captured in full
    }
    out.serialRequired = required.value_or(out.serialTrackingMode != 1);
    return finish(r, error);
}

bool mapInventoryRecord(const QJsonValue &record, const QString &endpoint, LogisticUnit &unit, QList<StockLine> &lines,
                        QString *error)
{
    if (notAnObject(record, endpoint, Text::tr("logistic unit"), error))
        return false;
    const QJsonObject json = record.toObject();
    const QJsonValue unitValue = json.value(QStringLiteral("logisticUnit"));
    Reader r(json, endpoint, Text::tr("logistic unit"));
    r.setId(unitValue.toObject().value(QStringLiteral("warehouseLogisticUnitId")).toString());
    if (unitValue.isUndefined() || unitValue.isNull())
        r.missing("logisticUnit");
    else if (!unitValue.isObject())
        r.wrong("logisticUnit", typeWord(unitValue), Text::tr("an object"));
    const QJsonArray products = r.array("products", true);
    if (!finish(r, error))
        return false;
    if (!mapLogisticUnit(unitValue.toObject(), endpoint, unit, error))
        return false;
    lines.clear();
    lines.reserve(products.size());
    for (const QJsonValue &product : products) {
        if (notAnObject(product, endpoint, Text::tr("product line"), error))
            return false;
        StockLine line;
        if (!mapStockLine(product.toObject(), endpoint, unit.externalId, line, error))
            return false;
        if (line.warehouse.isEmpty())
            line.warehouse = unit.warehouse;
        if (line.location.isEmpty())
            line.location = unit.location;
        if (line.partner.isEmpty())
            line.partner = unit.partner;
        lines.append(line);
    }
    return true;
}

bool hasSerialItems(const StockLine &line)
{
    return line.onHand > 0 && (line.serialRequired || line.serialTrackingMode == 2 || line.serialTrackingMode == 3);
}

bool mapSerialItem(const QJsonValue &value, const QString &endpoint, const QString &stockLineId, SerialItem &out,
                   QString *error)
{
    if (notAnObject(value, endpoint, Text::tr("serial item"), error))
        return false;
    const QJsonObject json = value.toObject();
    Reader r(json, endpoint, Text::tr("serial item"));
    r.setId(json.value(QStringLiteral("warehouseProductItemId")).toString());
    out = SerialItem{};
    out.externalId = r.id("warehouseProductItemId", true);
    out.stockLineId = stockLineId;
    out.serial = r.string("serial", false);
    out.onHand = r.whole("onHandQuantity", false).value_or(1);
    out.available = r.whole("availableQuantity", true).value_or(0);
    r.whole("transferableQuantity", false);
    return finish(r, error);
}

bool mapConsignment(const QJsonValue &value, const QString &endpoint, ConsignmentRef &out, QString *error)
{
    if (notAnObject(value, endpoint, Text::tr("consignment"), error))
        return false;
    const QJsonObject json = value.toObject();
    Reader r(json, endpoint, Text::tr("consignment"));
    r.setId(json.value(QStringLiteral("id")).toString());
    out = ConsignmentRef{};
    out.id = r.id("id", true);
    out.number = r.string("consignmentNumber", false);
    return finish(r, error);
}

bool mapConsumable(const QJsonValue &value, const QString &endpoint, const ConsignmentRef &consignment, Consumable &out,
                   QString *error)
{
    if (notAnObject(value, endpoint, Text::tr("consumable"), error))
        return false;
    const QJsonObject json = value.toObject();
    Reader r(json, endpoint, Text::tr("consumable"));
    const QString typeId = json.value(QStringLiteral("consumableTypeId")).toString();
    r.setId(typeId.isEmpty() ? consignment.id : consignment.id + u'/' + typeId);
    out = Consumable{};
    out.consignmentId = consignment.id;
    out.consignmentNumber = consignment.number;
    out.typeId = r.id("consumableTypeId", true);
    out.externalId = consignment.id + u'/' + out.typeId;
    // The list answer says "name", the consignment detail "consumableTypeName".
    out.name = r.present("name") ? r.string("name", false) : r.string("consumableTypeName", false);
    const QJsonValue amount = r.raw("value");
    if (amount.isUndefined() || amount.isNull()) {
        r.missing("value");
    } else if (!amount.isDouble()) {
        r.wrong("value", typeWord(amount), Text::tr("a number"));
    } else if (!r.failed()) {
        QString why;
        if (const auto thousandths = fixedPoint(amount, 3, &why))
            out.valueThousandths = *thousandths;
        else
            r.bad("value", why);
    }
    return finish(r, error);
}

bool mapConsumables(const QByteArray &body, const QString &endpoint, const ConsignmentRef &consignment,
                    QList<Consumable> &out, QString *error, bool *notJson)
{
    const std::optional<QJsonObject> document = parseObject(body, endpoint, error, notJson);
    QJsonArray list;
    if (!document || !arrayField(*document, endpoint, QStringLiteral("consumables"), list, error))
        return false;
    out.clear();
    for (const QJsonValue &value : std::as_const(list)) {
        Consumable consumable;
        if (!mapConsumable(value, endpoint, consignment, consumable, error))
            return false;
        out.append(consumable);
    }
    return true;
}

} // namespace ConsignDesk::Vendors::Consignly
