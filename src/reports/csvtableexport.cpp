// exportTableCsv(): a table of the cache as CSV without the Qt SQL layer's
// QVariant and UTF-16 per value, and without SQLite sorting the table.
#include "core/currency.h"
#include "reports/csvbytes.h"
#include "reports/csvwriter.h"
#include "reports/tableexport.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

namespace ConsignDesk::Reports {

namespace {

constexpr qsizetype chunk = 1 << 20; // bytes gathered before they are written

// An SQLite failure worded as Qt's SQLite driver words it (and translated by
// Qt's own catalogue), as the export reported it through QSqlQuery.
QString sqliteError(const Store::Statement &statement, const char *what)
{
    const char *const context = "QSQLiteResult";
    return statement.errorText() + u' ' + QCoreApplication::translate(context, what);
}

// A connection whose rows are exported: its id and its first two cells
// (name, vendor) ready as CSV.
struct Source {
    QString id;
    QByteArray cells;
};

// The connections whose rows are exported, in the file's order: by name.
bool loadSources(Store::Database &db, const TableExportOptions &options, std::vector<Source> *sources, QString *error)
{
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("SELECT id, name, vendor FROM connections%1 ORDER BY name")
                      .arg(options.connectionId.isEmpty() ? QString() : QStringLiteral(" WHERE id = ?")));
    if (!options.connectionId.isEmpty())
        query.addBindValue(options.connectionId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        Source source;
        source.id = query.value(0).toString();
        for (int i : {1, 2}) {
            source.cells += CsvWriter::escape(plainText(Cell::text(query.value(i).toString()), CellKind::Text),
                                              options.raw, false)
                                .toUtf8();
            source.cells += ',';
        }
        sources->push_back(std::move(source));
    }
    return true;
}

// The currency of the row being written, for its money cells: read again
// only when its bytes change.
class RowCurrency
{
public:
    void read(const Store::Statement &statement, int column)
    {
        if (statement.type(column) == Store::Statement::Type::Text) {
            int size = 0;
            const char *data = statement.utf8(column, &size);
            if (m_text && size == m_bytes.size() && std::memcmp(data, m_bytes.constData(), size_t(size)) == 0)
                return;
            if (QByteArrayView(data, size).isValidUtf8()) {
                m_bytes = QByteArray(data, size);
                m_text = true;
                set(QString::fromUtf8(m_bytes));
                return;
            }
        }
        m_text = false;
        set(statement.value(column).toString());
    }

    const QString &code() const { return m_code; }
    int digits() const { return m_digits; }

private:
    void set(const QString &code)
    {
        m_code = code;
        m_digits = Currency::minorDigits(code).value_or(2);
    }

    QByteArray m_bytes;
    bool m_text = false;
    QString m_code;
    int m_digits = 2;
};

bool numeric(CellKind kind)
{
    return kind == CellKind::Integer || kind == CellKind::Money || kind == CellKind::Percent;
}

// One value as CsvSink writes it: UTF-8 text, integers, money and times
// directly; anything else (a number where text was expected, text that is
// not valid UTF-8, a time before 1970) as the Qt SQL path reads and writes it.
void writeCell(const Store::Statement &statement, int column, CellKind kind, const RowCurrency &currency, bool raw,
               CsvBytes &out)
{
    using Type = Store::Statement::Type;
    const Type type = statement.type(column);
    if (type == Type::Null)
        return;
    switch (kind) {
    case CellKind::Text:
        if (type == Type::Text) {
            int size = 0;
            const char *data = statement.utf8(column, &size);
            if (out.text(data, size, raw))
                return;
        }
        break;
    case CellKind::Integer:
        if (type == Type::Integer)
            return out.integer(statement.int64(column));
        break;
    case CellKind::Money:
        if (type == Type::Integer)
            return out.money(statement.int64(column), currency.digits());
        break;
    case CellKind::DateTime:
        if (type == Type::Integer && out.dateTime(statement.int64(column)))
            return;
        break;
    default:
        break;
    }
    const Cell cell = exportCell(kind, statement.value(column), currency.code());
    out.append(CsvWriter::escape(plainText(cell, kind), raw, numeric(kind)).toUtf8());
}

} // namespace

bool exportTableCsv(Store::Database &db, const ExportTable &table, const TableExportOptions &options,
                    const QString &path, qint64 *rows, QString *error)
{
    std::vector<Source> sources;
    if (!loadSources(db, options, &sources, error))
        return false;

    // One connection after another, each in stored order: an index walk of
    // (connection, id) where the table has one (items), without a sort of
    // the whole table. Rows of a connection that is gone are left out.
    QString where = QStringLiteral("t.connection_id = ?1");
    if (!options.includeDeleted)
        where += QStringLiteral(" AND ") + QString::fromLatin1(table.liveFilter);
    const QString sql = QStringLiteral("SELECT t.external_id, %1 FROM %2 t WHERE %3 ORDER BY t.id")
                            .arg(QString::fromLatin1(table.select), QString::fromLatin1(table.table), where);
    Store::Statement statement(db, sql.toUtf8());
    if (!statement.isValid()) {
        *error = sqliteError(statement, "Unable to execute statement");
        return false;
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    CsvBytes out;
    const auto flush = [&] {
        file.write(out.data(), out.size());
        out.clear();
    };
    int currencyColumn = -1;
    bool money = false;
    out.append(QByteArrayLiteral("connection,vendor,external_id"));
    for (int i = 0; i < table.columns.size(); ++i) {
        const QByteArray name(table.columns.at(i).first);
        out.comma();
        out.append(name);
        if (name == "currency")
            currencyColumn = 1 + i;
        money = money || table.columns.at(i).second == CellKind::Money;
    }
    out.endRow();

    RowCurrency currency;
    qint64 written = 0;
    for (const Source &source : sources) {
        statement.reset();
        statement.bind(1, source.id);
        while (statement.next()) {
            if (money && currencyColumn >= 0)
                currency.read(statement, currencyColumn);
            out.append(source.cells);
            writeCell(statement, 0, CellKind::Text, currency, options.raw, out);
            for (int i = 0; i < table.columns.size(); ++i) {
                out.comma();
                writeCell(statement, 1 + i, table.columns.at(i).second, currency, options.raw, out);
            }
            out.endRow();
            if (out.size() >= chunk)
                flush();
            if (++written % 10000 == 0 && options.progress)
                options.progress(written);
        }
        if (!statement.ok()) {
            file.cancelWriting();
            *error = sqliteError(statement, "Unable to fetch row");
            return false;
        }
    }
    flush();
    *rows = written;
    if (file.commit())
        return true;
    *error = file.errorString();
    return false;
}

} // namespace ConsignDesk::Reports
