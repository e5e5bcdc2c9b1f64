#pragma once

#include "reports/tablesink.h"

#include <QLocale>
#include <QString>

#include <memory>

namespace ConsignDesk::Reports {

/// @short A table as a paginated PDF, painted page by page as the rows come
/// (memory does not grow with the rows).
///
/// The first page opens with the report's title, store and period; the others
/// with a small running header. Every page repeats the table's header and
/// ends with "Page n" (no "of m": the rows are not held, so the number of pages
/// is not known until the end). Numbers, money and dates are right-aligned and
/// formatted for people in the locale; text that does not fit its column is
/// elided ("…"), never wrapped. The totals rows close the table, bold, under a
/// rule. Column widths are measured from the headers, the kinds and the first
/// rows; the page turns to landscape when the columns need it. The page size
/// is SinkOptions::pageSize (A4 by default), margins 12 mm.
///
/// Written atomically: the PDF appears at @p path only when finish() succeeds.
/// Painting text needs a QGuiApplication (the offscreen platform will do).
class PdfSink : public TableSink
{
public:
    PdfSink(const QString &path, const SinkOptions &options, const QLocale &locale = QLocale());
    ~PdfSink() override;

    bool begin(const TableMeta &meta, QString *error) override;
    void row(const QList<Cell> &cells) override;
    void totals(const QList<QList<Cell>> &rows) override;
    bool finish(QString *error) override;

    /// A cell as the PDF shows it: money with Currency::format, dates in the
    /// locale's short format with the whole year, percentages, integers with
    /// the locale's group separators.
    static QString display(const Cell &cell, CellKind kind, const QLocale &locale);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// A PdfSink writing @p path (for makeSink).
std::unique_ptr<TableSink> makePdfSink(const QString &path, const SinkOptions &options);

} // namespace ConsignDesk::Reports
