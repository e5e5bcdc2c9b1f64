#pragma once

// What the vendors' JSON mappers share: the result of mapping one record, and
// small checks on JSON values.
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <optional>

namespace ConsignDesk::Vendors {

/// A record mapped from vendor JSON, or why it was refused.
template<typename T>
struct Mapped {
    T value{};
    QString error; ///< empty: ok
    bool ok() const { return error.isEmpty(); }
};

/// Doubles hold every whole number up to 2^53 exactly.
constexpr qint64 maxExact = qint64(1) << 53;

/// JSON null, or a field that is not there.
inline bool isAbsent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

/// @p d as an integer when it is a whole number within 2^53; nullopt otherwise.
inline std::optional<qint64> exactInteger(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= double(maxExact))
        return qint64(d);
    return std::nullopt;
}

/// A JSON value's type for messages, untranslated: "a string", "null", …;
/// "missing" for a field that is not there.
QString jsonTypeName(const QJsonValue &value);

} // namespace ConsignDesk::Vendors
