#pragma once

#include "core/vendor.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ConsignDesk {

/// How a connection proves who it is. The secret itself lives only in the keychain.
enum class AuthMethod {
    ApiKey,            ///< a Bearer key (ConsignCloud, Consignify) or SimpleConsign's body key
    ClientCredentials, ///< Consignly: OAuth 2.0 client id + secret, tokens from tokenUrl
    AccessToken,       ///< Consignly: a ready access token
};

/// @short One vendor account of the store, as the manager connected it.
struct Connection {
    QString id; ///< stable, generated; names the keychain entries
    Vendor vendor = Vendor::ConsignCloud;
    QString name; ///< the manager's display name, unique (case-insensitive)
    QUrl baseUrl;
    QString currency; ///< ISO 4217
    AuthMethod auth = AuthMethod::ApiKey;
    QString clientId; ///< ClientCredentials only; not a secret
    QUrl tokenUrl;    ///< ClientCredentials only
    bool demo = false; ///< one of the demo stores
    QDateTime created;

    /// The keychain entry purpose of this connection's secret ("api-key", "client-secret", "access-token").
    QString secretPurpose() const;
};

QString authMethodId(AuthMethod method);
std::optional<AuthMethod> authMethodFromId(const QString &id);

/// @short The rules for what a manager types; each answers with the reason in
/// plain words, or an empty string when the input is fine.
namespace ConnectionRules {
/// 127.0.0.0/8, ::1 and localhost.
bool isLoopbackHost(const QString &host);
QString checkName(const QString &name, const QStringList &existingNames);
/// http(s) only, a host, no credentials in it; plain http only to loopback.
QString checkUrl(const QUrl &url, const QString &what);
QString checkCurrency(const QString &code);
QString checkVendor(const QString &id);

/// A key as pasted: trimmed of surrounding whitespace (with a notice saying so),
/// refused when empty or when it holds whitespace inside.
struct KeyInput {
    QString key;
    QString notice; ///< e.g. "Removed spaces around the key."
    QString error;
};
KeyInput checkKey(const QString &raw, const QString &what);
} // namespace ConnectionRules

} // namespace ConsignDesk
