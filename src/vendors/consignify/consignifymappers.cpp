#include "vendors/consignify/consignifymappers.h"

#include "core/currency.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace ConsignDesk::Vendors::Consignify {

QString Messages::wrongType(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                            const QString &actual, const QString &expected)
{
    return tr("%1: %2 %3: field \"%4\" is %5, expected %6").arg(endpoint, kind, id, field, actual, expected);
}

QString Messages::missing(const QString &endpoint, const QString &kind, const QString &id, const QString &field)
{
    return tr("%1: %2 %3: field \"%4\" is missing").arg(endpoint, kind, id, field);
}

QString Messages::badValue(const QString &endpoint, const QString &kind, const QString &id, const QString &field,
                           const QString &reason)
{
    return tr("%1: %2 %3: field \"%4\": %5").arg(endpoint, kind, id, field, reason);
}

namespace {

// Consignify's messages call a value that is not there "undefined".
QString typeName(const QJsonValue &value)
{
    return value.isUndefined() ? QStringLiteral("undefined") : jsonTypeName(value);
}

/// Reads the fields of one record; the first problem is kept in `error` and
/// later reads return defaults.
class Reader
{
public:
    Reader(const QJsonObject &json, const Context &context, const QString &kind, const QString &knownId = {})
        : m_json(json)
        , m_context(context)
        , m_kind(kind)
        , m_id(knownId.isEmpty() ? QStringLiteral("?") : knownId)
    {
    }

    QString error;
    bool ok() const { return error.isEmpty(); }
    const QString &recordId() const { return m_id; }

    /// The record's id: a string, or an integer number (Shopify ids are sometimes numbers).
    QString id(const char *field = "id")
    {
        const QString value = identifier(field, true);
        if (!value.isEmpty())
            m_id = value;
        return value;
    }

    /// A string or integer id; empty for null/missing when optional.
    QString identifier(const char *field, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isDouble()) {
            if (const std::optional<qint64> whole = exactInteger(value.toDouble()))
                return QString::number(*whole);
        }
        if (!required && isAbsent(value))
            return {};
        if (value.isUndefined() && required)
            missing(field);
        else
            wrong(field, value, value.isString() ? QStringLiteral("a non-empty string") : QStringLiteral("a string"));
        return {};
    }

    /// A string; null or missing is empty unless required.
    QString string(const char *field, bool required = false)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isString())
            return value.toString();
        if (value.isUndefined() && required)
            missing(field);
        else if (!isAbsent(value))
            wrong(field, value, QStringLiteral("a string"));
        else if (required)
            wrong(field, value, QStringLiteral("a string"));
        return {};
    }

    bool has(const char *field) const { return m_json.contains(QLatin1String(field)); }
    bool isNull(const char *field) const
    {
        return isAbsent(m_json.value(QLatin1String(field)));
    }

    std::optional<bool> boolean(const char *field, bool required = false)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isBool())
            return value.toBool();
        if (value.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(value))
            wrong(field, value, QStringLiteral("a boolean"));
        return std::nullopt;
    }

    std::optional<qint64> integer(const char *field, bool required = false)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (const std::optional<qint64> whole = exactInteger(d))
                return whole;
            badValue(field, Messages::tr("%1 is not a whole number").arg(QString::number(d, 'g', 17)));
            return std::nullopt;
        }
        if (value.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(value))
            wrong(field, value, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// Money in major units of @p currency; nullopt when null/missing (and then an error when required).
    std::optional<qint64> money(const char *field, const QString &currency, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isDouble()) {
            const std::optional<int> digits = Currency::minorDigits(currency);
            if (!digits) {
                badValue(field, Messages::tr("unknown currency \"%1\"").arg(currency));
                return std::nullopt;
            }
            QString reason;
            const std::optional<qint64> minor = decimalToMinor(value.toDouble(), *digits, &reason);
            if (!minor)
                badValue(field, reason);
            return minor;
        }
        if (value.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(value))
            wrong(field, value, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// A consignor's percentage as basis points; nullopt when null or missing.
    std::optional<int> share(const char *field)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isDouble()) {
            QString reason;
            const std::optional<int> bp = percentToBp(value.toDouble(), &reason);
            if (!bp)
                badValue(field, reason);
            return bp;
        }
        if (!isAbsent(value))
            wrong(field, value, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// An ISO 8601 time, as UTC; invalid when null or missing.
    QDateTime time(const char *field, bool required = false)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isString()) {
            QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (!parsed.isValid()) {
                badValue(field, Messages::tr("\"%1\" is not an ISO 8601 date-time").arg(value.toString()));
                return {};
            }
            return parsed.toUTC();
        }
        if (value.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(value))
            wrong(field, value, QStringLiteral("a string"));
        return {};
    }

    QJsonValue value(const char *field) const { return m_json.value(QLatin1String(field)); }

    void wrong(const char *field, const QJsonValue &value, const QString &expected)
    {
        if (ok())
            error = Messages::wrongType(m_context.endpoint, m_kind, m_id, QLatin1String(field), typeName(value), expected);
    }
    void missing(const char *field)
    {
        if (ok())
            error = Messages::missing(m_context.endpoint, m_kind, m_id, QLatin1String(field));
    }
    void badValue(const char *field, const QString &reason)
    {
        if (ok())
            error = Messages::badValue(m_context.endpoint, m_kind, m_id, QLatin1String(field), reason);
    }

