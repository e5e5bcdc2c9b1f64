#pragma once

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace ConsignDesk::Net {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// @short One request to a vendor. `secrets` names what must never reach a log
/// line or an error message (the key in a header or in SimpleConsign's body).
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    Headers headers;
    QByteArray body;
    int timeoutMs = 30000;
    QString endpoint;    ///< for messages: "GET /items"
    QStringList secrets; ///< redacted wherever the request is described
};

struct HttpResult {
    int status = 0; ///< 0: no HTTP answer
    QByteArray body;
    Headers headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText; ///< already redacted
    bool timedOut = false;
    bool cancelled = false;     ///< VendorClient::cancelAll() ended it; no answer to use
    bool malformedBody = false; ///< a 2xx whose body the caller's check refused (cut short, not JSON)
    int attempts = 1;           ///< how many times VendorClient sent it

    QByteArray header(const QByteArray &name) const;
    bool transportFailed() const { return status == 0; }
    bool tlsFailed() const { return error == QNetworkReply::SslHandshakeFailedError; }
};

/// Replaces every secret (and its percent-encoded form) in @p text with "[redacted]".
QString redact(QString text, const QStringList &secrets);

/// @short The one place requests leave ConsignDesk: stamps User-Agent and a
/// request id, applies the timeout, never ignores TLS errors, and logs each
/// exchange with the secrets redacted.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    using Callback = std::function<void(const HttpResult &)>;
    /// Sends @p request; @p done runs once, in this object's thread. The
    /// returned reply may be aborted (then @p done runs with
    /// OperationCanceledError); it is deleted after @p done ran.
    QPointer<QNetworkReply> send(const HttpRequest &request, Callback done);
    /// Blocks in a local event loop until the answer (for the command line).
    HttpResult sendAndWait(const HttpRequest &request);

private:
    QNetworkAccessManager *m_network;
    quint64 m_nextId = 1;
};

} // namespace ConsignDesk::Net
