#pragma once

class QCoreApplication;
class QLocale;

namespace ConsignDesk {

/// Installs ConsignDesk's and Qt's own translations for @p locale on @p app.
/// English is the source language and needs no catalogue.
void installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace ConsignDesk