private:
    QJsonObject m_json;
    const Context &m_context;
    QString m_kind;
    QString m_id;
};

/// The record's currency: its "currencyCode" when present, else the connection's.
QString currencyOf(Reader &reader, const Context &context)
{
    const QString code = reader.string("currencyCode");
    return code.isEmpty() ? context.currency : code.toUpper();
}

template<typename T>
Mapped<T> refused(const QString &error)
{
    Mapped<T> result;
    result.error = error;
    return result;
}

} // namespace

std::optional<qint64> decimalToMinor(double value, int digits, QString *reason)
{
    if (!std::isfinite(value) || std::fabs(value) > double(maxExact)) {
        if (reason)
            *reason = Messages::tr("%1 is above 2^53 minor units, too large for an exact amount").arg(QString::number(value, 'g', 17));
        return std::nullopt;
    }
    // The shortest decimal that reads back as this double is the number the
    // JSON text wrote (0.29 stays "0.29", not 0.28999999999999998).
    const QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    const bool negative = text.startsWith(u'-');
    const QString body = negative ? text.mid(1) : text;
    const qsizetype point = body.indexOf(u'.');
    const QString whole = point < 0 ? body : body.left(point);
    QString fraction = point < 0 ? QString() : body.mid(point + 1);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    if (fraction.size() > digits) {
        if (reason)
            *reason = Messages::tr("%1 has more decimals than the currency has (%2)").arg(text).arg(digits);
        return std::nullopt;
    }
    fraction = fraction.leftJustified(digits, u'0');
    bool okWhole = true;
    bool okFraction = true;
    const qint64 major = whole.isEmpty() ? 0 : whole.toLongLong(&okWhole);
    const qint64 minorPart = fraction.isEmpty() ? 0 : fraction.toLongLong(&okFraction);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    if (!okWhole || !okFraction || major > maxExact / scale || major * scale + minorPart > maxExact) {
        if (reason)
            *reason = Messages::tr("%1 is above 2^53 minor units, too large for an exact amount").arg(text);
        return std::nullopt;
    }
    const qint64 minor = major * scale + minorPart;
    return negative ? -minor : minor;
}

std::optional<int> percentToBp(double value, QString *reason)
{
    QString why;
    const std::optional<qint64> bp = decimalToMinor(value, 2, &why);
    if (!bp) {
        if (reason)
            *reason = why;
        return std::nullopt;
    }
    if (*bp < 0 || *bp > 10000) {
        if (reason)
            *reason = Messages::tr("%1 is not a percentage between 0 and 100").arg(QString::number(value));
        return std::nullopt;
    }
    return int(*bp);
}

