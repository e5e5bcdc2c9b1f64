#include "sandboxfixture.h"

#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QTimer>
#include <QtTest/QTest>

using namespace ConsignDesk::Sandbox;

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

SandboxFixture::SandboxFixture()
    : SandboxFixture(Options{})
{
}

SandboxFixture::SandboxFixture(const Options &options)
{
    SandboxOptions sandboxOptions;
    sandboxOptions.generation.items = options.items;
    sandboxOptions.generation.seed = options.seed;
    sandboxOptions.generation.rateLimits = options.rateLimits;
    sandboxOptions.generation.epoch = options.epoch;
    sandboxOptions.vendors = options.vendors;
    m_sandbox = std::make_unique<Sandbox>(sandboxOptions);
    QString error;
    if (!m_sandbox->start(&error))
        qFatal("sandbox did not start: %s", qPrintable(error));
    m_network.setAutoDeleteReplies(false);
}

SandboxFixture::~SandboxFixture() = default;

QJsonObject SandboxFixture::credentials(const QString &vendor) const
{
    return m_sandbox->credentials().value(vendor).toObject();
}

QString SandboxFixture::baseUrl(const QString &vendor) const
{
    return credentials(vendor).value(QStringLiteral("base_url")).toString();
}

QString SandboxFixture::apiKey(const QString &vendor) const
{
    return credentials(vendor).value(QStringLiteral("api_key")).toString();
}

int SandboxFixture::requests(const QString &vendor, int status) const
{
    const QJsonObject stats = m_sandbox->server().statistics().value(vendor).toObject();
    if (status == 0)
        return stats.value(QStringLiteral("requests")).toInt();
    return stats.value(QStringLiteral("status")).toObject().value(QString::number(status)).toInt();
}

HttpResponse SandboxFixture::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                     const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(timeoutMs + 5000);
    if (!reply->isFinished())
        loop.exec();
    HttpResponse response;
    if (!reply->isFinished()) {
        response.timedOut = true;
        reply->abort();
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->isOpen() ? reply->readAll() : QByteArray();
    response.error = reply->error();
    response.headers = reply->rawHeaderPairs();
    if (response.error == QNetworkReply::OperationCanceledError || response.error == QNetworkReply::TimeoutError)
        response.timedOut = true;
    return response;
}

HttpResponse SandboxFixture::call(const QString &vendor, const QByteArray &method, const QString &pathAndQuery,
                                  const QByteArray &body, bool authorized, int timeoutMs)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (authorized)
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + apiKey(vendor).toUtf8())));
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return request(method, QUrl(baseUrl(vendor) + pathAndQuery), body, headers, timeoutMs);
}

HttpResponse SandboxFixture::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request(method, QUrl(m_sandbox->rootUrl() + QStringLiteral("/_sandbox") + path), payload,
                   {{"Content-Type", "application/json"}});
}
