#include "vendors/consigncloud/consigncloudmappers.h"

#include "core/currency.h"
#include "vendors/jsonmapping.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace ConsignDesk::Vendors::ConsignCloud {

namespace {

/// "a string", "a number", … for a JSON value's type.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return Text::tr("a string");
    case QJsonValue::Double: return Text::tr("a number");
    case QJsonValue::Bool: return Text::tr("a boolean");
    case QJsonValue::Object: return Text::tr("an object");
    case QJsonValue::Array: return Text::tr("an array");
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return Text::tr("null");
}

enum class Expect { String, Number, WholeNumber, Boolean, Object, Array, StringOrObject };

QString expectedName(Expect expect)
{
    switch (expect) {
    case Expect::String: return Text::tr("a string");
    case Expect::Number: return Text::tr("a number");
    case Expect::WholeNumber: return Text::tr("a whole number");
    case Expect::Boolean: return Text::tr("a boolean");
    case Expect::Object: return Text::tr("an object");
    case Expect::Array: return Text::tr("an array");
    case Expect::StringOrObject: return Text::tr("a string or an object");
    }
    return {};
}

QString missing(const QString &where, const QString &field)
{
    return Text::tr("%1: field \"%2\" is missing").arg(where, field);
}

QString wrongType(const QString &where, const QString &field, const QJsonValue &value, Expect expect)
{
    return Text::tr("%1: field \"%2\" is %3, expected %4").arg(where, field, typeName(value), expectedName(expect));
}

QString badValue(const QString &where, const QString &field, const QString &problem)
{
    return Text::tr("%1: field \"%2\": %3").arg(where, field, problem);
}

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// Reads the fields of one record; the first problem sticks and later reads do nothing.
class Reader
{
public:
    Reader(const QJsonObject &json, const MapContext &context, const char *kind, int position)
        : m_json(json)
        , m_context(context)
    {
        const QJsonValue id = json.value(QLatin1String("id"));
        if (id.isString() && !id.toString().isEmpty())
            m_where = context.endpoint + QStringLiteral(": ") + QLatin1String(kind) + u' ' + id.toString();
        else
            m_where = context.endpoint + QStringLiteral(": ") + QLatin1String(kind) + QStringLiteral(" #")
                + QString::number(position + 1);
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QString &where() const { return m_where; }

    QJsonValue value(const char *key) const { return m_json.value(QLatin1String(key)); }

    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }

    /// A string; null or absent gives an empty string unless @p required.
    QString string(const char *key, bool required = false)
    {
        const QJsonValue v = value(key);
        if (!ok())
            return {};
        if (v.isString()) {
            if (required && v.toString().isEmpty())
                fail(missing(m_where, QLatin1String(key)));
            return v.toString();
        }
        if (isAbsent(v)) {
            if (required)
                fail(missing(m_where, QLatin1String(key)));
            return {};
        }
        fail(wrongType(m_where, QLatin1String(key), v, Expect::String));
        return {};
    }

    /// An id, or an expanded object holding one (`expand=`); null for none.
    QString ref(const char *key, QString *name = nullptr)
    {
        const QJsonValue v = value(key);
        if (!ok() || isAbsent(v))
            return {};
        if (v.isString())
            return v.toString();
        if (v.isObject()) {
            const QJsonObject object = v.toObject();
            const QJsonValue id = object.value(QLatin1String("id"));
            if (!id.isString()) {
                const QString field = QLatin1String(key) + QStringLiteral(".id");
                fail(isAbsent(id) ? missing(m_where, field) : wrongType(m_where, field, id, Expect::String));
                return {};
            }
            if (name && object.value(QLatin1String("name")).isString())
                *name = object.value(QLatin1String("name")).toString();
            return id.toString();
        }
        fail(wrongType(m_where, QLatin1String(key), v, Expect::StringOrObject));
        return {};
    }

