#pragma once

#include "core/connection.h"
#include "payouts/ledger.h"
#include "vendors/connector.h"

#include <QObject>

#include <functional>
#include <memory>

namespace ConsignDesk::Net {
class HttpClient;
class VendorClient;
struct HttpRequest;
struct HttpResult;
} // namespace ConsignDesk::Net

namespace ConsignDesk::Payouts {

/// What one payout request came to.
struct SendOutcome {
    enum Kind {
        Applied, ///< the vendor answered with the payout
        Refused, ///< a 4xx: the vendor says no (or, after a silent re-send, "already")
        Unknown, ///< no answer that proves either: 5xx, timeout, a dropped connection, a garbled body
    };
    Kind kind = Unknown;
    int status = 0;
    QString vendorPayoutId;
    QString vendorReference;
    QString message; ///< "POST /accounts/payouts: HTTP 409: …"
};

/// What reading the vendor's payouts found for an intent.
struct FindOutcome {
    enum Kind { Found, Absent, Failed };
    Kind kind = Failed;
    QString vendorPayoutId;
    QString vendorReference;
    QString message;
};

/// @short The vendor's side of a payout: sending one (once: never retried)
/// and finding one again by our reference, for reconciliation.
class PayoutGateway : public QObject
{
    Q_OBJECT
public:
    /// nullptr for a vendor without payouts.
    static std::unique_ptr<PayoutGateway> make(const Connection &connection, Net::HttpClient &http,
                                               Vendors::Connector::SecretSource secret);
    ~PayoutGateway() override;

    /// Sends @p intent once; without the API key nothing is sent (Refused).
    void send(const Intent &intent, std::function<void(const SendOutcome &)> done);
    /// Looks for @p intent among the vendor's payouts.
    void find(const Intent &intent, std::function<void(const FindOutcome &)> done);

    const Connection &connection() const { return m_connection; }
    /// Requests and reads go through it (tests shorten its retry waits).
    Net::VendorClient &client() { return *m_client; }
    /// How long a request may take before it counts as unanswered (default 30 s).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

protected:
    PayoutGateway(const Connection &connection, Net::HttpClient &http, Vendors::Connector::SecretSource secret);
    /// send() and find() of the vendor, with the API key read.
    virtual void sendWithKey(const Intent &intent, const QString &secret, std::function<void(const SendOutcome &)> done) = 0;
    virtual void findWithKey(const Intent &intent, const QString &secret, std::function<void(const FindOutcome &)> done) = 0;
    /// Why nothing was sent or read: the API key could not be read (@p error).
    virtual QString keyError(const QString &error) const = 0;
    QUrl url(const QString &path) const;
    /// A write: sent once, its outcome classified.
    void post(const QString &path, const QByteArray &body, const QString &secret,
              std::function<void(const Net::HttpResult &, const QString &endpoint)> done);
    /// A read (retried as reads are).
    void get(const QString &path, const QList<std::pair<QString, QString>> &query, const QString &secret,
             std::function<void(const Net::HttpResult &, const QString &endpoint)> done);
    static SendOutcome classify(const Net::HttpResult &result, const QString &endpoint);

private:
    /// @p done gets the secret, or an error and nothing is sent.
    void withSecret(std::function<void(const QString &secret, const QString &error)> done);

    Connection m_connection;
    std::unique_ptr<Net::VendorClient> m_client;
    Vendors::Connector::SecretSource m_secret;
    int m_timeoutMs = 30000;
};

} // namespace ConsignDesk::Payouts
