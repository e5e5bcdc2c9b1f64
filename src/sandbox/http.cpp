#include "sandbox/http.h"

namespace ConsignDesk::Sandbox {

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Request::hasQuery(const QString &key) const
{
    for (const auto &item : queryItems) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString Request::queryValue(const QString &key) const
{
    QString value;
    for (const auto &item : queryItems) {
        if (item.first == key)
            value = item.second;
    }
    return value;
}

QStringList Request::queryValues(const QString &key) const
{
    QStringList values;
    for (const auto &item : queryItems) {
        if (item.first == key)
            values.append(item.second);
    }
    return values;
}

bool Request::hasFault(FaultKind kind) const
{
    for (const FaultSpec &fault : faults) {
        if (fault.kind == kind)
            return true;
    }
    return false;
}

Reply Reply::json(QByteArray body, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

Reply Reply::json(const QJsonDocument &document, int status)
{
    return json(document.toJson(QJsonDocument::Compact), status);
}

Reply Reply::empty(int status)
{
    Reply reply;
    reply.status = status;
    reply.contentType.clear();
    return reply;
}

Reply Reply::text(QByteArray body, QByteArray contentType, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    reply.contentType = std::move(contentType);
    return reply;
}

void Router::add(const QByteArray &method, const QString &pattern, Handler handler, const QString &permission)
{
    QString expression = QRegularExpression::escape(pattern);
    // escape() turned {id} into \{id\}; each becomes one path segment.
    static const QRegularExpression placeholder(QStringLiteral("\\\\\\{[A-Za-z_]+\\\\\\}"));
    expression.replace(placeholder, QStringLiteral("([^/]+)"));
    Route route{method, pattern, permission, std::move(handler),
                QRegularExpression(QStringLiteral("^") + expression + QStringLiteral("/?$"))};
    m_routes.append(std::move(route));
}

const Route *Router::match(const QByteArray &method, const QString &path, QStringList *params) const
{
    for (const Route &route : m_routes) {
        if (route.method != method)
            continue;
        const QRegularExpressionMatch found = route.regex.match(path);
        if (!found.hasMatch())
            continue;
        params->clear();
        for (int i = 1; i <= found.lastCapturedIndex(); ++i)
            params->append(found.captured(i));
        return &route;
    }
    return nullptr;
}

bool Router::hasPath(const QString &path) const
{
    for (const Route &route : m_routes) {
        if (route.regex.match(path).hasMatch())
            return true;
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace ConsignDesk::Sandbox
