#include "sandbox/faults.h"

#include <QJsonValue>

namespace ConsignDesk::Sandbox {

namespace {

const struct {
    const char *name;
    FaultKind kind;
} kindNames[] = {
    {"slow", FaultKind::Slow},
    {"drop", FaultKind::Drop},
    {"drop-mid-body", FaultKind::DropMidBody},
    {"drop-after-write", FaultKind::DropAfterWrite},
    {"malformed-json", FaultKind::MalformedJson},
    {"wrong-type", FaultKind::WrongType},
    {"duplicate-rows", FaultKind::DuplicateRows},
    {"repeat-cursor", FaultKind::RepeatCursor},
    {"empty-page", FaultKind::EmptyPage},
};

const QStringList vendorNames{QStringLiteral("consigncloud"), QStringLiteral("simpleconsign"),
                              QStringLiteral("consignify"), QStringLiteral("consignly")};

bool setKind(FaultSpec &spec, const QString &kind, QString *error)
{
    bool isNumber = false;
    const int status = kind.toInt(&isNumber);
    if (isNumber) {
        if (status < 400 || status > 599) {
            *error = QStringLiteral("fault status %1 is not an HTTP error status (400-599)").arg(kind);
            return false;
        }
        spec.kind = FaultKind::Status;
        spec.status = status;
        return true;
    }
    for (const auto &entry : kindNames) {
        if (kind == QLatin1String(entry.name)) {
            spec.kind = entry.kind;
            return true;
        }
    }
    *error = QStringLiteral("unknown fault kind '%1'").arg(kind);
    return false;
}

QString kindName(const FaultSpec &spec)
{
    if (spec.kind == FaultKind::Status)
        return QString::number(spec.status);
    for (const auto &entry : kindNames) {
        if (entry.kind == spec.kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

bool setOption(FaultSpec &spec, const QString &key, const QString &value, QString *error)
{
    bool ok = true;
    if (key == QLatin1String("count"))
        spec.count = value.toInt(&ok);
    else if (key == QLatin1String("after"))
        spec.after = value.toInt(&ok);
    else if (key == QLatin1String("delay"))
        spec.delayMs = value.toInt(&ok);
    else if (key == QLatin1String("method"))
        spec.method = value.toUpper();
    else if (key == QLatin1String("retry-after"))
        spec.retryAfter = value;
    else if (key == QLatin1String("field"))
        spec.field = value;
    else if (key == QLatin1String("record"))
        spec.record = value.toInt(&ok);
    else {
        *error = QStringLiteral("unknown fault option '%1'").arg(key);
        return false;
    }
    if (!ok)
        *error = QStringLiteral("fault option %1 wants a number, not '%2'").arg(key, value);
    return ok;
}

} // namespace

std::optional<FaultSpec> FaultSpec::parse(const QString &text, QString *error)
{
    const QStringList parts = text.split(u':');
    if (parts.size() < 3) {
        *error = QStringLiteral("fault '%1' is not VENDOR:ENDPOINT:KIND[:key=value]...").arg(text);
        return std::nullopt;
    }
    FaultSpec spec;
    spec.vendor = parts.at(0).toLower();
    if (!vendorNames.contains(spec.vendor)) {
        *error = QStringLiteral("unknown vendor '%1' in fault '%2'").arg(parts.at(0), text);
        return std::nullopt;
    }
    spec.endpoint = parts.at(1).isEmpty() ? QStringLiteral("*") : parts.at(1);
    if (!setKind(spec, parts.at(2), error))
        return std::nullopt;
    for (int i = 3; i < parts.size(); ++i) {
        const qsizetype eq = parts.at(i).indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("fault option '%1' is not key=value").arg(parts.at(i));
            return std::nullopt;
        }
        if (!setOption(spec, parts.at(i).left(eq), parts.at(i).mid(eq + 1), error))
            return std::nullopt;
    }
    return spec;
}

std::optional<FaultSpec> FaultSpec::fromJson(const QJsonObject &json, QString *error)
{
    FaultSpec spec;
    spec.vendor = json.value(QStringLiteral("vendor")).toString().toLower();
    if (!vendorNames.contains(spec.vendor)) {
        *error = QStringLiteral("unknown vendor '%1'").arg(spec.vendor);
        return std::nullopt;
    }
    spec.endpoint = json.value(QStringLiteral("endpoint")).toString(QStringLiteral("*"));
    const QJsonValue kind = json.value(QStringLiteral("kind"));
    if (!setKind(spec, kind.isDouble() ? QString::number(kind.toInt()) : kind.toString(), error))
        return std::nullopt;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() == QLatin1String("vendor") || it.key() == QLatin1String("endpoint")
            || it.key() == QLatin1String("kind"))
            continue;
        const QString value = it.value().isDouble() ? QString::number(it.value().toDouble()) : it.value().toString();
        if (!setOption(spec, it.key(), value, error))
            return std::nullopt;
    }
    return spec;
}

QJsonObject FaultSpec::toJson() const
{
    QJsonObject json{{QStringLiteral("vendor"), vendor},
                     {QStringLiteral("endpoint"), endpoint},
                     {QStringLiteral("kind"), kindName(*this)},
                     {QStringLiteral("count"), count},
                     {QStringLiteral("after"), after}};
    if (!method.isEmpty())
        json.insert(QStringLiteral("method"), method);
    if (!retryAfter.isNull())
        json.insert(QStringLiteral("retry-after"), retryAfter);
    if (kind == FaultKind::Slow)
        json.insert(QStringLiteral("delay"), delayMs);
    if (!field.isEmpty())
        json.insert(QStringLiteral("field"), field);
    if (record != 0)
        json.insert(QStringLiteral("record"), record);
    return json;
}

bool FaultSpec::matches(const QString &vendorName, const QByteArray &requestMethod, const QString &routePattern) const
{
    return vendor == vendorName && (endpoint == QLatin1String("*") || endpoint == routePattern)
        && (method.isEmpty() || method == QString::fromLatin1(requestMethod));
}

void FaultInjector::add(const FaultSpec &fault)
{
    QMutexLocker lock(&m_mutex);
    m_faults.append(fault);
}

void FaultInjector::clear()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

QList<FaultSpec> FaultInjector::pending() const
{
    QMutexLocker lock(&m_mutex);
    return m_faults;
}

QList<FaultSpec> FaultInjector::take(const QString &vendorName, const QByteArray &method, const QString &routePattern)
{
    QMutexLocker lock(&m_mutex);
    QList<FaultSpec> hits;
    for (auto it = m_faults.begin(); it != m_faults.end();) {
        if (!it->matches(vendorName, method, routePattern)) {
            ++it;
            continue;
        }
        if (it->after > 0) {
            --it->after;
            ++it;
            continue;
        }
        hits.append(*it);
        if (it->count > 0 && --it->count == 0)
            it = m_faults.erase(it);
        else
            ++it;
    }
    return hits;
}

} // namespace ConsignDesk::Sandbox
