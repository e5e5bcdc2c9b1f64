#include "widgets/synccontroller.h"

#include "store/database.h"
#include "sync/backgroundsync.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QSettings>
#include <QSqlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSyncGui, "consigndesk.widgets.sync")

namespace ConsignDesk {

namespace {

const QString autoMinutesKey = QStringLiteral("Sync/autoMinutes");
constexpr qint64 cacheChangedEveryMs = 2000;

bool isQueuedOrRunning(SyncController::Status status)
{
    return status == SyncController::Status::Queued || status == SyncController::Status::Running;
}

} // namespace

SyncController::SyncController(Sync::Workspace &workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_sync(new Sync::BackgroundSync(Store::Database::pathIn(workspace.dataDir()), workspace.keys(), this))
{
    connect(m_sync, &Sync::BackgroundSync::progress, this, &SyncController::onProgress);
    connect(m_sync, &Sync::BackgroundSync::connectionFinished, this, &SyncController::onConnectionFinished);
    connect(m_sync, &Sync::BackgroundSync::finished, this, &SyncController::onFinished);
    connect(&workspace, &Sync::Workspace::connectionsChanged, this, &SyncController::reloadConnections);

    m_cacheTimer.setSingleShot(true);
    connect(&m_cacheTimer, &QTimer::timeout, this, [this] { noteCacheChanged(true); });
    connect(&m_autoTimer, &QTimer::timeout, this, &SyncController::autoSyncDue);
    m_autoMinutes = std::max(0, QSettings().value(autoMinutesKey, 0).toInt());

    reloadConnections();
    restartAutoTimer();
    setUpNetworkInformation();
}

SyncController::~SyncController()
{
    // Before the members go: BackgroundSync cancels and waits for its thread.
    delete m_sync;
    m_sync = nullptr;
}

void SyncController::setUpNetworkInformation()
{
    // Not every system has a backend (a test machine, a container): then
    // only the syncs' own answers say whether the stores are offline.
    if (!QNetworkInformation::loadDefaultBackend() || !QNetworkInformation::instance())
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    const auto update = [this](QNetworkInformation::Reachability reachability) {
        const bool offline = reachability == QNetworkInformation::Reachability::Disconnected;
        if (offline == m_systemOffline)
            return;
        m_systemOffline = offline;
        qCInfo(lcSyncGui) << "the system reports the network" << (offline ? "down" : "up");
        Q_EMIT stateChanged();
        // Back online after a sync found the stores unreachable: catch up.
        if (!offline && m_transportOffline && m_autoMinutes > 0)
            autoSyncDue();
    };
    update(info->reachability());
    connect(info, &QNetworkInformation::reachabilityChanged, this, update);
}

void SyncController::reloadConnections()
{
    QString error;
    const auto connections = m_workspace.connections().list(&error);
    if (!connections) {
        qCWarning(lcSyncGui).noquote() << "connections not listed:" << error;
        return;
    }
    QStringList names;
    QHash<QString, QString> nameOfId;
    for (const Connection &connection : *connections) {
        names.append(connection.name);
        nameOfId.insert(connection.id, connection.name);
    }

    // When each connection last completed a resource: quick, indexed by connection.
    QHash<QString, QDateTime> lastOf;
    QSqlQuery query(m_workspace.database().sql());
    if (query.exec(QStringLiteral("SELECT connection_id, MAX(finished) FROM sync_runs "
                                  "WHERE status = 'complete' GROUP BY connection_id"))) {
        while (query.next()) {
            const QString name = nameOfId.value(query.value(0).toString());
            if (!name.isEmpty() && !query.value(1).isNull())
                lastOf.insert(name, QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong()).toLocalTime());
        }
    }

    const bool listChanged = names != m_names;
    for (auto it = m_states.begin(); it != m_states.end();) {
        if (!names.contains(it.key()) && !m_batch.contains(it.key()))
            it = m_states.erase(it);
        else
            ++it;
    }
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&](const QString &name) { return !names.contains(name); }),
                    m_pending.end());
    for (const QString &name : std::as_const(names)) {
        ConnectionState &state = m_states[name];
        state.name = name;
        if (lastOf.contains(name) && (!state.lastSynced.isValid() || lastOf.value(name) > state.lastSynced))
            state.lastSynced = lastOf.value(name);
        if (state.lastSynced.isValid() && (!m_lastSynced.isValid() || state.lastSynced > m_lastSynced))
            m_lastSynced = state.lastSynced;
    }
    m_names = names;
    if (listChanged)
        Q_EMIT connectionsChanged();
    Q_EMIT stateChanged();
}

