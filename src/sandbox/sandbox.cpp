#include "sandbox/sandbox.h"

#include "sandbox/controlapi.h"
#include "sandbox/random.h"
#include "sandbox/sandboxserver.h"

#include <QTcpServer>
#include <QTimeZone>

namespace ConsignDesk::Sandbox {

Sandbox::Sandbox(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (!m_options.generation.epoch.isValid()) {
        // The history ends at the start of today (UTC) unless a test fixes it.
        m_options.generation.epoch = QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC);
    }
    for (const FaultSpec &fault : std::as_const(m_options.faults))
        m_faults.add(fault);
    m_server = new SandboxServer(m_faults, this);
    m_activityTimer.setInterval(m_options.activityIntervalMs);
    connect(&m_activityTimer, &QTimer::timeout, this, [this] { runActivity(1); });
}

Sandbox::~Sandbox() = default;

bool Sandbox::start(QString *error)
{
    const GenerationOptions &generation = m_options.generation;
    if (m_options.vendors.isEmpty()) {
        *error = QStringLiteral("no vendor to serve");
        return false;
    }
    for (const VendorFactory &make : std::as_const(m_options.vendors))
        m_vendors.push_back(make(generation));
    m_control = std::make_unique<ControlApi>(*this);
    for (const auto &vendor : m_vendors)
        m_server->mount(vendor.get());
    m_server->mount(m_control.get());

    auto *tcp = new QTcpServer(m_server);
    if (!tcp->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_server->bind(tcp);
    m_port = tcp->serverPort();
    if (m_options.activity)
        m_activityTimer.start();
    return true;
}

QString Sandbox::rootUrl() const
{
    QString host = m_options.address.toString();
    if (m_options.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

QJsonObject Sandbox::credentials() const
{
    QJsonObject out;
    for (const auto &vendor : m_vendors)
        out.insert(vendor->name(), vendor->credentials(rootUrl()));
    return out;
}

VendorApi *Sandbox::vendor(const QString &name) const
{
    for (const auto &vendor : m_vendors) {
        if (vendor->name() == name)
            return vendor.get();
    }
    return nullptr;
}

QList<VendorApi *> Sandbox::vendors() const
{
    QList<VendorApi *> list;
    for (const auto &vendor : m_vendors)
        list.append(vendor.get());
    return list;
}

void Sandbox::runActivity(int steps)
{
    for (int i = 0; i < steps; ++i) {
        Rng rng(m_options.generation.seed, 0xac71u, m_activityStep++);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto &vendor : m_vendors)
            vendor->simulateActivity(rng, now);
    }
}

void Sandbox::setRateLimits(bool on)
{
    for (const auto &vendor : m_vendors)
        vendor->setRateLimits(on);
}

} // namespace ConsignDesk::Sandbox
