#pragma once

#include "sandbox/faults.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace ConsignDesk::Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// @short A request as a vendor handler sees it: the path below the vendor's
/// base URL, the route's captured segments, and the faults that hit it.
struct Request {
    QByteArray method;
    QString path;                ///< below the vendor's prefix, e.g. "/items/42"
    QString routePattern;        ///< e.g. "/items/{id}"
    QStringList params;          ///< the {…} segments of the pattern, in order
    QList<QPair<QString, QString>> queryItems; ///< decoded, repeated keys kept
    HeaderList headers;
    QByteArray body;
    QDateTime received;          ///< UTC, when the request arrived
    QList<FaultSpec> faults;     ///< the faults in force for this request

    QByteArray header(const QByteArray &name) const;
    bool hasQuery(const QString &key) const;
    QString queryValue(const QString &key) const;  ///< the last value of key
    QStringList queryValues(const QString &key) const;
    bool hasFault(FaultKind kind) const;
    QString param(int index) const { return params.value(index); }
};

/// @short A response; either a body, or a stream of chunks sent with chunked
/// transfer encoding (SimpleConsign's one huge inventory response).
struct Reply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HeaderList headers;
    /// When set, called until it returns false; each call appends the next part.
    std::function<bool(QByteArray &out)> stream;

    static Reply json(QByteArray body, int status = 200);
    static Reply json(const QJsonDocument &document, int status = 200);
    static Reply empty(int status);
    static Reply text(QByteArray body, QByteArray contentType, int status = 200);
    Reply &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
};

using Handler = std::function<Reply(Request &)>;

/// @short A vendor endpoint: method and documented path pattern.
struct Route {
    QByteArray method;
    QString pattern;    ///< as the docs write it: "/items/{id}/restore"
    QString permission; ///< what the key needs (ConsignCloud scopes); may be empty
    Handler handler;
    QRegularExpression regex;
};

/// @short Matches a path below a vendor's prefix to one of its routes.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler, const QString &permission = {});
    /// The route for method and path, with its captured segments; nullptr when none.
    const Route *match(const QByteArray &method, const QString &path, QStringList *params) const;
    /// True when some route has this path with another method (405, not 404).
    bool hasPath(const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

/// The reason phrase of an HTTP status.
QByteArray reasonPhrase(int status);

} // namespace ConsignDesk::Sandbox