Mapped<Records::Consignor> mapConsignor(const QJsonObject &json, const Context &context)
{
    Reader r(json, context, QStringLiteral("consignor"));
    Records::Consignor c;
    c.externalId = r.id();
    c.number = r.string("key");
    c.firstName = r.string("givenName");
    c.lastName = r.string("surname");
    c.name = c.firstName + u' ' + c.lastName;
    c.name = c.name.trimmed();
    if (c.name.isEmpty())
        c.name = c.number;
    c.email = r.string("email");
    c.phone = r.string("phone");
    c.splitBp = r.share("share");
    c.archived = r.boolean("archived").value_or(false);
    c.created = r.time("createdAt");
    c.updated = r.time("updatedAt");
    c.currency = context.currency;
    if (!r.ok())
        return refused<Records::Consignor>(r.error);
    return {c, {}};
}

Mapped<ProductRow> mapProduct(const QJsonObject &json, const Context &context)
{
    Reader r(json, context, QStringLiteral("product"));
    ProductRow row;
    Records::Item &item = row.item;
    item.externalId = r.id();
    item.title = r.string("title", true);
    const QString status = r.string("status", true);
    item.status = status.toLower();
    item.inactive = status.compare(QLatin1String("ARCHIVED"), Qt::CaseInsensitive) == 0;
    item.quantity = r.integer("totalInventory");
    row.hasConsignor = r.has("consignerId");
    item.consignorId = r.identifier("consignerId", false);
    item.splitBp = r.share("consignerShare");
    row.hasShare = item.splitBp.has_value();
    item.inventoryType = item.consignorId.isEmpty() ? QStringLiteral("retail") : QStringLiteral("consignment");
    item.updated = r.time("updatedAt");
    item.created = r.time("createdAt");
    item.currency = currencyOf(r, context);
    // The doc gives products no price; accept one when a row carries it
    // ("price", or the first variant's "price" as Shopify writes it).
    if (r.has("price")) {
        item.priceMinor = r.money("price", item.currency, false).value_or(0);
    } else if (r.value("variants").isArray()) {
        const QJsonArray variants = r.value("variants").toArray();
        if (!variants.isEmpty() && variants.first().isObject()) {
            Reader variant(variants.first().toObject(), context, QStringLiteral("product"), r.recordId());
            item.priceMinor = variant.money("price", item.currency, false).value_or(0);
            item.sku = variant.string("sku");
            if (!variant.ok() && r.ok())
                r.error = variant.error;
        }
    }
    if (!r.ok())
        return refused<ProductRow>(r.error);
    return {row, {}};
}

Mapped<std::optional<int>> mapShare(const QJsonValue &json, const QString &productId, const Context &context)
{
    Reader r(json.toObject(), context, QStringLiteral("product"), productId);
    if (!json.isObject()) {
        r.wrong("share", json, QStringLiteral("an object"));
        return refused<std::optional<int>>(r.error);
    }
    const std::optional<int> share = r.share("share");
    if (!r.ok())
        return refused<std::optional<int>>(r.error);
    return {share, {}};
}

Mapped<QString> mapProductConsignor(const QJsonValue &json, const QString &productId, const Context &context)
{
    if (isAbsent(json))
        return {QString(), {}};
    Reader r(json.toObject(), context, QStringLiteral("product"), productId);
    if (!json.isObject()) {
        r.wrong("consignor", json, QStringLiteral("an object or null"));
        return refused<QString>(r.error);
    }
    const QString id = r.identifier("id", true);
    if (!r.ok())
        return refused<QString>(r.error);
    return {id, {}};
}

