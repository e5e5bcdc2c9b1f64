#include "app/demostores.h"

#include "payouts/payoutsettings.h"
#include "sandbox/sandbox.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/mainwindow.h"

#include <QCoreApplication>

#include <algorithm>

namespace ConsignDesk {

DemoStores::DemoStores()
{
    m_thread.setObjectName(QStringLiteral("demo stores"));
}

DemoStores::~DemoStores()
{
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                delete m_sandbox;
                m_sandbox = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_context->deleteLater();
    }
    m_thread.quit();
    m_thread.wait();
}

bool DemoStores::start(qint64 items, QString *error)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool started = false;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            Sandbox::SandboxOptions options;
            options.generation.items = items;
            options.vendors = Sandbox::allVendors();
            m_sandbox = new Sandbox::Sandbox(options);
            started = m_sandbox->start(error);
            if (started) {
                m_rootUrl = m_sandbox->rootUrl();
                m_credentials = m_sandbox->credentials();
                // The shop's payout rules, which Consignify's API does not
                // expose (a live account's are configured by the manager).
                if (const Sandbox::VendorApi *shop = m_sandbox->vendor(QStringLiteral("consignify"))) {
                    const QJsonObject inspected = shop->inspect();
                    QJsonObject consignify = m_credentials.value(QStringLiteral("consignify")).toObject();
                    consignify.insert(QStringLiteral("holding_days"), inspected.value(QStringLiteral("holding_days")));
                    consignify.insert(QStringLiteral("tracking_start"), inspected.value(QStringLiteral("tracking_start")));
                    m_credentials.insert(QStringLiteral("consignify"), consignify);
                }
            }
        },
        Qt::BlockingQueuedConnection);
    return started;
}

QString DemoStores::rootUrl() const
{
    return m_rootUrl;
}

QJsonObject DemoStores::credentials() const
{
    return m_credentials;
}

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DemoStores)
};

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// The connection the demo stores' credentials describe for one vendor.
Connection demoConnection(Vendor vendor, const QJsonObject &credentials, QString *secret)
{
    Connection connection;
    connection.vendor = vendor;
    connection.demo = true;
    connection.name = Text::tr("Demo %1").arg(Vendors::displayName(vendor));
    connection.baseUrl = QUrl(text(credentials, "base_url"));
    connection.currency = text(credentials, "currency").isEmpty() ? QStringLiteral("USD") : text(credentials, "currency");
    *secret = text(credentials, "api_key");
    if (vendor == Vendor::Consignly) {
        // The client-credentials flow, as a real warehouse account would use it.
        connection.auth = AuthMethod::ClientCredentials;
        connection.clientId = text(credentials, "client_id");
        connection.tokenUrl = QUrl(text(credentials, "token_url"));
        *secret = text(credentials, "client_secret");
    }
    return connection;
}

// The demo Consignify shop's holding time and tracking start (DemoStores::start
// reads them from the sandbox) as the PayoutRules of its connection: they move
// with the demo stores' epoch, so they are written on every start.
void storeDemoPayoutRules(Sync::Workspace &workspace, const QJsonObject &credentials)
{
    const QJsonObject shop = credentials.value(QStringLiteral("consignify")).toObject();
    Payouts::PayoutRules rules;
    rules.holdingDays = shop.value(QStringLiteral("holding_days")).toInt(rules.holdingDays);
    rules.trackingStart = QDateTime::fromString(text(shop, "tracking_start"), Qt::ISODateWithMs).toUTC().date();
    QString error;
    const auto connections = workspace.connections().list(&error);
    for (const Connection &c : connections.value_or(QList<Connection>{})) {
        if (c.demo && c.vendor == Vendor::Consignify
            && !Payouts::PayoutSettings(workspace.database().sql()).setRules(c.id, rules, &error))
            qWarning("demo stores: the payout rules of %s were not stored: %s", qPrintable(c.name), qPrintable(error));
    }
}

} // namespace

