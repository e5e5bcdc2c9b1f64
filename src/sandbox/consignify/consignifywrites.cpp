// The write endpoints of ConsignifyApi: consignors, product assignment and share, payouts.
#include "sandbox/consignify/consignifyapi.h"

#include "sandbox/consignify/consignifyjson.h"
#include "sandbox/consignify/consignifyroutes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <memory>

namespace ConsignDesk::Sandbox {

using namespace Consignify;

namespace {

/// A JSON number with at most two decimals, in hundredths (pence, basis points).
std::optional<qint64> hundredths(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double scaled = value.toDouble() * 100.0;
    if (!std::isfinite(scaled) || std::fabs(scaled) > 1e15)
        return std::nullopt;
    const double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6)
        return std::nullopt;
    return qint64(rounded);
}

/// An id given as a JSON string or number.
QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() && value.toDouble() == std::floor(value.toDouble()))
        return QString::number(value.toInteger());
    return {};
}

struct Issue {
    QString path;
    QString message;
};

/// Applies the writable consignor fields of @p o (unknown fields are ignored).
std::optional<Issue> applyConsignorFields(const Store &store, qint32 self, Consignor &c, const QJsonObject &o)
{
    if (o.contains(QStringLiteral("key"))) {
        const QJsonValue key = o.value(QStringLiteral("key"));
        if (!key.isString() || key.toString().trimmed().isEmpty())
            return Issue{QStringLiteral("key"), QStringLiteral("must be a non-empty string")};
        const qint32 other = store.findConsignorByKey(key.toString());
        if (other >= 0 && other != self)
            return Issue{QStringLiteral("key"), QStringLiteral("is already used by another consignor")};
        c.key = key.toString();
    }
    const struct {
        const char *name;
        QString Consignor::*member;
    } texts[] = {
        {"givenName", &Consignor::givenName}, {"surname", &Consignor::surname}, {"email", &Consignor::email},
        {"phone", &Consignor::phone},         {"notes", &Consignor::notes},
    };
    for (const auto &text : texts) {
        const QString name = QString::fromLatin1(text.name);
        if (!o.contains(name))
            continue;
        const QJsonValue value = o.value(name);
        if (value.isNull()) {
            c.*text.member = QString();
        } else if (!value.isString()) {
            return Issue{name, QStringLiteral("must be a string or null")};
        } else if (name == QLatin1String("email") && !value.toString().contains(u'@')) {
            return Issue{name, QStringLiteral("must be an email address")};
        } else {
            c.*text.member = value.toString();
        }
    }
    if (o.contains(QStringLiteral("share"))) {
        const QJsonValue value = o.value(QStringLiteral("share"));
        const auto share = hundredths(value);
        if (value.isNull())
            c.shareBp = noShare;
        else if (!share || *share < 0 || *share > 10000)
            return Issue{QStringLiteral("share"), QStringLiteral("must be a number from 0 to 100 or null")};
        else
            c.shareBp = qint16(*share);
    }
    if (o.contains(QStringLiteral("unsoldItemFate"))) {
        const auto fate = fateFromName(o.value(QStringLiteral("unsoldItemFate")).toString());
        if (!fate)
            return Issue{QStringLiteral("unsoldItemFate"), QStringLiteral("must be SHOP_DEFAULT, DONATE or RETURN")};
        c.fate = *fate;
    }
    if (o.contains(QStringLiteral("portalEnabled"))) {
        const auto portal = portalFromName(o.value(QStringLiteral("portalEnabled")).toString());
        if (!portal)
            return Issue{QStringLiteral("portalEnabled"), QStringLiteral("must be SHOP_DEFAULT, ENABLED or DISABLED")};
        c.portal = *portal;
    }
    if (o.contains(QStringLiteral("archived"))) {
        if (!o.value(QStringLiteral("archived")).isBool())
            return Issue{QStringLiteral("archived"), QStringLiteral("must be a boolean")};
        c.archived = o.value(QStringLiteral("archived")).toBool();
    }
    return std::nullopt;
}

} // namespace