Mapped<Records::SaleLine> mapLineItem(const QJsonObject &json, const Context &context)
{
    Reader r(json, context, QStringLiteral("line item"));
    Records::SaleLine line;
    line.externalId = r.id();
    line.saleId = r.identifier("orderId", true);
    line.productId = r.identifier("productId", true);
    line.itemId = line.productId;
    line.sku = r.string("sku");
    line.currency = currencyOf(r, context);
    const std::optional<qint64> quantity = r.integer("currentQuantity", true);
    const std::optional<qint64> original = r.integer("originalQuantity");
    const char *priceField = r.isNull("unitPriceDiscounted") && !r.isNull("unitPrice") ? "unitPrice" : "unitPriceDiscounted";
    const std::optional<qint64> unit = r.money(priceField, line.currency, true);
    line.fulfilledAt = r.time("fulfillmentCreatedAt");
    line.updated = r.time("fulfillmentLastUpdatedAt");
    const std::optional<bool> fulfilled = r.boolean("isFulfilled");
    line.fulfilled = fulfilled.value_or(line.fulfilledAt.isValid());
    // Line items carry no order time; the fulfilment is the only time they have.
    line.date = line.fulfilledAt;
    const QJsonValue payout = r.value("itemPayout");
    if (payout.isObject()) {
        const QJsonObject paid = payout.toObject();
        Reader p(paid, context, QStringLiteral("line item"), r.recordId());
        const QJsonValue ref = paid.value(QStringLiteral("payout"));
        if (ref.isObject()) {
            Reader pr(ref.toObject(), context, QStringLiteral("line item"), r.recordId());
            line.payoutId = pr.identifier("id", true);
            if (!pr.ok())
                p.error = Messages::badValue(context.endpoint, QStringLiteral("line item"), r.recordId(),
                                             QStringLiteral("itemPayout.payout"), pr.error);
        } else {
            p.wrong("payout", ref, QStringLiteral("an object"));
        }
        line.splitBp = p.share("consignerSharePct");
        line.consignorAmountMinor = p.money("amount", line.currency, false);
        if (!p.ok() && r.ok())
            r.error = p.error;
    } else if (!isAbsent(payout)) {
        r.wrong("itemPayout", payout, QStringLiteral("an object or null"));
    }
    if (r.ok() && quantity && unit) {
        line.quantity = *quantity;
        if (*quantity != 0 && std::llabs(*unit) > maxExact / std::llabs(*quantity))
            r.badValue("currentQuantity", Messages::tr("%1 is above 2^53 minor units, too large for an exact amount")
                                              .arg(QStringLiteral("%1 x %2").arg(*unit).arg(*quantity)));
        else
            line.priceMinor = *unit * *quantity;
    }
    if (line.quantity <= 0 && original.value_or(0) > 0)
        line.status = QStringLiteral("returned");
    else
        line.status = line.fulfilled ? QStringLiteral("fulfilled") : QStringLiteral("unfulfilled");
    if (!r.ok())
        return refused<Records::SaleLine>(r.error);
    return {line, {}};
}

Mapped<Records::Payout> mapPayout(const QJsonObject &json, const Context &context)
{
    Reader r(json, context, QStringLiteral("payout"));
    Records::Payout p;
    p.externalId = r.id();
    p.consignorId = r.identifier("consignerId", true);
    p.currency = currencyOf(r, context);
    p.amountMinor = r.money("amount", p.currency, true).value_or(0);
    p.adjustmentMinor = r.money("adjustment", p.currency, false).value_or(0);
    p.reference = r.string("reference");
    p.note = r.string("note");
    p.date = r.time("paidAt");
    if (!p.date.isValid())
        p.date = r.time("createdAt");
    p.updated = r.time("updatedAt");
    if (!r.ok())
        return refused<Records::Payout>(r.error);
    return {p, {}};
}

Mapped<Records::PayoutLine> mapPayoutLine(const QJsonObject &json, const Records::Payout &payout, const Context &context)
{
    Reader r(json, context, QStringLiteral("payout line"));
    Records::PayoutLine line;
    line.externalId = r.id();
    line.payoutId = r.identifier("payoutId", false);
    if (line.payoutId.isEmpty())
        line.payoutId = payout.externalId;
    line.saleLineId = r.identifier("lineItemId", true);
    line.productId = r.identifier("productId", false);
    line.quantity = r.integer("quantity").value_or(1);
    line.splitBp = r.share("consignerSharePct");
    line.currency = payout.currency.isEmpty() ? context.currency : payout.currency;
    line.amountMinor = r.money("amount", line.currency, true).value_or(0);
    if (!r.ok())
        return refused<Records::PayoutLine>(r.error);
    return {line, {}};
}

} // namespace ConsignDesk::Vendors::Consignify
