#include "sandbox/consignly/consignlyapi.h"

#include "sandbox/consignly/consignlyquery.h"
#include "sandbox/consignly/consignlystore.h"
#include "sandbox/random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>

namespace ConsignDesk::Sandbox {

using namespace Consignly;

namespace {

const QString tokenPattern = QStringLiteral("/connect/token");
const QString defaultScope = QStringLiteral("consignly_api");
constexpr qint64 apiKeyLifetimeSeconds = 30LL * 24 * 3600;

QString hex(std::uint64_t value)
{
    return QString::number(value, 16).rightJustified(16, u'0');
}

const char *errorType(int status)
{
    switch (status) {
    case 400: return "ValidationError";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "NotFound";
    case 405: return "MethodNotAllowed";
    case 409: return "Conflict";
    case 422: return "UnprocessableEntity";
    case 429: return "TooManyRequests";
    case 503: return "ServiceUnavailable";
    default: return status >= 500 ? "ServerError" : "Error";
    }
}

} // namespace

ConsignlyApi::ConsignlyApi(const GenerationOptions &options)
    : m_store(std::make_unique<Store>(options))
    , m_index(std::make_unique<InventoryIndex>())
    , m_rateLimits(options.rateLimits)
{
    m_clock.start();
    m_clientId = QStringLiteral("consigndesk-") + hex(mix(options.seed, 0xC11E)).left(10);
    m_clientSecret = hex(mix(options.seed, 0x5EC1)) + hex(mix(options.seed, 0x5EC2));
    m_organisationLimit.configure(m_perOrganisation, m_windowMs);
    m_apiKey = issueToken(QDateTime::currentMSecsSinceEpoch(), apiKeyLifetimeSeconds);
    addRoutes();
}

ConsignlyApi::~ConsignlyApi() = default;

QJsonObject ConsignlyApi::credentials(const QString &root) const
{
    return QJsonObject{
        {QStringLiteral("base_url"), root},
        {QStringLiteral("api_key"), m_apiKey},
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("client_secret"), m_clientSecret},
        {QStringLiteral("token_url"), QString(root + tokenPattern)},
    };
}

QString ConsignlyApi::issueToken(qint64 nowMs, qint64 lifetimeSeconds)
{
    const quint64 n = ++m_tokenCounter;
    const QString token = QStringLiteral("cly_") + hex(mix(m_store->seed(), 0x70CE0000 + n)) + hex(mix(n, nowMs));
    m_tokens.insert(token, Token{nowMs + lifetimeSeconds * 1000, defaultScope});
    return token;
}

void ConsignlyApi::expireAllTokens()
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
        it->expiresMs = 0;
}

void ConsignlyApi::setRateLimitWindows(int perConnection, int perOrganisation, qint64 windowMs)
{
    m_perConnection = perConnection;
    m_perOrganisation = perOrganisation;
    m_windowMs = windowMs;
    m_connectionLimits.clear();
    m_organisationLimit.configure(perOrganisation, windowMs);
}

Reply ConsignlyApi::errorReply(int status, const QString &message) const
{
    if (status == 304)
        return Reply::empty(304);
    const QJsonObject body{{QStringLiteral("ErrorType"), QString::fromLatin1(errorType(status))},
                           {QStringLiteral("ErrorMessages"), QJsonArray{message}}};
    return Reply::json(QJsonDocument(body), status);
}

Reply ConsignlyApi::oauthError(int status, const char *error, const QString &description) const
{
    const QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(error)},
                           {QStringLiteral("error_description"), description}};
    Reply reply = Reply::json(QJsonDocument(body), status);
    reply.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    return reply;
}

