#include "net/accesstoken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace ConsignDesk::Net {

namespace {

constexpr qint64 defaultLifetimeSeconds = 300; // when the answer names none
constexpr int tokenTimeoutMs = 30000;

} // namespace

void applyBearer(HttpRequest &request, const QString &token)
{
    request.headers.removeIf([](const auto &header) { return header.first.compare("Authorization", Qt::CaseInsensitive) == 0; });
    request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token.toUtf8())));
    if (!request.secrets.contains(token))
        request.secrets.append(token);
}

StaticToken::StaticToken(SecretSource secret)
    : m_secret(std::move(secret))
{
}

void StaticToken::token(TokenCallback done)
{
    m_secret(std::move(done));
}

ClientCredentialsToken::ClientCredentialsToken(HttpClient &client, const QUrl &tokenUrl, const QString &clientId,
                                               SecretSource secret, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokenUrl(tokenUrl)
    , m_clientId(clientId)
    , m_secret(std::move(secret))
{
    m_clock.start();
    m_nowMs = [this] { return m_clock.elapsed(); };
}

qint64 ClientCredentialsToken::renewMarginMs(qint64 lifetimeMs)
{
    return std::min<qint64>(60000, lifetimeMs / 10);
}

void ClientCredentialsToken::token(TokenCallback done)
{
    if (!m_token.isEmpty() && m_nowMs() < m_renewAtMs) {
        done(m_token, {});
        return;
    }
    m_waiting.append(std::move(done));
    if (!m_fetching)
        fetch();
}

bool ClientCredentialsToken::invalidate(const QString &token)
{
    // Only the token that was refused; a newer one fetched meanwhile stays.
    if (token == m_token)
        m_token.clear();
    return true;
}

void ClientCredentialsToken::fetch()
{
    m_fetching = true;
    QPointer<ClientCredentialsToken> self(this);
    m_secret([self](const QString &secret, const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            self->finish({}, error);
            return;
        }
        HttpRequest request;
        request.method = "POST";
        request.url = self->m_tokenUrl;
        request.endpoint = QStringLiteral("POST ") + self->m_tokenUrl.path();
        request.timeoutMs = tokenTimeoutMs;
        request.secrets = {secret};
        request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(self->m_clientId)));
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        request.body = form.query(QUrl::FullyEncoded).toUtf8();
        const qint64 sentAt = self->m_nowMs();
        ++self->m_fetches;
        self->m_client.send(request, [self, sentAt](const HttpResult &result) {
            if (!self)
                return;
            self->m_lastAnswer = result;
            const QString host = self->m_tokenUrl.host();
            if (result.transportFailed()) {
                self->finish({}, tr("Could not get an access token from %1: %2").arg(host, result.errorText));
                return;
            }
            const QJsonObject answer = QJsonDocument::fromJson(result.body).object();
            if (result.status == 400 || result.status == 401) {
                const QString code = answer.value(QStringLiteral("error")).toString();
                self->finish({}, tr("%1 refused the client id or secret (%2%3). Check them under File > Connections.")
                                     .arg(host)
                                     .arg(result.status)
                                     .arg(code.isEmpty() ? QString() : QStringLiteral(", ") + code));
                return;
            }
            if (result.status != 200) {
                self->finish({}, tr("%1 answered the token request with status %2.").arg(host).arg(result.status));
                return;
            }
            const QString token = answer.value(QStringLiteral("access_token")).toString();
            if (token.isEmpty()) {
                self->finish({}, tr("%1 answered the token request without an access token.").arg(host));
                return;
            }
            const QJsonValue expiresIn = answer.value(QStringLiteral("expires_in"));
            const qint64 lifetimeMs = (expiresIn.isDouble() && expiresIn.toDouble() > 0
                                           ? qint64(expiresIn.toDouble())
                                           : defaultLifetimeSeconds)
                * 1000;
            // Counted from when the request left, so the renewal is never late.
            self->m_renewAtMs = sentAt + lifetimeMs - renewMarginMs(lifetimeMs);
            self->finish(token, {});
        });
    });
}

void ClientCredentialsToken::finish(const QString &token, const QString &error)
{
    m_token = token;
    m_fetching = false;
    const QList<TokenCallback> waiting = std::exchange(m_waiting, {});
    for (const TokenCallback &done : waiting)
        done(token, error);
}

namespace {

// One request through a token source: sent with the current token, and once
// more with a fresh one when that was refused.
struct TokenedSend : std::enable_shared_from_this<TokenedSend> {
    TokenedSend(HttpClient &c, TokenSource &t, HttpRequest r, HttpClient::Callback d)
        : client(c)
        , tokens(t)
        , request(std::move(r))
        , done(std::move(d))
    {
    }

    void attempt(bool mayRenew)
    {
        tokens.token([self = shared_from_this(), mayRenew](const QString &token, const QString &error) {
            if (!error.isEmpty()) {
                HttpResult failed;
                failed.error = QNetworkReply::AuthenticationRequiredError;
                failed.errorText = redact(error, self->request.secrets);
                self->done(failed);
                return;
            }
            applyBearer(self->request, token);
            self->client.send(self->request, [self, mayRenew, token](const HttpResult &result) {
                if (result.status == 401 && mayRenew && self->tokens.invalidate(token))
                    self->attempt(false);
                else
                    self->done(result);
            });
        });
    }

    HttpClient &client;
    TokenSource &tokens;
    HttpRequest request;
    HttpClient::Callback done;
};

} // namespace

void sendWithToken(HttpClient &client, TokenSource &tokens, HttpRequest request, HttpClient::Callback done)
{
    std::make_shared<TokenedSend>(client, tokens, std::move(request), std::move(done))->attempt(true);
}

} // namespace ConsignDesk::Net
