#include "reports/xlsxsink.h"

#include "core/currency.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace ConsignDesk::Reports {

namespace {

constexpr int MaxStringLength = 32767; // Excel's limit for a cell's text
constexpr int MinWidth = 8;
constexpr int MaxWidth = 60;

bool isNumeric(CellKind kind)
{
    return kind != CellKind::Text;
}

/// The characters of the widest line of @p text.
int textWidth(const QString &text)
{
    int widest = 0;
    int current = 0;
    for (const QChar c : text) {
        if (c == u'\n') {
            widest = std::max(widest, current);
            current = 0;
        } else {
            ++current;
        }
    }
    return std::max(widest, current);
}

int digitCount(quint64 n)
{
    int digits = 1;
    while (n >= 10) {
        n /= 10;
        ++digits;
    }
    return digits;
}

quint64 magnitude(qint64 n)
{
    return n < 0 ? quint64(-(n + 1)) + 1 : quint64(n);
}

/// The characters of @p minor shown with @p digits decimals and thousands separators.
int groupedWidth(qint64 minor, int digits)
{
    quint64 whole = magnitude(minor);
    for (int i = 0; i < digits; ++i)
        whole /= 10;
    const int intDigits = digitCount(whole);
    return (minor < 0 ? 1 : 0) + intDigits + (intDigits - 1) / 3 + (digits > 0 ? digits + 1 : 0);
}

double pow10(int digits)
{
    double factor = 1;
    for (int i = 0; i < digits; ++i)
        factor *= 10;
    return factor;
}

QString symbolOf(const QString &currency, bool *before)
{
    *before = true;
    if (currency == u"USD")
        return QStringLiteral("$");
    if (currency == u"GBP")
        return QStringLiteral("£");
    if (currency == u"JPY")
        return QStringLiteral("¥");
    *before = false;
    if (currency == u"EUR")
        return QStringLiteral("€");
    return currency;
}

bool excelDate(const QDate &date)
{
    // Excel's dates start at 1900 (and its 1900 leap-year bug shifts the
    // first two months); earlier dates are written as text.
    return date.isValid() && date >= QDate(1900, 3, 1) && date.year() <= 9999;
}

} // namespace

XlsxSink::XlsxSink(const QString &path)
    : m_path(path)
{
}

XlsxSink::~XlsxSink()
{
    discard();
}

QString XlsxSink::sheetName(const QString &title)
{
    QString name;
    for (const QChar c : title) {
        if (c == u'[' || c == u']' || c == u':' || c == u'*' || c == u'?' || c == u'/' || c == u'\\')
            name += u' ';
        else if (c.category() == QChar::Other_Control)
            continue;
        else
            name += c;
    }
    name = name.simplified();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    // 31 characters, not cutting a surrogate pair in two.
    if (name.size() > 31)
        name.truncate(name.at(30).isHighSurrogate() ? 30 : 31);
    while (name.endsWith(u'\''))
        name.chop(1);
    name = name.trimmed();
    // "History" is reserved by Excel.
    if (name.isEmpty())
        return QStringLiteral("Report");
    if (name.compare(u"History", Qt::CaseInsensitive) == 0)
        name += QStringLiteral(" report");
    return name;
}

QString XlsxSink::currencyFormat(const QString &currency, int digits)
{
    QString number = QStringLiteral("#,##0");
    if (digits > 0)
        number += u'.' + QString(digits, u'0');
    if (currency.isEmpty())
        return number;
    bool before = true;
    QString symbol = symbolOf(currency, &before);
    symbol.remove(u'"'); // it goes between quotes
    const QString quoted = u'"' + symbol + u'"';
    return before ? QString(quoted + number) : QString(number + u' ' + quoted);
}

void XlsxSink::note(int error)
{
    if (error != LXW_NO_ERROR && m_error == LXW_NO_ERROR)
        m_error = error;
}

void XlsxSink::fitWidth(int column, int chars)
{
    if (column >= m_widths.size())
        m_widths.resize(column + 1, 0);
    if (chars > m_widths[column])
        m_widths[column] = std::min(chars, MaxWidth);
}

