// The Consignly emulator's endpoints: inventory, serial items, consignments
// and their consumables.
#include "sandbox/consignly/consignlyapi.h"

#include "sandbox/consignly/consignlyjson.h"
#include "sandbox/consignly/consignlyquery.h"
#include "sandbox/consignly/consignlystore.h"
#include "sandbox/paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace ConsignDesk::Sandbox {

using namespace Consignly;

namespace {

/// A page of a list; with the repeat-cursor fault the page before is served
/// again (page index paging has no cursor to repeat).
std::optional<PageIndexRequest> readPage(const Request &request, QString *error)
{
    std::optional<PageIndexRequest> page = readPageIndex(request, 25, 500, error);
    if (page && request.hasFault(FaultKind::RepeatCursor) && page->index > 1) {
        --page->index;
        page->offset = (page->index - 1) * page->size;
    }
    return page;
}

/// {"index", "total", "<array>": [rows]}; with the empty-page fault no rows, same total.
Reply pageReply(const Request &request, const PageIndexRequest &page, qint64 total, const char *arrayName,
                const std::function<void(JsonWriter &, qint64)> &writeRow)
{
    QByteArray body;
    body.reserve(int(std::min<qint64>(page.size, 500) * 600 + 64));
    JsonWriter out(body);
    out.beginObject();
    out.field("index", page.index);
    out.field("total", total);
    out.key(arrayName).beginArray();
    if (!request.hasFault(FaultKind::EmptyPage)) {
        const qint64 end = std::min(total, page.offset + page.size);
        for (qint64 row = page.offset; row < end; ++row)
            writeRow(out, row);
    }
    out.endArray();
    out.endObject();
    return Reply::json(std::move(body));
}

struct ParsedValue {
    qint64 milli = 0;
    int status = 0; ///< 0: fine; else the refusal's status
    QString error;
};

ParsedValue parseValue(const QJsonValue &value)
{
    ParsedValue out;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        out.status = 400;
        out.error = QStringLiteral("'value' is required and must be a number.");
        return out;
    }
    const double number = value.toDouble();
    if (number < 0 || number > 1e9) {
        out.status = 422;
        out.error = QStringLiteral("'value' must be from 0 to 1000000000.");
        return out;
    }
    const double scaled = number * 1000.0;
    out.milli = qRound64(scaled);
    if (std::abs(scaled - double(out.milli)) > 1e-6) {
        out.status = 400;
        out.error = QStringLiteral("'value' may have at most 3 decimal places.");
    }
    return out;
}

} // namespace

void ConsignlyApi::addRoutes()
{
    auto bind = [this](Reply (ConsignlyApi::*handler)(const Request &)) {
        return [this, handler](Request &request) { return (this->*handler)(request); };
    };
    m_router.add("POST", QStringLiteral("/connect/token"), bind(&ConsignlyApi::token));
    m_router.add("GET", QStringLiteral("/v1/inventory"), bind(&ConsignlyApi::inventory));
    m_router.add("GET", QStringLiteral("/v1/inventory/{warehouseProductId}/items"), bind(&ConsignlyApi::productItems));
    m_router.add("GET", QStringLiteral("/v1/consignments"), bind(&ConsignlyApi::consignmentList));
    m_router.add("GET", QStringLiteral("/v1/consignments/{consignmentId}"), bind(&ConsignlyApi::consignment));
    m_router.add("GET", QStringLiteral("/v1/consignments/{consignmentId}/consumables"), bind(&ConsignlyApi::consumables));
    m_router.add("PUT", QStringLiteral("/v1/consignments/{consignmentId}/consumables"),
                 bind(&ConsignlyApi::replaceConsumables));
    m_router.add("POST", QStringLiteral("/v1/consignments/{consignmentId}/consumables/{consumableTypeId}"),
                 bind(&ConsignlyApi::addConsumable));
    m_router.add("PUT", QStringLiteral("/v1/consignments/{consignmentId}/consumables/{consumableTypeId}"),
                 bind(&ConsignlyApi::updateConsumable));
    m_router.add("DELETE", QStringLiteral("/v1/consignments/{consignmentId}/consumables/{consumableTypeId}"),
                 bind(&ConsignlyApi::deleteConsumable));
    m_router.add("GET", QStringLiteral("/v1/consumable-types"), bind(&ConsignlyApi::consumableTypes));
}

