#include "sandbox/controlapi.h"

#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ConsignDesk::Sandbox {

ControlApi::ControlApi(Sandbox &sandbox)
    : m_sandbox(sandbox)
{
    m_router.add("GET", QStringLiteral("/credentials"), [this](Request &) {
        return Reply::json(QJsonDocument(m_sandbox.credentials()));
    });
    m_router.add("GET", QStringLiteral("/faults"), [this](Request &) {
        QJsonArray list;
        for (const FaultSpec &fault : m_sandbox.faults().pending())
            list.append(fault.toJson());
        return Reply::json(QJsonDocument(list));
    });
    m_router.add("POST", QStringLiteral("/faults"), [this](Request &request) {
        QString error;
        const auto spec = FaultSpec::fromJson(QJsonDocument::fromJson(request.body).object(), &error);
        if (!spec)
            return errorReply(400, error);
        m_sandbox.faults().add(*spec);
        return Reply::json(QJsonDocument(spec->toJson()), 201);
    });
    m_router.add("DELETE", QStringLiteral("/faults"), [this](Request &) {
        m_sandbox.faults().clear();
        return Reply::empty(204);
    });
    m_router.add("POST", QStringLiteral("/activity"), [this](Request &request) {
        const int steps = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("steps")).toInt(1);
        if (steps < 1 || steps > 100000)
            return errorReply(400, QStringLiteral("steps must be from 1 to 100000"));
        m_sandbox.runActivity(steps);
        return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("steps"), steps}}));
    });
    m_router.add("GET", QStringLiteral("/stats"), [this](Request &) {
        return Reply::json(QJsonDocument(m_sandbox.server().statistics()));
    });
    m_router.add("DELETE", QStringLiteral("/stats"), [this](Request &) {
        m_sandbox.server().resetStatistics();
        return Reply::empty(204);
    });
    m_router.add("POST", QStringLiteral("/rate-limits"), [this](Request &request) {
        m_sandbox.setRateLimits(QJsonDocument::fromJson(request.body).object().value(QStringLiteral("enabled")).toBool());
        return Reply::empty(204);
    });
    m_router.add("GET", QStringLiteral("/inspect/{vendor}"), [this](Request &request) {
        VendorApi *vendor = m_sandbox.vendor(request.param(0));
        if (!vendor)
            return errorReply(404, QStringLiteral("no vendor %1").arg(request.param(0)));
        return Reply::json(QJsonDocument(vendor->inspect()));
    });
}

Reply ControlApi::errorReply(int status, const QString &message) const
{
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}), status);
}

} // namespace ConsignDesk::Sandbox