lxw_format *XlsxSink::format(CellKind kind, const QString &currency, Style style)
{
    const QString key = QString::number(int(kind)) + u'|' + currency + u'|' + QString::number(int(style));
    if (lxw_format *cached = m_formats.value(key))
        return cached;

    lxw_format *f = workbook_add_format(m_workbook);
    switch (style == Style::Header ? CellKind::Text : kind) {
    case CellKind::Text:
        break;
    case CellKind::Integer:
        format_set_num_format(f, "0");
        break;
    case CellKind::Money: {
        const int digits = Currency::minorDigits(currency).value_or(2);
        format_set_num_format(f, currencyFormat(currency, digits).toUtf8().constData());
        break;
    }
    case CellKind::Date:
        format_set_num_format(f, "yyyy-mm-dd");
        break;
    case CellKind::DateTime:
        format_set_num_format(f, "yyyy-mm-dd hh:mm");
        break;
    case CellKind::Percent:
        format_set_num_format(f, "0.00%");
        break;
    }
    switch (style) {
    case Style::Body:
        break;
    case Style::Header:
        format_set_bold(f);
        format_set_bottom(f, LXW_BORDER_THIN);
        if (isNumeric(kind))
            format_set_align(f, LXW_ALIGN_RIGHT);
        break;
    case Style::TotalsFirst:
        format_set_top(f, LXW_BORDER_THIN);
        format_set_bold(f);
        break;
    case Style::Totals:
        format_set_bold(f);
        break;
    }
    m_formats.insert(key, f);
    return f;
}

bool XlsxSink::begin(const TableMeta &meta, QString *error)
{
    if (m_workbook) {
        *error = QStringLiteral("The workbook %1 is already being written").arg(m_path);
        return false;
    }
    if (meta.columns.size() > LXW_COL_MAX) {
        *error = QStringLiteral("More columns than an XLSX worksheet holds (%1)").arg(LXW_COL_MAX);
        return false;
    }

    // Write through a symbolic link to the file it names, as QSaveFile does.
    QFileInfo target(m_path);
    if (target.isSymLink() && target.exists())
        target = QFileInfo(target.canonicalFilePath());
    m_path = target.absoluteFilePath();

    // The workbook is written next to the target, so that renaming it into
    // place is atomic. Creating the file here (O_EXCL, 0666 less the umask)
    // reserves the name and finds an unwritable folder before any row.
    const QString folder = target.absolutePath();
    for (int attempt = 0; attempt < 100 && m_tempPath.isEmpty(); ++attempt) {
        QString suffix;
        static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 6; ++i)
            suffix += QLatin1Char(letters[QRandomGenerator::global()->bounded(int(sizeof letters - 1))]);
        const QString candidate = folder + u"/." + target.fileName() + u'.' + suffix + u".tmp";
        QFile file(candidate);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            m_tempPath = candidate;
        } else if (!QFileInfo::exists(candidate)) {
            *error = QStringLiteral("Cannot write in %1: %2").arg(folder, file.errorString());
            return false;
        }
    }
    if (m_tempPath.isEmpty()) {
        *error = QStringLiteral("Cannot create a temporary file in %1").arg(folder);
        return false;
    }

    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    m_workbook = workbook_new_opt(QFile::encodeName(m_tempPath).constData(), &options);
    if (!m_workbook) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
        *error = QString::fromUtf8(lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
        return false;
    }

    // Copied by libxlsxwriter.
    QByteArray title = meta.title.left(MaxStringLength).toUtf8();
    QByteArray subject = meta.store.toUtf8();
    QByteArray comments = QByteArrayLiteral("ConsignDesk");
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.comments = comments.data();
    note(workbook_set_properties(m_workbook, &properties));

    QByteArray name = sheetName(meta.title).toUtf8();
    if (workbook_validate_sheet_name(m_workbook, name.constData()) != LXW_NO_ERROR)
        name = "Report";
    m_worksheet = workbook_add_worksheet(m_workbook, name.constData());
    if (!m_worksheet) {
        *error = QString::fromUtf8(lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
        discard();
        return false;
    }

    m_columns = meta.columns;
    m_widths = QList<int>(m_columns.size(), 0);
    m_row = 0;

    // The title, then the store(s) and period, above the table.
    if (!meta.title.isEmpty()) {
        lxw_format *titleFormat = workbook_add_format(m_workbook);
        format_set_bold(titleFormat);
        format_set_font_size(titleFormat, 14);
        note(worksheet_write_string(m_worksheet, m_row++, 0, title.constData(), titleFormat));
    }
    QStringList about;
    if (!meta.store.isEmpty())
        about << meta.store;
    if (!meta.period.isEmpty())
        about << meta.period;
    if (!about.isEmpty())
        note(worksheet_write_string(m_worksheet, m_row++, 0, about.join(QStringLiteral(" · ")).toUtf8().constData(), nullptr));
    if (m_row > 0)
        ++m_row; // a blank line before the table

    // The header row, kept in view and repeated on printed pages.
    m_headerRow = m_row;
    for (int column = 0; column < m_columns.size(); ++column) {
        const ColumnDef &def = m_columns.at(column);
        note(worksheet_write_string(m_worksheet, m_row, lxw_col_t(column),
                                    def.header.left(MaxStringLength).toUtf8().constData(),
                                    format(def.kind, QString(), Style::Header)));
        fitWidth(column, textWidth(def.header) + 1); // bold is wider
    }
    ++m_row;
    worksheet_freeze_panes(m_worksheet, m_row, 0);
    if (!m_columns.isEmpty())
        note(worksheet_repeat_rows(m_worksheet, m_headerRow, m_headerRow));

    if (m_error != LXW_NO_ERROR) {
        *error = QString::fromUtf8(lxw_strerror(lxw_error(m_error)));
        discard();
        return false;
    }
    return true;
}

