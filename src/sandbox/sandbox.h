#pragma once

#include "sandbox/faults.h"
#include "sandbox/vendorapi.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace ConsignDesk::Sandbox {

class SandboxServer;
class ControlApi;

/// Makes one vendor's API from the generation options.
using VendorFactory = std::function<std::unique_ptr<VendorApi>(const GenerationOptions &)>;

/// The four vendors, in the order the credentials list them (allvendors.cpp).
QList<VendorFactory> allVendors();

struct SandboxOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0: a free port
    GenerationOptions generation;
    bool activity = false;
    int activityIntervalMs = 2000;
    QList<FaultSpec> faults;
    /// Which vendors to serve: allVendors(), or for a test of one vendor its factory alone.
    QList<VendorFactory> vendors;
};

/// @short The four emulated vendor APIs on one loopback HTTP server, with a
/// test API below /_sandbox (faults, activity, statistics, inspection).
///
/// Lives in one thread: requests, activity and inspection all run in it.
class Sandbox : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(const SandboxOptions &options, QObject *parent = nullptr);
    ~Sandbox() override;

    /// Generates the data and starts listening; false with @p error on failure.
    bool start(QString *error);
    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:PORT"
    QString rootUrl() const;
    /// The object the program prints first: each vendor's base_url, api_key, ….
    QJsonObject credentials() const;

    FaultInjector &faults() { return m_faults; }
    SandboxServer &server() { return *m_server; }
    VendorApi *vendor(const QString &name) const;
    QList<VendorApi *> vendors() const;
    /// Runs @p steps steps of store activity now, deterministically.
    void runActivity(int steps);
    void setRateLimits(bool on);

private:
    SandboxOptions m_options;
    FaultInjector m_faults;
    std::vector<std::unique_ptr<VendorApi>> m_vendors;
    std::unique_ptr<ControlApi> m_control;
    SandboxServer *m_server = nullptr;
    QTimer m_activityTimer;
    quint64 m_activityStep = 0;
    quint16 m_port = 0;
};

} // namespace ConsignDesk::Sandbox
