#include "sandbox/consigncloud/consigncloudapi.h"

#include "sandbox/consigncloud/consigncloudquery.h"
#include "sandbox/consigncloud/consigncloudstore.h"
#include "sandbox/jsonwriter.h"
#include "sandbox/random.h"

#include <QJsonDocument>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

QString apiKey(quint64 seed, quint64 which)
{
    return QStringLiteral("cc_live_%1%2")
        .arg(mix(seed, which), 16, 16, QLatin1Char('0'))
        .arg(mix(seed, which + 1), 16, 16, QLatin1Char('0'));
}

constexpr qsizetype maxBodyBytes = 1024 * 1024;

} // namespace

QStringList ConsignCloudApi::allPermissions()
{
    return {QStringLiteral("read:items"), QStringLiteral("write:items"), QStringLiteral("delete:items"),
            QStringLiteral("bulk_edit:items"), QStringLiteral("write:item_status_changes"),
            QStringLiteral("read:sales"), QStringLiteral("write:sales"), QStringLiteral("read:item_sales"),
            QStringLiteral("read:accounts"), QStringLiteral("write:accounts"), QStringLiteral("delete:accounts"),
            QStringLiteral("read:balance_entries"), QStringLiteral("read:account_balances"),
            QStringLiteral("write:account_balances"), QStringLiteral("read:batches"), QStringLiteral("write:batches"),
            QStringLiteral("submit:batches"), QStringLiteral("write:item_categories"), QStringLiteral("read:locations"),
            QStringLiteral("write:locations"), QStringLiteral("delete:locations"), QStringLiteral("read:discounts"),
            QStringLiteral("write:discounts"), QStringLiteral("delete:discounts"), QStringLiteral("read:taxes"),
            QStringLiteral("write:taxes"), QStringLiteral("delete:taxes"), QStringLiteral("read:sales_trends"),
            QStringLiteral("read:sales_reports")};
}

ConsignCloudApi::ConsignCloudApi(const GenerationOptions &options)
    : m_store(std::make_unique<Store>(options))
    , m_fullKey(apiKey(options.seed, 0xfe11))
    , m_restrictedKey(apiKey(options.seed, 0x4e57))
    , m_rateLimits(options.rateLimits)
{
    for (const QString &permission : allPermissions()) {
        if (permission.startsWith(QLatin1String("read:")) && permission != QLatin1String("read:items"))
            m_restrictedPermissions.insert(permission);
    }
    m_clock.start();
    // Fixed paths first: /items/stats must not be taken for /items/{id}.
    addItemActionRoutes();
    addItemRoutes();
    addSaleRoutes();
    addAccountRoutes();
    addLedgerRoutes();
    addTableRoutes();
    addReportRoutes();
}

ConsignCloudApi::~ConsignCloudApi() = default;

QJsonObject ConsignCloudApi::credentials(const QString &root) const
{
    return QJsonObject{{QStringLiteral("base_url"), QString(root + pathPrefix())},
                       {QStringLiteral("api_key"), m_fullKey},
                       {QStringLiteral("restricted_api_key"), m_restrictedKey}};
}

bool ConsignCloudApi::allowed(const Request &request, const QString &permission) const
{
    const QByteArray header = request.header("Authorization");
    const QString key = QString::fromUtf8(header.mid(7)).trimmed();
    if (key == m_fullKey)
        return true;
    return key == m_restrictedKey && (permission.isEmpty() || m_restrictedPermissions.contains(permission));
}

std::optional<Reply> ConsignCloudApi::admit(const Request &request, const Route &route)
{
    const QByteArray header = request.header("Authorization");
    if (header.isEmpty())
        return error(401, QStringLiteral("invalid_api_key"), QStringLiteral("missing Authorization: Bearer <api key>"));
    if (!header.startsWith("Bearer "))
        return error(401, QStringLiteral("invalid_api_key"), QStringLiteral("the Authorization header must be Bearer"));
    const QString key = QString::fromUtf8(header.mid(7)).trimmed();
    if (key != m_fullKey && key != m_restrictedKey)
        return error(401, QStringLiteral("invalid_api_key"), QStringLiteral("the API key is not valid"));
    if (m_rateLimits) {
        auto bucket = m_buckets.find(key);
        if (bucket == m_buckets.end())
            bucket = m_buckets.insert(key, LeakyBucket(100, 10));
        if (!bucket->admit(m_clock.elapsed(), nullptr))
            return error(429, QStringLiteral("too_many_requests"),
                         QStringLiteral("rate limit exceeded: 100 requests, leaking 10 per second"));
    }
    if (!allowed(request, route.permission))
        return error(403, QStringLiteral("access_denied"),
                     QStringLiteral("this API key lacks the permission %1").arg(route.permission), route.permission);
    return std::nullopt;
}