void XlsxSink::writeCell(int column, const Cell &cell, CellKind kind, Style style)
{
    const lxw_col_t col = lxw_col_t(column);
    const bool body = style == Style::Body;
    if (cell.value.isNull() || !cell.value.isValid()) {
        // An empty cell; in the totals row it still carries the top border.
        if (!body)
            note(worksheet_write_blank(m_worksheet, m_row, col, format(CellKind::Text, QString(), style)));
        return;
    }
    lxw_format *const textFormat = body ? nullptr : format(CellKind::Text, QString(), style);
    const auto writeText = [&](const QString &text) {
        // Always a string, never a formula, whatever it starts with.
        note(worksheet_write_string(m_worksheet, m_row, col, text.left(MaxStringLength).toUtf8().constData(), textFormat));
        fitWidth(column, textWidth(text) + (body ? 0 : 1));
    };

    // A cell with a currency is money, whatever its column says.
    if (!cell.currency.isEmpty())
        kind = CellKind::Money;
    bool ok = true;
    switch (kind) {
    case CellKind::Text:
        writeText(cell.value.toString());
        return;
    case CellKind::Integer: {
        const qint64 n = cell.value.toLongLong(&ok);
        if (!ok)
            break;
        note(worksheet_write_number(m_worksheet, m_row, col, double(n), format(kind, QString(), style)));
        fitWidth(column, (n < 0 ? 1 : 0) + digitCount(magnitude(n)) + (body ? 0 : 1));
        return;
    }
    case CellKind::Money: {
        const qint64 minor = cell.value.toLongLong(&ok);
        if (!ok)
            break;
        const QString currency = cell.currency.trimmed().toUpper();
        const int digits = Currency::minorDigits(currency).value_or(2);
        // A correctly rounded division: the double nearest the decimal amount.
        const double major = double(minor) / pow10(digits);
        note(worksheet_write_number(m_worksheet, m_row, col, major, format(kind, currency, style)));
        bool before = true;
        const int symbol = currency.isEmpty() ? 0 : int(symbolOf(currency, &before).size()) + (before ? 0 : 1);
        fitWidth(column, groupedWidth(minor, digits) + symbol + (body ? 0 : 1));
        return;
    }
    case CellKind::Date: {
        const QDate date = cell.value.toDate();
        if (!excelDate(date)) {
            if (!date.isValid())
                break;
            writeText(date.toString(Qt::ISODate));
            return;
        }
        lxw_datetime when = {date.year(), date.month(), date.day(), 0, 0, 0.0};
        note(worksheet_write_datetime(m_worksheet, m_row, col, &when, format(kind, QString(), style)));
        fitWidth(column, 10 + (body ? 0 : 1));
        return;
    }
    case CellKind::DateTime: {
        const QDateTime stamp = cell.value.toDateTime();
        if (!stamp.isValid())
            break;
        const QDateTime local = stamp.toLocalTime();
        const QDate date = local.date();
        if (!excelDate(date)) {
            writeText(local.toString(Qt::ISODate));
            return;
        }
        const QTime time = local.time();
        lxw_datetime when = {date.year(), date.month(), date.day(), time.hour(), time.minute(),
                             time.second() + time.msec() / 1000.0};
        note(worksheet_write_datetime(m_worksheet, m_row, col, &when, format(kind, QString(), style)));
        fitWidth(column, 16 + (body ? 0 : 1));
        return;
    }
    case CellKind::Percent: {
        const qint64 bp = cell.value.toLongLong(&ok);
        if (!ok)
            break;
        note(worksheet_write_number(m_worksheet, m_row, col, double(bp) / 10000.0, format(kind, QString(), style)));
        // "12.34%": the percent's integer digits, the point, two decimals and the sign.
        fitWidth(column, groupedWidth(bp, 2) + 1 + (body ? 0 : 1));
        return;
    }
    }
    // Not what the column says it holds: keep it, as text.
    writeText(cell.value.toString());
}

