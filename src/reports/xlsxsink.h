#pragma once

#include "reports/tablesink.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ConsignDesk::Reports {

/// @short Writes a table as an XLSX workbook through libxlsxwriter.
///
/// One worksheet named after the title, a title line and a store/period line
/// above a bold header row that stays in view (frozen panes), then the rows
/// and a bold totals row with a top border. Cells are what they are: integers
/// and percentages as numbers, money as a number in major units with its
/// currency's number format (JPY with no decimals), dates and date-times as
/// Excel dates, text always as text (never a formula, whatever it starts with).
/// Column widths are fitted to the header and the longest value seen.
///
/// Rows are streamed (libxlsxwriter's constant_memory mode: each row goes to a
/// temporary file when the next one starts), so memory does not grow with the
/// rows. The workbook is written to a hidden temporary file next to the target
/// (".<name>.XXXXXX.tmp") and renamed over it only when it was written whole;
/// on failure the target is left as it was and the temporary file removed.
class XlsxSink : public TableSink
{
public:
    explicit XlsxSink(const QString &path);
    ~XlsxSink() override;

    XlsxSink(const XlsxSink &) = delete;
    XlsxSink &operator=(const XlsxSink &) = delete;

    bool begin(const TableMeta &meta, QString *error) override;
    void row(const QList<Cell> &cells) override;
    void totals(const QList<QList<Cell>> &rows) override;
    bool finish(QString *error) override;

    /// The worksheet name for @p title: without the characters Excel forbids
    /// ([ ] : * ? / \), no apostrophe at either end, at most 31 characters,
    /// "Report" when nothing is left.
    static QString sheetName(const QString &title);
    /// The number format of money in @p currency with @p digits decimals:
    /// "$"#,##0.00 for USD, #,##0.00 "€" for EUR, "¥"#,##0 for JPY,
    /// #,##0.00 "CHF" for the others.
    static QString currencyFormat(const QString &currency, int digits);

private:
    enum class Style { Body, Header, Totals, TotalsFirst };
    void writeRow(const QList<Cell> &cells, Style style);
    void writeCell(int column, const Cell &cell, CellKind kind, Style style);
    lxw_format *format(CellKind kind, const QString &currency, Style style);
    void note(int error);
    void fitWidth(int column, int chars);
    void discard();

    QString m_path;      ///< the target
    QString m_tempPath;  ///< where the workbook is written first
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_worksheet = nullptr;
    QList<ColumnDef> m_columns;
    QList<int> m_widths;  ///< the widest value seen per column, in characters
    QHash<QString, lxw_format *> m_formats;
    quint32 m_row = 0;    ///< the next row to write
    quint32 m_headerRow = 0;
    bool m_totalsWritten = false;
    int m_error = 0;      ///< the first libxlsxwriter error of a write, 0 if none
    QString m_failure;    ///< a failure that is not libxlsxwriter's
};

/// The XLSX sink writing @p path, for makeSink().
std::unique_ptr<TableSink> makeXlsxSink(const QString &path, const SinkOptions &options);

} // namespace ConsignDesk::Reports
