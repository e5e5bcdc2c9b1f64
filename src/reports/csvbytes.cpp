#include "reports/csvbytes.h"

#include <QByteArrayView>

#include <array>

namespace ConsignDesk::Reports {

namespace {

// The bytes that make a cell need quotes: a comma, a quote, a line end.
constexpr std::array<bool, 256> quoteBytes = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {',', '"', '\n', '\r'})
        table[c] = true;
    return table;
}();

// The first bytes a spreadsheet would take for a formula (CsvWriter's list).
bool formulaStart(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

bool CsvBytes::text(const char *data, qsizetype size, bool raw)
{
    bool quote = false;
    unsigned char any = 0; // every byte or'ed: a high bit means UTF-8 beyond ASCII
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        quote |= quoteBytes[c];
        any |= c;
    }
    // Valid UTF-8 reads back from Qt's UTF-16 as the same bytes; anything else
    // Qt and SQLite would have replaced, so it goes the slow way.
    if ((any & 0x80) && !QByteArrayView(data, size).isValidUtf8())
        return false;
    const bool apostrophe = !raw && size > 0 && formulaStart(data[0]);
    if (!quote) {
        char *out = room(size + 1);
        if (apostrophe)
            *out++ = '\'';
        if (size > 0)
            std::memcpy(out, data, size_t(size));
        m_size = out + size - m_bytes.data();
        return true;
    }
    char *out = room(2 * size + 3);
    *out++ = '"';
    if (apostrophe)
        *out++ = '\'';
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == '"')
            *out++ = '"';
        *out++ = data[i];
    }
    *out++ = '"';
    m_size = out - m_bytes.data();
    return true;
}

void CsvBytes::digits(quint64 value)
{
    char text[20];
    char *end = text + sizeof text;
    char *p = end;
    do {
        *--p = char('0' + value % 10);
        value /= 10;
    } while (value);
    append(p, end - p);
}

void CsvBytes::integer(qint64 value)
{
    if (value < 0)
        append("-", 1);
    digits(value < 0 ? quint64(0) - quint64(value) : quint64(value));
}

void CsvBytes::money(qint64 minor, int decimals)
{
    // On the magnitude as unsigned, so the most negative amount survives.
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    quint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    if (negative)
        append("-", 1);
    digits(magnitude / scale);
    if (decimals <= 0)
        return;
    char *out = room(decimals + 1);
    *out = '.';
    quint64 fraction = magnitude % scale;
    for (int i = decimals; i > 0; --i) {
        out[i] = char('0' + fraction % 10);
        fraction /= 10;
    }
    m_size += decimals + 1;
}

bool CsvBytes::dateTime(qint64 msecs)
{
    constexpr qint64 msecsPerDay = 86400000;
    constexpr qint64 end = 2932897 * msecsPerDay; // 10000-01-01T00:00:00Z
    if (msecs < 0 || msecs >= end)
        return false;
    const qint64 days = msecs / msecsPerDay;
    const qint64 seconds = msecs % msecsPerDay / 1000;
    // The proleptic Gregorian date of a day count: shift to years that begin
    // on 1 March (the leap day last), count 400-year eras of 146,097 days,
    // then years in the era, then months of the March-based year, which run
    // 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28/29 days (153 every 5).
    const qint64 shifted = days + 719468; // 0000-03-01 to 1970-01-01
    const qint64 era = shifted / 146097;
    const qint64 dayOfEra = shifted - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 marchMonth = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * marchMonth + 2) / 5 + 1);
    const int month = int(marchMonth < 10 ? marchMonth + 3 : marchMonth - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    const int hour = int(seconds / 3600);
    const int minute = int(seconds / 60 % 60);
    const int second = int(seconds % 60);
    char *out = room(20);
    const auto two = [](char *at, int v) {
        at[0] = char('0' + v / 10);
        at[1] = char('0' + v % 10);
    };
    two(out, year / 100);
    two(out + 2, year % 100);
    out[4] = '-';
    two(out + 5, month);
    out[7] = '-';
    two(out + 8, day);
    out[10] = 'T';
    two(out + 11, hour);
    out[13] = ':';
    two(out + 14, minute);
    out[16] = ':';
    two(out + 17, second);
    out[19] = 'Z';
    m_size += 20;
    return true;
}

} // namespace ConsignDesk::Reports
