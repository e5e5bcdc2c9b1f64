#include "reports/csvwriter.h"

namespace ConsignDesk::Reports {

CsvWriter::CsvWriter(const QString &path, bool raw)
    : m_file(path)
    , m_raw(raw)
{
}

bool CsvWriter::open(QString *error)
{
    if (m_file.open(QIODevice::WriteOnly))
        return true;
    *error = m_file.errorString();
    return false;
}

namespace {

// Whether @p text needs quotes: a comma, quote or line end in it.
bool needsQuotes(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\n' || u == u'\r')
            return true;
    }
    return false;
}

bool formulaLike(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

// Appends @p cell, escaped, to @p line.
void appendEscaped(QString &line, const QString &cell, bool raw, bool numeric)
{
    const bool apostrophe = !raw && !numeric && formulaLike(cell);
    if (!needsQuotes(cell)) {
        if (apostrophe)
            line += u'\'';
        line += cell;
        return;
    }
    line += u'"';
    if (apostrophe)
        line += u'\'';
    for (const QChar c : cell) {
        if (c == u'"')
            line += u'"';
        line += c;
    }
    line += u'"';
}

} // namespace

QString CsvWriter::escape(const QString &cell, bool raw, bool numeric)
{
    QString text;
    appendEscaped(text, cell, raw, numeric);
    return text;
}

void CsvWriter::writeRow(const QStringList &cells, const QList<bool> &numeric)
{
    // Lines gather as text and go out as UTF-8 a chunk at a time.
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_text += u',';
        appendEscaped(m_text, cells.at(i), m_raw, i < numeric.size() && numeric.at(i));
    }
    m_text += u'\r';
    m_text += u'\n';
    if (m_text.size() > (1 << 19))
        flushText();
}

void CsvWriter::flushText()
{
    if (m_text.isEmpty())
        return;
    m_file.write(m_text.toUtf8());
    m_text.resize(0); // keeps its capacity
}

bool CsvWriter::commit(QString *error)
{
    flushText();
    if (m_file.commit())
        return true;
    *error = m_file.errorString();
    return false;
}

} // namespace ConsignDesk::Reports