std::optional<Reply> ConsignlyApi::admit(const Request &request, const Route &route)
{
    if (route.pattern == tokenPattern)
        return std::nullopt;
    const QByteArray authorization = request.header("Authorization").trimmed();
    auto refuse = [this](const QString &message, const QByteArray &code) {
        Reply reply = errorReply(401, message);
        reply.withHeader("WWW-Authenticate", "Bearer error=\"" + code + '"');
        return reply;
    };
    if (authorization.isEmpty())
        return refuse(QStringLiteral("Authorization has been denied for this request: no access token."), "invalid_request");
    if (!authorization.toLower().startsWith("bearer "))
        return refuse(QStringLiteral("Authorization has been denied for this request: use a Bearer access token."),
                      "invalid_request");
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto found = m_tokens.constFind(token);
    if (found == m_tokens.constEnd())
        return refuse(QStringLiteral("The access token is not valid."), "invalid_token");
    if (found->expiresMs <= request.received.toMSecsSinceEpoch())
        return refuse(QStringLiteral("The access token expired."), "invalid_token");

    if (!m_rateLimits)
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    double retryAfter = 0;
    QString refusal;
    auto limiter = m_connectionLimits.find(token);
    if (limiter == m_connectionLimits.end())
        limiter = m_connectionLimits.insert(token, WindowLimiter(m_perConnection, m_windowMs));
    if (!limiter->admit(now, &retryAfter))
        refusal = QStringLiteral("Rate limit exceeded: %1 requests a minute per connection.").arg(m_perConnection);
    else if (!m_organisationLimit.admit(now, &retryAfter))
        refusal = QStringLiteral("Rate limit exceeded: %1 requests a minute per organisation.").arg(m_perOrganisation);
    if (refusal.isEmpty())
        return std::nullopt;
    Reply reply = errorReply(429, refusal);
    reply.withHeader("Retry-After", QByteArray::number(std::max<qint64>(1, qint64(std::ceil(retryAfter)))));
    return reply;
}

Reply ConsignlyApi::token(const Request &request)
{
    if (!request.header("Content-Type").toLower().contains("application/x-www-form-urlencoded"))
        return oauthError(400, "invalid_request", QStringLiteral("The body must be application/x-www-form-urlencoded."));
    QByteArray form = request.body;
    form.replace('+', "%20");
    const QUrlQuery query(QString::fromUtf8(form));
    auto field = [&query](const char *name) {
        return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };

    QString clientId = field("client_id");
    QString clientSecret = field("client_secret");
    const QByteArray authorization = request.header("Authorization").trimmed();
    const bool basic = authorization.toLower().startsWith("basic ");
    if (basic) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon < 0)
            clientId.clear();
        else {
            clientId = QUrl::fromPercentEncoding(pair.left(colon));
            clientSecret = QUrl::fromPercentEncoding(pair.mid(colon + 1));
        }
    }
    if (clientId != m_clientId || clientSecret != m_clientSecret) {
        Reply reply = oauthError(basic ? 401 : 400, "invalid_client", QStringLiteral("Client authentication failed."));
        if (basic)
            reply.withHeader("WWW-Authenticate", "Basic realm=\"consignly\"");
        return reply;
    }
    const QString grantType = field("grant_type");
    if (grantType.isEmpty())
        return oauthError(400, "invalid_request", QStringLiteral("grant_type is missing."));
    if (grantType != QLatin1String("client_credentials"))
        return oauthError(400, "unsupported_grant_type",
                          QStringLiteral("The grant type '%1' is not supported.").arg(grantType));
    QString scope = field("scope").simplified();
    if (scope.isEmpty())
        scope = defaultScope;
    const QStringList scopes = scope.split(u' ');
    for (const QString &one : scopes) {
        if (one != defaultScope)
            return oauthError(400, "invalid_scope", QStringLiteral("The scope '%1' is not allowed for this client.").arg(one));
    }
    const QString accessToken = issueToken(request.received.toMSecsSinceEpoch(), m_tokenLifetime);
    const QJsonObject body{{QStringLiteral("access_token"), accessToken},
                           {QStringLiteral("expires_in"), m_tokenLifetime},
                           {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                           {QStringLiteral("scope"), scope}};
    Reply reply = Reply::json(QJsonDocument(body));
    reply.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    return reply;
}

void ConsignlyApi::simulateActivity(Rng &rng, const QDateTime &now)
{
    m_store->simulateActivity(rng, now.toSecsSinceEpoch());
}

QJsonObject ConsignlyApi::inspect() const
{
    return m_store->inspect();
}

} // namespace ConsignDesk::Sandbox
