#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace ConsignDesk::Store {

class Database;

/// @short A prepared statement on the SQLite connection beneath a Database,
/// for the paths where QSqlQuery's per-value QVariant and UTF-16 handling is
/// the cost (a sync's writes, a million-row export).
///
/// It runs on the same connection, so in the same transaction as the
/// Database's QSqlQuery statements. The Database finalizes any statement
/// still alive when it closes; the statement is then invalid.
class Statement
{
public:
    Statement() = default;
    Statement(Database &db, const QByteArray &sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    /// SQLite's message for the last failure on this statement's connection.
    QString errorText() const;

    // Parameters count from 1, as in SQLite.
    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, const QString &text); ///< a null QString binds NULL
    void bindUtf8(int index, const char *data, int size); ///< copied

    /// One step: true with a row to read; false when done or failed (see ok()).
    bool next();
    /// Runs a statement that returns no rows to its end and resets it.
    bool exec();
    /// Ready to run again; the bindings stay unless @p clear.
    void reset(bool clear = false);
    /// Whether the last step succeeded (a row or done).
    bool ok() const { return m_ok; }

    /// A value's storage class in SQLite, which may differ from row to row.
    enum class Type { Integer, Float, Text, Blob, Null };

    int columnCount() const;
    Type type(int column) const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    /// The column as UTF-8 bytes, valid until the next step or reset.
    const char *utf8(int column, int *size) const;
    /// The column as QSqlQuery::value() gives it on SQLite (qint64, double,
    /// QString through SQLite's UTF-16, QByteArray, or a null QString), for a
    /// fast path's rare value that must read exactly as the Qt SQL path does.
    /// Reading a text column this way invalidates its utf8() pointer.
    QVariant value(int column) const;
    /// Rows changed by the connection's last INSERT, UPDATE or DELETE.
    qint64 changes() const;

private:
    friend class Database;
    void release();

    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
};

/// The SQLite connection beneath @p db.
sqlite3 *nativeHandle(Database &db);

} // namespace ConsignDesk::Store
