#include "sync/workspace.h"

#include "net/httpclient.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "sync/connectionservice.h"

#include <QNetworkAccessManager>

namespace ConsignDesk::Sync {

std::unique_ptr<Workspace> Workspace::open(const QString &dataDir, QString *error)
{
    std::unique_ptr<Workspace> workspace(new Workspace);
    workspace->m_dataDir = dataDir;
    workspace->m_db = Store::Database::open(Store::Database::pathIn(dataDir), error);
    if (!workspace->m_db)
        return nullptr;
    workspace->m_reader = Store::Database::openWithoutChecks(Store::Database::pathIn(dataDir), error);
    if (!workspace->m_reader)
        return nullptr;
    workspace->m_keys = std::make_unique<Secrets::KeyStore>();
    workspace->m_network = new QNetworkAccessManager(workspace.get());
    workspace->m_http = std::make_unique<Net::HttpClient>(workspace->m_network);
    workspace->m_connections = std::make_unique<ConnectionService>(*workspace->m_db, *workspace->m_keys);
    return workspace;
}

Workspace::~Workspace() = default;

} // namespace ConsignDesk::Sync
