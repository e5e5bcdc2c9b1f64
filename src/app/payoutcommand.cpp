#include "app/payoutcommand.h"

#include "app/commandline.h"
#include "core/currency.h"
#include "net/httpclient.h"
#include "payouts/ledger.h"
#include "payouts/payoutservice.h"
#include "payouts/proposals.h"
#include "payouts/statement.h"
#include "reports/ledgercsv.h"
#include "secrets/keystore.h"
#include "store/database.h"
#include "sync/connectionservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace ConsignDesk {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PayoutsCommand)
};

using namespace Payouts;

QString lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("payouts.lock"));
}

// What the command works with: the cache, the keychain, the connections, the
// ledger and the service that sends.
struct Session {
    std::unique_ptr<Store::Database> db;
    Secrets::KeyStore keys;
    std::unique_ptr<Sync::ConnectionService> connections;
    std::unique_ptr<Ledger> ledger;
    QNetworkAccessManager network;
    std::unique_ptr<Net::HttpClient> http;
    std::unique_ptr<PayoutService> service;

    bool open(const QString &dataDir, QString *error)
    {
        const QString path = Store::Database::pathIn(dataDir);
        db = Store::Database::open(path, error);
        if (!db)
            return false;
        connections = std::make_unique<Sync::ConnectionService>(*db, keys);
        ledger = Ledger::open(path, error);
        if (!ledger)
            return false;
        http = std::make_unique<Net::HttpClient>(&network);
        Sync::ConnectionService *service_ = connections.get();
        service = std::make_unique<PayoutService>(
            *ledger, *http,
            [service_](const Connection &c) -> Vendors::Connector::SecretSource {
                return [service_, c](auto give) {
                    const Secrets::KeyResult key = service_->secretOf(c);
                    give(key.secret, key.ok() ? QString() : key.message);
                };
            },
            lockPath(dataDir));
        // Tests shorten the wait before an unanswered payout counts as not paid.
        bool ok = false;
        const qint64 grace = qEnvironmentVariable("CONSIGNDESK_PAYOUT_GRACE_MS").toLongLong(&ok);
        if (ok && grace >= 0)
            service->setAbsentGraceMs(grace);
        return true;
    }
};

QString money(qint64 minor, const QString &currency)
{
    return Currency::formatPlain(minor, currency) + u' ' + currency;
}

