#pragma once

#include "sandbox/faults.h"
#include "sandbox/http.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QPointer>

class QTcpSocket;

namespace ConsignDesk::Sandbox {

class VendorApi;

/// @short The HTTP side of the sandbox: finds the vendor and route of each
/// request, applies injected faults, and writes the response on the socket
/// itself, so that it can also drop a connection mid-body or stall.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(FaultInjector &faults, QObject *parent = nullptr);

    /// Serves @p vendor below its path prefix; the longest matching prefix wins.
    void mount(VendorApi *vendor);
    /// Requests and answers per vendor and status, for tests and benchmarks.
    QJsonObject statistics() const;
    void resetStatistics();
    /// Milliseconds on a monotonic clock, for the rate limiters.
    qint64 elapsedMs() const { return m_clock.elapsed(); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void process(VendorApi *vendor, const Route *route, Request request, QPointer<QTcpSocket> socket);
    void send(QTcpSocket *socket, VendorApi *vendor, Reply reply, const Request &request);
    void applyBodyFaults(Reply &reply, VendorApi *vendor, const Request &request) const;
    void count(const QString &vendor, int status);

    FaultInjector &m_faults;
    QList<VendorApi *> m_vendors;
    QElapsedTimer m_clock;
    mutable QMutex m_statsMutex;
    QHash<QString, QHash<int, qint64>> m_stats;
};

} // namespace ConsignDesk::Sandbox
