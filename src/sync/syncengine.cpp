#include "sync/syncengine.h"

#include "store/bulkload.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSync, "consigndesk.sync")

namespace ConsignDesk::Sync {

namespace {

// WAL pages between checkpoints (on the cache's checkpoint thread, so a
// commit does not wait for one): SQLite's default, and during a first load.
constexpr int defaultCheckpointPages = 1000;
constexpr int bulkLoadCheckpointPages = 65536;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

SyncRun::SyncRun(Store::Database &db, Vendors::Connector &connector, const Options &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_connector(connector)
    , m_options(options)
    , m_writer(db)
{
    m_db.setBackgroundCheckpoints(defaultCheckpointPages);
}

SyncRun::~SyncRun() = default;

bool SyncRun::ok() const
{
    return std::all_of(m_summaries.cbegin(), m_summaries.cend(),
                       [](const ResourceSummary &s) { return s.error.isEmpty() && !s.cancelled; });
}

void SyncRun::start()
{
    for (const Vendors::ResourceSpec &spec : m_connector.resources()) {
        if (m_options.resources.isEmpty() || m_options.resources.contains(spec.name))
            m_queue.append(spec);
    }
    // Each resource after the ones it needs (the connectors list them in a workable order already).
    QTimer::singleShot(0, this, &SyncRun::nextResource);
}

void SyncRun::cancel()
{
    m_cancelled = true;
    m_connector.cancel();
}

QString SyncRun::describe(const QString &error) const
{
    const Connection &c = m_connector.connection();
    return tr("%1 (%2): %3").arg(c.name, Vendors::displayName(c.vendor), error);
}

void SyncRun::nextResource()
{
    if (m_queue.isEmpty() || m_cancelled) {
        for (const Vendors::ResourceSpec &left : std::as_const(m_queue)) {
            ResourceSummary skipped;
            skipped.resource = left.name;
            skipped.cancelled = true;
            m_summaries.append(skipped);
        }
        m_queue.clear();
        m_finished = true;
        Q_EMIT finished(ok());
        return;
    }
    beginResource(m_queue.takeFirst());
}

void SyncRun::beginResource(const Vendors::ResourceSpec &spec)
{
    m_spec = spec;
    m_current = ResourceSummary{};
    m_current.resource = spec.name;
    m_rows = 0;
    m_writeMs = 0;
    m_completeMs = 0;
    m_clock.start();
    const QString connectionId = m_connector.connection().id;

    QSqlQuery state(m_db.sql());
    state.prepare(QStringLiteral("SELECT watermark, cursor, run_id, run_started, run_full FROM sync_state "
                                 "WHERE connection_id = ? AND resource = ?"));
    state.addBindValue(connectionId);
    state.addBindValue(spec.name);
    QString error;
    if (!exec(state, &error)) {
        failResource(error);
        return;
    }
    QDateTime watermark;
    QString cursor;
    qint64 runId = 0;
    QDateTime runStarted;
    bool runFull = false;
    if (state.next()) {
        watermark = Store::timeFromValue(state.value(0));
        cursor = state.value(1).toString();
        runId = state.value(2).toLongLong();
        runStarted = Store::timeFromValue(state.value(3));
        runFull = state.value(4).toBool();
    }
    const bool resuming = spec.resumable && !cursor.isEmpty() && runId > 0 && (!m_options.full || runFull);
    if (resuming) {
        m_runId = runId;
        m_runStarted = runStarted;
        m_current.full = runFull;
        m_cursor = cursor;
        qCInfo(lcSync) << m_connector.connection().name << spec.name << "resumes run" << runId;
    } else {
        m_current.full = m_options.full || !spec.changeFilter || !watermark.isValid();
        m_runStarted = QDateTime();
        m_cursor.clear();
        QSqlQuery run(m_db.sql());
        run.prepare(QStringLiteral("INSERT INTO sync_runs (connection_id, resource, started, full, status) "
                                   "VALUES (?, ?, ?, ?, 'running')"));
        run.addBindValue(connectionId);
        run.addBindValue(spec.name);
        run.addBindValue(nowMs());
        run.addBindValue(m_current.full ? 1 : 0);
        if (!exec(run, &error)) {
            failResource(error);
            return;
        }
        m_runId = run.lastInsertId().toLongLong();
        // The very first load of these tables: indexes and full-text search
        // are built once at the end rather than row by row (unless the
        // vendor's pace leaves time to keep them up while waiting).
        if (m_current.full && !spec.pacedPages && Store::BulkLoad::tablesEmpty(m_db, spec.tables)) {
            if (Store::BulkLoad::begin(m_db, spec.tables, &error)) {
                m_bulkLoad = true;
                m_writer.setFreshLoad(true);
                // Every page of a first load is new rows: checkpoint the WAL
                // into the cache every 256 MB rather than every 4 MB (fewer,
                // longer copies); the load ends with one.
                m_db.setBackgroundCheckpoints(bulkLoadCheckpointPages);
            }
            else
                qCWarning(lcSync) << "no bulk load:" << error;
        }
    }
    // Only a complete listing needs each row it saw marked (to find the
    // vanished ones); a run for changes leaves unchanged rows unwritten.
    m_writer.setMarkSeen(m_current.full);
    m_since = m_current.full ? QDateTime() : watermark;
    fetch();
}

void SyncRun::fetch()
{
    if (m_cancelled) {
        m_current.cancelled = true;
        finishResource();
        return;
    }
    Vendors::PageRequest request;
    request.resource = m_spec.name;
    request.cursor = m_cursor;
    request.since = m_since;
    request.runId = m_runId;
    m_connector.fetchPage(request, [this](const Vendors::PageResult &page) {
        // Never re-enter the connector from its own callback.
        QMetaObject::invokeMethod(this, [this, page] { onPage(page); }, Qt::QueuedConnection);
    });
}

void SyncRun::onPage(const Vendors::PageResult &page)
{
    if (page.cancelled || (m_cancelled && !page.ok)) {
        m_current.cancelled = true;
        finishResource();
        return;
    }
    if (!page.ok) {
        failResource(page.error);
        return;
    }
    QString error;
    QElapsedTimer writing;
    writing.start();
    const bool committed = commitPage(page, &error);
    m_writeMs += writing.elapsed();
    if (!committed) {
        failResource(tr("the cache could not be written: %1").arg(error));
        return;
    }
    m_rows += page.rows;
    SyncProgress progress{m_connector.connection().name, m_spec.name, m_current.pages, m_rows, page.total, -1};
    if (page.total > 0 && m_rows > 0 && m_rows < page.total)
        progress.etaMs = m_clock.elapsed() * (page.total - m_rows) / m_rows;
    Q_EMIT this->progress(progress);

    if (!page.nextCursor.isEmpty()) {
        m_cursor = page.nextCursor;
        fetch();
        return;
    }
    if (m_current.full && m_spec.vanishOnComplete && m_rows == 0) {
        // An empty listing where the cache holds rows is far more likely a
        // vendor fault than a store emptied at once: delete nothing, say so.
        const qint64 live = liveRows();
        if (live > 0) {
            failResource(tr("the complete listing came back empty while the cache holds %1 rows of it; nothing was "
                            "marked deleted")
                             .arg(live));
            return;
        }
    }
    QElapsedTimer completing;
    completing.start();
    const bool completed = completeResource(&error);
    m_completeMs += completing.elapsed();
    if (!completed) {
        failResource(tr("the cache could not be written: %1").arg(error));
        return;
    }
    m_current.complete = true;
    finishResource();
}

bool SyncRun::commitPage(const Vendors::PageResult &page, QString *error)
{
    const QString connectionId = m_connector.connection().id;
    Store::WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    Store::WriteCounts counts;
    if (!m_writer.write(connectionId, m_runId, page.records, &counts, error))
        return false;
    if (!m_runStarted.isValid()) // the server's clock when the run's first answer came
        m_runStarted = page.serverTime.isValid() ? page.serverTime : QDateTime::currentDateTimeUtc();
    QSqlQuery state(m_db.sql());
    state.prepare(QStringLiteral(
        "INSERT INTO sync_state (connection_id, resource, cursor, run_id, run_started, run_full, pages) "
        "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (connection_id, resource) DO UPDATE SET "
        "cursor = excluded.cursor, run_id = excluded.run_id, run_started = excluded.run_started, "
        "run_full = excluded.run_full, pages = CASE WHEN sync_state.run_id IS excluded.run_id "
        "THEN sync_state.pages + 1 ELSE 1 END"));
    state.addBindValue(connectionId);
    state.addBindValue(m_spec.name);
    state.addBindValue(page.nextCursor.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(page.nextCursor));
    state.addBindValue(m_runId);
    state.addBindValue(Store::timeValue(m_runStarted));
    state.addBindValue(m_current.full ? 1 : 0);
    if (!exec(state, error))
        return false;
    QSqlQuery run(m_db.sql());
    run.prepare(QStringLiteral("UPDATE sync_runs SET pages = pages + 1, added = added + ?, changed = changed + ?, "
                               "deleted = deleted + ? WHERE id = ?"));
    run.addBindValue(counts.added);
    run.addBindValue(counts.changed);
    run.addBindValue(counts.deleted);
    run.addBindValue(m_runId);
    if (!exec(run, error) || !transaction.commit(error))
        return false;
    m_current.counts += counts;
    ++m_current.pages;
    return true;
}

qint64 SyncRun::liveRows() const
{
    qint64 live = 0;
    for (const QString &table : m_spec.tables) {
        if (!Store::CacheWriter::tables().contains(table))
            continue;
        QSqlQuery query(m_db.sql());
        query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE connection_id = ? AND deleted IS NULL").arg(table));
        query.addBindValue(m_connector.connection().id);
        if (query.exec() && query.next())
            live += query.value(0).toLongLong();
    }
    return live;
}

bool SyncRun::completeResource(QString *error)
{
    const QString connectionId = m_connector.connection().id;
    Store::WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    qint64 vanished = 0;
    // A first load (the tables were empty) saw every row it holds: nothing
    // can have vanished, and the sweep would read every row for nothing.
    if (m_current.full && m_spec.vanishOnComplete && !m_bulkLoad) {
        const qint64 at = m_runStarted.isValid() ? m_runStarted.toMSecsSinceEpoch() : nowMs();
        for (const QString &table : std::as_const(m_spec.tables)) {
            qint64 marked = 0;
            if (!m_writer.markVanished(table, connectionId, m_runId, at, &marked, error))
                return false;
            vanished += marked;
        }
    }
    // The watermark: the run's start by the server's clock, minus the overlap.
    const QDateTime watermark = m_spec.changeFilter && m_runStarted.isValid()
        ? m_runStarted.addMSecs(-m_options.overlapMs)
        : QDateTime();
    QSqlQuery state(m_db.sql());
    state.prepare(QStringLiteral(
        "INSERT INTO sync_state (connection_id, resource, watermark, last_complete) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (connection_id, resource) DO UPDATE SET watermark = COALESCE(excluded.watermark, watermark), "
        "cursor = NULL, run_id = NULL, run_started = NULL, run_full = 0, pages = 0, "
        "last_complete = excluded.last_complete, last_error = NULL"));
    state.addBindValue(connectionId);
    state.addBindValue(m_spec.name);
    state.addBindValue(Store::timeValue(watermark));
    state.addBindValue(nowMs());
    if (!exec(state, error))
        return false;
    QSqlQuery run(m_db.sql());
    run.prepare(QStringLiteral("UPDATE sync_runs SET status = 'complete', finished = ?, deleted = deleted + ? WHERE id = ?"));
    run.addBindValue(nowMs());
    run.addBindValue(vanished);
    run.addBindValue(m_runId);
    if (!exec(run, error) || !transaction.commit(error))
        return false;
    m_current.counts.deleted += vanished;
    return true;
}

void SyncRun::failResource(const QString &error)
{
    // A store that cannot be reached at all fails every other resource the
    // same way, each after its retries: say so once and stop here.
    if (m_connector.client().lastRequestUnreachable() && !m_queue.isEmpty()) {
        for (const Vendors::ResourceSpec &left : std::as_const(m_queue)) {
            ResourceSummary skipped;
            skipped.resource = left.name;
            skipped.error = describe(tr("not tried: the store could not be reached"));
            m_skipped.append(skipped);
        }
        m_queue.clear();
    }
    m_current.error = describe(error);
    qCWarning(lcSync).noquote() << m_current.error;
    // What was committed stays, the watermark does not move; the reason is kept for the GUI.
    QString ignored;
    QSqlQuery state(m_db.sql());
    state.prepare(QStringLiteral("INSERT INTO sync_state (connection_id, resource, last_error) VALUES (?, ?, ?) "
                                 "ON CONFLICT (connection_id, resource) DO UPDATE SET last_error = excluded.last_error"));
    state.addBindValue(m_connector.connection().id);
    state.addBindValue(m_spec.name);
    state.addBindValue(error);
    exec(state, &ignored);
    if (m_runId > 0) {
        QSqlQuery run(m_db.sql());
        run.prepare(QStringLiteral("UPDATE sync_runs SET status = 'failed', finished = ?, error = ? WHERE id = ?"));
        run.addBindValue(nowMs());
        run.addBindValue(error);
        run.addBindValue(m_runId);
        exec(run, &ignored);
    }
    finishResource();
}

void SyncRun::finishResource()
{
    if (m_bulkLoad) {
        m_bulkLoad = false;
        m_writer.setFreshLoad(false);
        m_db.setBackgroundCheckpoints(defaultCheckpointPages);
        QString error;
        QElapsedTimer restoring;
        restoring.start();
        if (!Store::BulkLoad::restore(m_db, &error) && m_current.error.isEmpty())
            m_current.error = describe(tr("the cache's indexes could not be rebuilt: %1").arg(error));
        m_completeMs += restoring.elapsed();
    }
    // Where a run's time went: fetching and mapping (the rest), writing, completing.
    qCInfo(lcSync).nospace() << m_connector.connection().name << " " << m_spec.name << ": " << m_rows << " rows, "
                             << m_current.pages << " pages in " << m_clock.elapsed() << " ms (writing " << m_writeMs
                             << " ms, completing " << m_completeMs << " ms)";
    if (m_current.cancelled && m_runId > 0) {
        QString ignored;
        QSqlQuery run(m_db.sql());
        run.prepare(QStringLiteral("UPDATE sync_runs SET status = 'cancelled', finished = ? WHERE id = ? AND status = 'running'"));
        run.addBindValue(nowMs());
        run.addBindValue(m_runId);
        exec(run, &ignored);
    }
    m_summaries.append(m_current);
    m_summaries.append(m_skipped);
    m_skipped.clear();
    m_runId = 0;
    QTimer::singleShot(0, this, &SyncRun::nextResource);
}

} // namespace ConsignDesk::Sync
