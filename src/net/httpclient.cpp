#include "net/httpclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSslError>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "consigndesk.net.http")

namespace ConsignDesk::Net {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

// The forms a secret takes when it was put into a URL and the URL was printed
// (by us, or by Qt in an error message): raw, percent-encoded, and as QUrl
// renders a path or a query for people.
QStringList renderings(const QString &secret)
{
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    QUrl asQuery(QStringLiteral("http://h/"));
    asQuery.setQuery(QStringLiteral("k=") + encoded, QUrl::TolerantMode);
    QUrl asPath(QStringLiteral("http://h/"));
    asPath.setPath(u'/' + encoded, QUrl::TolerantMode);
    QStringList forms{secret,
                      encoded,
                      asQuery.query(QUrl::PrettyDecoded).mid(2),
                      asQuery.query(QUrl::FullyEncoded).mid(2),
                      asPath.path(QUrl::PrettyDecoded).mid(1),
                      asPath.path(QUrl::FullyEncoded).mid(1)};
    forms.removeDuplicates();
    // Longest first, so no form is left half-replaced by a shorter one.
    std::sort(forms.begin(), forms.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return forms;
}

} // namespace

QString redact(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() < 4)
            continue; // nothing that short is a key, and replacing it would garble the text
        for (const QString &form : renderings(secret)) {
            if (!form.isEmpty())
                text.replace(form, QStringLiteral("[redacted]"));
        }
    }
    return text;
}

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

QPointer<QNetworkReply> HttpClient::send(const HttpRequest &request, Callback done)
{
    QNetworkRequest networkRequest(request.url);
    const QByteArray id = QByteArray::number(m_nextId++);
    const QByteArray userAgent = QByteArrayLiteral("ConsignDesk/") + QCoreApplication::applicationVersion().toLatin1();
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    networkRequest.setRawHeader("X-Request-Id", id);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setTransferTimeout(request.timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    auto *timer = new QElapsedTimer;
    timer->start();
    // Fully encoded, so a secret in the URL appears in exactly one form, which redact() knows.
    const QString described = redact(QString::fromLatin1(request.method) + u' ' + request.url.toString(QUrl::FullyEncoded),
                                     request.secrets);
    connect(reply, &QNetworkReply::finished, this, [reply, request, done, timer, described, id] {
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed when aborted
        result.headers = reply->rawHeaderPairs();
        result.error = reply->error();
        result.timedOut = result.error == QNetworkReply::OperationCanceledError
            || result.error == QNetworkReply::TimeoutError;
        if (result.error != QNetworkReply::NoError)
            result.errorText = redact(reply->errorString(), request.secrets);
        qCDebug(lcHttp).noquote() << QString(u'#' + QString::fromLatin1(id)) << described << "->" << result.status
                                  << result.errorText << timer->elapsed() << "ms";
        delete timer;
        reply->deleteLater();
        done(result);
    });
    return reply;
}

HttpResult HttpClient::sendAndWait(const HttpRequest &request)
{
    HttpResult result;
    bool finished = false;
    QEventLoop loop;
    send(request, [&](const HttpResult &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace ConsignDesk::Net
