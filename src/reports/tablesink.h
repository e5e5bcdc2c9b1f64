#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPageSize>
#include <QString>
#include <QVariant>

#include <memory>

namespace ConsignDesk::Reports {

/// What a column holds, so each format can write it as what it is (a number
/// as a number, money with its currency's format, a date as a date).
enum class CellKind {
    Text,
    Integer,  ///< qint64
    Money,    ///< qint64 minor units; Cell::currency says which currency
    Date,     ///< QDate
    DateTime, ///< QDateTime (UTC; shown in local time)
    Percent,  ///< qint64 basis points (5000 = 50 %)
};

struct ColumnDef {
    QString header;
    CellKind kind = CellKind::Text;
};

/// One cell: a null value is an empty cell.
struct Cell {
    QVariant value;
    QString currency; ///< Money only (ISO 4217)
    static Cell text(const QString &s) { return {s, {}}; }
    static Cell integer(qint64 n) { return {n, {}}; }
    static Cell money(qint64 minor, const QString &currency) { return {minor, currency}; }
};

/// @short What a report is: its title, the store(s) and period it covers and its columns.
struct TableMeta {
    QString title;   ///< "Sales summary"
    QString store;   ///< the connections it covers, for the header ("Main Street, Outlet")
    QString period;  ///< "1 Jan 2026 – 31 Mar 2026", or empty
    QList<ColumnDef> columns;
};

/// @short A destination for a table, written row by row so that memory does
/// not grow with the rows: CSV, XLSX or PDF. The file appears whole or not at
/// all (written aside, moved into place by finish()).
class TableSink
{
public:
    virtual ~TableSink() = default;
    virtual bool begin(const TableMeta &meta, QString *error) = 0;
    virtual void row(const QList<Cell> &cells) = 0;
    /// Totals rows after the rows (one per currency where money is mixed).
    virtual void totals(const QList<QList<Cell>> &rows) = 0;
    /// Writes out; false with the reason when the file could not be written.
    virtual bool finish(QString *error) = 0;
};

enum class Format { Csv, Xlsx, Pdf };

struct SinkOptions {
    bool raw = false;                             ///< CSV: no formula neutralising
    QPageSize pageSize = QPageSize(QPageSize::A4); ///< PDF
};

/// The sink for @p format writing @p path.
std::unique_ptr<TableSink> makeSink(Format format, const QString &path, const SinkOptions &options = {});

/// A cell as plain text for CSV and for people who read files: money as a
/// plain decimal in major units (42.42), dates ISO 8601, percentages as a
/// decimal number of percent (37.5).
QString plainText(const Cell &cell, CellKind kind);

} // namespace ConsignDesk::Reports
