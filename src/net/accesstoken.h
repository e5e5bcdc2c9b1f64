#pragma once

#include "net/httpclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace ConsignDesk::Net {

/// @short Where a request's Bearer token comes from. Tokens live in memory
/// only; the secret they are made from stays in the keychain until the
/// moment a token is requested.
class TokenSource
{
public:
    virtual ~TokenSource() = default;

    using TokenCallback = std::function<void(const QString &token, const QString &error)>;
    /// A token fit to send now; @p done runs once, with a token or the reason there is none.
    virtual void token(TokenCallback done) = 0;
    /// A request sent with @p token was refused (401). Returns true when a
    /// fresh token can be had, so the request is worth sending once more.
    virtual bool invalidate(const QString &token) = 0;
};

/// @short A ready token, pasted by the manager; nothing renews it.
class StaticToken : public TokenSource
{
public:
    using SecretSource = std::function<void(TokenCallback)>;
    explicit StaticToken(SecretSource secret);

    void token(TokenCallback done) override;
    bool invalidate(const QString &) override { return false; }

private:
    SecretSource m_secret;
};

/// @short OAuth 2.0 client credentials (Consignly's identity server): fetches
/// an access token, keeps it in memory, and renews it shortly before it
/// expires or when a request with it was refused. Callers waiting at the same
/// time share one token request.
class ClientCredentialsToken : public QObject, public TokenSource
{
    Q_OBJECT
public:
    /// Reads the client secret (from the keychain) when a token is needed.
    using SecretSource = std::function<void(TokenCallback)>;

    ClientCredentialsToken(HttpClient &client, const QUrl &tokenUrl, const QString &clientId, SecretSource secret,
                           QObject *parent = nullptr);

    void token(TokenCallback done) override;
    bool invalidate(const QString &token) override;

    /// How many tokens were fetched so far.
    int fetches() const { return m_fetches; }
    /// The identity server's last answer (its status says why a fetch failed).
    const HttpResult &lastAnswer() const { return m_lastAnswer; }
    /// Milliseconds on the monotonic clock (replaceable in tests).
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    /// A token is renewed when less than this remains: a tenth of its
    /// lifetime, at most a minute.
    static qint64 renewMarginMs(qint64 lifetimeMs);

private:
    void fetch();
    void finish(const QString &token, const QString &error);

    HttpClient &m_client;
    QUrl m_tokenUrl;
    QString m_clientId;
    SecretSource m_secret;
    std::function<qint64()> m_nowMs;
    QElapsedTimer m_clock;

    QString m_token;
    qint64 m_renewAtMs = 0;
    bool m_fetching = false;
    QList<TokenCallback> m_waiting;
    int m_fetches = 0;
    HttpResult m_lastAnswer;
};

/// Puts "Authorization: Bearer <token>" on @p request (replacing any) and
/// adds the token to its secrets.
void applyBearer(HttpRequest &request, const QString &token);

/// Sends @p request with "Authorization: Bearer <token>" from @p tokens; on a
/// 401 it asks for a fresh token once and sends again. The token is redacted
/// wherever the request is described.
void sendWithToken(HttpClient &client, TokenSource &tokens, HttpRequest request, HttpClient::Callback done);

} // namespace ConsignDesk::Net
