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

QString CsvWriter::escape(const QString &cell, bool raw, bool numeric)
{
    QString text = cell;
    if (!raw && !numeric && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

void CsvWriter::writeRow(const QStringList &cells, const QList<bool> &numeric)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += escape(cells.at(i), m_raw, i < numeric.size() && numeric.at(i));
    }
    line += QStringLiteral("\r\n");
    m_buffer += line.toUtf8();
    if (m_buffer.size() > (1 << 20)) {
        m_file.write(m_buffer);
        m_buffer.clear();
    }
}

bool CsvWriter::commit(QString *error)
{
    if (!m_buffer.isEmpty()) {
        m_file.write(m_buffer);
        m_buffer.clear();
    }
    if (m_file.commit())
        return true;
    *error = m_file.errorString();
    return false;
}

} // namespace ConsignDesk::Reports
