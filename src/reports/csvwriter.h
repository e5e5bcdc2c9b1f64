#pragma once

#include <QSaveFile>
#include <QString>
#include <QStringList>

namespace ConsignDesk::Reports {

/// @short Writes RFC 4180 CSV (UTF-8, CRLF line ends, quotes where needed) to
/// a file that appears whole or not at all (QSaveFile).
///
/// A cell that a spreadsheet would run as a formula (starting with =, +, -, @,
/// a tab or a carriage return) gets a leading apostrophe unless @p raw, so an
/// exported name like "=HYPERLINK(…)" stays text. Numbers the writer is told
/// are numbers (writeRow's @p numeric) are never changed, so "-5.00" stays a number.
class CsvWriter
{
public:
    explicit CsvWriter(const QString &path, bool raw = false);

    bool open(QString *error);
    /// @p numeric marks the columns that hold plain numbers.
    void writeRow(const QStringList &cells, const QList<bool> &numeric = {});
    /// Commits the file; false with the reason when it could not be written.
    bool commit(QString *error);

    static QString escape(const QString &cell, bool raw, bool numeric);

private:
    void flushText();

    QSaveFile m_file;
    bool m_raw;
    QString m_text; ///< lines not yet written

};

} // namespace ConsignDesk::Reports
