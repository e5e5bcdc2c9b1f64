#pragma once

#include <QIcon>

namespace ConsignDesk {

/// An icon from the resources whose Selected mode is drawn in the palette's
/// highlighted-text colour, so it stays visible on a selected row.
QIcon paneIcon(const QString &name, const QPalette &palette);

} // namespace ConsignDesk