    /// A number the vendor writes as a string ("000123") or an integer (42).
    QString label(const char *key)
    {
        const QJsonValue v = value(key);
        if (!ok() || isAbsent(v))
            return {};
        if (v.isString())
            return v.toString();
        if (v.isDouble()) {
            if (const std::optional<qint64> whole = exactInteger(v.toDouble()))
                return QString::number(*whole);
        }
        fail(wrongType(m_where, QLatin1String(key), v, Expect::String));
        return {};
    }

    std::optional<qint64> integer(const char *key, bool required = false)
    {
        const QJsonValue v = value(key);
        if (!ok())
            return std::nullopt;
        if (isAbsent(v)) {
            if (required)
                fail(missing(m_where, QLatin1String(key)));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(wrongType(m_where, QLatin1String(key), v, Expect::WholeNumber));
            return std::nullopt;
        }
        QString problem;
        const auto result = fixedPoint(v.toDouble(), 0, false, &problem);
        if (!result) {
            fail(wrongType(m_where, QLatin1String(key), v, Expect::WholeNumber));
            return std::nullopt;
        }
        return result;
    }

    /// Money in the vendor's cents, as minor units of the connection's currency.
    std::optional<qint64> money(const char *key, bool required = true)
    {
        const QJsonValue v = value(key);
        if (!ok())
            return std::nullopt;
        if (isAbsent(v)) {
            if (required)
                fail(missing(m_where, QLatin1String(key)));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(wrongType(m_where, QLatin1String(key), v, Expect::Number));
            return std::nullopt;
        }
        QString problem;
        const auto minor = moneyToMinor(v.toDouble(), m_context.currency, &problem);
        if (!minor)
            fail(badValue(m_where, QLatin1String(key), problem));
        return minor;
    }

    /// The consignor's fraction 0-1 as basis points; null or absent for none.
    std::optional<int> share(const char *key)
    {
        const QJsonValue v = value(key);
        if (!ok() || isAbsent(v))
            return std::nullopt;
        if (!v.isDouble()) {
            fail(wrongType(m_where, QLatin1String(key), v, Expect::Number));
            return std::nullopt;
        }
        QString problem;
        const auto bp = fractionToBasisPoints(v.toDouble(), &problem);
        if (!bp)
            fail(badValue(m_where, QLatin1String(key), problem));
        return bp;
    }

    /// An ISO 8601 date-time, in UTC; invalid for null or absent.
    QDateTime time(const char *key, bool required = false)
    {
        const QString text = string(key, required);
        if (!ok() || text.isEmpty())
            return {};
        QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(text, Qt::ISODate);
        if (!parsed.isValid()) {
            fail(badValue(m_where, QLatin1String(key),
                          Text::tr("\"%1\" is not an ISO 8601 date-time").arg(text.left(40))));
            return {};
        }
        if (parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeSpec(Qt::UTC); // no zone given: the vendor's times are UTC
        return parsed.toUTC();
    }

    /// A date (`YYYY-MM-DD`), also read from a date-time.
    QDate date(const char *key)
    {
        const QString text = string(key);
        if (!ok() || text.isEmpty())
            return {};
        QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (!parsed.isValid() && text.size() > 10) {
            const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (dateTime.isValid())
                parsed = dateTime.date();
        }
        if (!parsed.isValid())
            fail(badValue(m_where, QLatin1String(key), Text::tr("\"%1\" is not an ISO 8601 date").arg(text.left(40))));
        return parsed;
    }

private:
    QJsonObject m_json;
    const MapContext &m_context;
    QString m_where;
    QString m_error;
};

/// The record as an object, or the error naming its position.
bool asObject(const QJsonValue &json, const MapContext &context, const char *kind, int position, QString *error)
{
    if (json.isObject())
        return true;
    const QString where = context.endpoint + QStringLiteral(": ") + QLatin1String(kind) + QStringLiteral(" #")
        + QString::number(position + 1);
    *error = Text::tr("%1: field \"%2\" is %3, expected %4")
                 .arg(where, QStringLiteral("data"), typeName(json), expectedName(Expect::Object));
    return false;
}

bool finish(const Reader &reader, QString *error)
{
    if (reader.ok())
        return true;
    if (error)
        *error = reader.error();
    return false;
}

/// The item statuses of FIELD-NOTES in their order, for a tie of unit counts.
const char *const statusOrder[] = {"active",      "sold",           "expired",          "sold_on_shopify",
                                   "sold_on_square", "sold_on_third_party", "to_be_returned", "returned_to_owner",
                                   "donated",     "lost",           "stolen",           "damaged",
                                   "parked",      "inactive"};

int statusRank(const QString &status)
{
    int rank = 0;
    for (const char *name : statusOrder) {
        if (status == QLatin1String(name))
            return rank;
        ++rank;
    }
    return rank; // unknown statuses after the known ones
}

} // namespace

