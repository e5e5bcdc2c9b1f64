#pragma once

#include <QString>

namespace ConsignDesk::Sandbox {

class Rng;

/// @short Word lists for data that reads like a real store's.
namespace Names {
QString firstName(Rng &rng);
QString lastName(Rng &rng);
QString company(Rng &rng);
QString street(Rng &rng);
QString city(Rng &rng);
/// "Blue Levi's Denim Jacket", with the brand, colour and noun it was made of.
struct ItemTitle {
    QString title;
    QString brand;
    QString color;
    QString noun;
    QString size;
};
ItemTitle itemTitle(Rng &rng, int categoryIndex);
/// The store's categories; an item's noun fits its category.
int categoryCount();
QString categoryName(int index);
QString emailFor(const QString &first, const QString &last, Rng &rng);
QString phone(Rng &rng);
/// A 6-character code of capitals and digits, like SimpleConsign's SKUs.
QString code(Rng &rng, int length = 6);
} // namespace Names

} // namespace ConsignDesk::Sandbox
