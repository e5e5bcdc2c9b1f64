#include "sandbox/consigncloud/consigncloudquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace ConsignDesk::Sandbox::ConsignCloud {

namespace {

bool parseOp(const QString &text, Op *op)
{
    static const struct { const char *name; Op op; } ops[] = {
        {"eq", Op::Eq}, {"ne", Op::Ne}, {"gt", Op::Gt}, {"gte", Op::Gte}, {"lt", Op::Lt}, {"lte", Op::Lte}};
    for (const auto &entry : ops) {
        if (text == QLatin1String(entry.name)) {
            *op = entry.op;
            return true;
        }
    }
    return false;
}

bool parseValue(const FieldSpec &field, const QString &text, const Store &store, qint64 *value, QString *error)
{
    const QString name = QString::fromLatin1(field.name);
    bool ok = false;
    switch (field.type) {
    case FieldType::Money:
    case FieldType::Integer:
        *value = text.toLongLong(&ok);
        if (!ok)
            *error = QStringLiteral("%1 wants a whole number%2, not '%3'")
                         .arg(name, field.type == FieldType::Money ? QStringLiteral(" of cents") : QString(), text);
        return ok;
    case FieldType::DateTime: {
        QDateTime when;
        if (!parseDateTime(text, &when)) {
            *error = QStringLiteral("%1 wants a full ISO 8601 date-time such as 2024-01-01T00:00:00Z, not '%2'")
                         .arg(name, text);
            return false;
        }
        *value = when.toMSecsSinceEpoch() - store.m_epochSecs * 1000;
        return true;
    }
    case FieldType::Bool:
        if (text == QLatin1String("true") || text == QLatin1String("false")) {
            *value = text == QLatin1String("true") ? 1 : 0;
            return true;
        }
        *error = QStringLiteral("%1 wants true or false, not '%2'").arg(name, text);
        return false;
    case FieldType::Enum: {
        QString wanted = text;
        if (field.aliases) {
            for (const QString &alias : QString::fromLatin1(field.aliases).split(u',')) {
                if (alias.section(u'=', 0, 0) == text)
                    wanted = alias.section(u'=', 1, 1);
            }
        }
        QStringList known;
        for (int i = 0; i < field.enumCount; ++i) {
            const QString candidate = QString::fromLatin1(field.enumName(i));
            if (candidate == wanted) {
                *value = i;
                return true;
            }
            known.append(candidate);
        }
        *error = QStringLiteral("%1 '%2' is not one of %3").arg(name, text, known.join(QStringLiteral(", ")));
        return false;
    }
    case FieldType::Reference: {
        if (text == QLatin1String("null")) {
            *value = NullValue;
            return true;
        }
        const quint32 index = store.indexOf(field.reference, text);
        if (index == NoIndex) {
            // a well-formed id that is not ours matches nothing; anything else is an error
            static const QRegularExpression uuid(
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            if (!uuid.match(text).hasMatch()) {
                *error = QStringLiteral("%1 wants an id (uuid) or null, not '%2'").arg(name, text);
                return false;
            }
            *value = -2;
            return true;
        }
        *value = index;
        return true;
    }
    }
    return false;
}

} // namespace

bool parseDateTime(const QString &text, QDateTime *out)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$"));
    if (!pattern.match(text).hasMatch())
        return false;
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return false;
    *out = when.toUTC();
    return true;
}

std::optional<Query> parseQuery(const Request &request, const QuerySpec &spec, const Store &store, QString *error)
{
    Query query;
    if (spec.paged) {
        const auto cursor = readCursor(request, defaultLimit, maxLimit, error);
        if (!cursor)
            return std::nullopt;
        query.cursor = *cursor;
    }
    QStringList keyParts;
    for (const auto &[key, value] : request.queryItems) {
        if (spec.paged && (key == QLatin1String("limit") || key == QLatin1String("cursor")))
            continue;
        if (spec.extra.contains(key))
            continue;
        if (key == QLatin1String("include") || key == QLatin1String("expand")) {
            const bool isInclude = key == QLatin1String("include");
            const QStringList &allowed = isInclude ? spec.includes : spec.expands;
            if (!allowed.contains(value)) {
                *error = QStringLiteral("%1 '%2' is not supported here%3")
                             .arg(key, value,
                                  allowed.isEmpty() ? QString()
                                                    : QStringLiteral(" (use one of %1; repeat the parameter for more)")
                                                          .arg(allowed.join(QStringLiteral(", "))));
                return std::nullopt;
            }
            (isInclude ? query.include : query.expand).append(value);
            continue;
        }
        if (key == QLatin1String("include_deleted") && spec.deletable) {
            if (value != QLatin1String("true") && value != QLatin1String("false")) {
                *error = QStringLiteral("include_deleted wants true or false");
                return std::nullopt;
            }
            query.includeDeleted = value == QLatin1String("true");
            continue;
        }
        const qsizetype colon = key.indexOf(u':');
        const QString fieldName = colon < 0 ? key : key.left(colon);
        const FieldSpec *field = nullptr;
        for (const FieldSpec &candidate : spec.fields) {
            if (fieldName == QLatin1String(candidate.name))
                field = &candidate;
        }
        if (!field) {
            *error = QStringLiteral("unknown parameter '%1'").arg(key);
            if (!spec.fields.empty())
                *error += QStringLiteral("; filters are written field:op=value (op: eq, ne, gt, gte, lt, lte)");
            return std::nullopt;
        }
        Op op = Op::Eq;
        if (colon >= 0 && !parseOp(key.mid(colon + 1), &op)) {
            *error = QStringLiteral("unknown operator in '%1' (use eq, ne, gt, gte, lt or lte)").arg(key);
            return std::nullopt;
        }
        const bool ordered = field->type == FieldType::Money || field->type == FieldType::Integer
            || field->type == FieldType::DateTime;
        if (!ordered && op != Op::Eq && op != Op::Ne) {
            *error = QStringLiteral("%1 can only be compared with eq or ne").arg(fieldName);
            return std::nullopt;
        }
        qint64 parsed = 0;
        if (value == QLatin1String("null") && field->type == FieldType::Integer && (op == Op::Eq || op == Op::Ne))
            parsed = NullValue;
        else if (!parseValue(*field, value, store, &parsed, error))
            return std::nullopt;
        auto same = std::find_if(query.conditions.begin(), query.conditions.end(), [&](const Condition &c) {
            return c.field == field->id && c.op == op && op == Op::Eq;
        });
        if (same != query.conditions.end())
            same->values.push_back(parsed);
        else
            query.conditions.push_back(Condition{field->id, field->type, op, {parsed}});
        keyParts.append(key + u'=' + value);
    }
    keyParts.sort();
    if (query.includeDeleted)
        keyParts.append(QStringLiteral("include_deleted"));
    query.key = request.routePattern + u'?' + keyParts.join(u'&');
    return query;
}

} // namespace ConsignDesk::Sandbox::ConsignCloud
