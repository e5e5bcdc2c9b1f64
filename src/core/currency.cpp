#include "core/currency.h"

#include <QHash>

namespace ConsignDesk::Currency {

namespace {

// Active ISO 4217 codes and their minor units (the standard's list, 2024).
const QHash<QString, int> &table()
{
    static const QHash<QString, int> codes = [] {
        QHash<QString, int> map;
        const char *const twoDigits =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF "
            "CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF "
            "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
            "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD "
            "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR "
            "ZMW ZWL";
        const char *const zeroDigits = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        const char *const threeDigits = "BHD IQD JOD KWD LYD OMR TND";
        for (const auto &[list, digits] : {std::pair{twoDigits, 2}, {zeroDigits, 0}, {threeDigits, 3}}) {
            for (const QString &code : QString::fromLatin1(list).split(u' ', Qt::SkipEmptyParts))
                map.insert(code, digits);
        }
        map.insert(QStringLiteral("CLF"), 4);
        map.insert(QStringLiteral("UYW"), 4);
        return map;
    }();
    return codes;
}

} // namespace

std::optional<int> minorDigits(const QString &code)
{
    const auto it = table().constFind(code);
    if (it == table().constEnd())
        return std::nullopt;
    return it.value();
}

bool isKnown(const QString &code)
{
    return table().contains(code);
}

QString formatPlain(qint64 minor, const QString &code)
{
    const int digits = minorDigits(code).value_or(2);
    const bool negative = minor < 0;
    // Work on the magnitude as unsigned so the most negative value survives.
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString text = QString::number(magnitude / scale);
    if (digits > 0)
        text += u'.' + QStringLiteral("%1").arg(magnitude % scale, digits, 10, QLatin1Char('0'));
    return negative ? u'-' + text : text;
}

std::optional<qint64> parsePlain(const QString &text, const QString &code)
{
    const int digits = minorDigits(code).value_or(2);
    QString t = text.trimmed();
    const bool negative = t.startsWith(u'-');
    if (negative || t.startsWith(u'+'))
        t.remove(0, 1);
    const qsizetype point = t.indexOf(u'.');
    const QString whole = point < 0 ? t : t.left(point);
    QString fraction = point < 0 ? QString() : t.mid(point + 1);
    if (whole.isEmpty() || whole.size() > 15 || fraction.size() > digits
        || (point >= 0 && fraction.isEmpty()))
        return std::nullopt;
    const QString allDigits = whole + fraction;
    for (const QChar c : allDigits) {
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    }
    while (fraction.size() < digits)
        fraction += u'0';
    qint64 minor = whole.toLongLong();
    for (int i = 0; i < digits; ++i)
        minor *= 10;
    minor += fraction.isEmpty() ? 0 : fraction.toLongLong();
    return negative ? -minor : minor;
}

QString symbol(const QString &code, const QLocale &locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    // Symbols only one currency uses; "$" or "kr" alone would be ambiguous.
    static const QHash<QString, QString> distinct{
        {QStringLiteral("EUR"), QStringLiteral("€")},   {QStringLiteral("GBP"), QStringLiteral("£")},
        {QStringLiteral("USD"), QStringLiteral("US$")}, {QStringLiteral("CAD"), QStringLiteral("CA$")},
        {QStringLiteral("AUD"), QStringLiteral("A$")},  {QStringLiteral("NZD"), QStringLiteral("NZ$")},
        {QStringLiteral("JPY"), QStringLiteral("JP¥")}, {QStringLiteral("INR"), QStringLiteral("₹")},
        {QStringLiteral("KRW"), QStringLiteral("₩")},   {QStringLiteral("ILS"), QStringLiteral("₪")},
    };
    return distinct.value(code, code);
}

QString format(qint64 minor, const QString &code, const QLocale &locale)
{
    // Let QLocale place the sign, symbol and grouping on a placeholder, then
    // put in the exact digits (a double cannot hold every 64-bit amount).
    QString plain = formatPlain(minor, code);
    if (plain.startsWith(u'-'))
        plain.remove(0, 1);
    const qsizetype point = plain.indexOf(u'.');
    const QString whole = point < 0 ? plain : plain.left(point);
    QString grouped = locale.toString(whole.toULongLong());
    if (point >= 0)
        grouped += locale.decimalPoint() + plain.mid(point + 1);
    if (locale.language() == QLocale::C) // no convention of its own: the symbol first, as most do
        return (minor < 0 ? QStringLiteral("-") : QString()) + symbol(code, locale) + grouped;
    const QString sample = locale.toCurrencyString(minor < 0 ? -1.0 : 1.0, symbol(code, locale), 0);
    QString text = sample;
    text.replace(locale.toString(1), grouped);
    return text;
}

} // namespace ConsignDesk::Currency