bool SyncController::isRunning() const
{
    return m_sync && m_sync->isRunning();
}

bool SyncController::isBusy() const
{
    return isRunning() || std::any_of(m_states.cbegin(), m_states.cend(), [](const ConnectionState &state) {
               return isQueuedOrRunning(state.status);
           });
}

bool SyncController::isOffline() const
{
    return m_transportOffline || (m_systemOffline && !m_ignoreSystemNetwork);
}

void SyncController::syncAll(bool full)
{
    QStringList names;
    // Those the run in flight covers already are not done twice.
    for (const QString &name : std::as_const(m_names)) {
        if (!m_batch.contains(name))
            names.append(name);
    }
    enqueue(names, full);
}

void SyncController::syncConnection(const QString &name, bool full)
{
    if (!m_states.contains(name)) {
        qCWarning(lcSyncGui).noquote() << "no connection" << name << "to sync";
        return;
    }
    enqueue({name}, full);
}

void SyncController::enqueue(const QStringList &names, bool full)
{
    bool added = false;
    for (const QString &name : names) {
        if (m_pending.contains(name) || (m_batch.contains(name) && isQueuedOrRunning(m_states.value(name).status)))
            continue;
        m_pending.append(name);
        added = true;
        if (isRunning())
            setStatus(name, Status::Queued);
    }
    if (!added)
        return;
    m_pendingFull = m_pendingFull || full;
    if (!isRunning())
        startNext();
    else
        Q_EMIT stateChanged();
}

void SyncController::startNext()
{
    if (isRunning() || m_pending.isEmpty())
        return;
    QString error;
    const auto connections = m_workspace.connections().list(&error);
    QList<Connection> chosen;
    QStringList names;
    if (connections) {
        for (const Connection &connection : *connections) {
            if (m_pending.contains(connection.name)) {
                chosen.append(connection);
                names.append(connection.name);
            }
        }
    }
    const bool full = m_pendingFull;
    m_pending.clear();
    m_pendingFull = false;
    if (chosen.isEmpty()) {
        if (!error.isEmpty())
            qCWarning(lcSyncGui).noquote() << "connections not listed:" << error;
        Q_EMIT stateChanged();
        return;
    }

    m_batch = names;
    m_cancelling = false;
    m_reached = 0;
    m_unreachable = 0;
    m_runErrors.clear();
    m_progress = Sync::SyncProgress{};
    for (int i = 0; i < names.size(); ++i) {
        ConnectionState &state = m_states[names.at(i)];
        state.resource.clear();
        state.pages = state.rows = 0;
        state.total = state.etaMs = -1;
        state.counts = Store::WriteCounts{};
        // They run one after another, in this order.
        setStatus(names.at(i), i == 0 ? Status::Running : Status::Queued);
    }
    m_autoTimer.stop();
    if (!m_sync->start(chosen, full)) {
        qCWarning(lcSyncGui) << "a sync is running already";
        return;
    }
    qCInfo(lcSyncGui).noquote() << (full ? "full" : "incremental") << "sync of" << names.join(QStringLiteral(", "));
    Q_EMIT started();
    Q_EMIT stateChanged();
}

void SyncController::setStatus(const QString &name, Status status)
{
    ConnectionState &state = m_states[name];
    state.name = name;
    if (status == Status::Running) {
        state.error.clear();
        state.unreachable = false;
    }
    state.status = status;
    Q_EMIT connectionStateChanged(name);
}

