#include "sandbox/jsonwriter.h"

#include <cmath>
#include <cstdio>

namespace ConsignDesk::Sandbox {

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_afterKey = true;
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (u < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
                out.append(buffer);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(const char *utf8)
{
    return value(QString::fromUtf8(utf8));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    separate();
    if (!std::isfinite(number)) {
        m_out.append("null");
        return *this;
    }
    m_out.append(QByteArray::number(number, 'g', 15));
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::decimal(qint64 minorUnits, int digits)
{
    separate();
    if (minorUnits < 0) {
        m_out.append('-');
        minorUnits = -minorUnits;
    }
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    m_out.append(QByteArray::number(minorUnits / scale));
    qint64 fraction = minorUnits % scale;
    if (fraction != 0) {
        QByteArray text = QByteArray::number(fraction).rightJustified(digits, '0');
        while (text.endsWith('0'))
            text.chop(1);
        m_out.append('.').append(text);
    }
    return *this;
}

} // namespace ConsignDesk::Sandbox
