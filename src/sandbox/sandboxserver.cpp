#include "sandbox/sandboxserver.h"

#include "sandbox/vendorapi.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSandboxHttp, "consigndesk.sandbox.http")

namespace ConsignDesk::Sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QByteArray head(const Reply &reply, qint64 contentLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    out += "Server: consigndesk-sandbox\r\n";
    if (!reply.contentType.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    if (contentLength >= 0)
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        out += "Transfer-Encoding: chunked\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    return out;
}

// Closes after what was queued has been written (a FIN, not a reset), so the
// client sees a body shorter than promised.
void closeAfterWrite(QTcpSocket *socket)
{
    QTimer::singleShot(0, socket, [socket] { socket->disconnectFromHost(); });
}

// Resets the connection at once; deferred so the server is done with the socket.
void reset(QTcpSocket *socket)
{
    QTimer::singleShot(0, socket, [socket] { socket->abort(); });
}

// Pulls a streamed reply's chunks as the socket drains, holding a bounded amount in memory.
class StreamPump : public QObject
{
public:
    StreamPump(QTcpSocket *socket, std::function<bool(QByteArray &)> stream, bool dropMidway)
        : QObject(socket), m_socket(socket), m_stream(std::move(stream)), m_dropMidway(dropMidway)
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &StreamPump::pump);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        pump();
    }

private:
    void pump()
    {
        constexpr qint64 highWater = 4 * 1024 * 1024;
        while (m_socket->bytesToWrite() < highWater) {
            QByteArray chunk;
            const bool more = m_stream(chunk);
            if (!chunk.isEmpty()) {
                m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n");
                m_socket->write(chunk);
                m_socket->write("\r\n");
                if (m_dropMidway) {
                    closeAfterWrite(m_socket);
                    m_stream = {};
                    deleteLater();
                    return;
                }
            }
            if (!more) {
                m_socket->write("0\r\n\r\n");
                m_stream = {};
                deleteLater();
                return;
            }
        }
    }

    QTcpSocket *m_socket;
    std::function<bool(QByteArray &)> m_stream;
    bool m_dropMidway;
};

QJsonValue wrongTypeFor(const QJsonValue &value)
{
    if (value.isDouble())
        return QStringLiteral("twelve");
    if (value.isString())
        return 12345;
    if (value.isBool())
        return QStringLiteral("yes");
    return QJsonObject{{QStringLiteral("unexpected"), true}};
}

} // namespace

SandboxServer::SandboxServer(FaultInjector &faults, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_faults(faults)
{
    m_clock.start();
}

void SandboxServer::mount(VendorApi *vendor)
{
    m_vendors.append(vendor);
    std::sort(m_vendors.begin(), m_vendors.end(), [](const VendorApi *a, const VendorApi *b) {
        return a->pathPrefix().size() > b->pathPrefix().size();
    });
}

QJsonObject SandboxServer::statistics() const
{
    QMutexLocker lock(&m_statsMutex);
    QJsonObject out;
    for (auto vendor = m_stats.begin(); vendor != m_stats.end(); ++vendor) {
        QJsonObject statuses;
        qint64 total = 0;
        for (auto status = vendor->begin(); status != vendor->end(); ++status) {
            statuses.insert(QString::number(status.key()), status.value());
            total += status.value();
        }
        out.insert(vendor.key(), QJsonObject{{QStringLiteral("requests"), total}, {QStringLiteral("status"), statuses}});
    }
    return out;
}

void SandboxServer::resetStatistics()
{
    QMutexLocker lock(&m_statsMutex);
    m_stats.clear();
}

void SandboxServer::count(const QString &vendor, int status)
{
    QMutexLocker lock(&m_statsMutex);
    ++m_stats[vendor][status];
}

bool SandboxServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    const QString fullPath = httpRequest.url().path();
    VendorApi *vendor = nullptr;
    for (VendorApi *candidate : std::as_const(m_vendors)) {
        const QString prefix = candidate->pathPrefix();
        if (prefix.isEmpty() || fullPath == prefix || fullPath.startsWith(prefix + u'/')) {
            vendor = candidate;
            break;
        }
    }
    if (!vendor)
        return false;

    Request request;
    request.method = methodName(httpRequest.method());
    request.path = fullPath.mid(vendor->pathPrefix().size());
    if (request.path.isEmpty())
        request.path = QStringLiteral("/");
    for (const auto &item : httpRequest.query().queryItems(QUrl::FullyDecoded))
        request.queryItems.append(item);
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();
    request.received = QDateTime::currentDateTimeUtc();

    const Route *route = vendor->router().match(request.method, request.path, &request.params);
    if (!route) {
        const bool otherMethod = vendor->router().hasPath(request.path);
        const int status = otherMethod ? 405 : 404;
        send(socket, vendor,
             vendor->errorReply(status, otherMethod ? QStringLiteral("method %1 is not allowed on %2")
                                                          .arg(QString::fromLatin1(request.method), request.path)
                                                    : QStringLiteral("no endpoint %1").arg(request.path)),
             request);
        return true;
    }
    request.routePattern = route->pattern;

    if (auto refusal = vendor->admit(request, *route)) {
        send(socket, vendor, std::move(*refusal), request);
        return true;
    }

    request.faults = m_faults.take(vendor->name(), request.method, route->pattern);
    for (const FaultSpec &fault : std::as_const(request.faults)) {
        if (fault.kind == FaultKind::Slow) {
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(fault.delayMs, this, [this, vendor, route, request, guard] {
                if (guard)
                    process(vendor, route, request, guard);
            });
            return true;
        }
    }
    process(vendor, route, std::move(request), socket);
    return true;
}