void SyncController::onProgress(const Sync::SyncProgress &progress)
{
    m_progress = progress;
    ConnectionState &state = m_states[progress.connection];
    state.name = progress.connection;
    if (state.status != Status::Running)
        setStatus(progress.connection, Status::Running);
    state.resource = progress.resource;
    state.pages = progress.pages;
    state.rows = progress.rows;
    state.total = progress.total;
    state.etaMs = progress.etaMs;
    Q_EMIT connectionStateChanged(progress.connection);
    Q_EMIT stateChanged();
    if (progress.rows > 0)
        noteCacheChanged(false);
}

void SyncController::onConnectionFinished(const QString &name, const QList<Sync::ResourceSummary> &summaries)
{
    QStringList errors;
    bool cancelled = false;
    int complete = 0;
    bool allTransport = true;
    qint64 pages = 0;
    Store::WriteCounts counts;
    QString failedAt;
    QString stoppedAt;
    for (const Sync::ResourceSummary &summary : summaries) {
        if (!summary.error.isEmpty()) {
            errors.append(summary.error);
            allTransport = allTransport && isTransportError(summary.error);
            if (failedAt.isEmpty())
                failedAt = summary.resource;
        }
        if (summary.cancelled && stoppedAt.isEmpty())
            stoppedAt = summary.resource;
        cancelled = cancelled || summary.cancelled;
        complete += summary.complete ? 1 : 0;
        pages += summary.pages;
        counts += summary.counts;
    }
    m_runErrors += errors;
    if (name.isEmpty()) // the worker could not even open the cache
        return;

    ConnectionState &state = m_states[name];
    state.name = name;
    state.error = errors.join(u'\n');
    state.unreachable = !errors.isEmpty() && allTransport && complete == 0;
    state.resource = !errors.isEmpty() ? failedAt : cancelled ? stoppedAt : QString();
    state.pages = pages;
    state.rows = counts.added + counts.changed + counts.unchanged;
    state.total = -1;
    state.etaMs = -1;
    state.counts = counts;
    if (complete > 0) {
        state.lastSynced = QDateTime::currentDateTime();
        m_lastSynced = state.lastSynced;
    }
    if (state.unreachable) {
        ++m_unreachable;
    } else if (complete > 0 || !errors.isEmpty()) {
        // An answer came, if only an error: the network works. Offline is
        // set at the end of a run that reached nothing, cleared at once.
        ++m_reached;
        m_transportOffline = false;
        m_systemOffline = false;
    }
    setStatus(name, !errors.isEmpty() ? Status::Failed : cancelled ? Status::Cancelled : Status::Done);
    if (m_progress.connection == name)
        m_progress = Sync::SyncProgress{};

    const int index = m_batch.indexOf(name);
    if (!m_cancelling && index >= 0 && index + 1 < m_batch.size())
        setStatus(m_batch.at(index + 1), Status::Running);
    noteCacheChanged(true);
    Q_EMIT stateChanged();
}

void SyncController::onFinished(bool ok)
{
    for (const QString &name : std::as_const(m_batch)) {
        if (isQueuedOrRunning(m_states.value(name).status))
            setStatus(name, Status::Cancelled);
    }
    if (m_unreachable > 0 && m_reached == 0)
        m_transportOffline = true;
    m_batch.clear();
    m_progress = Sync::SyncProgress{};
    m_lastErrors = m_runErrors;
    m_runErrors.clear();
    const bool cancelled = m_cancelling;
    m_cancelling = false;
    qCInfo(lcSyncGui) << "sync finished:" << (ok ? "ok" : cancelled ? "cancelled" : "with errors")
                      << m_lastErrors.size() << "errors";
    restartAutoTimer();
    Q_EMIT stateChanged();
    Q_EMIT finished(ok, m_lastErrors);
    // What was asked for meanwhile.
    if (!m_pending.isEmpty())
        QMetaObject::invokeMethod(this, &SyncController::startNext, Qt::QueuedConnection);
}

void SyncController::cancel()
{
    for (const QString &name : std::as_const(m_pending)) {
        if (!m_batch.contains(name) || m_states.value(name).status == Status::Queued)
            setStatus(name, Status::Cancelled);
    }
    m_pending.clear();
    m_pendingFull = false;
    if (!isRunning()) {
        Q_EMIT stateChanged();
        return;
    }
    m_cancelling = true;
    m_sync->cancel();
    Q_EMIT stateChanged();
}

