#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace ConsignDesk::Currency {

/// The number of minor-unit digits of an active ISO 4217 code (USD 2, JPY 0,
/// KWD 3), or nullopt when @p code is not one.
std::optional<int> minorDigits(const QString &code);
bool isKnown(const QString &code);

/// @p minor units of @p code as a plain decimal in major units with the
/// currency's digits: 4242 USD -> "42.42", -5 USD -> "-0.05", 500 JPY -> "500".
/// Not localised: for files and the command line.
QString formatPlain(qint64 minor, const QString &code);

/// @p minor units of @p code for people, in @p locale's way
/// (QLocale::toCurrencyString): the locale's own symbol when it is the
/// locale's currency, otherwise a symbol that cannot be mistaken (€, £, US$)
/// or the code itself ("CHF 12.50"). Exact: no binary floating point for the
/// digits.
QString format(qint64 minor, const QString &code, const QLocale &locale = QLocale());
/// A plain decimal in major units ("12.5", "12.50", "-3", "1067.94") as
/// minor units of @p code, exactly; nullopt for anything else or for more
/// decimals than the currency has.
std::optional<qint64> parsePlain(const QString &text, const QString &code);
/// The symbol format() puts before or after the number.
QString symbol(const QString &code, const QLocale &locale = QLocale());

} // namespace ConsignDesk::Currency
