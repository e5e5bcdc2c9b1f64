#pragma once

#include "sync/syncengine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace ConsignDesk::Sync {
class BackgroundSync;
class Workspace;
} // namespace ConsignDesk::Sync

namespace ConsignDesk {

/// @short The window's side of syncing: runs BackgroundSync for a Workspace's
/// connections (all, or one, queued while another run is busy), keeps each
/// connection's state for the sync panel and the status bar, the time of the
/// last complete sync, whether the stores look offline, and the automatic
/// incremental sync every N minutes (remembered in QSettings "Sync/autoMinutes").
/// Everything slow happens on BackgroundSync's thread; nothing here blocks.
class SyncController : public QObject
{
    Q_OBJECT
public:
    enum class Status { Idle, Queued, Running, Done, Failed, Cancelled };
    Q_ENUM(Status)

    /// @short Where one connection's sync stands.
    struct ConnectionState {
        QString name;
        Status status = Status::Idle;
        QString resource; ///< the resource being synced, or where the last run failed or stopped
        qint64 pages = 0; ///< of the resource being synced
        qint64 rows = 0;
        qint64 total = -1; ///< rows in the resource's listing, when the vendor says
        qint64 etaMs = -1;
        /// What its last finished run wrote, in all its resources (pages and rows then are its totals).
        Store::WriteCounts counts;
        QDateTime lastSynced; ///< when a resource of it last completed (local time)
        /// The failures of its last run, one a line, each naming the
        /// connection, the endpoint and the reason; empty when none.
        QString error;
        bool unreachable = false; ///< its last run got no answer at all
    };

    explicit SyncController(Sync::Workspace &workspace, QObject *parent = nullptr);
    ~SyncController() override; ///< cancels a running sync and waits for its thread

    /// Syncs every connection; while a run is busy, queues the ones it does not include.
    void syncAll(bool full = false);
    /// Syncs one connection (e.g. to retry it); queued while a run is busy.
    void syncConnection(const QString &name, bool full = false);
    /// Stops the run after the pages in flight (what was written stays) and drops the queue.
    void cancel();
    bool isRunning() const;
    /// A run is under way or a store waits for one (between two runs the
    /// next is queued, not running).
    bool isBusy() const;

    /// When a resource last completed, for any connection; invalid: never.
    QDateTime lastSynced() const { return m_lastSynced; }
    /// The last run reached no store for transport reasons (refused, no
    /// host, timeout, no network), or the system says the network is down.
    bool isOffline() const;

    /// Minutes between automatic incremental syncs; 0: off.
    int autoSyncMinutes() const { return m_autoMinutes; }
    void setAutoSyncMinutes(int minutes);
    /// Tests: the automatic sync's interval in milliseconds instead of minutes (0: back to minutes).
    void setAutoSyncIntervalForTesting(int ms);
    /// Tests: the network state the system reports is ignored (a machine
    /// without network still reaches loopback).
    void setSystemNetworkIgnoredForTesting(bool ignored);

    /// The connections, in the order they are listed and synced.
    QStringList connectionNames() const { return m_names; }
    ConnectionState connectionState(const QString &name) const { return m_states.value(name); }
    /// The progress of the run in flight (connection empty when none).
    Sync::SyncProgress currentProgress() const { return m_progress; }
    /// The failures of the last finished run, one per failing resource.
    QStringList lastErrors() const { return m_lastErrors; }

    /// "Demo ConsignCloud · items · 3 pages · 600 rows · 12 s left"
    static QString describe(const Sync::SyncProgress &progress);
    /// A resource as people read it: "sale lines" for "sale_lines".
    static QString resourceTitle(const QString &resource);
    /// "12 s", "4 min", "2 h 5 min"
    static QString formatDuration(qint64 ms);
    /// "14:02" today, "23 Nov 14:02" this year, else with the year.
    static QString formatTime(const QDateTime &time);
    /// True when @p error says no answer came (refused, no host, timeout, no network).
    static bool isTransportError(const QString &error);

Q_SIGNALS:
    /// Running, the progress, the last-synced time, the offline state or the
    /// auto-sync setting changed.
    void stateChanged();
    void connectionStateChanged(const QString &name);
    /// The connections listed changed (added, removed, renamed).
    void connectionsChanged();
    /// Rows were written: a connection finished, or (at most every 2 s) pages committed during a run.
    void cacheChanged();
    void started();
    /// A run ended; @p errors as lastErrors().
    void finished(bool ok, const QStringList &errors);

private:
    void reloadConnections();
    void loadLastSynced();
    void startNext();
    void onProgress(const Sync::SyncProgress &progress);
    void onConnectionFinished(const QString &name, const QList<Sync::ResourceSummary> &summaries);
    void onFinished(bool ok);
    void enqueue(const QStringList &names, bool full);
    void setStatus(const QString &name, Status status);
    void noteCacheChanged(bool now);
    void restartAutoTimer();
    void autoSyncDue();
    void setUpNetworkInformation();

    Sync::Workspace &m_workspace;
    Sync::BackgroundSync *m_sync;
    QStringList m_names;
    QHash<QString, ConnectionState> m_states;

    QStringList m_batch; ///< the names the run in flight syncs
    QStringList m_pending;
    bool m_pendingFull = false;
    bool m_cancelling = false;
    int m_reached = 0;     ///< connections of the run that got answers
    int m_unreachable = 0; ///< connections of the run that got none
    QStringList m_runErrors;
    QStringList m_lastErrors;
    Sync::SyncProgress m_progress;

    QDateTime m_lastSynced;
    bool m_transportOffline = false;
    bool m_systemOffline = false;
    bool m_ignoreSystemNetwork = false;

    int m_autoMinutes = 0;
    int m_autoTestMs = 0;
    QTimer m_autoTimer;
    QTimer m_cacheTimer;
    QElapsedTimer m_sinceCacheChanged;
};

} // namespace ConsignDesk