std::optional<qint64> fixedPoint(double value, int decimals, bool round, QString *problem)
{
    auto refuse = [&](const QString &why) -> std::optional<qint64> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    const QString text = numberText(value);
    if (!std::isfinite(value) || std::fabs(value) > double(maxExact))
        return refuse(Text::tr("%1 is beyond the exact range of ±2^53").arg(text));

    // Shortest round-trip text: [-]digits[.digits][e[+-]digits]
    const QByteArray latin = text.toLatin1();
    qsizetype i = 0;
    const bool negative = latin.startsWith('-');
    if (negative)
        ++i;
    QByteArray digits;
    int fraction = 0;
    bool afterPoint = false;
    for (; i < latin.size(); ++i) {
        const char c = latin.at(i);
        if (c >= '0' && c <= '9') {
            digits.append(c);
            if (afterPoint)
                ++fraction;
        } else if (c == '.') {
            afterPoint = true;
        } else {
            break;
        }
    }
    int exponent = 0;
    if (i < latin.size() && (latin.at(i) == 'e' || latin.at(i) == 'E'))
        exponent = latin.mid(i + 1).toInt();
    // value * 10^decimals = digits * 10^shift
    const int shift = exponent - fraction + decimals;
    bool roundUp = false;
    if (shift < 0) {
        const qsizetype cut = -shift;
        const QByteArray dropped = cut >= digits.size() ? QByteArray(int(cut - digits.size()), '0') + digits
                                                        : digits.right(cut);
        const bool inexact = dropped.count('0') != dropped.size();
        if (inexact && !round)
            return refuse(QString()); // the caller names the unit
        roundUp = cut <= digits.size() && dropped.at(0) >= '5';
        digits.chop(std::min<qsizetype>(cut, digits.size()));
    } else {
        digits.append(QByteArray(shift, '0'));
    }
    while (digits.size() > 1 && digits.startsWith('0'))
        digits.remove(0, 1);
    if (digits.size() > 18)
        return refuse(Text::tr("%1 is beyond the exact range of ±2^53").arg(text));
    qint64 result = digits.isEmpty() ? 0 : digits.toLongLong();
    if (roundUp)
        ++result;
    if (result > maxExact * 1000)
        return refuse(Text::tr("%1 is beyond the exact range of ±2^53").arg(text));
    return negative ? -result : result;
}

std::optional<qint64> moneyToMinor(double value, const QString &currency, QString *problem)
{
    const int digits = Currency::minorDigits(currency).value_or(2);
    // The vendor's unit is a hundredth of the major unit.
    QString why;
    const auto scaled = fixedPoint(value, std::max(0, digits - 2), false, &why);
    const QString inexact = Text::tr("%1 is not an exact amount in %2").arg(numberText(value), currency);
    if (!scaled) {
        if (problem)
            *problem = why.isEmpty() ? inexact : why;
        return std::nullopt;
    }
    if (digits >= 2)
        return scaled;
    qint64 divisor = 1;
    for (int d = digits; d < 2; ++d)
        divisor *= 10;
    if (*scaled % divisor != 0) {
        if (problem)
            *problem = inexact;
        return std::nullopt;
    }
    return *scaled / divisor;
}

std::optional<int> fractionToBasisPoints(double value, QString *problem)
{
    const auto bp = fixedPoint(value, 4, true, problem);
    if (!bp || *bp < 0 || *bp > 10000) {
        if (problem)
            *problem = Text::tr("%1 is not a share from 0 to 1").arg(numberText(value));
        return std::nullopt;
    }
    return int(*bp);
}

