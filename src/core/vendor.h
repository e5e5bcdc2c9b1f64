#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ConsignDesk {

/// The vendor systems ConsignDesk speaks to.
enum class Vendor { ConsignCloud, SimpleConsign, Consignify, Consignly };

namespace Vendors {
/// "consigncloud", … as used on the command line, in the cache and by the sandbox.
QString id(Vendor vendor);
std::optional<Vendor> fromId(const QString &id);
QStringList ids();
/// "ConsignCloud", … for people.
QString displayName(Vendor vendor);
/// The vendor's real base URL: the part before the documented endpoint paths.
QUrl defaultBaseUrl(Vendor vendor);
/// Consignly's identity server token endpoint (OAuth 2.0 client credentials).
QUrl defaultTokenUrl();
} // namespace Vendors

} // namespace ConsignDesk
