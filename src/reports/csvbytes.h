#pragma once

#include <QByteArray>

#include <algorithm>
#include <cstring>
#include <vector>

namespace ConsignDesk::Reports {

/// @short CSV as UTF-8 bytes, gathered cell by cell from UTF-8 text and
/// integers: the same bytes CsvWriter writes for the same cells (quotes where
/// needed, formula-like text neutralised unless raw), without a QString per
/// cell, for exports of a million rows.
///
/// The caller puts the commas and line ends; the bytes are taken in chunks.
class CsvBytes
{
public:
    /// A text cell; false, with nothing written, when @p data is not valid
    /// UTF-8 (the caller then writes it through CsvWriter as Qt reads it).
    bool text(const char *data, qsizetype size, bool raw);
    /// A number cell, as QString::number writes it.
    void integer(qint64 value);
    /// @p minor units with @p digits decimals, as Currency::formatPlain writes them.
    void money(qint64 minor, int digits);
    /// A UTC time in milliseconds since 1970 as plainText() writes a DateTime
    /// cell ("2026-01-31T09:00:00Z"); false, with nothing written, before 1970
    /// or after 9999, which the caller leaves to QDateTime.
    bool dateTime(qint64 msecs);
    /// Bytes as they are (a cell already escaped).
    void append(const char *data, qsizetype size)
    {
        std::memcpy(room(size), data, size_t(size));
        m_size += size;
    }
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    void comma() { append(",", 1); }
    void endRow() { append("\r\n", 2); }

    const char *data() const { return m_bytes.data(); }
    qsizetype size() const { return m_size; }
    void clear() { m_size = 0; }

private:
    /// Room for @p n more bytes: where they go.
    char *room(qsizetype n)
    {
        if (qsizetype(m_bytes.size()) - m_size < n)
            m_bytes.resize(size_t(std::max(2 * qsizetype(m_bytes.size()), m_size + n)));
        return m_bytes.data() + m_size;
    }
    void digits(quint64 value);

    std::vector<char> m_bytes; ///< its first m_size bytes are CSV
    qsizetype m_size = 0;
};

} // namespace ConsignDesk::Reports
