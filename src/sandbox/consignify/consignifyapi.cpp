#include "sandbox/consignify/consignifyapi.h"

#include "sandbox/consignify/consignifyjson.h"
#include "sandbox/consignify/consignifyroutes.h"
#include "sandbox/paging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ConsignDesk::Sandbox {

using namespace Consignify;

namespace Consignify {

Reply cursorPage(const VendorApi &api, const Request &request, qint64 size, qint64 start,
                 const std::function<qint64(qint64)> &keyAt, const std::function<void(JsonWriter &, qint64)> &write)
{
    QString error;
    const auto cursor = readCursor(request, defaultLimit, maxLimit, &error);
    if (!cursor)
        return api.errorReply(400, error);
    if (start < 0)
        start = cursor->after + 1;
    QByteArray out;
    out.reserve(cursor->limit * 420);
    JsonWriter w(out);
    w.beginObject();
    w.key("data").beginArray();
    QList<qint64> keys;
    qint64 position = std::max<qint64>(0, start);
    if (!request.hasFault(FaultKind::EmptyPage)) {
        for (; position < size && keys.size() < cursor->limit; ++position) {
            const qint64 key = keyAt(position);
            if (key < 0)
                continue;
            write(w, key);
            keys.append(key);
        }
    }
    bool more = false;
    for (qint64 p = position; p < size && !more; ++p)
        more = keyAt(p) >= 0;
    w.endArray();
    w.optionalField("nextCursor", nextCursor(request, *cursor, keys, more));
    w.endObject();
    return Reply::json(std::move(out));
}

Reply writeJson(const std::function<void(JsonWriter &)> &write, int status)
{
    QByteArray out;
    JsonWriter w(out);
    write(w);
    return Reply::json(std::move(out), status);
}

} // namespace Consignify

namespace {

// The end of the generated history; the start of today (UTC) when none is given.
Ms epochMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch()
                          : QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

ConsignifyApi::ConsignifyApi(const GenerationOptions &options)
    : m_store(options.seed, options.items, epochMs(options.epoch))
{
    addReadRoutes();
    addWriteRoutes();
}

QJsonObject ConsignifyApi::credentials(const QString &root) const
{
    return QJsonObject{
        {QStringLiteral("base_url"), QString(root + pathPrefix())},
        {QStringLiteral("api_key"), m_store.apiKey()},
        {QStringLiteral("currency"), m_store.currency()},
    };
}

std::optional<Reply> ConsignifyApi::admit(const Request &request, const Route &)
{
    const QByteArray expected = "Bearer " + m_store.apiKey().toLatin1();
    const QByteArray given = request.header("Authorization");
    if (given.isEmpty())
        return errorReply(401, QStringLiteral("Missing API key"));
    if (given != expected)
        return errorReply(401, QStringLiteral("Invalid API key"));
    return std::nullopt;
}

Reply ConsignifyApi::errorReply(int status, const QString &message) const
{
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("message"), message}}), status);
}

Reply ConsignifyApi::validationError(const QString &path, const QString &message) const
{
    const QJsonObject issue{{QStringLiteral("path"), path}, {QStringLiteral("message"), message}};
    return Reply::json(QJsonDocument(QJsonObject{
                           {QStringLiteral("message"), QString(QStringLiteral("Invalid request data: ") + path + u' ' + message)},
                           {QStringLiteral("errors"), QJsonArray{issue}},
                       }),
                       400);
}

