#include "vendors/connectionprobe.h"

#include "net/accesstoken.h"
#include "net/httpclient.h"
#include "vendors/connector.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <memory>

namespace ConsignDesk::Vendors {

namespace {

constexpr int probeTimeoutMs = 15000;

// The permission a 403 names: a field, or a scope-like word in the body.
QString permissionIn(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const char *field : {"required_permission", "permission", "missing_permission", "scope"}) {
        const QString value = object.value(QLatin1String(field)).toString();
        if (!value.isEmpty())
            return value;
    }
    static const QRegularExpression scope(QStringLiteral("\\b((?:read|write|delete|bulk_edit|submit):[a-z_]+)\\b"));
    const QRegularExpressionMatch match = scope.match(QString::fromUtf8(body));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

ConnectionProbe::ConnectionProbe(Net::HttpClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ProbeOutcome ConnectionProbe::classify(const Connection &connection, const Net::HttpResult &result, const QString &host)
{
    ProbeOutcome outcome;
    const QString vendor = Vendors::displayName(connection.vendor);
    if (result.tlsFailed()) {
        outcome.kind = ProbeOutcome::Kind::TlsFailure;
        outcome.message = tr("The secure connection to %1 failed: %2. ConsignDesk only talks to servers whose "
                             "certificate can be verified; check the base URL, the computer's clock and any proxy.")
                              .arg(host, result.errorText);
    } else if (result.timedOut) {
        outcome.kind = ProbeOutcome::Kind::Timeout;
        outcome.message = tr("%1 did not answer within %2 seconds.").arg(host).arg(probeTimeoutMs / 1000);
    } else if (result.transportFailed()) {
        outcome.kind = ProbeOutcome::Kind::Unreachable;
        outcome.message = tr("Could not reach %1: %2. Check the base URL and the network.").arg(host, result.errorText);
    } else if (result.status >= 200 && result.status < 300) {
        outcome.kind = ProbeOutcome::Kind::Ok;
        outcome.message = tr("Connected to %1 at %2: the key works.").arg(vendor, host);
    } else if (result.status == 401 || (connection.vendor == Vendor::Consignly && result.status == 400
                                        && result.body.contains("invalid_client"))) {
        outcome.kind = ProbeOutcome::Kind::BadKey;
        outcome.message = tr("%1 refused the key (%2). Check that it was copied whole and is still active.")
                              .arg(vendor)
                              .arg(result.status);
    } else if (result.status == 403) {
        outcome.kind = ProbeOutcome::Kind::MissingPermission;
        outcome.permission = permissionIn(result.body);
        outcome.message = outcome.permission.isEmpty()
            ? tr("%1 accepted the key but refused access (403). Give the key the permissions ConsignDesk reads "
                 "with.")
                  .arg(vendor)
            : tr("The key lacks the permission %1 (403). Give it that permission in %2 and test again.")
                  .arg(outcome.permission, vendor);
    } else if (result.status == 429 || result.status == 503) {
        outcome.kind = ProbeOutcome::Kind::RateLimited;
        outcome.message = tr("%1 is busy or limiting requests (%2); try again in a few minutes.").arg(vendor).arg(result.status);
    } else {
        outcome.kind = ProbeOutcome::Kind::Unexpected;
        outcome.message = tr("%1 answered with status %2, which the test did not expect.").arg(vendor).arg(result.status);
    }
    return outcome;
}

void ConnectionProbe::run(const Connection &connection, const QString &secret,
                          std::function<void(const ProbeOutcome &)> done)
{
    if (connection.vendor != Vendor::Consignly) {
        probe(connection, secret, nullptr, std::move(done));
        return;
    }
    const auto fromArgument = [secret](const Net::TokenSource::TokenCallback &give) { give(secret, {}); };
    if (connection.auth != AuthMethod::ClientCredentials) {
        auto tokens = std::make_shared<Net::StaticToken>(fromArgument);
        probe(connection, secret, tokens, std::move(done));
        return;
    }
    // Consignly's client credentials: a token first, then the probe with it.
    auto tokens = std::make_shared<Net::ClientCredentialsToken>(m_client, connection.tokenUrl, connection.clientId,
                                                                fromArgument);
    tokens->token([this, connection, secret, tokens, done](const QString &, const QString &error) {
        if (error.isEmpty()) {
            probe(connection, secret, tokens, done);
            return;
        }
        const Net::HttpResult &answer = tokens->lastAnswer();
        if (answer.status == 200)
            done({ProbeOutcome::Kind::Unexpected, Net::redact(error, {secret}), {}});
        else
            done(classify(connection, answer, connection.tokenUrl.host()));
    });
}

void ConnectionProbe::probe(const Connection &connection, const QString &secret,
                            std::shared_ptr<Net::TokenSource> tokens, std::function<void(const ProbeOutcome &)> done)
{
    Net::HttpRequest request;
    request.timeoutMs = probeTimeoutMs;
    request.secrets = {secret};
    request.headers = {{"Accept", "application/json"}};
    switch (connection.vendor) {
    case Vendor::ConsignCloud:
        request.url = endpointUrl(connection.baseUrl, QStringLiteral("/items"));
        request.url.setQuery(QStringLiteral("limit=1"));
        break;
    case Vendor::Consignify:
        request.url = endpointUrl(connection.baseUrl, QStringLiteral("/products"));
        request.url.setQuery(QStringLiteral("limit=1"));
        break;
    case Vendor::Consignly:
        request.url = endpointUrl(connection.baseUrl, QStringLiteral("/v1/inventory"));
        request.url.setQuery(QStringLiteral("PageIndex=1&PageSize=1"));
        break;
    case Vendor::SimpleConsign:
        // The key travels in the body; a consignor nobody has keeps the answer small.
        request.method = "POST";
        request.url = endpointUrl(connection.baseUrl, QStringLiteral("/inventory"));
        request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("key"), secret},
                                                 {QStringLiteral("consignorId"), QStringLiteral("0")}})
                           .toJson(QJsonDocument::Compact);
        break;
    }
    request.endpoint = QString::fromLatin1(request.method) + u' ' + request.url.path();
    const QString host = connection.baseUrl.host();
    auto answered = [connection, host, done, tokens](const Net::HttpResult &result) {
        done(classify(connection, result, host));
    };
    if (tokens) {
        Net::sendWithToken(m_client, *tokens, request, answered);
        return;
    }
    if (connection.vendor != Vendor::SimpleConsign)
        request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + secret.toUtf8())));
    m_client.send(request, answered);
}

ProbeOutcome ConnectionProbe::runAndWait(const Connection &connection, const QString &secret)
{
    ProbeOutcome outcome;
    bool finished = false;
    QEventLoop loop;
    run(connection, secret, [&](const ProbeOutcome &o) {
        outcome = o;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

} // namespace ConsignDesk::Vendors
