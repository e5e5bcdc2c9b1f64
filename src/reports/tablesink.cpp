#include "reports/tablesink.h"

#include "core/currency.h"
#include "reports/csvwriter.h"
#include "reports/pdfsink.h"
#include "reports/xlsxsink.h"

namespace ConsignDesk::Reports {

namespace {

// CSV: RFC 4180 through CsvWriter, each cell as plain text.
class CsvSink : public TableSink
{
public:
    CsvSink(const QString &path, bool raw)
        : m_csv(path, raw)
    {
    }

    bool begin(const TableMeta &meta, QString *error) override
    {
        if (!m_csv.open(error))
            return false;
        m_kinds.clear();
        QStringList header;
        for (const ColumnDef &column : meta.columns) {
            header.append(column.header);
            m_kinds.append(column.kind);
            m_numeric.append(column.kind == CellKind::Integer || column.kind == CellKind::Money
                             || column.kind == CellKind::Percent);
        }
        m_csv.writeRow(header);
        return true;
    }

    void row(const QList<Cell> &cells) override
    {
        m_texts.resize(cells.size()); // reused from row to row
        for (int i = 0; i < cells.size(); ++i)
            m_texts[i] = plainText(cells.at(i), m_kinds.value(i, CellKind::Text));
        m_csv.writeRow(m_texts, m_numeric);
    }

    void totals(const QList<QList<Cell>> &rows) override
    {
        for (const QList<Cell> &cells : rows)
            row(cells);
    }

    bool finish(QString *error) override { return m_csv.commit(error); }

private:
    CsvWriter m_csv;
    QList<CellKind> m_kinds;
    QList<bool> m_numeric;
    QStringList m_texts;
};

} // namespace

QString plainText(const Cell &cell, CellKind kind)
{
    if (cell.value.isNull() || !cell.value.isValid())
        return {};
    if (kind != CellKind::Text && cell.value.metaType().id() == QMetaType::QString)
        return cell.value.toString(); // a label ("Total") in a column of numbers
    switch (kind) {
    case CellKind::Text:
        return cell.value.toString();
    case CellKind::Integer:
        return QString::number(cell.value.toLongLong());
    case CellKind::Money:
        return Currency::formatPlain(cell.value.toLongLong(), cell.currency);
    case CellKind::Date:
        return cell.value.toDate().toString(Qt::ISODate);
    case CellKind::DateTime:
        return cell.value.toDateTime().toUTC().toString(Qt::ISODate);
    case CellKind::Percent: {
        const qint64 bp = cell.value.toLongLong();
        QString text = Currency::formatPlain(bp, QStringLiteral("USD")); // two decimals of percent
        while (text.contains(u'.') && (text.endsWith(u'0') || text.endsWith(u'.')))
            text.chop(1);
        return text;
    }
    }
    return cell.value.toString();
}

std::unique_ptr<TableSink> makeSink(Format format, const QString &path, const SinkOptions &options)
{
    switch (format) {
    case Format::Csv:
        return std::make_unique<CsvSink>(path, options.raw);
    case Format::Xlsx:
        return makeXlsxSink(path, options);
    case Format::Pdf:
        return makePdfSink(path, options);
    }
    return nullptr;
}

} // namespace ConsignDesk::Reports
