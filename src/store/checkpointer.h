#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace ConsignDesk::Store {

/// @short Folds the WAL into the cache file on a thread of its own.
///
/// SQLite checkpoints inside the commit that takes the WAL past
/// wal_autocheckpoint, so the writer waits while the pages are copied and the
/// disk syncs. A sync writes in many commits; with a Checkpointer (see
/// Database::setBackgroundCheckpoints) its commits only ask for a checkpoint
/// and go on, and a second connection of this thread copies what is
/// committed. That copy is a PASSIVE checkpoint, SQLite's own way to
/// checkpoint from another thread: it never blocks the writer or a reader,
/// and a kill at any point leaves the WAL and the cache consistent.
class Checkpointer
{
public:
    /// Opens its own connection to the cache at @p path (WAL already on).
    explicit Checkpointer(const QString &path);
    /// Finishes the checkpoint under way, if any, and stops.
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    /// Asks for a checkpoint of everything committed so far; returns at once.
    void request();
    /// Blocks until no checkpoint is asked for or under way.
    void waitUntilIdle();

private:
    void run();

    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake; ///< to the thread: work or stop
    std::condition_variable m_idle; ///< from the thread: nothing asked for or running
    bool m_requested = false;
    bool m_running = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ConsignDesk::Store