std::optional<QJsonValue> ConsignifyApi::body(const Request &request, Reply *error) const
{
    if (request.body.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonParseError parseError;
    // Wrapped so that a bare null, number or string parses too.
    const QJsonDocument document = QJsonDocument::fromJson("[" + request.body + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *error = errorReply(400, QStringLiteral("Request body is not valid JSON"));
        return std::nullopt;
    }
    return document.array().at(0);
}

void ConsignifyApi::simulateActivity(Rng &rng, const QDateTime &now)
{
    m_store.simulateActivity(rng, now.toMSecsSinceEpoch());
}

QJsonObject ConsignifyApi::inspect() const
{
    return m_store.inspect(QDateTime::currentMSecsSinceEpoch());
}

void ConsignifyApi::addReadRoutes()
{
    const auto notFound = [this](const char *what) {
        return errorReply(404, QString::fromLatin1(what) + QStringLiteral(" not found"));
    };

    m_router.add("GET", QStringLiteral("/consignors"), [this](Request &) {
        return writeJson([this](JsonWriter &w) {
            w.beginArray();
            for (size_t i = 0; i < m_store.consignors().size(); ++i)
                Json::consignor(w, m_store, qint32(i));
            w.endArray();
        });
    });
    m_router.add("GET", QStringLiteral("/consignor/{id}"), [this, notFound](Request &request) {
        const qint32 c = m_store.findConsignor(request.param(0));
        if (c < 0)
            return notFound("Consignor");
        return writeJson([this, c](JsonWriter &w) { Json::consignor(w, m_store, c); });
    });
    m_router.add("GET", QStringLiteral("/consignor/{id}/products"), [this, notFound](Request &request) {
        const qint32 c = m_store.findConsignor(request.param(0));
        if (c < 0)
            return notFound("Consignor");
        return writeJson([this, c](JsonWriter &w) {
            w.beginArray();
            for (const qint32 p : m_store.productsOf(c))
                Json::productBrief(w, m_store, p);
            w.endArray();
        });
    });
    m_router.add("GET", QStringLiteral("/consignor/{id}/payouts"), [this, notFound](Request &request) {
        const qint32 c = m_store.findConsignor(request.param(0));
        if (c < 0)
            return notFound("Consignor");
        return writeJson([this, c](JsonWriter &w) {
            w.beginArray();
            for (const qint32 p : m_store.payoutsOf(c)) {
                if (!m_store.payouts()[size_t(p)].deleted)
                    Json::payout(w, m_store, p, false);
            }
            w.endArray();
        });
    });
    m_router.add("GET", QStringLiteral("/products"), [this](Request &request) {
        return cursorPage(
            *this, request, qint64(m_store.products().size()), -1, [](qint64 position) { return position; },
            [this](JsonWriter &w, qint64 key) { Json::product(w, m_store, qint32(key)); });
    });
    m_router.add("GET", QStringLiteral("/product/{id}"), [this, notFound](Request &request) {
        const qint32 p = m_store.findProduct(request.param(0));
        if (p < 0)
            return notFound("Product");
        return writeJson([this, p](JsonWriter &w) { Json::product(w, m_store, p); });
    });
    m_router.add("GET", QStringLiteral("/product/{id}/consignor"), [this, notFound](Request &request) {
        const qint32 p = m_store.findProduct(request.param(0));
        if (p < 0)
            return notFound("Product");
        const qint32 c = m_store.products()[size_t(p)].consignor;
        if (c < 0)
            return Reply::json(QByteArrayLiteral("null"));
        return writeJson([this, c](JsonWriter &w) { Json::consignor(w, m_store, c); });
    });
    m_router.add("GET", QStringLiteral("/product/{id}/share"), [this, notFound](Request &request) {
        const qint32 p = m_store.findProduct(request.param(0));
        if (p < 0)
            return notFound("Product");
        const Product &product = m_store.products()[size_t(p)];
        return writeJson([this, p, &product](JsonWriter &w) {
            w.beginObject().key("share");
            if (product.consignor < 0 && product.shareBp == noShare)
                w.null();
            else
                w.decimal(m_store.effectiveShare(p), 2);
            w.endObject();
        });
    });
    m_router.add("GET", QStringLiteral("/product/{id}/items"), [this, notFound](Request &request) {
        const qint32 p = m_store.findProduct(request.param(0));
        if (p < 0)
            return notFound("Product");
        const std::vector<qint32> &items = m_store.itemsOf(p);
        QString error;
        const auto cursor = readCursor(request, defaultLimit, maxLimit, &error);
        const qint64 start = cursor ? std::upper_bound(items.begin(), items.end(), cursor->after) - items.begin() : 0;
        return cursorPage(
            *this, request, qint64(items.size()), start, [&items](qint64 position) { return qint64(items[size_t(position)]); },
            [this](JsonWriter &w, qint64 key) { Json::lineItem(w, m_store, qint32(key)); });
    });
    m_router.add("GET", QStringLiteral("/product/{id}/payouts"), [this, notFound](Request &request) {
        const qint32 p = m_store.findProduct(request.param(0));
        if (p < 0)
            return notFound("Product");
        return writeJson([this, p](JsonWriter &w) {
            w.beginArray();
            for (const qint32 i : m_store.itemsOf(p)) {
                const qint32 line = m_store.lineItems()[size_t(i)].payoutLine;
                if (line >= 0)
                    Json::payoutLineRef(w, m_store, line);
            }
            w.endArray();
        });
    });
    m_router.add("GET", QStringLiteral("/payouts"), [this](Request &request) {
        return cursorPage(
            *this, request, qint64(m_store.payouts().size()), -1,
            [this](qint64 position) { return m_store.payouts()[size_t(position)].deleted ? -1 : position; },
            [this](JsonWriter &w, qint64 key) { Json::payout(w, m_store, qint32(key), false); });
    });
    m_router.add("GET", QStringLiteral("/payout/{id}"), [this, notFound](Request &request) {
        const qint32 p = m_store.findPayout(request.param(0));
        if (p < 0)
            return notFound("Payout");
        return writeJson([this, p](JsonWriter &w) { Json::payout(w, m_store, p, true); });
    });
}

} // namespace ConsignDesk::Sandbox
