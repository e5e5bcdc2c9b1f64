#pragma once

// A connection to one store of the sandbox, from the credentials it issued.
#include "core/connection.h"

#include <QJsonObject>

/// The connection named @p name to the sandbox's @p vendor store, whose
/// @p credentials come from the sandbox; its secret (the API key, or Consignly's
/// client secret) in @p secret.
inline ConsignDesk::Connection sandboxConnection(const QString &vendor, const QJsonObject &credentials, const QString &name,
                                                 QString *secret)
{
    using namespace ConsignDesk;
    Connection c;
    c.vendor = *Vendors::fromId(vendor);
    c.name = name;
    c.baseUrl = QUrl(credentials.value(QStringLiteral("base_url")).toString());
    c.currency = credentials.value(QStringLiteral("currency")).toString(QStringLiteral("USD"));
    *secret = credentials.value(QStringLiteral("api_key")).toString();
    if (c.vendor == Vendor::Consignly) {
        c.auth = AuthMethod::ClientCredentials;
        c.clientId = credentials.value(QStringLiteral("client_id")).toString();
        c.tokenUrl = QUrl(credentials.value(QStringLiteral("token_url")).toString());
        *secret = credentials.value(QStringLiteral("client_secret")).toString();
    }
    return c;
}
