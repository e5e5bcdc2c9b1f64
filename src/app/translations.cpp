#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ConsignDesk {

void installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Catalogues are compiled into the program (qt_add_translations, prefix /i18n).
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("consigndesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace ConsignDesk