void XlsxSink::writeRow(const QList<Cell> &cells, Style style)
{
    if (!m_worksheet)
        return;
    if (m_row >= LXW_ROW_MAX) {
        if (m_failure.isEmpty())
            m_failure = QStringLiteral("More rows than an XLSX worksheet holds (%1)").arg(LXW_ROW_MAX);
        return;
    }
    const int count = std::min<int>(int(cells.size()), LXW_COL_MAX);
    for (int column = 0; column < count; ++column) {
        const CellKind kind = column < m_columns.size() ? m_columns.at(column).kind : CellKind::Text;
        writeCell(column, cells.at(column), kind, style);
    }
    // The totals row's top border spans the table.
    if (style == Style::TotalsFirst) {
        for (int column = count; column < m_columns.size(); ++column)
            note(worksheet_write_blank(m_worksheet, m_row, lxw_col_t(column), format(CellKind::Text, QString(), style)));
    }
    ++m_row;
}

void XlsxSink::row(const QList<Cell> &cells)
{
    if (m_totalsWritten) {
        if (m_failure.isEmpty())
            m_failure = QStringLiteral("A row came after the totals");
        return;
    }
    writeRow(cells, Style::Body);
}

void XlsxSink::totals(const QList<QList<Cell>> &rows)
{
    for (qsizetype i = 0; i < rows.size(); ++i)
        writeRow(rows.at(i), i == 0 && !m_totalsWritten ? Style::TotalsFirst : Style::Totals);
    m_totalsWritten = m_totalsWritten || !rows.isEmpty();
}

bool XlsxSink::finish(QString *error)
{
    if (!m_workbook) {
        *error = QStringLiteral("The workbook %1 was not begun").arg(m_path);
        return false;
    }
    if (!m_failure.isEmpty() || m_error != LXW_NO_ERROR) {
        *error = !m_failure.isEmpty() ? m_failure : QString::fromUtf8(lxw_strerror(lxw_error(m_error)));
        discard();
        return false;
    }

    // The widths of the values seen (the cells are on disk already; the
    // columns are written with the sheet's head when the workbook is closed).
    for (int column = 0; column < m_widths.size(); ++column) {
        const int width = std::clamp(m_widths.at(column) + 2, MinWidth, MaxWidth);
        worksheet_set_column(m_worksheet, lxw_col_t(column), lxw_col_t(column), width, nullptr);
    }

    const lxw_error closed = workbook_close(m_workbook); // frees the workbook, written or not
    m_workbook = nullptr;
    m_worksheet = nullptr;
    m_formats.clear();
    if (closed != LXW_NO_ERROR) {
        *error = QString::fromUtf8(lxw_strerror(closed));
        discard();
        return false;
    }

    // On disk before it takes the target's name, with the target's permissions.
    const QByteArray temp = QFile::encodeName(m_tempPath);
    const int fd = ::open(temp.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_tempPath, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        discard();
        return false;
    }
    ::close(fd);
    if (QFileInfo::exists(m_path))
        QFile::setPermissions(m_tempPath, QFile::permissions(m_path));
    if (std::rename(temp.constData(), QFile::encodeName(m_path).constData()) != 0) {
        *error = QStringLiteral("Cannot write %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        discard();
        return false;
    }
    m_tempPath.clear();
    return true;
}

void XlsxSink::discard()
{
    if (m_workbook) {
        // lxw_workbook_free leaves constant_memory's row file open.
        if (m_worksheet && m_worksheet->optimize_tmpfile) {
            std::fclose(m_worksheet->optimize_tmpfile);
            m_worksheet->optimize_tmpfile = nullptr;
        }
        lxw_workbook_free(m_workbook);
        m_workbook = nullptr;
        m_worksheet = nullptr;
    }
    m_formats.clear();
    if (!m_tempPath.isEmpty()) {
        QFile::remove(m_tempPath);
        m_tempPath.clear();
    }
}

std::unique_ptr<TableSink> makeXlsxSink(const QString &path, const SinkOptions &options)
{
    Q_UNUSED(options);
    return std::make_unique<XlsxSink>(path);
}

} // namespace ConsignDesk::Reports
