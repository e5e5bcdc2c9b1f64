#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace ConsignDesk {

namespace Sandbox {
class Sandbox;
}
namespace Sync {
class ConnectionService;
class Workspace;
} // namespace Sync
class MainWindow;

/// @short The demo stores of `consigndesk --demo`: the vendor sandbox, in
/// process, on a free loopback port, serving from a thread of its own so the
/// window never waits on it.
class DemoStores
{
public:
    DemoStores();
    ~DemoStores();

    /// Generates the stores and starts serving; false with @p error on failure.
    bool start(qint64 items, QString *error);
    /// "http://127.0.0.1:PORT"
    QString rootUrl() const;
    /// Each vendor's base_url and keys, as consigndesk-sandbox prints them.
    QJsonObject credentials() const;

private:
    QThread m_thread;
    QObject *m_context = nullptr;
    Sandbox::Sandbox *m_sandbox = nullptr;
    QString m_rootUrl;
    QJsonObject m_credentials;
};

/// The demo stores as connections, like any others: keys in the keychain.
struct DemoRegistration {
    bool ok = false;
    QString error;
    QString notice; ///< e.g. no keychain: the demo keys are kept for this session only
    int added = 0;
    int refreshed = 0; ///< existing demo connections pointed at this run's port
};

/// Adds a connection per vendor of @p credentials (as DemoStores::credentials()
/// gives them), or, where a demo connection of that vendor exists, points it at
/// today's address and keys; the port changes on every start.
DemoRegistration registerDemoConnections(Sync::ConnectionService &service, const QJsonObject &credentials);
bool hasDemoConnections(const Sync::ConnectionService &service);

/// @short Starts the demo stores for a window when the manager asks (the
/// first-run page, --demo) or when demo connections exist from an earlier
/// run, and keeps those connections pointing at them.
class DemoStoresController : public QObject
{
    Q_OBJECT
public:
    DemoStoresController(MainWindow &window, Sync::Workspace *workspace, qint64 items, QObject *parent = nullptr);
    ~DemoStoresController() override;

    /// Starts the stores once and registers them; false when that failed (the window says why).
    bool start();
    bool isRunning() const { return m_running; }
    QString rootUrl() const;

private:
    MainWindow &m_window;
    Sync::Workspace *m_workspace;
    qint64 m_items;
    std::unique_ptr<DemoStores> m_stores;
    bool m_running = false;
};

} // namespace ConsignDesk