namespace {

/// A path id: 400 when not a uuid, 404 when it names nothing of @p kind.
struct PathId {
    quint32 index = 0;
    int status = 0;
    QString error;
};

PathId readPathId(const Store &store, const QString &text, IdKind kind, std::size_t count, const char *what)
{
    PathId out;
    if (!isUuid(text)) {
        out.status = 400;
        out.error = QStringLiteral("The value '%1' is not a valid %2 id.").arg(text, QLatin1String(what));
        return out;
    }
    const std::optional<quint64> index = parseId(store.seed(), kind, text);
    if (!index || *index >= count) {
        out.status = 404;
        out.error = QStringLiteral("%1 %2 was not found.").arg(QLatin1String(what), text);
        return out;
    }
    out.index = quint32(*index);
    return out;
}

/// What /consignments/{consignmentId}/consumables/{consumableTypeId} names and,
/// with @p withValue, the body's `value`; a refusal's status and text otherwise.
struct ConsumableTarget {
    quint32 consignment = 0;
    quint8 type = 0;
    qint64 milli = 0;
    int status = 0;
    QString error;
};

ConsumableTarget readConsumableTarget(const Store &store, const Request &request, bool withValue)
{
    ConsumableTarget out;
    const PathId consignment = readPathId(store, request.param(0), IdKind::Consignment, store.consignments.size(),
                                          "Consignment");
    const PathId type = readPathId(store, request.param(1), IdKind::ConsumableType,
                                   std::size_t(consumableTypeCount()), "Consumable type");
    for (const PathId &id : {consignment, type}) {
        if (id.status) {
            out.status = id.status;
            out.error = id.error;
            return out;
        }
    }
    out.consignment = consignment.index;
    out.type = quint8(type.index);
    if (!withValue)
        return out;
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        out.status = 400;
        out.error = QStringLiteral("The request body must be a JSON object with 'value'.");
        return out;
    }
    const ParsedValue value = parseValue(document.object().value(QStringLiteral("value")));
    out.milli = value.milli;
    out.status = value.status;
    out.error = value.error;
    return out;
}

} // namespace

Reply ConsignlyApi::inventory(const Request &request)
{
    QString error;
    const std::optional<PageIndexRequest> page = readPage(request, &error);
    if (!page)
        return errorReply(400, error);
    const std::optional<InventoryFilter> filter = InventoryFilter::read(request, *m_store, &error);
    if (!filter)
        return errorReply(400, error);
    const InventoryRows rows = m_index->rows(*m_store, *filter);
    return pageReply(request, *page, rows.size(), "inventory", [this, &rows](JsonWriter &out, qint64 row) {
        writeInventoryRow(out, *m_store, rows.unit(row), rows.lineMask(row));
    });
}

Reply ConsignlyApi::productItems(const Request &request)
{
    const PathId line = readPathId(*m_store, request.param(0), IdKind::WarehouseProduct, m_store->lines.size(),
                                   "Warehouse product");
    if (line.status)
        return errorReply(line.status, line.error);
    QString error;
    const std::optional<PageIndexRequest> page = readPage(request, &error);
    if (!page)
        return errorReply(400, error);
    const ProductLine &row = m_store->lines[line.index];
    const bool tracked = m_store->products[row.product].tracking != TrackingNone;
    const qint64 total = tracked ? row.onHand : 0;
    return pageReply(request, *page, total, "items", [this, &line, &row](JsonWriter &out, qint64 item) {
        writeProductItem(out, *m_store, line.index, row.serialStart + quint32(item));
    });
}

Reply ConsignlyApi::consignmentList(const Request &request)
{
    QString error;
    const std::optional<PageIndexRequest> page = readPage(request, &error);
    if (!page)
        return errorReply(400, error);
    return pageReply(request, *page, qint64(m_store->consignments.size()), "consignments",
                     [this](JsonWriter &out, qint64 row) { writeConsignment(out, *m_store, quint32(row)); });
}

Reply ConsignlyApi::consignment(const Request &request)
{
    const PathId id = readPathId(*m_store, request.param(0), IdKind::Consignment, m_store->consignments.size(),
                                 "Consignment");
    if (id.status)
        return errorReply(id.status, id.error);
    QByteArray body;
    JsonWriter out(body);
    writeConsignment(out, *m_store, id.index);
    return Reply::json(std::move(body));
}

Reply ConsignlyApi::consumables(const Request &request)
{
    const PathId id = readPathId(*m_store, request.param(0), IdKind::Consignment, m_store->consignments.size(),
                                 "Consignment");
    if (id.status)
        return errorReply(id.status, id.error);
    QByteArray body;
    JsonWriter out(body);
    out.beginObject();
    writeConsumables(out, *m_store, id.index);
    out.endObject();
    return Reply::json(std::move(body));
}

