#include "app/demostores.h"

#include "sandbox/sandbox.h"

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

} // namespace ConsignDesk