QString majorityStatus(const QJsonObject &counts, qint64 *units, QString *badKey)
{
    QString best;
    qint64 bestCount = -1;
    qint64 total = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const QJsonValue v = it.value();
        const auto count = v.isDouble() ? fixedPoint(v.toDouble(), 0, false, nullptr) : std::nullopt;
        if (!count || *count < 0) {
            if (badKey)
                *badKey = it.key();
            return {};
        }
        total += *count;
        if (*count > bestCount || (*count == bestCount && statusRank(it.key()) < statusRank(best))) {
            best = it.key();
            bestCount = *count;
        }
    }
    if (units)
        *units = total;
    return best;
}

bool parseEnvelope(const QByteArray &body, const QString &endpoint, Envelope &out, QString *error, bool *notJson)
{
    if (notJson)
        *notJson = false;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (notJson)
            *notJson = true;
        *error = Text::tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
        return false;
    }
    if (!document.isObject()) {
        *error = Text::tr("%1: field \"%2\" is %3, expected %4")
                     .arg(endpoint, QStringLiteral("data"), typeName(document.isArray() ? QJsonValue(QJsonArray())
                                                                                         : QJsonValue()),
                          expectedName(Expect::Object));
        return false;
    }
    const QJsonObject object = document.object();
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isArray()) {
        *error = isAbsent(data) ? missing(endpoint, QStringLiteral("data"))
                                : wrongType(endpoint, QStringLiteral("data"), data, Expect::Array);
        return false;
    }
    out.data = data.toArray();
    const QJsonValue count = object.value(QLatin1String("count"));
    out.count = -1;
    if (!isAbsent(count)) {
        const auto n = count.isDouble() ? fixedPoint(count.toDouble(), 0, false, nullptr) : std::nullopt;
        if (!n) {
            *error = wrongType(endpoint, QStringLiteral("count"), count, Expect::WholeNumber);
            return false;
        }
        out.count = *n;
    }
    const QJsonValue next = object.value(QLatin1String("next_cursor"));
    out.nextCursor.clear();
    if (next.isString()) {
        out.nextCursor = next.toString();
    } else if (!isAbsent(next)) {
        *error = wrongType(endpoint, QStringLiteral("next_cursor"), next, Expect::String);
        return false;
    }
    return true;
}

QString vendorMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString code = object.value(QLatin1String("error")).toString();
    const QString message = object.value(QLatin1String("message")).toString();
    if (!message.isEmpty() && !code.isEmpty())
        return message + QStringLiteral(" (") + code + u')';
    if (!message.isEmpty())
        return message;
    if (!code.isEmpty())
        return code;
    return QString::fromUtf8(body.left(200)).simplified();
}

bool mapAccount(const QJsonValue &json, const MapContext &context, int position, Records::Consignor &out,
                QString *error)
{
    if (!asObject(json, context, "account", position, error))
        return false;
    Reader r(json.toObject(), context, "account", position);
    out = {};
    out.externalId = r.string("id", true);
    out.number = r.label("number");
    out.firstName = r.string("first_name");
    out.lastName = r.string("last_name");
    out.company = r.string("company");
    out.email = r.string("email");
    out.phone = r.string("phone_number");
    out.balanceMinor = r.money("balance", false);
    out.currency = context.currency;
    out.splitBp = r.share("default_split");
    out.created = r.time("created");
    out.updated = r.time("updated");
    out.deleted = r.time("deleted");
    const QString personal = QString(out.firstName + u' ' + out.lastName).trimmed();
    out.name = personal.isEmpty() ? out.company : personal;
    return finish(r, error);
}