bool hasDemoConnections(const Sync::ConnectionService &service)
{
    QString error;
    const auto connections = service.list(&error);
    return connections && std::any_of(connections->cbegin(), connections->cend(), [](const Connection &c) { return c.demo; });
}

DemoRegistration registerDemoConnections(Sync::ConnectionService &service, const QJsonObject &credentials)
{
    DemoRegistration registration;
    QString error;
    const auto existing = service.list(&error);
    if (!existing) {
        registration.error = error;
        return registration;
    }
    bool sessionOnly = false;
    for (const QString &vendorId : Vendors::ids()) {
        if (!credentials.contains(vendorId))
            continue;
        const Vendor vendor = *Vendors::fromId(vendorId);
        QString secret;
        Connection wanted = demoConnection(vendor, credentials.value(vendorId).toObject(), &secret);
        const auto found = std::find_if(existing->cbegin(), existing->cend(),
                                        [vendor](const Connection &c) { return c.demo && c.vendor == vendor; });
        const auto store = [&](bool onlyForSession) {
            if (found == existing->cend())
                return service.add(wanted, secret, onlyForSession);
            Connection refreshed = *found; // keeps the manager's name and currency
            refreshed.baseUrl = wanted.baseUrl;
            refreshed.auth = wanted.auth;
            refreshed.clientId = wanted.clientId;
            refreshed.tokenUrl = wanted.tokenUrl;
            return service.update(refreshed, secret, onlyForSession);
        };
        if (found == existing->cend()) {
            // A real connection may carry the name already.
            QStringList names;
            for (const Connection &c : *existing)
                names.append(c.name.toCaseFolded());
            const QString base = wanted.name;
            for (int n = 2; names.contains(wanted.name.toCaseFolded()); ++n)
                wanted.name = base + QStringLiteral(" %1").arg(n);
        }
        Sync::ConnectionService::Outcome outcome = store(sessionOnly);
        if (!outcome.ok && outcome.keyError == Secrets::KeyError::NoBackend && !sessionOnly) {
            // Demo keys open nothing real; without a keychain they live for this session.
            sessionOnly = true;
            outcome = store(true);
        }
        if (!outcome.ok) {
            registration.error = Text::tr("%1: %2").arg(wanted.name, outcome.error);
            return registration;
        }
        ++(found == existing->cend() ? registration.added : registration.refreshed);
    }
    if (sessionOnly)
        registration.notice = Text::tr("No keychain is available, so the demo stores' keys are kept for this session "
                                       "only.");
    registration.ok = true;
    return registration;
}

DemoStoresController::DemoStoresController(MainWindow &window, Sync::Workspace *workspace, qint64 items,
                                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_workspace(workspace)
    , m_items(items)
{
    connect(&window, &MainWindow::demoStoresRequested, this, &DemoStoresController::start);
}

DemoStoresController::~DemoStoresController() = default;

QString DemoStoresController::rootUrl() const
{
    return m_stores ? m_stores->rootUrl() : QString();
}

bool DemoStoresController::start()
{
    if (m_running) {
        m_window.showDemoStores(m_stores->rootUrl());
        return true;
    }
    m_stores = std::make_unique<DemoStores>();
    QString error;
    if (!m_stores->start(m_items, &error)) {
        m_stores.reset();
        m_window.showDemoStoresFailed(error);
        return false;
    }
    if (m_workspace) {
        const DemoRegistration registration =
            registerDemoConnections(m_workspace->connections(), m_stores->credentials());
        if (!registration.ok) {
            m_stores.reset();
            m_window.showDemoStoresFailed(registration.error);
            return false;
        }
        storeDemoPayoutRules(*m_workspace, m_stores->credentials());
        Q_EMIT m_workspace->connectionsChanged();
        if (!registration.notice.isEmpty())
            m_window.showNotice(registration.notice);
    }
    m_running = true;
    m_window.showDemoStores(m_stores->rootUrl());
    return true;
}

} // namespace ConsignDesk
