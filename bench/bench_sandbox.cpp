// bench_sandbox [--items N]: how fast the sandbox generates its stores, how much
// memory they take, and how long one 100-row page takes to serve over HTTP.
// The sandbox runs in a thread of its own; the client is QNetworkAccessManager.
#include "sandbox/sandbox.h"

#include "procstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace ConsignDesk::Sandbox;

namespace {

struct Timing {
    QList<double> ms;
    void print(const char *what) const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        if (sorted.isEmpty())
            return;
        std::printf("%-58s n=%4lld  median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, qlonglong(sorted.size()),
                    sorted.at(sorted.size() / 2), sorted.at(sorted.size() * 95 / 100), sorted.constLast());
    }
};

QByteArray fetch(QNetworkAccessManager &network, const QString &url, const QByteArray &bearer, double *ms)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "Bearer " + bearer);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *ms = double(timer.nsecsElapsed()) / 1e6;
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        std::fprintf(stderr, "request failed: %s: %s\n", qPrintable(url), qPrintable(reply->errorString()));
    reply->deleteLater();
    return body;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 items = 1000000;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--items"));
    if (at >= 0 && at + 1 < args.size())
        items = args.at(at + 1).toLongLong();

    SandboxOptions options;
    options.generation.items = items;
    options.generation.rateLimits = false;
    options.vendors = allVendors();

    QThread thread;
    thread.start();
    Sandbox *sandbox = nullptr;
    QString error;
    const qint64 rssBefore = procStatusKb("VmRSS:");
    QElapsedTimer generation;
    generation.start();
    // Created and started in the worker thread, so that it serves from there.
    QObject context;
    context.moveToThread(&thread);
    QMetaObject::invokeMethod(
        &context,
        [&] {
            sandbox = new Sandbox(options);
            if (!sandbox->start(&error)) {
                delete sandbox;
                sandbox = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    const double generationSeconds = double(generation.elapsed()) / 1000.0;
    if (!sandbox) {
        std::fprintf(stderr, "sandbox did not start: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("items per vendor: %lld\n", items);
    std::printf("generation of all four stores: %.2f s\n", generationSeconds);
    std::printf("resident memory: %.0f MB after generation (%.0f MB before), peak %.0f MB\n",
                double(procStatusKb("VmRSS:")) / 1024, double(rssBefore) / 1024, double(procStatusKb("VmHWM:")) / 1024);

    const QJsonObject credentials = sandbox->credentials();
    auto base = [&](const char *vendor) {
        return credentials.value(QLatin1String(vendor)).toObject().value(QStringLiteral("base_url")).toString();
    };
    auto key = [&](const char *vendor) {
        return credentials.value(QLatin1String(vendor)).toObject().value(QStringLiteral("api_key")).toString().toUtf8();
    };

    QNetworkAccessManager network;
    double ms = 0;
    fetch(network, base("consigncloud") + QStringLiteral("/items?limit=1"), key("consigncloud"), &ms); // warm up

    Timing walk;
    QString cursor;
    for (int page = 0; page < 200; ++page) {
        const QByteArray body = fetch(network,
                                      base("consigncloud") + QStringLiteral("/items?limit=100")
                                          + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                                      key("consigncloud"), &ms);
        walk.ms.append(ms);
        cursor = QJsonDocument::fromJson(body).object().value(QStringLiteral("next_cursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    walk.print("ConsignCloud GET /items?limit=100 (walk from the start)");

    Timing filtered;
    cursor.clear();
    for (int page = 0; page < 50; ++page) {
        const QByteArray body = fetch(network,
                                      base("consigncloud") + QStringLiteral("/items?limit=100&tag_price:gte=20000")
                                          + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                                      key("consigncloud"), &ms);
        filtered.ms.append(ms);
        cursor = QJsonDocument::fromJson(body).object().value(QStringLiteral("next_cursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    filtered.print("ConsignCloud GET /items?limit=100&tag_price:gte=20000");

    Timing products;
    cursor.clear();
    for (int page = 0; page < 50; ++page) {
        const QByteArray body = fetch(network,
                                      base("consignify") + QStringLiteral("/products?limit=100")
                                          + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                                      key("consignify"), &ms);
        products.ms.append(ms);
        cursor = QJsonDocument::fromJson(body).object().value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    products.print("Consignify GET /products?limit=100");

    Timing inventory;
    for (int page = 1; page <= 50; ++page) {
        fetch(network, base("consignly") + QStringLiteral("/v1/inventory?PageSize=100&PageIndex=%1").arg(page * 7),
              key("consignly"), &ms);
        inventory.ms.append(ms);
    }
    inventory.print("Consignly GET /v1/inventory?PageSize=100 (scattered pages)");

    std::printf("resident memory after serving: %.0f MB, peak %.0f MB\n", double(procStatusKb("VmRSS:")) / 1024,
                double(procStatusKb("VmHWM:")) / 1024);

    QMetaObject::invokeMethod(sandbox, [sandbox] { delete sandbox; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return 0;
}
