#pragma once

#include "core/connection.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace ConsignDesk::Net {
class HttpClient;
class TokenSource;
struct HttpResult;
} // namespace ConsignDesk::Net

namespace ConsignDesk::Vendors {

/// What "Test connection" found, in plain words.
struct ProbeOutcome {
    enum class Kind { Ok, BadKey, MissingPermission, RateLimited, Unreachable, TlsFailure, Timeout, Unexpected };
    Kind kind = Kind::Unexpected;
    QString message;    ///< one or two sentences for the manager; never holds a secret
    QString permission; ///< MissingPermission: e.g. "read:items"
    bool ok() const { return kind == Kind::Ok; }
};

/// @short Makes one cheap authenticated call to a connection's vendor and
/// says whether the key works, and if not, why.
class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionProbe(Net::HttpClient &client, QObject *parent = nullptr);

    /// @p secret is the API key, the access token or (client credentials) the client secret.
    void run(const Connection &connection, const QString &secret, std::function<void(const ProbeOutcome &)> done);
    ProbeOutcome runAndWait(const Connection &connection, const QString &secret);

    /// Classifies a vendor's answer to the probe (public for unit tests).
    static ProbeOutcome classify(const Connection &connection, const Net::HttpResult &result, const QString &host);

private:
    /// Consignly's requests take their Bearer token from @p tokens; the
    /// others carry @p secret themselves.
    void probe(const Connection &connection, const QString &secret, std::shared_ptr<Net::TokenSource> tokens,
               std::function<void(const ProbeOutcome &)> done);

    Net::HttpClient &m_client;
};

} // namespace ConsignDesk::Vendors
