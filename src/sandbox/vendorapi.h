#pragma once

#include "sandbox/http.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ConsignDesk::Sandbox {

class Rng;

/// @short What every vendor's data is generated from: the same options give
/// the same store.
struct GenerationOptions {
    quint64 seed = 1;
    qint64 items = 1000;     ///< items per vendor (ConsignCloud, SimpleConsign; others scale from it)
    QDateTime epoch;         ///< the end of the generated history (UTC); activity moves on from there
    bool rateLimits = true;
};

/// @short One emulated vendor API, mounted below a path prefix of the sandbox.
class VendorApi
{
public:
    virtual ~VendorApi() = default;

    /// "consigncloud", "simpleconsign", "consignify", "consignly"
    virtual QString name() const = 0;
    /// The path the vendor's base URL adds to the server's root, e.g.
    /// "/consigncloud/api/v1"; empty for Consignly, whose base is the host root.
    virtual QString pathPrefix() const = 0;
    virtual const Router &router() const = 0;
    /// The credentials a client needs, for the sandbox's first output line:
    /// at least base_url and api_key; @p root is "http://127.0.0.1:PORT".
    virtual QJsonObject credentials(const QString &root) const = 0;
    /// Authentication and rate limiting before a route runs; a reply refuses the request.
    virtual std::optional<Reply> admit(const Request &request, const Route &route) = 0;
    /// The vendor's error body for @p status (faults, 404, 405).
    virtual Reply errorReply(int status, const QString &message) const = 0;
    /// The field the wrong-type fault spoils by default.
    virtual QString wrongTypeField() const = 0;
    virtual void setRateLimits(bool on) = 0;
    /// One step of store activity at @p now: items added, repriced, sold, … (--activity).
    virtual void simulateActivity(Rng &rng, const QDateTime &now) = 0;
    /// A summary for tests (counts, totals, balances), computed from the data itself.
    virtual QJsonObject inspect() const = 0;
};

} // namespace ConsignDesk::Sandbox
