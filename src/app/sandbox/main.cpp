// consigndesk-sandbox: the four vendor APIs, emulated on loopback.
#include "sandbox/sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

using namespace ConsignDesk::Sandbox;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("consigndesk-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Emulates ConsignCloud, SimpleConsign, Consignify and Consignly on one loopback HTTP port.\n"
        "The first line of output is a JSON object with each vendor's base_url and api_key."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("The port to listen on; 0 picks a free one."),
                                  QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption items(QStringLiteral("items"), QStringLiteral("Items per vendor store."),
                                   QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the generated data."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption epoch(QStringLiteral("epoch"),
                                   QStringLiteral("Where the generated history ends (ISO 8601 UTC); default today."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption noRateLimits(QStringLiteral("no-rate-limits"),
                                          QStringLiteral("Switch every vendor's rate limit off (benchmarks)."));
    const QCommandLineOption activity(QStringLiteral("activity"),
                                      QStringLiteral("Change the stores while running (new, repriced, sold items…)."));
    const QCommandLineOption activityInterval(QStringLiteral("activity-interval"),
                                              QStringLiteral("Milliseconds between activity steps."),
                                              QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Inject a fault: VENDOR:ENDPOINT:KIND[:key=value]... "
                                                  "(e.g. consigncloud:/items:429:retry-after=2:count=3). Repeatable."),
                                   QStringLiteral("SPEC"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("The loopback address to listen on."),
                                    QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    parser.addOptions({port, items, seed, epoch, noRateLimits, activity, activityInterval, fault, listen});
    parser.process(app);

    QTextStream err(stderr);
    auto fail = [&err](const QString &message) {
        err << "consigndesk-sandbox: " << message << Qt::endl;
        return 2;
    };

    SandboxOptions options;
    options.vendors = allVendors();
    bool ok = false;
    options.port = parser.value(port).toUShort(&ok);
    if (!ok)
        return fail(QStringLiteral("--port wants a port number, not '%1'").arg(parser.value(port)));
    options.generation.items = parser.value(items).toLongLong(&ok);
    if (!ok || options.generation.items < 0)
        return fail(QStringLiteral("--items wants a count, not '%1'").arg(parser.value(items)));
    options.generation.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed wants a whole number, not '%1'").arg(parser.value(seed)));
    if (parser.isSet(epoch)) {
        options.generation.epoch = QDateTime::fromString(parser.value(epoch), Qt::ISODate).toUTC();
        if (!options.generation.epoch.isValid())
            return fail(QStringLiteral("--epoch wants an ISO 8601 date-time, not '%1'").arg(parser.value(epoch)));
    }
    options.generation.rateLimits = !parser.isSet(noRateLimits);
    options.activity = parser.isSet(activity);
    options.activityIntervalMs = parser.value(activityInterval).toInt(&ok);
    if (!ok || options.activityIntervalMs < 10)
        return fail(QStringLiteral("--activity-interval wants milliseconds (at least 10)"));
    options.address = QHostAddress(parser.value(listen));
    if (!options.address.isLoopback())
        return fail(QStringLiteral("--listen must be a loopback address, not '%1'").arg(parser.value(listen)));
    for (const QString &text : parser.values(fault)) {
        QString error;
        const auto spec = FaultSpec::parse(text, &error);
        if (!spec)
            return fail(error);
        options.faults.append(*spec);
    }

    Sandbox sandbox(options);
    QString error;
    if (!sandbox.start(&error))
        return fail(error);
    const QByteArray line = QJsonDocument(sandbox.credentials()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return app.exec();
}