void SandboxServer::process(VendorApi *vendor, const Route *route, Request request, QPointer<QTcpSocket> socket)
{
    for (const FaultSpec &fault : std::as_const(request.faults)) {
        if (fault.kind == FaultKind::Status) {
            Reply reply = vendor->errorReply(fault.status, QStringLiteral("injected fault: status %1").arg(fault.status));
            if (!fault.retryAfter.isNull())
                reply.withHeader("Retry-After", fault.retryAfter.toLatin1());
            send(socket, vendor, std::move(reply), request);
            return;
        }
        if (fault.kind == FaultKind::Drop) {
            count(vendor->name(), 0);
            reset(socket);
            return;
        }
    }

    Reply reply = route->handler(request);
    if (!socket)
        return;
    if (request.hasFault(FaultKind::DropAfterWrite)) {
        count(vendor->name(), 0);
        reset(socket);
        return;
    }
    send(socket, vendor, std::move(reply), request);
}

void SandboxServer::applyBodyFaults(Reply &reply, VendorApi *vendor, const Request &request) const
{
    for (const FaultSpec &fault : request.faults) {
        if (fault.kind == FaultKind::MalformedJson) {
            reply.stream = {};
            reply.status = 200;
            reply.contentType = "application/json";
            reply.body = reply.body.left(qMax<qsizetype>(1, reply.body.size() * 2 / 3)) + "\",}{";
        } else if (fault.kind == FaultKind::WrongType && !reply.stream) {
            const QString field = fault.field.isEmpty() ? vendor->wrongTypeField() : fault.field;
            QJsonDocument document = QJsonDocument::fromJson(reply.body);
            auto spoil = [&field](QJsonObject object) {
                object.insert(field, wrongTypeFor(object.value(field)));
                return object;
            };
            if (document.isArray() && !document.array().isEmpty()) {
                QJsonArray array = document.array();
                array.replace(0, spoil(array.at(0).toObject()));
                document.setArray(array);
            } else if (document.isObject()) {
                QJsonObject object = document.object();
                bool done = false;
                for (auto it = object.begin(); it != object.end() && !done; ++it) {
                    if (it.value().isArray() && !it.value().toArray().isEmpty()) {
                        QJsonArray array = it.value().toArray();
                        array.replace(0, spoil(array.at(0).toObject()));
                        it.value() = array;
                        done = true;
                    }
                }
                document.setObject(done ? object : spoil(object));
            }
            reply.body = document.toJson(QJsonDocument::Compact);
        }
    }
}

void SandboxServer::send(QTcpSocket *socket, VendorApi *vendor, Reply reply, const Request &request)
{
    if (!socket)
        return;
    count(vendor->name(), reply.status);
    applyBodyFaults(reply, vendor, request);
    const bool dropMidBody = request.hasFault(FaultKind::DropMidBody);
    // No Nagle delay: a header and body in separate segments would wait for
    // the client's delayed ACK (40 ms a request).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (reply.stream) {
        socket->write(head(reply, -1));
        new StreamPump(socket, std::move(reply.stream), dropMidBody);
        return;
    }
    if (dropMidBody) {
        socket->write(head(reply, reply.body.size()) + reply.body.left(reply.body.size() / 2));
        closeAfterWrite(socket);
        return;
    }
    socket->write(head(reply, reply.body.size()) + reply.body);
}

void SandboxServer::missingHandler(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    Reply reply = Reply::json(QByteArrayLiteral("{\"error\":\"not_found\",\"message\":\"no such endpoint\"}"), 404);
    qCDebug(lcSandboxHttp) << "no vendor for" << httpRequest.url().path();
    socket->write(head(reply, reply.body.size()));
    socket->write(reply.body);
}

} // namespace ConsignDesk::Sandbox
