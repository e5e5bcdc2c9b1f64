#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace ConsignDesk::Sandbox {

/// What an injected fault does to a request.
enum class FaultKind {
    Status,         ///< answer `status` (429, 500, 503, …) with the vendor's error body; not applied
    Slow,           ///< answer only after `delayMs` (longer than a client's timeout)
    Drop,           ///< reset the connection before answering; the request is not applied
    DropMidBody,    ///< apply, send the headers and half the body, then close
    DropAfterWrite, ///< apply (a write happens), then reset without answering
    MalformedJson,  ///< apply, answer 200 with a body that is not valid JSON
    WrongType,      ///< apply, answer with `field` of the first record turned into the wrong type
    DuplicateRows,  ///< paged lists: each later page repeats the last row of the page before
    RepeatCursor,   ///< paged lists: the next cursor is the one just requested
    EmptyPage,      ///< paged lists: no rows, yet a next cursor / an unchanged total
};

/// @short One injected fault: which requests it hits, how often, and what it does.
///
/// Text form (for --fault): `VENDOR:ENDPOINT:KIND[:key=value]...`, e.g.
/// `consigncloud:/items:429:retry-after=2:count=3`, `simpleconsign:*:503`,
/// `consignly:/v1/inventory:drop-mid-body:after=1`. ENDPOINT is a route's
/// pattern as the vendor docs write it (`/items/{id}`) or `*`. KIND is a status
/// code or one of slow, drop, drop-mid-body, drop-after-write, malformed-json,
/// wrong-type, duplicate-rows, repeat-cursor, empty-page. Keys: count (default 1,
/// -1 for always), after (matching requests to let through first), method,
/// retry-after (sent as given; absent means no header), delay (ms, for slow),
/// field (for wrong-type), record (for wrong-type in SimpleConsign's streamed
/// answer: which item, from 0).
struct FaultSpec {
    QString vendor;
    QString endpoint = QStringLiteral("*");
    QString method; ///< empty: any
    FaultKind kind = FaultKind::Status;
    int status = 500;
    int count = 1;
    int after = 0;
    QString retryAfter; ///< null: no Retry-After header
    int delayMs = 30000;
    QString field;
    int record = 0;

    static std::optional<FaultSpec> parse(const QString &text, QString *error);
    static std::optional<FaultSpec> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    bool matches(const QString &vendorName, const QByteArray &requestMethod, const QString &routePattern) const;
};

/// @short The faults in force; thread-safe, as the test API and requests share it.
class FaultInjector
{
public:
    void add(const FaultSpec &fault);
    void clear();
    QList<FaultSpec> pending() const;
    /// The faults that hit this request; each use counts against its `count`.
    QList<FaultSpec> take(const QString &vendorName, const QByteArray &method, const QString &routePattern);

private:
    mutable QMutex m_mutex;
    QList<FaultSpec> m_faults;
};

} // namespace ConsignDesk::Sandbox