bool mapBalanceEntry(const QJsonValue &json, const MapContext &context, int position, Records::BalanceEntry &out,
                     QString *error)
{
    if (!asObject(json, context, "balance entry", position, error))
        return false;
    Reader r(json.toObject(), context, "balance entry", position);
    out = {};
    out.externalId = r.string("id", true);
    out.consignorId = r.ref("account");
    out.type = r.string("type");
    out.amountMinor = r.money("amount").value_or(0);
    out.balanceMinor = r.money("balance", false).value_or(0);
    out.currency = context.currency;
    out.saleId = r.ref("sale");
    out.description = r.string("description");
    out.created = r.time("created");
    const QJsonValue payout = r.value("payout");
    if (r.ok() && !isAbsent(payout)) {
        if (!payout.isObject()) {
            r.fail(wrongType(r.where(), QStringLiteral("payout"), payout, Expect::Object));
        } else {
            const QJsonValue reference = payout.toObject().value(QLatin1String("reference"));
            if (reference.isString())
                out.payoutReference = reference.toString();
            else if (!isAbsent(reference))
                r.fail(wrongType(r.where(), QStringLiteral("payout.reference"), reference, Expect::String));
        }
    }
    return finish(r, error);
}

bool mapItem(const QJsonValue &json, const MapContext &context, int position, Records::Item &out, QString *error)
{
    if (!asObject(json, context, "item", position, error))
        return false;
    Reader r(json.toObject(), context, "item", position);
    out = {};
    out.externalId = r.string("id", true);
    out.sku = r.string("sku");
    out.title = r.string("title");
    out.description = r.string("description");
    out.priceMinor = r.money("tag_price").value_or(0);
    out.currency = context.currency;
    out.categoryId = r.ref("category", &out.category);
    out.consignorId = r.ref("account");
    out.locationId = r.ref("location");
    out.batchId = r.ref("batch");
    out.inventoryType = r.string("inventory_type");
    out.splitBp = r.share("split");
    out.quantity = r.integer("quantity");

    const QJsonValue status = r.value("status");
    if (r.ok()) {
        if (status.isString()) {
            out.status = status.toString().toLower();
        } else if (status.isObject()) {
            qint64 units = 0;
            QString badKey;
            out.status = majorityStatus(status.toObject(), &units, &badKey);
            if (!badKey.isEmpty()) {
                const QJsonValue count = status.toObject().value(badKey);
                r.fail(wrongType(r.where(), QStringLiteral("status.") + badKey, count, Expect::WholeNumber));
            } else if (!r.value("quantity").isDouble() && !r.value("quantity").isNull() && units > 0) {
                out.quantity = units; // quantity not included: the units counted
            }
        } else if (isAbsent(status)) {
            r.fail(missing(r.where(), QStringLiteral("status")));
        } else {
            r.fail(wrongType(r.where(), QStringLiteral("status"), status, Expect::StringOrObject));
        }
    }

    const QJsonValue images = r.value("images");
    if (r.ok() && !isAbsent(images)) {
        if (!images.isArray()) {
            r.fail(wrongType(r.where(), QStringLiteral("images"), images, Expect::Array));
        } else {
            QList<QPair<qint64, QString>> ordered;
            const QJsonArray array = images.toArray();
            for (qsizetype n = 0; n < array.size() && r.ok(); ++n) {
                const QJsonValue image = array.at(n);
                if (image.isString()) {
                    ordered.append({n, image.toString()});
                } else if (image.isObject() && image.toObject().value(QLatin1String("url")).isString()) {
                    const QJsonValue pos = image.toObject().value(QLatin1String("position"));
                    ordered.append({pos.isDouble() ? qint64(pos.toDouble()) : n,
                                    image.toObject().value(QLatin1String("url")).toString()});
                } else {
                    r.fail(wrongType(r.where(), QStringLiteral("images.url"),
                                     image.isObject() ? image.toObject().value(QLatin1String("url")) : image,
                                     Expect::String));
                }
            }
            std::stable_sort(ordered.begin(), ordered.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &image : std::as_const(ordered))
                out.images.append(image.second);
        }
    }

    out.created = r.time("created");
    out.updated = r.time("updated");
    out.sold = r.time("sold");
    out.deleted = r.time("deleted");
    out.expires = r.date("expires");
    return finish(r, error);
}

