#include "sandbox/names.h"

#include "sandbox/random.h"

namespace ConsignDesk::Sandbox::Names {

namespace {

const char *const firstNames[] = {
    "Ada", "Alice", "Amara", "Anna", "Ben", "Carla", "Chen", "Chloe", "Daniel", "David", "Elena", "Emma", "Farah",
    "Felix", "Grace", "Hannah", "Hugo", "Ines", "Isaac", "Jade", "James", "Jonas", "Julia", "Kai", "Karen", "Leo",
    "Lena", "Liam", "Lucia", "Maya", "Mei", "Mia", "Nadia", "Noah", "Olga", "Omar", "Paula", "Priya", "Rosa",
    "Ruth", "Samuel", "Sara", "Sofia", "Tariq", "Theo", "Uma", "Victor", "Wanda", "Yara", "Zoe",
};
const char *const lastNames[] = {
    "Abbott", "Alvarez", "Bauer", "Becker", "Brooks", "Carter", "Chen", "Costa", "Dubois", "Evans", "Fischer",
    "Garcia", "Gonzalez", "Hansen", "Hughes", "Ibrahim", "Jensen", "Kim", "Kowalski", "Larsen", "Lopez", "Martin",
    "Meyer", "Morales", "Murphy", "Nakamura", "Novak", "O'Brien", "Okafor", "Patel", "Peters", "Quinn", "Rossi",
    "Schmidt", "Silva", "Singh", "Sullivan", "Tanaka", "Taylor", "Turner", "Vargas", "Walsh", "Weber", "Wilson",
    "Wright", "Young", "Zhang", "Ziegler",
};
const char *const companies[] = {
    "Attic Treasures", "Second Bloom", "Vintage Vault", "Closet Revival", "Estate Finds", "Thread Count Resale",
    "Mercantile Co.", "Gilded Garage", "Hand-Me-Up", "Curio Corner",
};
const char *const streets[] = {
    "Oak Street", "Maple Avenue", "Market Street", "Station Road", "Church Lane", "High Street", "Elm Drive",
    "Harbour View", "Mill Road", "Park Terrace",
};
const char *const cities[] = {
    "Springfield", "Riverton", "Fairview", "Brighton", "Lakeside", "Milton", "Ashford", "Kingsport", "Bristol",
    "Greenville",
};
const char *const colors[] = {
    "Black", "White", "Navy", "Red", "Olive", "Cream", "Grey", "Tan", "Burgundy", "Teal", "Mustard", "Pink",
};
const char *const sizes[] = {"XS", "S", "M", "L", "XL", "6", "8", "10", "12", "One Size"};

struct Category {
    const char *name;
    const char *const *nouns;
    int nounCount;
    const char *const *brands;
    int brandCount;
};

const char *const clothingNouns[] = {"Cardigan", "Denim Jacket", "Wool Coat", "Silk Blouse", "Maxi Dress",
                                     "Blazer", "Cashmere Sweater", "Trench Coat", "Linen Shirt", "Pleated Skirt"};
const char *const clothingBrands[] = {"Levi's", "Patagonia", "Zara", "Eileen Fisher", "J.Crew", "Madewell",
                                      "Banana Republic", "Everlane", "Free People", "Anthropologie"};
const char *const shoeNouns[] = {"Leather Boots", "Sneakers", "Loafers", "Sandals", "Ankle Boots", "Pumps"};
const char *const shoeBrands[] = {"Dr. Martens", "Nike", "Clarks", "Birkenstock", "Frye", "Sam Edelman"};
const char *const bagNouns[] = {"Tote Bag", "Crossbody Bag", "Clutch", "Backpack", "Shoulder Bag", "Wallet"};
const char *const bagBrands[] = {"Coach", "Kate Spade", "Michael Kors", "Fossil", "Longchamp", "Tory Burch"};
const char *const jewelryNouns[] = {"Pearl Necklace", "Silver Bracelet", "Gold Hoops", "Brooch", "Cocktail Ring"};
const char *const jewelryBrands[] = {"Pandora", "Swarovski", "Tiffany & Co.", "Monet", "Trifari"};
const char *const homeNouns[] = {"Table Lamp", "Ceramic Vase", "Side Table", "Mirror", "Armchair", "Rug",
                                 "Dinner Set", "Bookshelf"};
const char *const homeBrands[] = {"Pottery Barn", "West Elm", "IKEA", "Crate & Barrel", "Ethan Allen",
                                  "Le Creuset"};
const char *const kidsNouns[] = {"Puffer Jacket", "Romper", "Rain Boots", "Stroller", "High Chair", "Play Set"};
const char *const kidsBrands[] = {"Carter's", "Gap Kids", "Hanna Andersson", "Graco", "Melissa & Doug"};
const char *const gameNouns[] = {"Board Game", "Puzzle", "Video Game", "Console", "Card Game"};
const char *const gameBrands[] = {"Nintendo", "Hasbro", "Ravensburger", "Sony", "Mattel"};
const char *const bookNouns[] = {"Hardcover Novel", "Cookbook", "Art Book", "Vinyl Record", "Atlas"};
const char *const bookBrands[] = {"Penguin", "Taschen", "Blue Note", "Phaidon", "Folio Society"};

template<std::size_t N>
constexpr int count(const char *const (&)[N])
{
    return int(N);
}

const Category categories[] = {
    {"CLOTHING", clothingNouns, count(clothingNouns), clothingBrands, count(clothingBrands)},
    {"SHOES", shoeNouns, count(shoeNouns), shoeBrands, count(shoeBrands)},
    {"BAGS", bagNouns, count(bagNouns), bagBrands, count(bagBrands)},
    {"JEWELRY", jewelryNouns, count(jewelryNouns), jewelryBrands, count(jewelryBrands)},
    {"HOME", homeNouns, count(homeNouns), homeBrands, count(homeBrands)},
    {"KIDS", kidsNouns, count(kidsNouns), kidsBrands, count(kidsBrands)},
    {"GAMES", gameNouns, count(gameNouns), gameBrands, count(gameBrands)},
    {"BOOKS & MUSIC", bookNouns, count(bookNouns), bookBrands, count(bookBrands)},
};

QString latin1(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QString firstName(Rng &rng) { return latin1(rng.pick(firstNames)); }
QString lastName(Rng &rng) { return latin1(rng.pick(lastNames)); }
QString company(Rng &rng) { return latin1(rng.pick(companies)); }
QString street(Rng &rng) { return QString::number(rng.range(1, 480)) + u' ' + latin1(rng.pick(streets)); }
QString city(Rng &rng) { return latin1(rng.pick(cities)); }

int categoryCount() { return int(std::size(categories)); }

QString categoryName(int index) { return latin1(categories[index % categoryCount()].name); }

ItemTitle itemTitle(Rng &rng, int categoryIndex)
{
    const Category &category = categories[categoryIndex % categoryCount()];
    ItemTitle title;
    title.brand = latin1(category.brands[rng.next() % std::uint64_t(category.brandCount)]);
    title.noun = latin1(category.nouns[rng.next() % std::uint64_t(category.nounCount)]);
    title.color = latin1(rng.pick(colors));
    title.size = latin1(rng.pick(sizes));
    title.title = title.color + u' ' + title.brand + u' ' + title.noun;
    return title;
}

QString emailFor(const QString &first, const QString &last, Rng &rng)
{
    static const char *const domains[] = {"example.com", "example.org", "example.net", "mail.example"};
    QString local = first.toLower() + u'.' + last.toLower();
    local.remove(u'\'');
    return local + QString::number(rng.range(1, 999)) + u'@' + latin1(rng.pick(domains));
}

QString phone(Rng &rng)
{
    return QStringLiteral("+1-555-%1-%2")
        .arg(rng.range(100, 999))
        .arg(rng.range(0, 9999), 4, 10, QLatin1Char('0'));
}

QString code(Rng &rng, int length)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[rng.next() % (sizeof(alphabet) - 1)]));
    return out;
}

} // namespace ConsignDesk::Sandbox::Names