Reply ConsignCloudApi::error(int status, const QString &code, const QString &message, const QString &permission) const
{
    QByteArray body;
    JsonWriter w(body);
    w.beginObject().field("error", code).field("message", message);
    if (!permission.isEmpty())
        w.field("required_permission", permission);
    w.endObject();
    return Reply::json(body, status);
}

Reply ConsignCloudApi::errorReply(int status, const QString &message) const
{
    QString code;
    switch (status) {
    case 400: code = QStringLiteral("invalid_request_data"); break;
    case 401: code = QStringLiteral("invalid_api_key"); break;
    case 403: code = QStringLiteral("access_denied"); break;
    case 404: code = QStringLiteral("entity_not_found"); break;
    case 405: code = QStringLiteral("method_not_allowed"); break;
    case 409: code = QStringLiteral("conflict"); break;
    case 413: code = QStringLiteral("payload_too_large"); break;
    case 429: code = QStringLiteral("too_many_requests"); break;
    case 503: code = QStringLiteral("service_unavailable"); break;
    default: code = status >= 500 ? QStringLiteral("internal_server_error") : QStringLiteral("invalid_request_data");
    }
    return error(status, code, message);
}

Reply ConsignCloudApi::notFound(const QString &what) const
{
    return error(404, QStringLiteral("entity_not_found"), QStringLiteral("no %1 with that id").arg(what));
}

std::optional<Reply> ConsignCloudApi::readBody(const Request &request, QJsonObject *body) const
{
    if (request.body.size() > maxBodyBytes)
        return error(413, QStringLiteral("payload_too_large"), QStringLiteral("the body is larger than 1 MB"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badRequest(QStringLiteral("the body must be a JSON object"));
    *body = document.object();
    return std::nullopt;
}

qint64 ConsignCloudApi::count(const QString &key, const std::function<qint64()> &compute)
{
    const auto found = m_counts.constFind(key);
    if (found != m_counts.cend() && found->first == m_store->version())
        return found->second;
    if (m_counts.size() > 4096)
        m_counts.clear();
    const qint64 n = compute();
    m_counts.insert(key, qMakePair(m_store->version(), n));
    return n;
}

std::optional<Reply> ConsignCloudApi::query(const Request &request, const QuerySpec &spec, Query *out) const
{
    QString message;
    auto parsed = parseQuery(request, spec, *m_store, &message);
    if (!parsed)
        return badRequest(message);
    *out = std::move(*parsed);
    return std::nullopt;
}

Reply ConsignCloudApi::page(const Request &request, const Query &query, qint64 size,
                            const std::function<bool(quint32)> &pass,
                            const std::function<void(JsonWriter &, quint32)> &write)
{
    const qint64 total = count(query.key, [&] {
        qint64 n = 0;
        for (qint64 i = 0; i < size; ++i)
            n += pass(quint32(i)) ? 1 : 0;
        return n;
    });
    QByteArray body;
    body.reserve(query.cursor.limit * 900 + 128);
    JsonWriter w(body);
    w.beginObject().field("count", total).key("data").beginArray();
    QList<qint64> keys;
    bool more = false;
    if (!request.hasFault(FaultKind::EmptyPage)) {
        for (qint64 i = std::max<qint64>(0, query.cursor.after + 1); i < size; ++i) {
            if (!pass(quint32(i)))
                continue;
            if (keys.size() == query.cursor.limit) {
                more = true;
                break;
            }
            write(w, quint32(i));
            keys.append(i);
        }
    }
    w.endArray();
    w.optionalField("next_cursor", nextCursor(request, query.cursor, keys, more));
    w.endObject();
    return Reply::json(body);
}

void ConsignCloudApi::simulateActivity(Rng &rng, const QDateTime &now)
{
    m_store->simulateActivity(rng, now);
}

QJsonObject ConsignCloudApi::inspect() const
{
    return m_store->inspect();
}

} // namespace ConsignDesk::Sandbox