bool mapSale(const QJsonValue &json, const MapContext &context, int position, Records::Sale &out, QString *error)
{
    if (!asObject(json, context, "sale", position, error))
        return false;
    Reader r(json.toObject(), context, "sale", position);
    out = {};
    out.externalId = r.string("id", true);
    out.number = r.label("number");
    out.date = r.time("created");
    out.status = r.string("status").toLower();
    out.subtotalMinor = r.money("subtotal").value_or(0);
    out.taxMinor = r.money("tax", false).value_or(0);
    out.totalMinor = r.money("total").value_or(0);
    out.currency = context.currency;
    out.locationId = r.ref("location");
    out.customerId = r.ref("customer");
    out.updated = r.time("updated");
    out.deleted = r.time("deleted");
    const QJsonValue payments = r.value("payments");
    if (r.ok() && !isAbsent(payments)) {
        if (!payments.isArray()) {
            r.fail(wrongType(r.where(), QStringLiteral("payments"), payments, Expect::Array));
        } else if (!payments.toArray().isEmpty()) {
            const QJsonValue first = payments.toArray().at(0);
            const QJsonValue type = first.toObject().value(QLatin1String("type"));
            if (!first.isObject())
                r.fail(wrongType(r.where(), QStringLiteral("payments"), first, Expect::Object));
            else if (type.isString())
                out.paymentType = type.toString();
            else if (!isAbsent(type))
                r.fail(wrongType(r.where(), QStringLiteral("payments.type"), type, Expect::String));
        }
    }
    return finish(r, error);
}

bool mapLineItem(const QJsonValue &json, const MapContext &context, int position, const QString &saleId,
                 Records::SaleLine &out, QString *error)
{
    if (!asObject(json, context, "line item", position, error))
        return false;
    Reader r(json.toObject(), context, "line item", position);
    out = {};
    out.externalId = r.string("id", true);
    out.saleId = r.ref("sale");
    if (out.saleId.isEmpty())
        out.saleId = saleId;
    out.itemId = r.ref("item");
    out.title = r.string("title");
    out.consignorId = r.ref("account");
    out.quantity = r.integer("quantity").value_or(1);
    out.priceMinor = r.money("price").value_or(0);
    out.splitBp = r.share("split");
    out.consignorAmountMinor = r.money("consignor_amount", false);
    out.currency = context.currency;
    out.status = r.string("status").toLower();
    out.date = r.time("created");
    out.updated = r.time("updated");
    return finish(r, error);
}

bool mapBatch(const QJsonValue &json, const MapContext &context, int position, Records::Batch &out, QString *error)
{
    if (!asObject(json, context, "batch", position, error))
        return false;
    Reader r(json.toObject(), context, "batch", position);
    out = {};
    out.externalId = r.string("id", true);
    out.number = r.label("number");
    out.consignorId = r.ref("account");
    out.description = r.string("description");
    out.status = r.string("status").toLower();
    out.locationId = r.ref("location");
    out.itemCount = r.integer("item_count").value_or(0);
    out.created = r.time("created");
    out.updated = r.time("updated");
    return finish(r, error);
}

bool mapCategory(const QJsonValue &json, const MapContext &context, int position, Records::Category &out,
                 QString *error)
{
    if (!asObject(json, context, "category", position, error))
        return false;
    Reader r(json.toObject(), context, "category", position);
    out = {};
    out.externalId = r.string("id", true);
    out.name = r.string("name");
    out.parentId = r.ref("parent");
    out.updated = r.time("updated");
    out.deleted = r.time("deleted");
    return finish(r, error);
}

bool mapLocation(const QJsonValue &json, const MapContext &context, int position, Records::Location &out,
                 QString *error)
{
    if (!asObject(json, context, "location", position, error))
        return false;
    Reader r(json.toObject(), context, "location", position);
    out = {};
    out.externalId = r.string("id", true);
    out.name = r.string("name");
    out.address = r.string("address");
    out.updated = r.time("updated");
    out.deleted = r.time("deleted");
    return finish(r, error);
}

} // namespace ConsignDesk::Vendors::ConsignCloud