Reply ConsignlyApi::addConsumable(const Request &request)
{
    const ConsumableTarget target = readConsumableTarget(*m_store, request, true);
    if (target.status)
        return errorReply(target.status, target.error);
    if (m_store->consumable(target.consignment, target.type))
        return errorReply(409, QStringLiteral("The consignment already has consumable type %1; use PUT to change it.")
                                   .arg(request.param(1)));
    m_store->setConsumable(target.consignment, target.type, target.milli, request.received.toSecsSinceEpoch());
    return Reply::empty(200);
}

Reply ConsignlyApi::replaceConsumables(const Request &request)
{
    const PathId consignment = readPathId(*m_store, request.param(0), IdKind::Consignment,
                                          m_store->consignments.size(), "Consignment");
    if (consignment.status)
        return errorReply(consignment.status, consignment.error);
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue list = document.object().value(QStringLiteral("consumables"));
    if (!document.isObject() || !list.isArray())
        return errorReply(400, QStringLiteral("The request body must be a JSON object with a 'consumables' array."));
    std::map<quint8, qint64> wanted;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonValue typeId = entry.toObject().value(QStringLiteral("consumableTypeId"));
        if (!entry.isObject() || !typeId.isString())
            return errorReply(400, QStringLiteral("Each consumable needs 'consumableTypeId' and 'value'."));
        const PathId type = readPathId(*m_store, typeId.toString(), IdKind::ConsumableType,
                                       std::size_t(consumableTypeCount()), "Consumable type");
        if (type.status)
            return errorReply(type.status, type.error);
        const ParsedValue value = parseValue(entry.toObject().value(QStringLiteral("value")));
        if (value.status)
            return errorReply(value.status, value.error);
        if (!wanted.emplace(quint8(type.index), value.milli).second)
            return errorReply(400, QStringLiteral("Consumable type %1 is listed twice.").arg(typeId.toString()));
    }
    const std::vector<Consumable> &current = m_store->consignments[consignment.index].consumables;
    bool same = current.size() == wanted.size();
    for (const Consumable &item : current) {
        const auto found = wanted.find(item.type);
        same = same && found != wanted.end() && found->second == item.valueMilli;
    }
    if (same)
        return Reply::empty(304);
    const qint64 now = request.received.toSecsSinceEpoch();
    std::vector<quint8> gone;
    for (const Consumable &item : current) {
        if (!wanted.count(item.type))
            gone.push_back(item.type);
    }
    for (const quint8 type : gone)
        m_store->removeConsumable(consignment.index, type, now);
    for (const auto &[type, milli] : wanted) {
        const Consumable *existing = m_store->consumable(consignment.index, type);
        if (!existing || existing->valueMilli != milli)
            m_store->setConsumable(consignment.index, type, milli, now);
    }
    return Reply::empty(200);
}

Reply ConsignlyApi::updateConsumable(const Request &request)
{
    const ConsumableTarget target = readConsumableTarget(*m_store, request, true);
    if (target.status)
        return errorReply(target.status, target.error);
    const Consumable *existing = m_store->consumable(target.consignment, target.type);
    if (!existing)
        return errorReply(404, QStringLiteral("The consignment has no consumable of type %1.").arg(request.param(1)));
    if (existing->valueMilli == target.milli)
        return Reply::empty(304);
    m_store->setConsumable(target.consignment, target.type, target.milli, request.received.toSecsSinceEpoch());
    return Reply::empty(200);
}

Reply ConsignlyApi::deleteConsumable(const Request &request)
{
    const ConsumableTarget target = readConsumableTarget(*m_store, request, false);
    if (target.status)
        return errorReply(target.status, target.error);
    if (!m_store->removeConsumable(target.consignment, target.type, request.received.toSecsSinceEpoch()))
        return errorReply(404, QStringLiteral("The consignment has no consumable of type %1.").arg(request.param(1)));
    return Reply::empty(200);
}

Reply ConsignlyApi::consumableTypes(const Request &request)
{
    QString error;
    const std::optional<PageIndexRequest> page = readPage(request, &error);
    if (!page)
        return errorReply(400, error);
    return pageReply(request, *page, consumableTypeCount(), "consumableTypes", [this](JsonWriter &out, qint64 row) {
        writeConsumableType(out, *m_store, int(row));
    });
}

} // namespace ConsignDesk::Sandbox
