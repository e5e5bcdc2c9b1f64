#include "payouts/documentstyle.h"

#include <QDate>
#include <QLocale>

namespace ConsignDesk::Payouts::DocumentStyle {

QFont font(qreal points, bool bold)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arial"), QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setBold(bold);
    // Qt shapes without ligatures when letters are spaced: "fi" stays two
    // letters, so a PDF's text is found and copied as typed ("confirmed").
    font.setLetterSpacing(QFont::PercentageSpacing, 100);
    return font;
}

QString day(const QDate &date, const QLocale &locale)
{
    if (!date.isValid())
        return {};
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(date, format);
}

} // namespace ConsignDesk::Payouts::DocumentStyle
