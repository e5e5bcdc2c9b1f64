#include "app/connectioncommand.h"

#include "app/commandline.h"
#include "core/currency.h"
#include "net/httpclient.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "vendors/connectionprobe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace ConsignDesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionCommand)
};

int fail(CommandContext &context, const QString &reason, int code = ExitFailure)
{
    return commandFailed(context, "connection", reason, code);
}

// What every action needs: the cache and the keychain.
struct Session {
    std::unique_ptr<Store::Database> db;
    Secrets::KeyStore keys;
    std::unique_ptr<Sync::ConnectionService> service;
};

std::unique_ptr<Session> openSession(CommandContext &context, QString *error)
{
    auto session = std::make_unique<Session>();
    session->db = Store::Database::open(Store::Database::pathIn(context.dataDir), error);
    if (!session->db)
        return nullptr;
    session->service = std::make_unique<Sync::ConnectionService>(*session->db, session->keys);
    return session;
}

int add(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption vendor(QStringLiteral("vendor"), QString(), QStringLiteral("VENDOR"));
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), QString(), QStringLiteral("URL"));
    const QCommandLineOption currency(QStringLiteral("currency"), QString(), QStringLiteral("CODE"), QStringLiteral("USD"));
    const QCommandLineOption tokenUrl(QStringLiteral("token-url"), QString(), QStringLiteral("URL"));
    const QCommandLineOption keyStdin(QStringLiteral("api-key-stdin"));
    parser.addOptions({vendor, name, baseUrl, currency, tokenUrl, keyStdin});
    if (!parser.parse(QStringList{QStringLiteral("add")} + arguments))
        return fail(context, parser.errorText(), ExitUsage);
    if (!parser.positionalArguments().isEmpty())
        return fail(context, Text::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()), ExitUsage);
    if (!parser.isSet(vendor) || !parser.isSet(name))
        return fail(context, Text::tr("add needs --vendor and --name"), ExitUsage);
    if (!parser.isSet(keyStdin))
        return fail(context, Text::tr("add needs --api-key-stdin: the key is read from standard input, never from the "
                                      "command line"),
                    ExitUsage);
    if (QString why = ConnectionRules::checkVendor(parser.value(vendor)); !why.isEmpty())
        return fail(context, why, ExitUsage);

    Connection connection;
    connection.vendor = *Vendors::fromId(parser.value(vendor));
    connection.name = parser.value(name).trimmed();
    connection.baseUrl = parser.isSet(baseUrl) ? QUrl(parser.value(baseUrl), QUrl::StrictMode)
                                               : Vendors::defaultBaseUrl(connection.vendor);
    connection.currency = parser.value(currency).trimmed().toUpper();

    QString secret = QString::fromUtf8(context.readStdin());
    if (connection.vendor == Vendor::Consignly) {
        // Standard input holds a ready token, or CLIENT_ID:CLIENT_SECRET.
        const QString trimmed = secret.trimmed();
        const qsizetype colon = trimmed.indexOf(u':');
        if (colon > 0) {
            connection.auth = AuthMethod::ClientCredentials;
            connection.clientId = trimmed.left(colon);
            secret = trimmed.mid(colon + 1);
            connection.tokenUrl = parser.isSet(tokenUrl) ? QUrl(parser.value(tokenUrl), QUrl::StrictMode)
                                                         : Vendors::defaultTokenUrl();
        } else {
            connection.auth = AuthMethod::AccessToken;
        }
    } else if (parser.isSet(tokenUrl)) {
        return fail(context, Text::tr("--token-url is for Consignly only"), ExitUsage);
    }

    QString error;
    auto session = openSession(context, &error);
    if (!session)
        return fail(context, error);
    const auto outcome = session->service->add(connection, secret);
    if (!outcome.ok) {
        if (outcome.keyError == Secrets::KeyError::NoBackend)
            return fail(context, outcome.error + u' ' + Secrets::KeyStore::noBackendHelp());
        return fail(context, outcome.error, outcome.keyError == Secrets::KeyError::None ? ExitUsage : ExitFailure);
    }
    if (!outcome.notice.isEmpty())
        context.err << "consigndesk connection: " << outcome.notice << Qt::endl;
    context.out << Text::tr("Added %1 (%2, %3).").arg(connection.name, Vendors::displayName(connection.vendor),
                                                      connection.baseUrl.toString())
                << Qt::endl;
    return ExitOk;
}

