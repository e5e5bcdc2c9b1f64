#include "store/checkpointer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcCheckpoint, "consigndesk.store.checkpoint")

namespace ConsignDesk::Store {

Checkpointer::Checkpointer(const QString &path)
    : m_path(path)
{
    m_thread = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Checkpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_all();
}

void Checkpointer::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return (!m_requested && !m_running) || m_stop; });
}

void Checkpointer::run()
{
    sqlite3 *db = nullptr;
    const QByteArray path = m_path.toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        qCWarning(lcCheckpoint) << "no background checkpoints for" << m_path << ":" << sqlite3_errmsg(db);
        sqlite3_close(db);
        db = nullptr;
    } else {
        // The same durability as the writers: the checkpoint syncs the cache file.
        sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    }
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested || m_stop; });
        if (m_stop)
            break;
        m_requested = false;
        m_running = true;
        lock.unlock();
        if (db) {
            QElapsedTimer timer;
            timer.start();
            int logPages = 0;
            int copiedPages = 0;
            const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copiedPages);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY)
                qCWarning(lcCheckpoint) << "checkpoint failed:" << sqlite3_errmsg(db);
            else
                qCDebug(lcCheckpoint) << "checkpointed" << copiedPages << "of" << logPages << "WAL pages in"
                                      << timer.elapsed() << "ms";
        }
        lock.lock();
        m_running = false;
        if (!m_requested)
            m_idle.notify_all();
    }
    m_idle.notify_all();
    lock.unlock();
    // Not the cache's last connection (its owner's is still open), so closing
    // does not checkpoint again.
    sqlite3_close(db);
}

} // namespace ConsignDesk::Store
