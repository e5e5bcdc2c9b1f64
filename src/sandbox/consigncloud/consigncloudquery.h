#pragma once

// ConsignCloud's list parameters: `limit`/`cursor`, repeated `include` and
// `expand`, `include_deleted`, and filters written `field:op=value` (or
// `field=value` for eq). Anything else is refused with 400.
#include "sandbox/consigncloud/consigncloudstore.h"
#include "sandbox/http.h"
#include "sandbox/paging.h"

#include <QJsonValue>
#include <QStringList>

#include <optional>
#include <vector>

namespace ConsignDesk::Sandbox::ConsignCloud {

enum class FieldType { Money, Integer, DateTime, Enum, Reference, Bool };
enum class Op { Eq, Ne, Gt, Gte, Lt, Lte };

/// A filterable field; `id` is the endpoint's own field number.
struct FieldSpec {
    const char *name;
    int id;
    FieldType type;
    Kind reference = Kind::Item;                   ///< for Reference fields
    const char *(*enumName)(int) = nullptr;        ///< for Enum fields
    int enumCount = 0;
    /// Extra accepted spellings of enum values (alias=value,...), e.g. "completed=finalized".
    const char *aliases = nullptr;
};

/// What an endpoint accepts.
struct QuerySpec {
    std::vector<FieldSpec> fields;
    QStringList includes;
    QStringList expands;
    QStringList extra;        ///< further plain parameters the endpoint reads itself
    bool paged = true;
    bool deletable = false;   ///< include_deleted allowed
};

/// One condition; several eq values of one field mean any of them.
struct Condition {
    int field;
    FieldType type;
    Op op;
    std::vector<qint64> values; ///< NullValue for null; datetimes in ms relative to the epoch
};

struct Query {
    CursorRequest cursor;
    std::vector<Condition> conditions;
    QStringList include;
    QStringList expand;
    bool includeDeleted = false;
    QString key; ///< the normalised filter (without paging), for count caching

    bool includes(const QString &what) const { return include.contains(what); }
    bool expands(const QString &what) const { return expand.contains(what); }
};

constexpr int defaultLimit = 50;
constexpr int maxLimit = 100;

std::optional<Query> parseQuery(const Request &request, const QuerySpec &spec, const Store &store, QString *error);

/// Whether a row passes; @p valueOf(fieldId) gives the row's value (NullValue for null).
template<typename ValueOf>
bool matches(const std::vector<Condition> &conditions, ValueOf valueOf)
{
    for (const Condition &c : conditions) {
        const qint64 v = valueOf(c.field);
        switch (c.op) {
        case Op::Eq:
            if (std::find(c.values.begin(), c.values.end(), v) == c.values.end())
                return false;
            break;
        case Op::Ne:
            if (std::find(c.values.begin(), c.values.end(), v) != c.values.end())
                return false;
            break;
        case Op::Gt: if (v == NullValue || !(v > c.values.front())) return false; break;
        case Op::Gte: if (v == NullValue || !(v >= c.values.front())) return false; break;
        case Op::Lt: if (v == NullValue || !(v < c.values.front())) return false; break;
        case Op::Lte: if (v == NullValue || !(v <= c.values.front())) return false; break;
        }
    }
    return true;
}

/// A datetime row value in the unit conditions use.
inline qint64 timeValue(qint32 relative) { return relative == NoTime ? NullValue : qint64(relative) * 1000; }

/// A JSON number that is a whole number (money in cents, counts).
inline bool wholeNumber(const QJsonValue &value, qint64 *out, qint64 lo = -2000000000, qint64 hi = 2000000000)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (d != double(qint64(d)) || d < double(lo) || d > double(hi))
        return false;
    *out = qint64(d);
    return true;
}

/// A split or rate given as a fraction 0-1, in basis points.
inline bool fraction(const QJsonValue &value, int *basisPoints)
{
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
        return false;
    *basisPoints = int(qRound(value.toDouble() * 10000.0));
    return true;
}

/// Parses a full ISO 8601 date-time ("2024-01-01T00:00:00Z", offsets allowed); false for a bare date.
bool parseDateTime(const QString &text, QDateTime *out);

} // namespace ConsignDesk::Sandbox::ConsignCloud
