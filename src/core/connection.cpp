#include "core/connection.h"

#include "core/currency.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace ConsignDesk {

namespace {
// The translation context of the rules' messages.
class Rules
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionRules)
};
} // namespace

QString Connection::secretPurpose() const
{
    switch (auth) {
    case AuthMethod::ApiKey: return QStringLiteral("api-key");
    case AuthMethod::ClientCredentials: return QStringLiteral("client-secret");
    case AuthMethod::AccessToken: return QStringLiteral("access-token");
    }
    return {};
}

QString authMethodId(AuthMethod method)
{
    switch (method) {
    case AuthMethod::ApiKey: return QStringLiteral("api-key");
    case AuthMethod::ClientCredentials: return QStringLiteral("client-credentials");
    case AuthMethod::AccessToken: return QStringLiteral("access-token");
    }
    return {};
}

std::optional<AuthMethod> authMethodFromId(const QString &id)
{
    for (const AuthMethod method : {AuthMethod::ApiKey, AuthMethod::ClientCredentials, AuthMethod::AccessToken}) {
        if (authMethodId(method) == id)
            return method;
    }
    return std::nullopt;
}

namespace ConnectionRules {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString checkName(const QString &name, const QStringList &existingNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Rules::tr("Give the connection a name.");
    if (trimmed.size() > 80)
        return Rules::tr("The name is too long (at most 80 characters).");
    for (const QString &existing : existingNames) {
        if (existing.compare(trimmed, Qt::CaseInsensitive) == 0)
            return Rules::tr("A connection named \"%1\" exists already.").arg(existing);
    }
    return {};
}

QString checkUrl(const QUrl &url, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty() || url.isRelative())
        return Rules::tr("The %1 is not a valid web address (like https://api.example.com/api/v1).").arg(what);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return Rules::tr("The %1 must start with https://.").arg(what);
    if (!url.userInfo().isEmpty())
        return Rules::tr("The %1 must not hold a user name or password; keys go in the key field.").arg(what);
    if (url.hasQuery() || url.hasFragment())
        return Rules::tr("The %1 must not have a query or fragment (?… or #…).").arg(what);
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return Rules::tr("The %1 uses plain http to %2; keys must travel encrypted, so use https:// "
                  "(plain http is only for this computer: localhost, 127.0.0.1, ::1).")
            .arg(what, url.host());
    return {};
}

QString checkCurrency(const QString &code)
{
    if (code.isEmpty())
        return Rules::tr("Choose the currency the store's amounts are in.");
    if (!Currency::isKnown(code))
        return Rules::tr("\"%1\" is not an ISO 4217 currency code (like USD, EUR, GBP).").arg(code);
    return {};
}

QString checkVendor(const QString &id)
{
    if (Vendors::fromId(id))
        return {};
    return Rules::tr("Unknown vendor \"%1\"; choose one of %2.").arg(id, Vendors::ids().join(QStringLiteral(", ")));
}

KeyInput checkKey(const QString &raw, const QString &what)
{
    KeyInput input;
    input.key = raw.trimmed();
    if (input.key.isEmpty()) {
        input.error = Rules::tr("The %1 is empty.").arg(what);
        return input;
    }
    if (input.key != raw)
        input.notice = Rules::tr("Removed spaces or line breaks around the %1.").arg(what);
    for (const QChar c : std::as_const(input.key)) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            input.error = Rules::tr("The %1 holds a space or line break inside; paste it again, whole.").arg(what);
            return input;
        }
    }
    return input;
}

} // namespace ConnectionRules

} // namespace ConsignDesk
