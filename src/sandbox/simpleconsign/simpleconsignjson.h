#pragma once

#include "sandbox/simpleconsign/simpleconsignstore.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ConsignDesk::Sandbox::SimpleConsign {

/// @short An item's texts, derived from its index and the seed (never stored).
struct ItemText {
    QString name;        ///< the E-commerce Name when the item has one, else the POS name
    QString description; ///< null when the item has none
    QString brand;
    QString color;
    QString noun;
    QString size;        ///< null for categories without sizes
    QString familyGroup; ///< null for categories without family groups
};
ItemText itemText(const Store &store, qint64 index);

/// "K9L28Q_2_3fa94c2e.jpg": the SKU, the image's number (1..4) and a check.
QString imageName(const Store &store, qint64 index, int number);
struct ImageRef {
    qint64 index = -1;
    int number = 0;
};
/// The item and image a name refers to; nullopt when no such image exists.
std::optional<ImageRef> parseImageName(const Store &store, const QString &name);

/// Appends one item of the inventory response as compact JSON.
void writeItem(QByteArray &out, const Store &store, qint64 index);

/// "MM/dd/yyyy" of a UTC time in ms.
QByteArray usDate(qint64 msSinceEpoch);

} // namespace ConsignDesk::Sandbox::SimpleConsign
