#include "vendors/connector.h"

#include "net/retrypolicy.h"

#include "vendors/consigncloud/consigncloudconnector.h"
#include "vendors/consignify/consignifyconnector.h"
#include "vendors/consignly/consignlyconnector.h"
#include "vendors/simpleconsign/simpleconsignconnector.h"


namespace ConsignDesk::Vendors {

Connector::Connector(const Connection &connection, Net::HttpClient &http, SecretSource secret, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_http(http)
    , m_client(std::make_unique<Net::VendorClient>(http))
    , m_secretSource(std::move(secret))
{
    m_client->setName(connection.name);
    switch (connection.vendor) {
    case Vendor::ConsignCloud:
        m_client->setRateLimiter(Net::consignCloudLimiter());
        break;
    case Vendor::SimpleConsign:
        m_client->setRateLimiter(Net::simpleConsignLimiter());
        break;
    case Vendor::Consignly:
        m_client->setRateLimiter(Net::consignlyConnectionLimiter());
        break;
    case Vendor::Consignify:
        break; // no documented limit; a 429 is still honoured
    }
}

Connector::~Connector() = default;

void Connector::cancel()
{
    m_client->cancelAll();
}

void Connector::setRetryPolicy(const Net::RetryPolicy &policy)
{
    m_client->setPolicy(policy);
}

void Connector::send(const Net::HttpRequest &request, Net::HttpClient::Callback done, Net::RequestOptions options)
{
    options.expectJson = true; // every vendor answers reads with JSON
    m_client->send(request, std::move(done), options);
}

void Connector::withSecret(std::function<void(const QString &, const QString &)> done)
{
    if (!m_secret.isEmpty()) {
        done(m_secret, {});
        return;
    }
    m_secretSource([this, done](const QString &secret, const QString &error) {
        if (error.isEmpty())
            m_secret = secret;
        done(secret, error);
    });
}

QUrl Connector::endpointUrl(const QString &path) const
{
    return Vendors::endpointUrl(m_connection.baseUrl, path);
}

QUrl endpointUrl(const QUrl &baseUrl, const QString &path)
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

std::unique_ptr<Connector> makeConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret)
{
    switch (connection.vendor) {
    case Vendor::ConsignCloud:
        return makeConsignCloudConnector(connection, http, std::move(secret));
    case Vendor::SimpleConsign:
        return makeSimpleConsignConnector(connection, http, std::move(secret));
    case Vendor::Consignify:
        return makeConsignifyConnector(connection, http, std::move(secret));
    case Vendor::Consignly:
        return makeConsignlyConnector(connection, http, std::move(secret));
    }
    return nullptr;
}

QDateTime serverDate(const Net::HttpResult &result)
{
    return Net::parseHttpDate(result.header("Date").trimmed()).value_or(QDateTime());
}

} // namespace ConsignDesk::Vendors
