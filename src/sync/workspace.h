#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace ConsignDesk::Store {
class Database;
}
namespace ConsignDesk::Secrets {
class KeyStore;
}
namespace ConsignDesk::Net {
class HttpClient;
}

namespace ConsignDesk::Sync {

class ConnectionService;

/// @short What the window works with: the cache in the data folder, the
/// keychain, the HTTP client and the connections, owned in one place.
class Workspace : public QObject
{
    Q_OBJECT
public:
    /// Opens the cache in @p dataDir; nullptr with @p error when it cannot.
    static std::unique_ptr<Workspace> open(const QString &dataDir, QString *error);
    ~Workspace() override;

    QString dataDir() const { return m_dataDir; }
    Store::Database &database() { return *m_db; }
    /// A second connection to the cache for the panes' models and detail
    /// views, so their reads never queue behind the connections' writes.
    Store::Database &reader() { return *m_reader; }
    Secrets::KeyStore &keys() { return *m_keys; }
    Net::HttpClient &http() { return *m_http; }
    ConnectionService &connections() { return *m_connections; }

Q_SIGNALS:
    /// A connection was added, changed or removed.
    void connectionsChanged();

private:
    Workspace() = default;

    QString m_dataDir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Store::Database> m_reader;
    std::unique_ptr<Secrets::KeyStore> m_keys;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<Net::HttpClient> m_http;
    std::unique_ptr<ConnectionService> m_connections;
};

} // namespace ConsignDesk::Sync
