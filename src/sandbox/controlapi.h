#pragma once

#include "sandbox/vendorapi.h"

namespace ConsignDesk::Sandbox {

class Sandbox;

/// @short The sandbox's own test API below /_sandbox: no auth, loopback only.
///
///  - GET /_sandbox/credentials: what the program printed first
///  - GET|POST|DELETE /_sandbox/faults: list, add (FaultSpec as JSON), clear
///  - POST /_sandbox/activity {"steps": N}: run N activity steps now
///  - GET /_sandbox/stats, DELETE /_sandbox/stats: requests per vendor and status
///  - POST /_sandbox/rate-limits {"enabled": bool}
///  - GET /_sandbox/inspect/{vendor}: the vendor's own summary of its data
class ControlApi : public VendorApi
{
public:
    explicit ControlApi(Sandbox &sandbox);

    QString name() const override { return QStringLiteral("_sandbox"); }
    QString pathPrefix() const override { return QStringLiteral("/_sandbox"); }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &) const override { return {}; }
    std::optional<Reply> admit(const Request &, const Route &) override { return std::nullopt; }
    Reply errorReply(int status, const QString &message) const override;
    QString wrongTypeField() const override { return {}; }
    void setRateLimits(bool) override {}
    void simulateActivity(Rng &, const QDateTime &) override {}
    QJsonObject inspect() const override { return {}; }

private:
    Sandbox &m_sandbox;
    Router m_router;
};

} // namespace ConsignDesk::Sandbox
