#pragma once

#include <QJsonObject>
#include <QString>
#include <QThread>

namespace ConsignDesk {

namespace Sandbox {
class Sandbox;
}

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

} // namespace ConsignDesk