void ConsignifyApi::addWriteRoutes()
{
    m_router.add("POST", QStringLiteral("/consignors"), [this](Request &request) {
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        if (!json->isObject())
            return validationError(QStringLiteral("body"), QStringLiteral("must be an object"));
        const QJsonObject o = json->toObject();
        if (!o.contains(QStringLiteral("key")))
            return validationError(QStringLiteral("key"), QStringLiteral("is required"));
        Consignor c;
        if (const auto issue = applyConsignorFields(m_store, -1, c, o))
            return validationError(issue->path, issue->message);
        const qint32 index = m_store.addConsignor(std::move(c), request.received.toMSecsSinceEpoch());
        return writeJson([this, index](JsonWriter &w) { Json::consignor(w, m_store, index); }, 201);
    });

    m_router.add("PATCH", QStringLiteral("/consignor/{id}"), [this](Request &request) {
        const qint32 index = m_store.findConsignor(request.param(0));
        if (index < 0)
            return errorReply(404, QStringLiteral("Consignor not found"));
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        if (!json->isObject())
            return validationError(QStringLiteral("body"), QStringLiteral("must be an object"));
        Consignor c = m_store.consignors()[size_t(index)];
        if (const auto issue = applyConsignorFields(m_store, index, c, json->toObject()))
            return validationError(issue->path, issue->message);
        c.updatedAt = request.received.toMSecsSinceEpoch();
        m_store.consignor(index) = std::move(c);
        return writeJson([this, index](JsonWriter &w) { Json::consignor(w, m_store, index); });
    });

    m_router.add("POST", QStringLiteral("/consignor/{id}/products"), [this](Request &request) {
        const qint32 consignor = m_store.findConsignor(request.param(0));
        if (consignor < 0)
            return errorReply(404, QStringLiteral("Consignor not found"));
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        if (!json->isArray())
            return validationError(QStringLiteral("body"), QStringLiteral("must be an array of product ids"));
        const QJsonArray ids = json->toArray();
        const Ms now = request.received.toMSecsSinceEpoch();
        QList<QByteArray> lines;
        int assigned = 0;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QString id = idText(ids.at(i));
            const qint32 product = m_store.findProduct(id);
            const QByteArray progress = " (" + QByteArray::number(i + 1) + '/' + QByteArray::number(ids.size()) + ")\n";
            if (product < 0) {
                lines.append("Product " + id.toUtf8() + " not found" + progress);
                continue;
            }
            m_store.assign(product, consignor, now);
            ++assigned;
            lines.append("Assigned product " + id.toUtf8() + progress);
        }
        lines.append("Done: " + QByteArray::number(assigned) + " assigned, "
                     + QByteArray::number(ids.size() - assigned) + " not found\n");
        Reply reply;
        reply.status = 202;
        reply.contentType = "text/plain; charset=utf-8";
        auto next = std::make_shared<qsizetype>(0);
        reply.stream = [lines, next](QByteArray &out) {
            out = lines.at((*next)++);
            return *next < lines.size();
        };
        return reply;
    });

    m_router.add("POST", QStringLiteral("/product/{id}/consignor"), [this](Request &request) {
        const qint32 product = m_store.findProduct(request.param(0));
        if (product < 0)
            return errorReply(404, QStringLiteral("Product not found"));
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        if (!json->isNull() && !json->isObject())
            return validationError(QStringLiteral("body"), QStringLiteral("must be {key}, {id}, {} or null"));
        const QJsonObject o = json->toObject();
        const QJsonValue id = o.value(QStringLiteral("id"));
        const QJsonValue key = o.value(QStringLiteral("key"));
        qint32 consignor = -1;
        if (id.isString())
            consignor = m_store.findConsignor(id.toString());
        else if (key.isString())
            consignor = m_store.findConsignorByKey(key.toString());
        else if (!id.isUndefined() && !id.isNull())
            return validationError(QStringLiteral("id"), QStringLiteral("must be a string"));
        else if (!key.isUndefined() && !key.isNull())
            return validationError(QStringLiteral("key"), QStringLiteral("must be a string"));
        else
            consignor = -2; // clear
        if (consignor == -1)
            return errorReply(404, QStringLiteral("Consignor not found"));
        m_store.assign(product, std::max(consignor, -1), request.received.toMSecsSinceEpoch());
        return Reply::empty(201);
    });

    m_router.add("POST", QStringLiteral("/product/{id}/share"), [this](Request &request) {
        const qint32 product = m_store.findProduct(request.param(0));
        if (product < 0)
            return errorReply(404, QStringLiteral("Product not found"));
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        const QJsonValue value = json->toObject().value(QStringLiteral("share"));
        if (!json->isObject() || value.isUndefined())
            return validationError(QStringLiteral("share"), QStringLiteral("is required"));
        const auto share = hundredths(value);
        if (!value.isNull() && (!share || *share < 0 || *share > 10000))
            return validationError(QStringLiteral("share"), QStringLiteral("must be a number from 0 to 100 or null"));
        m_store.setShare(product, value.isNull() ? noShare : qint16(*share), request.received.toMSecsSinceEpoch());
        return Reply::empty(201);
    });

    m_router.add("POST", QStringLiteral("/payouts"), [this](Request &request) {
        Reply error;
        const auto json = body(request, &error);
        if (!json)
            return error;
        if (!json->isObject())
            return validationError(QStringLiteral("body"), QStringLiteral("must be an object"));
        const QJsonObject o = json->toObject();
        const QJsonValue consignerId = o.value(QStringLiteral("consignerId"));
        if (!consignerId.isString())
            return validationError(QStringLiteral("consignerId"), QStringLiteral("is required"));
        const qint32 consignor = m_store.findConsignor(consignerId.toString());
        if (consignor < 0)
            return errorReply(404, QStringLiteral("Consignor not found"));
        std::optional<qint64> amount;
        if (o.contains(QStringLiteral("amount"))) {
            amount = hundredths(o.value(QStringLiteral("amount")));
            if (!amount)
                return validationError(QStringLiteral("amount"), QStringLiteral("must be a number with at most 2 decimals"));
        }
        qint64 adjustment = 0;
        if (o.contains(QStringLiteral("adjustment"))) {
            const auto value = hundredths(o.value(QStringLiteral("adjustment")));
            if (!value)
                return validationError(QStringLiteral("adjustment"),
                                       QStringLiteral("must be a number with at most 2 decimals"));
            adjustment = *value;
        }
        const QJsonValue note = o.value(QStringLiteral("note"));
        if (!note.isUndefined() && !note.isNull() && !note.isString())
            return validationError(QStringLiteral("note"), QStringLiteral("must be a string"));
        Ms paidAt = request.received.toMSecsSinceEpoch();
        if (o.contains(QStringLiteral("paidAt"))) {
            const auto time = parseTime(o.value(QStringLiteral("paidAt")).toString());
            if (!time)
                return validationError(QStringLiteral("paidAt"), QStringLiteral("must be an ISO 8601 date-time"));
            paidAt = *time;
        }
        const QJsonValue items = o.value(QStringLiteral("lineItems"));
        if (!items.isUndefined() && !items.isArray())
            return validationError(QStringLiteral("lineItems"), QStringLiteral("must be an array"));
        std::vector<LineRequest> lines;
        const QJsonArray array = items.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("lineItems.%1").arg(i);
            const QJsonValue element = array.at(i);
            const QJsonObject line = element.toObject();
            const QString id = element.isObject()
                                   ? idText(line.contains(QStringLiteral("id")) ? line.value(QStringLiteral("id"))
                                                                                 : line.value(QStringLiteral("lineItemId")))
                                   : idText(element);
            LineRequest wanted;
            wanted.lineItem = m_store.findLineItem(id);
            if (wanted.lineItem < 0)
                return validationError(path, QStringLiteral("is not a known line item id"));
            if (line.contains(QStringLiteral("quantity"))) {
                const QJsonValue quantity = line.value(QStringLiteral("quantity"));
                if (!quantity.isDouble() || quantity.toDouble() != std::floor(quantity.toDouble())
                    || quantity.toDouble() < 1 || quantity.toDouble() > 10000)
                    return validationError(path + QStringLiteral(".quantity"), QStringLiteral("must be a whole number of at least 1"));
                wanted.quantity = qint32(quantity.toInteger());
            }
            if (line.contains(QStringLiteral("amount"))) {
                const auto lineAmount = hundredths(line.value(QStringLiteral("amount")));
                if (!lineAmount || *lineAmount < 0)
                    return validationError(path + QStringLiteral(".amount"), QStringLiteral("must be a non-negative number with at most 2 decimals"));
                wanted.amount = *lineAmount;
            }
            lines.push_back(wanted);
        }
        QString message;
        const qint32 payout = m_store.createPayout(consignor, lines, amount, adjustment, note.toString(), paidAt,
                                                   request.received.toMSecsSinceEpoch(), &message);
        if (payout < 0)
            return errorReply(400, message);
        return writeJson([this, payout](JsonWriter &w) { Json::payout(w, m_store, payout, true); }, 201);
    });

    m_router.add("DELETE", QStringLiteral("/payout/{id}"), [this](Request &request) {
        const qint32 payout = m_store.findPayout(request.param(0));
        if (payout < 0)
            return errorReply(404, QStringLiteral("Payout not found"));
        m_store.deletePayout(payout, request.received.toMSecsSinceEpoch());
        return Reply::empty(204);
    });
}

} // namespace ConsignDesk::Sandbox
