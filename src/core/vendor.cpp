#include "core/vendor.h"

namespace ConsignDesk::Vendors {

namespace {
const struct {
    Vendor vendor;
    const char *id;
    const char *name;
    const char *baseUrl;
} table[] = {
    {Vendor::ConsignCloud, "consigncloud", "ConsignCloud", "https://api.consigncloud.com/api/v1"},
    {Vendor::SimpleConsign, "simpleconsign", "SimpleConsign", "https://user.traxia.com/app/api"},
    {Vendor::Consignify, "consignify", "Consignify", "https://consignify.shop/api/v1"},
    {Vendor::Consignly, "consignly", "Consignly", "https://api.consignlyhq.com"},
};
} // namespace

QString id(Vendor vendor)
{
    for (const auto &row : table) {
        if (row.vendor == vendor)
            return QString::fromLatin1(row.id);
    }
    return {};
}

std::optional<Vendor> fromId(const QString &text)
{
    for (const auto &row : table) {
        if (text == QLatin1String(row.id))
            return row.vendor;
    }
    return std::nullopt;
}

QStringList ids()
{
    QStringList list;
    for (const auto &row : table)
        list.append(QString::fromLatin1(row.id));
    return list;
}

QString displayName(Vendor vendor)
{
    for (const auto &row : table) {
        if (row.vendor == vendor)
            return QString::fromLatin1(row.name);
    }
    return {};
}

QUrl defaultBaseUrl(Vendor vendor)
{
    for (const auto &row : table) {
        if (row.vendor == vendor)
            return QUrl(QString::fromLatin1(row.baseUrl));
    }
    return {};
}

QUrl defaultTokenUrl()
{
    return QUrl(QStringLiteral("https://identity.consignlyhq.com/connect/token"));
}

} // namespace ConsignDesk::Vendors
