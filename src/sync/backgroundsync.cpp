#include "sync/backgroundsync.h"

#include "net/httpclient.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "vendors/connector.h"

#include <QNetworkAccessManager>

namespace ConsignDesk::Sync {

namespace {

// Lives in the worker thread: syncs the connections one after another.
class Worker : public QObject
{
    Q_OBJECT
public:
    Worker(QString cachePath, QList<Connection> connections, bool full, Secrets::KeyStore &keys)
        : m_cachePath(std::move(cachePath))
        , m_connections(std::move(connections))
        , m_full(full)
        , m_keys(&keys)
    {
    }

    void run()
    {
        QString error;
        m_db = Store::Database::openWithoutChecks(m_cachePath, &error);
        if (!m_db) {
            Q_EMIT connectionFinished(QString(), {ResourceSummary{{}, {}, 0, false, false, false, error}});
            Q_EMIT done(false);
            return;
        }
        m_network = new QNetworkAccessManager(this);
        m_http = new Net::HttpClient(m_network, this);
        next();
    }

    void cancel()
    {
        m_cancelled = true;
        if (m_run)
            m_run->cancel();
    }

Q_SIGNALS:
    void progress(const ConsignDesk::Sync::SyncProgress &progress);
    void connectionFinished(const QString &connectionName, const QList<ConsignDesk::Sync::ResourceSummary> &summaries);
    void done(bool ok);

private:
    // The secret comes from the owner's KeyStore, in the owner's thread, and back here.
    Vendors::Connector::SecretSource secretFor(const Connection &connection)
    {
        const QString entry = Secrets::KeyStore::entryName(connection.id, connection.secretPurpose());
        QPointer<Secrets::KeyStore> keys = m_keys;
        QPointer<Worker> self(this);
        return [keys, entry, self](std::function<void(const QString &, const QString &)> give) {
            if (!keys) {
                give({}, tr("the keychain is gone"));
                return;
            }
            QMetaObject::invokeMethod(keys, [keys, entry, self, give] {
                keys->read(entry, [self, give](const Secrets::KeyResult &result) {
                    if (self)
                        QMetaObject::invokeMethod(self, [give, result] {
                            give(result.secret, result.ok() ? QString() : result.message);
                        });
                });
            });
        };
    }

    void next()
    {
        if (m_connections.isEmpty() || m_cancelled) {
            Q_EMIT done(m_ok && !m_cancelled);
            return;
        }
        const Connection connection = m_connections.takeFirst();
        m_connector = Vendors::makeConnector(connection, *m_http, secretFor(connection));
        if (!m_connector) {
            m_ok = false;
            Q_EMIT connectionFinished(connection.name,
                                      {ResourceSummary{{}, {}, 0, false, false, false,
                                                       tr("%1 (%2): this version cannot sync %2 yet")
                                                           .arg(connection.name, Vendors::displayName(connection.vendor))}});
            QMetaObject::invokeMethod(this, &Worker::next, Qt::QueuedConnection);
            return;
        }
        SyncRun::Options options;
        options.full = m_full;
        m_run = new SyncRun(*m_db, *m_connector, options, this);
        connect(m_run, &SyncRun::progress, this, &Worker::progress);
        connect(m_run, &SyncRun::finished, this, [this, connection](bool ok) {
            m_ok = m_ok && ok;
            Q_EMIT connectionFinished(connection.name, m_run->summaries());
            m_run->deleteLater();
            m_run = nullptr;
            QMetaObject::invokeMethod(this, &Worker::next, Qt::QueuedConnection);
        });
        m_run->start();
    }

    QString m_cachePath;
    QList<Connection> m_connections;
    bool m_full;
    QPointer<Secrets::KeyStore> m_keys;
    std::unique_ptr<Store::Database> m_db;
    QNetworkAccessManager *m_network = nullptr;
    Net::HttpClient *m_http = nullptr;
    std::unique_ptr<Vendors::Connector> m_connector;
    SyncRun *m_run = nullptr;
    bool m_ok = true;
    bool m_cancelled = false;
};

} // namespace

BackgroundSync::BackgroundSync(const QString &cachePath, Secrets::KeyStore &keys, QObject *parent)
    : QObject(parent)
    , m_cachePath(cachePath)
    , m_keys(keys)
{
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<QList<ResourceSummary>>();
}

BackgroundSync::~BackgroundSync()
{
    cancel();
    cleanUp();
}

bool BackgroundSync::start(const QList<Connection> &connections, bool full)
{
    if (m_thread)
        return false;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("sync"));
    auto *worker = new Worker(m_cachePath, connections, full, m_keys);
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(worker, &Worker::progress, this, &BackgroundSync::progress);
    connect(worker, &Worker::connectionFinished, this, &BackgroundSync::connectionFinished);
    connect(worker, &Worker::done, this, [this](bool ok) {
        cleanUp();
        Q_EMIT finished(ok);
    });
    connect(m_thread, &QThread::started, worker, &Worker::run);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start();
    return true;
}

void BackgroundSync::cancel()
{
    if (auto *worker = qobject_cast<Worker *>(m_worker.data()))
        QMetaObject::invokeMethod(worker, &Worker::cancel);
}

void BackgroundSync::cleanUp()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace ConsignDesk::Sync

#include "backgroundsync.moc"
