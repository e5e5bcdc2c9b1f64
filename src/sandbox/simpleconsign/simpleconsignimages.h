#pragma once

#include "sandbox/simpleconsign/simpleconsignstore.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ConsignDesk::Sandbox::SimpleConsign {

/// @short Product pictures as Traxia's image host serves them: a JPEG original
/// 800-1600 px wide, and thumbnail/small/medium/large versions 125/300/600/900
/// px wide that keep the aspect ratio and are never wider than the original.
///
/// Pictures are drawn (shapes in the item's colour, no text) from the item's
/// index, category and colour, so the same seed gives the same bytes.
class ImageFactory
{
public:
    /// The width of a size name ("thumbnail", …); 0 for the original ("" ) and -1 for an unknown size.
    static int widthForSize(const QString &size);

    /// The JPEG for image @p number of item @p index at @p width (0: original).
    QByteArray jpeg(const Store &store, qint64 index, int number, int width);

private:
    static QByteArray render(const Store &store, qint64 index, int number, int width);

    QList<QPair<QString, QByteArray>> m_cache; ///< most recent first
};

} // namespace ConsignDesk::Sandbox::SimpleConsign
