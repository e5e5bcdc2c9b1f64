#pragma once

#include "store/cachewriter.h"
#include "vendors/connector.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ConsignDesk::Store {
class Database;
}

namespace ConsignDesk::Sync {

/// How far a resource's run has come.
struct SyncProgress {
    QString connection; ///< the connection's name
    QString resource;
    qint64 pages = 0;
    qint64 rows = 0;
    qint64 total = -1;  ///< when the vendor says
    qint64 etaMs = -1;  ///< when it can be estimated
};

/// What a resource's run did.
struct ResourceSummary {
    QString resource;
    Store::WriteCounts counts;
    qint64 pages = 0;
    bool full = false;
    bool complete = false;
    bool cancelled = false;
    QString error; ///< "Main Street (ConsignCloud): GET /items: …"
};

/// @short Syncs one connection's resources into the cache, page by page.
///
/// Each page's rows and the resource's cursor commit in one transaction, so a
/// run killed at any point loses nothing and the next run carries on (or, for
/// a resource that cannot resume, starts over). A run is full when asked, when
/// the vendor has no change filter, or when no earlier run completed;
/// otherwise it asks for what changed since the watermark. The watermark is
/// the server's time when the run started, minus an overlap, and is stored
/// only when the run completes. After a complete full listing, rows the run
/// did not see are marked deleted; an incomplete listing deletes nothing.
class SyncRun : public QObject
{
    Q_OBJECT
public:
    struct Options {
        bool full = false;
        QStringList resources; ///< empty: all of the connector's
        qint64 overlapMs = 10 * 60 * 1000;
    };

    SyncRun(Store::Database &db, Vendors::Connector &connector, const Options &options, QObject *parent = nullptr);
    ~SyncRun() override;

    void start();
    /// Stops after the page in flight; what was committed stays, and the next run resumes.
    void cancel();

    bool isFinished() const { return m_finished; }
    bool ok() const;
    const QList<ResourceSummary> &summaries() const { return m_summaries; }

Q_SIGNALS:
    void progress(const ConsignDesk::Sync::SyncProgress &progress);
    void finished(bool ok);

private:
    struct State;
    void nextResource();
    void beginResource(const Vendors::ResourceSpec &spec);
    void fetch();
    void onPage(const Vendors::PageResult &page);
    bool commitPage(const Vendors::PageResult &page, QString *error);
    bool completeResource(QString *error);
    qint64 liveRows() const;
    void failResource(const QString &error);
    void finishResource();
    QString describe(const QString &error) const;

    Store::Database &m_db;
    Vendors::Connector &m_connector;
    Options m_options;
    Store::CacheWriter m_writer;
    QList<Vendors::ResourceSpec> m_queue;
    QList<ResourceSummary> m_skipped; ///< resources not tried after the store proved unreachable
    QList<ResourceSummary> m_summaries;

    // The resource being synced.
    Vendors::ResourceSpec m_spec;
    ResourceSummary m_current;
    qint64 m_runId = 0;
    QDateTime m_runStarted;
    QDateTime m_since;
    QString m_cursor;
    qint64 m_rows = 0;
    QElapsedTimer m_clock;
    qint64 m_writeMs = 0; ///< of the resource's time, spent writing pages
    qint64 m_completeMs = 0; ///< and completing it (vanished rows, watermark, indexes)

    bool m_bulkLoad = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace ConsignDesk::Sync

Q_DECLARE_METATYPE(ConsignDesk::Sync::SyncProgress)
