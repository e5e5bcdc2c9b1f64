#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace ConsignDesk::Sandbox {

/// @short Appends compact JSON text to a QByteArray, much faster than building a
/// QJsonDocument, for pages and for SimpleConsign's one huge response.
///
/// Commas are placed automatically; keys are ASCII literals chosen by us.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    JsonWriter &beginObject() { separate(); m_out.append('{'); m_first.push_back(true); return *this; }
    JsonWriter &endObject() { m_first.pop_back(); m_out.append('}'); return *this; }
    JsonWriter &beginArray() { separate(); m_out.append('['); m_first.push_back(true); return *this; }
    JsonWriter &endArray() { m_first.pop_back(); m_out.append(']'); return *this; }

    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *utf8);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &value(double number);
    JsonWriter &null();
    /// A decimal amount as a JSON number the way a JavaScript service prints it:
    /// 106794 minor units with 2 digits is 1067.94; 1050 is 10.5; 0 is 0.
    JsonWriter &decimal(qint64 minorUnits, int digits);
    /// Text already valid JSON (a nested document written elsewhere).
    JsonWriter &raw(const QByteArray &json) { separate(); m_out.append(json); return *this; }

    template<typename T>
    JsonWriter &field(const char *name, const T &v) { key(name); return value(v); }
    JsonWriter &nullField(const char *name) { key(name); return null(); }
    /// A string field that is null when @p text is null.
    JsonWriter &optionalField(const char *name, const QString &text)
    {
        key(name);
        return text.isNull() ? null() : value(text);
    }

    static void appendEscaped(QByteArray &out, const QString &text);

private:
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first.empty()) {
            if (!m_first.back())
                m_out.append(',');
            m_first.back() = false;
        }
    }

    QByteArray &m_out;
    std::vector<bool> m_first;
    bool m_afterKey = false;
};

} // namespace ConsignDesk::Sandbox
