#include "vendors/simpleconsign/simpleconsignmappers.h"

#include "core/currency.h"

#include <QDate>
#include <QJsonArray>

#include <cmath>

namespace ConsignDesk::Vendors::SimpleConsign {

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

QString Messages::httpError(const QString &endpoint, int status, const QString &message)
{
    return tr("%1: HTTP %2: %3").arg(endpoint, QString::number(status), message);
}

QString Messages::requestFailed(const QString &endpoint, const QString &reason)
{
    return tr("%1: the request failed: %2").arg(endpoint, reason);
}

QString Messages::notJson(const QString &endpoint)
{
    return tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
}

QString Messages::cutShort(const QString &endpoint, qint64 items)
{
    return tr("%1: the answer was cut short after %2 items").arg(endpoint, QString::number(items));
}

QString Messages::noResults(const QString &endpoint)
{
    return tr("%1: the answer has no \"results\" array").arg(endpoint);
}

QString Messages::unknownResource(const QString &resource)
{
    return tr("SimpleConsign: unknown resource \"%1\"").arg(resource);
}

QString Messages::notWhole(const QString &value)
{
    return tr("%1 is not a whole number").arg(value);
}

QString Messages::tooManyDecimals(const QString &value, const QString &currency, int digits)
{
    return tr("%1 has more decimals than %2 has (%3)").arg(value, currency, QString::number(digits));
}

QString Messages::outOfRange(const QString &value)
{
    return tr("%1 is out of range").arg(value);
}

QString Messages::notDate(const QString &value)
{
    return tr("\"%1\" is not a date (MM/dd/yyyy)").arg(value);
}

QString Messages::unknownCurrency(const QString &currency)
{
    return tr("unknown currency \"%1\"").arg(currency);
}

QString Messages::notObject()
{
    return tr("not a JSON object");
}

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

bool isDigits(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

/// Reads the fields of one item; the first problem is kept in `error` and
/// later reads return defaults.
class Reader
{
public:
    Reader(const QJsonObject &json, const Context &context)
        : m_json(json)
        , m_context(context)
        , m_id(context.position >= 0 ? u'#' + QString::number(context.position + 1) : QStringLiteral("?"))
    {
    }

    QString error;
    bool ok() const { return error.isEmpty(); }

    QJsonValue value(const char *field) const { return m_json.value(QLatin1String(field)); }
    void setId(const QString &id) { m_id = id; }

    /// A string; null or missing is empty unless required.
    QString string(const char *field, bool required = false)
    {
        const QJsonValue v = value(field);
        if (v.isString())
            return v.toString();
        if (v.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(v))
            wrong(field, v, QStringLiteral("a string"));
        return {};
    }

    /// A string, or a number written as text (sizes like 8, ids like 1234567).
    QString text(const char *field)
    {
        const QJsonValue v = value(field);
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (const std::optional<qint64> whole = exactInteger(d))
                return QString::number(*whole);
            return number(d);
        }
        return string(field);
    }

    /// A JSON boolean or "true"/"false"; nullopt when null or missing.
    std::optional<bool> boolean(const char *field)
    {
        const QJsonValue v = value(field);
        if (v.isBool())
            return v.toBool();
        if (v.isString()) {
            const QString s = v.toString().trimmed();
            if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return true;
            if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return false;
        }
        if (!isAbsent(v))
            wrong(field, v, QStringLiteral("a boolean"));
        return std::nullopt;
    }

    /// A whole JSON number within 2^53; nullopt when null or missing (an error when required).
    std::optional<qint64> integer(const char *field, bool required = false)
    {
        const QJsonValue v = value(field);
        if (v.isDouble())
            return whole(field, v.toDouble());
        if (v.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(v))
            wrong(field, v, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// Milliseconds since the epoch (a number or a string of digits) as UTC.
    QDateTime msTime(const char *field, bool required)
    {
        const QJsonValue v = value(field);
        std::optional<qint64> ms;
        if (v.isString() && isDigits(v.toString().trimmed()))
            ms = v.toString().trimmed().toLongLong();
        else if (v.isDouble())
            ms = whole(field, v.toDouble());
        else if (v.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(v))
            wrong(field, v, QStringLiteral("a number"));
        if (!ms)
            return {};
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    }

    /// Money in whole cents; nullopt when null or missing (an error when required).
    std::optional<qint64> money(const char *field, bool required)
    {
        const QJsonValue v = value(field);
        if (v.isDouble()) {
            const std::optional<int> digits = Currency::minorDigits(m_context.currency);
            if (!digits) {
                bad(field, Messages::unknownCurrency(m_context.currency));
                return std::nullopt;
            }
            QString reason;
            const std::optional<qint64> minor = centsToMinor(v.toDouble(), m_context.currency, *digits, &reason);
            if (!minor)
                bad(field, reason);
            return minor;
        }
        if (v.isUndefined() && required)
            missing(field);
        else if (required || !isAbsent(v))
            wrong(field, v, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// "MM/dd/yyyy" (also "M/d/yyyy" and ISO "yyyy-MM-dd"); invalid for null, missing or "".
    QDate usDate(const char *field)
    {
        const QString s = string(field).trimmed();
        if (s.isEmpty())
            return {};
        QDate date = QDate::fromString(s, QStringLiteral("MM/dd/yyyy"));
        if (!date.isValid())
            date = QDate::fromString(s, QStringLiteral("M/d/yyyy"));
        if (!date.isValid())
            date = QDate::fromString(s, Qt::ISODate);
        if (!date.isValid())
            bad(field, Messages::notDate(s));
        return date;
    }

    /// The STORE's percentage to the consignor's basis points; nullopt for null or missing.
    std::optional<int> storeSplit(const char *field)
    {
        const QJsonValue v = value(field);
        if (v.isDouble()) {
            QString reason;
            const std::optional<int> bp = storePercentToConsignorBp(v.toDouble(), &reason);
            if (!bp)
                bad(field, reason);
            return bp;
        }
        if (!isAbsent(v))
            wrong(field, v, QStringLiteral("a number"));
        return std::nullopt;
    }

    /// An array of names, or one comma-separated string of them (as the doc describes).
    QStringList names(const char *field)
    {
        const QJsonValue v = value(field);
        QStringList out;
        if (v.isArray()) {
            const QJsonArray array = v.toArray();
            for (const QJsonValue &element : array) {
                if (!element.isString()) {
                    wrong(field, element, QStringLiteral("a string"));
                    return {};
                }
                const QString name = element.toString().trimmed();
                if (!name.isEmpty())
                    out.append(name);
            }
        } else if (v.isString()) {
            const QStringList parts = v.toString().split(u',');
            for (const QString &part : parts) {
                const QString name = part.trimmed();
                if (!name.isEmpty())
                    out.append(name);
            }
        } else if (!isAbsent(v)) {
            wrong(field, v, QStringLiteral("an array"));
        }
        return out;
    }

    void missing(const char *field)
    {
        if (ok())
            error = Messages::missing(m_context.endpoint, kind(), m_id, QLatin1String(field));
    }
    void wrong(const char *field, const QJsonValue &v, const QString &expected)
    {
        if (ok())
            error = Messages::wrongType(m_context.endpoint, kind(), m_id, QLatin1String(field), jsonTypeName(v), expected);
    }
    void bad(const char *field, const QString &reason)
    {
        if (ok())
            error = Messages::badValue(m_context.endpoint, kind(), m_id, QLatin1String(field), reason);
    }

private:
    static QString kind() { return QStringLiteral("item"); }

    std::optional<qint64> whole(const char *field, double d)
    {
        if (!std::isfinite(d) || std::fabs(d) > double(maxExact)) {
            bad(field, Messages::outOfRange(number(d)));
            return std::nullopt;
        }
        if (d != std::floor(d)) {
            bad(field, Messages::notWhole(number(d)));
            return std::nullopt;
        }
        return qint64(d);
    }

    const QJsonObject &m_json;
    const Context &m_context;
    QString m_id;
};

} // namespace

std::optional<qint64> centsToMinor(double cents, const QString &currency, int digits, QString *reason)
{
    const auto fail = [reason](const QString &why) -> std::optional<qint64> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (!std::isfinite(cents) || std::fabs(cents) > double(maxExact))
        return fail(Messages::outOfRange(number(cents)));
    if (cents != std::floor(cents))
        return fail(Messages::notWhole(number(cents)));
    qint64 value = qint64(cents);
    // Traxia always sends the amount times 100: cents are minor units of a
    // two-digit currency; other currencies scale exactly or are refused.
    for (int d = digits; d > 2; --d)
        value *= 10;
    for (int d = digits; d < 2; ++d) {
        if (value % 10 != 0)
            return fail(Messages::tooManyDecimals(number(cents / 100.0), currency, digits));
        value /= 10;
    }
    if (value > maxExact || value < -maxExact)
        return fail(Messages::outOfRange(number(cents)));
    return value;
}

std::optional<int> storePercentToConsignorBp(double storePercent, QString *reason)
{
    if (!std::isfinite(storePercent) || storePercent < 0 || storePercent > 100) {
        if (reason)
            *reason = Messages::outOfRange(number(storePercent));
        return std::nullopt;
    }
    const double hundredths = storePercent * 100;
    const double rounded = std::round(hundredths);
    if (std::fabs(hundredths - rounded) > 1e-6) {
        if (reason)
            *reason = Messages::notWhole(number(storePercent));
        return std::nullopt;
    }
    return 10000 - int(rounded);
}

Mapped<Records::Item> mapItem(const QJsonObject &json, const Context &context)
{
    Mapped<Records::Item> result;
    Records::Item &item = result.value;
    Reader r(json, context);

    const QJsonValue skuValue = r.value("sku");
    item.sku = r.string("sku", true).trimmed();
    if (r.ok() && item.sku.isEmpty())
        r.wrong("sku", skuValue, QStringLiteral("a non-empty string"));
    if (!r.ok()) {
        result.error = r.error;
        return result;
    }
    r.setId(item.sku);
    item.externalId = item.sku;

    item.title = r.string("name");
    item.description = r.string("description");
    item.consignorId = r.text("consignorId").trimmed();
    item.category = r.string("category");
    item.status = r.string("status").trimmed().toLower();
    const std::optional<bool> consignment = r.boolean("consignmentItem");
    item.inventoryType = consignment.value_or(!item.consignorId.isEmpty()) ? QStringLiteral("consignment")
                                                                          : QStringLiteral("retail");
    item.quantity = r.integer("quantity");
    if (const std::optional<qint64> price = r.money("currentPrice", true))
        item.priceMinor = *price;
    item.tagPriceMinor = r.money("retail", true);
    item.currency = context.currency;
    item.splitBp = r.storeSplit("splitPercentage");
    item.brand = r.string("brand");
    item.color = r.string("color");
    item.size = r.text("size");
    item.images = r.names("images");
    item.ecommerce = r.boolean("ecommerceItem").value_or(false);
    item.created = r.msTime("dateCreated", false);
    item.updated = r.msTime("lastUpdated", true);
    item.expires = r.usDate("expireDate");

    const QString state = r.string("state").trimmed();
    item.inactive = state.compare(QLatin1String("I"), Qt::CaseInsensitive) == 0;
    if (item.inactive)
        item.deleted = item.updated; // marked Inactive at its last update

    result.error = r.error;
    return result;
}

ResultsScan scanResults(const QByteArray &body)
{
    ResultsScan scan;
    const char *const begin = body.constData();
    const char *const end = begin + body.size();
    const char *p = begin;

    enum class Step { Ok, End, Bad };
    const auto space = [&] {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    };
    // p at the opening quote; leaves p after the closing one.
    const auto skipString = [&]() -> Step {
        ++p;
        while (p < end) {
            const char c = *p;
            if (c == '\\') {
                p += 2;
                continue;
            }
            ++p;
            if (c == '"')
                return Step::Ok;
        }
        p = end;
        return Step::End;
    };
    const auto skipValue = [&]() -> Step {
        if (p >= end)
            return Step::End;
        const char first = *p;
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            qint64 depth = 0;
            while (p < end) {
                const char c = *p;
                if (c == '"') {
                    if (skipString() == Step::End)
                        return Step::End;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        ++p;
                        return Step::Ok;
                    }
                }
                ++p;
            }
            return Step::End;
        }
        if (first == '}' || first == ']' || first == ',' || first == ':')
            return Step::Bad;
        // A scalar: runs to the next delimiter.
        const char *start = p;
        while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r'
               && *p != '\t')
            ++p;
        return p > start ? Step::Ok : Step::End;
    };
    const auto finish = [&](Step step) {
        scan.outcome = step == Step::End ? ResultsScan::Outcome::CutShort : ResultsScan::Outcome::NotJson;
        return scan;
    };

    space();
    if (p >= end)
        return finish(Step::End);
    if (*p != '{')
        return finish(Step::Bad);
    ++p;
    bool found = false;
    space();
    if (p < end && *p == '}') {
        ++p;
    } else {
        while (true) {
            space();
            if (p >= end)
                return finish(Step::End);
            if (*p != '"')
                return finish(Step::Bad);
            const char *keyStart = p + 1;
            if (const Step step = skipString(); step != Step::Ok)
                return finish(step);
            const QByteArrayView key(keyStart, p - 1 - keyStart);
            space();
            if (p >= end)
                return finish(Step::End);
            if (*p != ':')
                return finish(Step::Bad);
            ++p;
            space();
            if (p >= end)
                return finish(Step::End);
            if (key == "results" && !found) {
                if (*p != '[') {
                    if (const Step step = skipValue(); step != Step::Ok)
                        return finish(step);
                    scan.outcome = ResultsScan::Outcome::NoResults;
                    return scan;
                }
                found = true;
                ++p;
                space();
                if (p >= end)
                    return finish(Step::End);
                if (*p == ']') {
                    ++p;
                } else {
                    while (true) {
                        space();
                        const qsizetype elementBegin = p - begin;
                        if (const Step step = skipValue(); step != Step::Ok)
                            return finish(step);
                        const qsizetype elementEnd = p - begin;
                        space();
                        if (p >= end)
                            return finish(Step::End);
                        if (*p != ',' && *p != ']')
                            return finish(Step::Bad);
                        scan.elements.append({elementBegin, elementEnd});
                        if (*p++ == ']')
                            break;
                    }
                }
            } else if (const Step step = skipValue(); step != Step::Ok) {
                return finish(step);
            }
            space();
            if (p >= end)
                return finish(Step::End);
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == '}') {
                ++p;
                break;
            }
            return finish(Step::Bad);
        }
    }
    space();
    if (p != end)
        return finish(Step::Bad);
    scan.outcome = found ? ResultsScan::Outcome::Ok : ResultsScan::Outcome::NoResults;
    return scan;
}

} // namespace ConsignDesk::Vendors::SimpleConsign
