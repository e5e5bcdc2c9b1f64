#pragma once

#include "core/connection.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

namespace ConsignDesk::Secrets {
class KeyStore;
}

namespace ConsignDesk::Sync {

/// @short Syncs connections on a worker thread with its own cache connection
/// and network access, so the window never waits: progress, per-connection
/// results and the end arrive as signals in the owner's thread. Keys are read
/// through the owner's KeyStore (so keys kept for this session work too), one
/// request at a time, when a connector needs them. The cache at the path is
/// one the owner has opened (and checked) already.
class BackgroundSync : public QObject
{
    Q_OBJECT
public:
    BackgroundSync(const QString &cachePath, Secrets::KeyStore &keys, QObject *parent = nullptr);
    ~BackgroundSync() override; ///< cancels a running sync and waits for its thread

    /// False when a sync is running already.
    bool start(const QList<Connection> &connections, bool full = false);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(const ConsignDesk::Sync::SyncProgress &progress);
    void connectionFinished(const QString &connectionName, const QList<ConsignDesk::Sync::ResourceSummary> &summaries);
    void finished(bool ok);

private:
    void cleanUp();

    QString m_cachePath;
    Secrets::KeyStore &m_keys;
    QThread *m_thread = nullptr;
    QPointer<QObject> m_worker;
};

} // namespace ConsignDesk::Sync

Q_DECLARE_METATYPE(QList<ConsignDesk::Sync::ResourceSummary>)
