#pragma once

#include <QString>

#include <optional>

namespace ConsignDesk::Currency {

/// The number of minor-unit digits of an active ISO 4217 code (USD 2, JPY 0,
/// KWD 3), or nullopt when @p code is not one.
std::optional<int> minorDigits(const QString &code);
bool isKnown(const QString &code);

} // namespace ConsignDesk::Currency
