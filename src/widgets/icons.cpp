#include "widgets/icons.h"

#include <QPainter>
#include <QPalette>

namespace ConsignDesk {

QIcon paneIcon(const QString &name, const QPalette &palette)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    const QIcon svg(path);
    QIcon icon; // pixmaps only: the SVG engine would not use our Selected pixmaps
    for (const int side : {16, 24, 32, 48, 64, 96, 192}) {
        QPixmap pixmap = svg.pixmap(QSize(side, side));
        icon.addPixmap(pixmap, QIcon::Normal);
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), palette.color(QPalette::HighlightedText));
        painter.end();
        icon.addPixmap(pixmap, QIcon::Selected);
    }
    return icon;
}

} // namespace ConsignDesk
