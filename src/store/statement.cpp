#include "store/statement.h"

#include "store/database.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace ConsignDesk::Store {

sqlite3 *nativeHandle(Database &db)
{
    const QVariant handle = db.sql().driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Statement::Statement(Database &db, const QByteArray &sql)
{
    sqlite3 *handle = nativeHandle(db);
    if (!handle) {
        m_ok = false;
        return;
    }
    m_db = &db;
    if (sqlite3_prepare_v3(handle, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_ok = false;
    }
    db.m_statements.insert(this);
}

Statement::~Statement()
{
    release();
}

Statement::Statement(Statement &&other) noexcept
{
    *this = std::move(other);
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this == &other)
        return *this;
    release();
    m_db = other.m_db;
    m_stmt = other.m_stmt;
    m_ok = other.m_ok;
    if (m_db) {
        m_db->m_statements.remove(&other);
        m_db->m_statements.insert(this);
    }
    other.m_db = nullptr;
    other.m_stmt = nullptr;
    return *this;
}

void Statement::release()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    if (m_db)
        m_db->m_statements.remove(this);
    m_db = nullptr;
}

QString Statement::errorText() const
{
    if (!m_db)
        return QStringLiteral("no database");
    sqlite3 *handle = nativeHandle(*m_db);
    return handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("the database is closed");
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, const QString &text)
{
    if (text.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_text16(m_stmt, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

void Statement::bindUtf8(int index, const char *data, int size)
{
    sqlite3_bind_text(m_stmt, index, data, size, SQLITE_TRANSIENT);
}

bool Statement::next()
{
    if (!m_stmt) {
        m_ok = false;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    m_ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    return rc == SQLITE_ROW;
}

bool Statement::exec()
{
    while (next()) {
    }
    const bool ok = m_ok;
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return ok;
}

void Statement::reset(bool clear)
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    if (clear)
        sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

Statement::Type Statement::type(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return Type::Integer;
    case SQLITE_FLOAT:
        return Type::Float;
    case SQLITE_TEXT:
        return Type::Text;
    case SQLITE_BLOB:
        return Type::Blob;
    default:
        return Type::Null;
    }
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

const char *Statement::utf8(int column, int *size) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    *size = data ? sqlite3_column_bytes(m_stmt, column) : 0;
    return data;
}

QVariant Statement::value(int column) const
{
    // As Qt's SQLite driver reads a value (its default precision policy).
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(m_stmt, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                          sqlite3_column_bytes(m_stmt, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QString(static_cast<const QChar *>(sqlite3_column_text16(m_stmt, column)),
                       sqlite3_column_bytes16(m_stmt, column) / qsizetype(sizeof(QChar)));
    }
}

qint64 Statement::changes() const
{
    return m_stmt ? sqlite3_changes64(sqlite3_db_handle(m_stmt)) : 0;
}

} // namespace ConsignDesk::Store