void SyncController::noteCacheChanged(bool now)
{
    const qint64 since = m_sinceCacheChanged.isValid() ? m_sinceCacheChanged.elapsed() : cacheChangedEveryMs;
    if (now || since >= cacheChangedEveryMs) {
        m_cacheTimer.stop();
        m_sinceCacheChanged.start();
        Q_EMIT cacheChanged();
    } else if (!m_cacheTimer.isActive()) {
        m_cacheTimer.start(int(cacheChangedEveryMs - since));
    }
}

void SyncController::setAutoSyncMinutes(int minutes)
{
    minutes = std::max(0, minutes);
    QSettings().setValue(autoMinutesKey, minutes);
    if (minutes == m_autoMinutes)
        return;
    m_autoMinutes = minutes;
    restartAutoTimer();
    Q_EMIT stateChanged();
}

void SyncController::setAutoSyncIntervalForTesting(int ms)
{
    m_autoTestMs = std::max(0, ms);
    restartAutoTimer();
}

void SyncController::setSystemNetworkIgnoredForTesting(bool ignored)
{
    m_ignoreSystemNetwork = ignored;
    Q_EMIT stateChanged();
}

void SyncController::restartAutoTimer()
{
    if (m_autoMinutes <= 0) {
        m_autoTimer.stop();
        return;
    }
    // Counted from the end of the last run, so a manual sync postpones the next automatic one.
    m_autoTimer.start(m_autoTestMs > 0 ? m_autoTestMs : m_autoMinutes * 60 * 1000);
}

void SyncController::autoSyncDue()
{
    if (isRunning() || m_names.isEmpty() || (m_systemOffline && !m_ignoreSystemNetwork))
        return;
    qCInfo(lcSyncGui) << "automatic sync";
    syncAll(false);
}

QString SyncController::describe(const Sync::SyncProgress &progress)
{
    const QLocale locale;
    QStringList parts{progress.connection};
    if (!progress.resource.isEmpty())
        parts.append(resourceTitle(progress.resource));
    parts.append(progress.pages == 1 ? tr("1 page") : tr("%1 pages").arg(locale.toString(progress.pages)));
    if (progress.total > 0)
        parts.append(tr("%1 of %2 rows").arg(locale.toString(progress.rows), locale.toString(progress.total)));
    else
        parts.append(progress.rows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(progress.rows)));
    if (progress.etaMs >= 0)
        parts.append(tr("%1 left").arg(formatDuration(progress.etaMs)));
    return parts.join(QStringLiteral(" · "));
}

QString SyncController::resourceTitle(const QString &resource)
{
    return QString(resource).replace(u'_', u' ');
}

QString SyncController::formatDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(1, (ms + 999) / 1000);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString SyncController::formatTime(const QDateTime &time)
{
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    const QString clock = locale.toString(local.time(), QLocale::ShortFormat);
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return clock;
    if (local.date().year() == today.year())
        return locale.toString(local.date(), QStringLiteral("d MMM")) + u' ' + clock;
    return locale.toString(local, QLocale::ShortFormat);
}

bool SyncController::isTransportError(const QString &error)
{
    // How Qt and the connectors word a request that got no answer at all.
    static const QStringList markers{
        QStringLiteral("no answer"),
        QStringLiteral("connection refused"),
        QStringLiteral("timed out"),
        QStringLiteral("timeout"),
        QStringLiteral("network unreachable"),
        QStringLiteral("network is unreachable"),
        QStringLiteral("temporary network failure"),
        QStringLiteral("network access is disabled"),
        QStringLiteral("network session"),
        QStringLiteral("remote host closed"),
        QStringLiteral("operation canceled"), // a transfer timeout aborts the reply
    };
    const QString lower = error.toLower();
    // An HTTP status is an answer, even "404 … not found".
    if (lower.contains(QLatin1String("http ")) || lower.contains(QLatin1String("status ")))
        return false;
    if (lower.contains(QLatin1String("host")) && lower.contains(QLatin1String("not found"))) // "Host shop.example not found"
        return true;
    return std::any_of(markers.cbegin(), markers.cend(), [&](const QString &m) { return lower.contains(m); });
}

} // namespace ConsignDesk
