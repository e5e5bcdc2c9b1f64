#pragma once

#include <QLocale>
#include <QString>

namespace ConsignDesk::Numbers {

/// A share in basis points as a percentage in @p locale: 5000 -> "50%",
/// 3750 -> "37.5%", 1234 -> "12.34%".
inline QString percentFromBasisPoints(qint64 bp, const QLocale &locale = QLocale())
{
    const int digits = bp % 100 == 0 ? 0 : (bp % 10 == 0 ? 1 : 2);
    return locale.toString(double(bp) / 100.0, 'f', digits) + locale.percent();
}

} // namespace ConsignDesk::Numbers