int runApprove(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption consignorOption(QStringLiteral("consignor"), QString(), QStringLiteral("ID"));
    const QCommandLineOption amountOption(QStringLiteral("amount"), QString(), QStringLiteral("X"));
    const QCommandLineOption yesOption(QStringLiteral("yes"));
    parser.addOptions({connectionOption, consignorOption, amountOption, yesOption});
    if (!parser.parse(QStringList{QStringLiteral("payouts approve")} + arguments))
        return commandFailed(context, "payouts approve", parser.errorText(), ExitUsage);
    if (!parser.isSet(connectionOption) || !parser.isSet(consignorOption))
        return commandFailed(context, "payouts approve", Text::tr("--connection NAME and --consignor ID are required"),
                             ExitUsage);
    if (!parser.isSet(yesOption))
        return commandFailed(context, "payouts approve",
                             Text::tr("this sends money to a consignor; add --yes to confirm"), ExitUsage);

    QString error;
    Session session;
    if (!session.open(context.dataDir, &error))
        return commandFailed(context, "payouts approve", error);
    const auto connection = session.connections->find(parser.value(connectionOption), &error);
    if (!connection)
        return commandFailed(context, "payouts approve",
                             error.isEmpty() ? Text::tr("no connection named '%1'").arg(parser.value(connectionOption)) : error,
                             ExitUsage);
    if (!supportsPayouts(connection->vendor))
        return commandFailed(context, "payouts approve",
                             Text::tr("%1 (%2) does not take payouts from ConsignDesk")
                                 .arg(connection->name, Vendors::displayName(connection->vendor)),
                             ExitUsage);
    const QString consignorId = parser.value(consignorOption);

    // Anything this consignor has open from an earlier run is settled first
    // (PayoutService does it); what is owed is read after that.
    const ProposalBuilder builder(session.db->sql());
    const std::optional<Proposal> proposal = builder.forConsignor(connection->id, consignorId, &error);
    if (!error.isEmpty())
        return commandFailed(context, "payouts approve", error);
    if (!proposal || proposal->amountMinor <= 0) {
        const auto open = session.ledger->openIntent(connection->id, consignorId);
        if (open)
            return commandFailed(context, "payouts approve",
                                 Text::tr("payout %1 of this consignor has an unknown outcome; run: consigndesk "
                                          "payouts reconcile --connection \"%2\"")
                                     .arg(open->reference, connection->name));
        const auto last = session.ledger->lastConfirmed(connection->id, consignorId);
        context.out << (last ? Text::tr("Nothing is owed to %1; the last payout, %2 (%3), is confirmed.")
                                   .arg(consignorId, last->reference, money(last->amountMinor, last->currency))
                             : Text::tr("Nothing is owed to %1.").arg(consignorId))
                    << Qt::endl;
        return ExitOk;
    }
    qint64 amount = proposal->amountMinor;
    if (parser.isSet(amountOption)) {
        const auto typed = Currency::parsePlain(parser.value(amountOption), proposal->currency);
        if (!typed || *typed <= 0)
            return commandFailed(context, "payouts approve",
                                 Text::tr("--amount: '%1' is not an amount in %2 (like 12.50)")
                                     .arg(parser.value(amountOption), proposal->currency),
                                 ExitUsage);
        if (connection->vendor == Vendor::Consignify && *typed != proposal->amountMinor)
            return commandFailed(context, "payouts approve",
                                 Text::tr("--amount: %1 is owed; Consignify pays whole sale lines, so a payout is that "
                                          "amount")
                                     .arg(money(proposal->amountMinor, proposal->currency)),
                                 ExitUsage);
        if (*typed > proposal->amountMinor)
            return commandFailed(context, "payouts approve",
                                 Text::tr("--amount: %1 is more than the %2 owed")
                                     .arg(money(*typed, proposal->currency), money(proposal->amountMinor, proposal->currency)),
                                 ExitUsage);
        amount = *typed;
    }
    const Approval approval = approvalFor(*connection, *proposal, amount);

    PayoutService::Result result;
    QEventLoop loop;
    bool finished = false;
    session.service->approveAndSend(*connection, approval, [&](const PayoutService::Result &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    if (result.intent) {
        context.out << result.intent->reference << Qt::endl;
        context.out << Text::tr("%1 to %2 (%3): %4")
                           .arg(money(result.intent->amountMinor, result.intent->currency),
                                proposal->consignorName.isEmpty() ? consignorId : proposal->consignorName, connection->name,
                                describeState(result.intent->state))
                    << Qt::endl;
    }
    if (!result.ok)
        return commandFailed(context, "payouts approve", result.message);
    return ExitOk;
}

int runReconcile(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    parser.addOption(connectionOption);
    if (!parser.parse(QStringList{QStringLiteral("payouts reconcile")} + arguments))
        return commandFailed(context, "payouts reconcile", parser.errorText(), ExitUsage);
    QString error;
    Session session;
    if (!session.open(context.dataDir, &error))
        return commandFailed(context, "payouts reconcile", error);
    QList<Connection> connections;
    if (parser.isSet(connectionOption)) {
        const auto found = session.connections->find(parser.value(connectionOption), &error);
        if (!found)
            return commandFailed(context, "payouts reconcile",
                                 error.isEmpty() ? Text::tr("no connection named '%1'").arg(parser.value(connectionOption))
                                                 : error,
                                 ExitUsage);
        connections = {*found};
    } else if (const auto all = session.connections->list(&error)) {
        connections = *all;
    } else {
        return commandFailed(context, "payouts reconcile", error);
    }
    QList<PayoutService::Result> results;
    bool finished = false;
    QEventLoop loop;
    session.service->recover(connections, [&](const QList<PayoutService::Result> &r) {
        results = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    bool settled = true;
    for (const PayoutService::Result &r : std::as_const(results)) {
        if (r.intent)
            context.out << r.intent->reference << ": " << describeState(r.intent->state) << " — " << r.message << Qt::endl;
        else
            context.err << "consigndesk payouts reconcile: " << r.message << Qt::endl;
        settled = settled && r.intent && !isOpen(r.intent->state);
    }
    if (results.isEmpty())
        context.out << Text::tr("No payout has an unknown outcome.") << Qt::endl;
    return settled ? ExitOk : ExitFailure;
}

int runLedger(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("csv"), QStringLiteral("csv"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QString(), QStringLiteral("NAME"));
    parser.addOptions({outOption, formatOption, connectionOption});
    if (!parser.parse(QStringList{QStringLiteral("payouts ledger")} + arguments))
        return commandFailed(context, "payouts ledger", parser.errorText(), ExitUsage);
    if (!parser.isSet(outOption) || parser.value(formatOption) != QLatin1String("csv"))
        return commandFailed(context, "payouts ledger", Text::tr("--format csv --out FILE is required"), ExitUsage);
    QString error;
    Session session;
    if (!session.open(context.dataDir, &error))
        return commandFailed(context, "payouts ledger", error);
    QString connectionId;
    if (parser.isSet(connectionOption)) {
        const auto found = session.connections->find(parser.value(connectionOption), &error);
        if (!found)
            return commandFailed(context, "payouts ledger",
                                 Text::tr("no connection named '%1'").arg(parser.value(connectionOption)), ExitUsage);
        connectionId = found->id;
    }
    if (!Reports::writeLedgerCsv(session.ledger->history(connectionId), parser.value(outOption), &error))
        return commandFailed(context, "payouts ledger", error);
    return ExitOk;
}

// The consignor statement of one payout, as a PDF.
int runStatement(const QStringList &arguments, CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption referenceOption(QStringLiteral("reference"), QString(), QStringLiteral("REF"));
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"), QString(), QStringLiteral("a4|letter"),
                                        QStringLiteral("a4"));
    parser.addOptions({referenceOption, outOption, pageOption});
    if (!parser.parse(QStringList{QStringLiteral("payouts statement")} + arguments))
        return commandFailed(context, "payouts statement", parser.errorText(), ExitUsage);
    if (!parser.isSet(referenceOption) || !parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return commandFailed(context, "payouts statement", Text::tr("--reference REF and --out FILE.pdf are required"),
                             ExitUsage);
    const QString pageName = parser.value(pageOption).toLower();
    if (pageName != QLatin1String("a4") && pageName != QLatin1String("letter"))
        return commandFailed(context, "payouts statement",
                             Text::tr("--page-size: expected a4 or letter, not '%1'").arg(parser.value(pageOption)),
                             ExitUsage);
    const QPageSize page(pageName == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4);

    QString error;
    const QString path = Store::Database::pathIn(context.dataDir);
    const std::unique_ptr<Store::Database> db = Store::Database::open(path, &error);
    if (!db)
        return commandFailed(context, "payouts statement", error);
    const std::unique_ptr<Ledger> ledger = Ledger::open(path, &error);
    if (!ledger)
        return commandFailed(context, "payouts statement", error);
    const QString reference = parser.value(referenceOption).trimmed();
    const std::optional<Intent> intent = ledger->byReference(reference);
    if (!intent)
        return commandFailed(context, "payouts statement",
                             Text::tr("no payout has the reference '%1' (see: consigndesk payouts ledger)").arg(reference));
    const std::optional<Statement> statement = statementForIntent(db->sql(), *intent, &error);
    if (!statement)
        return commandFailed(context, "payouts statement", error);
    if (!writeStatementPdf({*statement}, parser.value(outOption), &error, page))
        return commandFailed(context, "payouts statement", error);
    context.out << Text::tr("Statement of %1 (%2, %3) written to %4")
                       .arg(intent->reference, money(intent->amountMinor, intent->currency),
                            statement->consignorName.isEmpty() ? intent->consignorId : statement->consignorName,
                            parser.value(outOption))
                << Qt::endl;
    return ExitOk;
}

} // namespace

Subcommand payoutsCommand()
{
    return {QStringLiteral("payouts"),
            QStringLiteral("approve --connection NAME --consignor ID [--amount X] --yes | reconcile [--connection NAME] | "
                           "ledger --format csv --out FILE [--connection NAME] | "
                           "statement --reference REF --out FILE.pdf [--page-size a4|letter]"),
            Text::tr("pays a consignor what is owed (once, whatever fails), settles payouts whose outcome is unknown, "
                     "exports the payout ledger, writes a payout's consignor statement (PDF)"),
            [](const QStringList &arguments, CommandContext &context) {
                const QString action = arguments.value(0);
                const QStringList rest = arguments.mid(1);
                if (action == QLatin1String("approve"))
                    return runApprove(rest, context);
                if (action == QLatin1String("reconcile"))
                    return runReconcile(rest, context);
                if (action == QLatin1String("ledger"))
                    return runLedger(rest, context);
                if (action == QLatin1String("statement"))
                    return runStatement(rest, context);
                return commandFailed(context, "payouts",
                                     Text::tr("expected approve, reconcile, ledger or statement, not '%1'").arg(action), ExitUsage);
            }};
}

} // namespace ConsignDesk