int list(CommandContext &context)
{
    QString error;
    auto session = openSession(context, &error);
    if (!session)
        return fail(context, error);
    const auto connections = session->service->list(&error);
    if (!connections)
        return fail(context, error);
    if (connections->isEmpty()) {
        context.err << Text::tr("No connections yet; add one with: consigndesk connection add") << Qt::endl;
        return ExitOk;
    }
    qsizetype width = 4;
    for (const Connection &c : *connections)
        width = std::max(width, c.name.size());
    context.out << QStringLiteral("NAME").leftJustified(width + 2) << QStringLiteral("VENDOR").leftJustified(15)
                << QStringLiteral("CURRENCY  ") << QStringLiteral("SIGN-IN").leftJustified(20) << "BASE URL" << Qt::endl;
    for (const Connection &c : *connections) {
        context.out << c.name.leftJustified(width + 2) << Vendors::id(c.vendor).leftJustified(15)
                    << c.currency.leftJustified(10) << authMethodId(c.auth).leftJustified(20) << c.baseUrl.toString()
                    << Qt::endl;
    }
    return ExitOk;
}

std::optional<Connection> named(Session &session, CommandContext &context, const QStringList &arguments, int *code)
{
    if (arguments.size() != 1) {
        *code = fail(context, Text::tr("give the connection's name, and nothing else"), ExitUsage);
        return std::nullopt;
    }
    QString error;
    auto connection = session.service->find(arguments.constFirst(), &error);
    if (!connection) {
        *code = fail(context, error.isEmpty() ? Text::tr("no connection named '%1'").arg(arguments.constFirst()) : error);
        return std::nullopt;
    }
    return connection;
}

// Opens the cache, finds the connection named in @p arguments and hands both to @p act.
int withNamedConnection(const QStringList &arguments, CommandContext &context,
                        const std::function<int(Session &, const Connection &)> &act)
{
    QString error;
    auto session = openSession(context, &error);
    if (!session)
        return fail(context, error);
    int code = ExitOk;
    const auto connection = named(*session, context, arguments, &code);
    if (!connection)
        return code;
    return act(*session, *connection);
}

int remove(const QStringList &arguments, CommandContext &context)
{
    return withNamedConnection(arguments, context, [&context](Session &session, const Connection &connection) {
        const auto outcome = session.service->remove(connection);
        if (!outcome.ok)
            return fail(context, outcome.error);
        context.out << Text::tr("Removed %1, its key and its cached data.").arg(connection.name) << Qt::endl;
        return int(ExitOk);
    });
}

int test(const QStringList &arguments, CommandContext &context)
{
    return withNamedConnection(arguments, context, [&context](Session &session, const Connection &connection) {
        const Secrets::KeyResult secret = session.service->secretOf(connection);
        if (!secret.ok())
            return fail(context, secret.message);
        QNetworkAccessManager network;
        Net::HttpClient client(&network);
        Vendors::ConnectionProbe probe(client);
        const Vendors::ProbeOutcome outcome = probe.runAndWait(connection, secret.secret);
        if (!outcome.ok())
            return fail(context, outcome.message);
        context.out << outcome.message << Qt::endl;
        return int(ExitOk);
    });
}

} // namespace

Subcommand connectionCommand()
{
    Subcommand command;
    command.name = QStringLiteral("connection");
    command.synopsis = QStringLiteral(
        "add --vendor VENDOR --name NAME [--base-url URL] [--currency CODE] [--token-url URL] --api-key-stdin"
        " | list | remove NAME | test NAME");
    command.summary = Text::tr("Manage the stores' vendor accounts; keys are read from standard input and kept in "
                               "the system keychain.");
    command.run = [](const QStringList &arguments, CommandContext &context) {
        const QString action = arguments.value(0);
        const QStringList rest = arguments.mid(1);
        if (action == QLatin1String("add"))
            return add(rest, context);
        if (action == QLatin1String("list") && rest.isEmpty())
            return list(context);
        if (action == QLatin1String("remove"))
            return remove(rest, context);
        if (action == QLatin1String("test"))
            return test(rest, context);
        return fail(context, Text::tr("say add, list, remove NAME or test NAME"), ExitUsage);
    };
    return command;
}

} // namespace ConsignDesk
