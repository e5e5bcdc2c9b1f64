// /items and its actions.
#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consigncloud/consigncloudjson.h"
#include "sandbox/consigncloud/consigncloudquery.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

enum ItemField { TagPrice, Category, AccountField, Created, Status, Type, Location, BatchField, Quantity };

QuerySpec itemSpec(bool list)
{
    QuerySpec spec;
    spec.fields = {
        {"tag_price", TagPrice, FieldType::Money},
        {"category", Category, FieldType::Reference, Kind::Category},
        {"account", AccountField, FieldType::Reference, Kind::Account},
        {"created", Created, FieldType::DateTime},
        {"status", Status, FieldType::Enum, Kind::Item, itemStatusName, int(ItemStatus::Count)},
        {"inventory_type", Type, FieldType::Enum, Kind::Item, inventoryTypeName, int(InventoryType::Count)},
        {"location", Location, FieldType::Reference, Kind::Location},
        {"batch", BatchField, FieldType::Reference, Kind::Batch},
        {"quantity", Quantity, FieldType::Integer},
    };
    spec.deletable = true;
    spec.paged = list;
    if (list) {
        spec.includes = {QStringLiteral("quantity"), QStringLiteral("tags"), QStringLiteral("images"),
                         QStringLiteral("days_on_shelf"), QStringLiteral("printed")};
        spec.expands = {QStringLiteral("account"), QStringLiteral("category"), QStringLiteral("location"),
                        QStringLiteral("batch")};
    }
    return spec;
}

qint64 itemValue(const Item &item, int field)
{
    auto ref = [](quint32 index) { return index == NoIndex ? NullValue : qint64(index); };
    switch (field) {
    case TagPrice: return item.tagPrice;
    case Category: return item.category;
    case AccountField: return ref(item.account);
    case Created: return timeValue(item.created);
    case Status: return item.status;
    case Type: return item.type;
    case Location: return item.location;
    case BatchField: return ref(item.batch);
    case Quantity: return item.quantity == NullQuantity ? NullValue : qint64(item.quantity);
    }
    return NullValue;
}

std::function<bool(quint32)> itemFilter(const Store &store, const Query &query)
{
    return [&store, conditions = query.conditions, all = query.includeDeleted](quint32 i) {
        const Item &item = store.items[i];
        if (item.deleted != NoTime && !all)
            return false;
        return matches(conditions, [&item](int field) { return itemValue(item, field); });
    };
}

ItemView viewOf(const Query &query, const Request &request, const Store &store)
{
    ItemView view;
    view.quantity = query.includes(QStringLiteral("quantity"));
    view.tags = query.includes(QStringLiteral("tags"));
    view.images = query.includes(QStringLiteral("images"));
    view.daysOnShelf = query.includes(QStringLiteral("days_on_shelf"));
    view.printed = query.includes(QStringLiteral("printed"));
    view.account = query.expands(QStringLiteral("account"));
    view.category = query.expands(QStringLiteral("category"));
    view.location = query.expands(QStringLiteral("location"));
    view.batch = query.expands(QStringLiteral("batch"));
    view.now = store.toRelative(request.received);
    return view;
}

QByteArray itemBody(const Store &store, quint32 index, const ItemView &view = {})
{
    QByteArray body;
    JsonWriter w(body);
    writeItem(w, store, index, view);
    return body;
}

/// Looks up a live reference id of a small table.
bool tableRef(const Store &store, Kind kind, const std::vector<Entity> &table, const QJsonValue &value, quint8 *out)
{
    const quint32 index = store.indexOf(kind, value.toString());
    if (index >= table.size() || table[index].deleted != NoTime || index > 255)
        return false;
    *out = quint8(index);
    return true;
}

/// Applies client fields to an item; 0, or the status of the refusal with @p error.
int applyItemFields(Store &store, Item &item, quint32 index, const QJsonObject &fields, QString *error)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        qint64 number = 0;
        int bp = 0;
        if (key == QLatin1String("title") || key == QLatin1String("description")) {
            if (!value.isString() || (key == QLatin1String("title") && value.toString().trimmed().isEmpty())) {
                *error = QStringLiteral("%1 must be a non-empty string").arg(key);
                return 400;
            }
            ItemText &text = store.itemTexts[index];
            (key == QLatin1String("title") ? text.title : text.description) = value.toString();
            item.flags |= CustomText;
        } else if (key == QLatin1String("tag_price")) {
            if (!wholeNumber(value, &number)) {
                *error = QStringLiteral("tag_price must be a whole number of cents");
                return 400;
            }
            if (item.line != NoIndex && number != item.tagPrice) {
                *error = QStringLiteral("the item is on a sale; its price cannot change");
                return 409;
            }
            item.tagPrice = qint32(number);
        } else if (key == QLatin1String("category")) {
            if (!tableRef(store, Kind::Category, store.categories, value, &item.category)) {
                *error = QStringLiteral("category is not a known category id");
                return 400;
            }
        } else if (key == QLatin1String("location")) {
            if (!tableRef(store, Kind::Location, store.locations, value, &item.location)) {
                *error = QStringLiteral("location is not a known location id");
                return 400;
            }
        } else if (key == QLatin1String("account") || key == QLatin1String("batch")) {
            const bool isAccount = key == QLatin1String("account");
            quint32 target = NoIndex;
            if (!value.isNull()) {
                target = store.indexOf(isAccount ? Kind::Account : Kind::Batch, value.toString());
                if (target >= (isAccount ? store.accounts.size() : store.batches.size())) {
                    *error = QStringLiteral("%1 is not a known %1 id").arg(key);
                    return 400;
                }
            }
            if (isAccount && item.line != NoIndex && target != item.account) {
                *error = QStringLiteral("the item is on a sale; its account cannot change");
                return 409;
            }
            (isAccount ? item.account : item.batch) = target;
        } else if (key == QLatin1String("inventory_type")) {
            int type = -1;
            for (int t = 0; t < int(InventoryType::Count); ++t) {
                if (value.toString() == QLatin1String(inventoryTypeName(t)))
                    type = t;
            }
            if (type < 0) {
                *error = QStringLiteral("inventory_type must be consignment, buy_outright or retail");
                return 400;
            }
            item.type = quint8(type);
        } else if (key == QLatin1String("split")) {
            if (!fraction(value, &bp)) {
                *error = QStringLiteral("split must be the consignor's fraction, a number from 0 to 1");
                return 400;
            }
            item.split = quint16(bp);
        } else if (key == QLatin1String("quantity")) {
            if (value.isNull()) {
                item.quantity = NullQuantity;
            } else if (!wholeNumber(value, &number, -32767, 32767)) {
                *error = QStringLiteral("quantity must be a whole number or null");
                return 400;
            } else {
                item.quantity = qint16(number);
                if (item.flags & UnitStatus)
                    item.otherUnits = quint8(std::clamp<qint64>(item.otherUnits, 0, std::max<qint64>(0, number - 1)));
            }
        } else {
            *error = QStringLiteral("field '%1' cannot be written (unknown or read-only)").arg(key);
            return 400;
        }
    }
    if (item.type == quint8(InventoryType::Consignment) && item.account == NoIndex) {
        *error = QStringLiteral("a consignment item needs an account");
        return 400;
    }
    return 0;
}

} // namespace

void ConsignCloudApi::addItemRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/items"), [this, &store](Request &request) {
        Query q;
        if (auto refusal = query(request, itemSpec(true), &q))
            return *refusal;
        const ItemView view = viewOf(q, request, store);
        return page(request, q, qint64(store.items.size()), itemFilter(store, q),
                    [&store, view](JsonWriter &w, quint32 i) { writeItem(w, store, i, view); });
    }, QStringLiteral("read:items"));

    m_router.add("POST", QStringLiteral("/items"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        if (!body.value(QStringLiteral("title")).isString() || !body.contains(QStringLiteral("tag_price")))
            return badRequest(QStringLiteral("title and tag_price are required"));
        const qint32 now = store.toRelative(request.received);
        Item item{};
        item.created = item.updated = now;
        item.sold = item.deleted = NoTime;
        item.account = item.batch = item.line = NoIndex;
        item.quantity = 1;
        item.type = quint8(InventoryType::Retail);
        item.status = quint8(ItemStatus::Active);
        const quint32 account = store.indexOf(Kind::Account, body.value(QStringLiteral("account")).toString());
        if (account < store.accounts.size()) {
            item.type = store.accounts[account].defaultType;
            item.split = store.accounts[account].defaultSplit;
        }
        const quint32 index = quint32(store.items.size());
        QString message;
        if (const int status = applyItemFields(store, item, index, body, &message)) {
            store.itemTexts.remove(index);
            return status == 409 ? conflict(message) : badRequest(message);
        }
        store.addItem(item);
        return Reply::json(itemBody(store, index), 201);
    }, QStringLiteral("write:items"));

    m_router.add("GET", QStringLiteral("/items/{id}"), [this, &store](Request &request) {
        const quint32 index = store.indexOf(Kind::Item, request.param(0));
        if (index >= store.items.size())
            return notFound(QStringLiteral("item"));
        QuerySpec spec = itemSpec(true);
        spec.fields.clear();
        spec.paged = false;
        spec.deletable = false;
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        return Reply::json(itemBody(store, index, viewOf(q, request, store)));
    }, QStringLiteral("read:items"));

    m_router.add("PATCH", QStringLiteral("/items/{id}"), [this, &store](Request &request) {
        const quint32 index = store.indexOf(Kind::Item, request.param(0));
        if (index >= store.items.size())
            return notFound(QStringLiteral("item"));
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Item item = store.items[index];
        const ItemText oldText = store.itemTexts.value(index);
        const bool hadText = store.itemTexts.contains(index);
        QString message;
        if (const int status = applyItemFields(store, item, index, body, &message)) {
            if (hadText)
                store.itemTexts.insert(index, oldText);
            else
                store.itemTexts.remove(index);
            return status == 409 ? conflict(message) : badRequest(message);
        }
        if (item.batch != store.items[index].batch) {
            if (store.items[index].batch != NoIndex)
                --store.batches[store.items[index].batch].itemCount;
            if (item.batch != NoIndex)
                ++store.batches[item.batch].itemCount;
        }
        item.updated = store.toRelative(request.received);
        store.items[index] = item;
        store.touch();
        return Reply::json(itemBody(store, index));
    }, QStringLiteral("write:items"));

    m_router.add("DELETE", QStringLiteral("/items/{id}"), [this, &store](Request &request) {
        const quint32 index = store.indexOf(Kind::Item, request.param(0));
        if (index >= store.items.size())
            return notFound(QStringLiteral("item"));
        Item &item = store.items[index];
        if (item.deleted == NoTime) {
            if (item.line != NoIndex)
                return conflict(QStringLiteral("the item is on a sale; void the sale first"));
            item.deleted = item.updated = store.toRelative(request.received);
            store.touch();
        }
        return Reply::empty(204);
    }, QStringLiteral("delete:items"));

    m_router.add("POST", QStringLiteral("/items/{id}/restore"), [this, &store](Request &request) {
        const quint32 index = store.indexOf(Kind::Item, request.param(0));
        if (index >= store.items.size())
            return notFound(QStringLiteral("item"));
        Item &item = store.items[index];
        if (item.deleted != NoTime) {
            item.deleted = NoTime;
            item.updated = store.toRelative(request.received);
            store.touch();
        }
        return Reply::json(itemBody(store, index));
    }, QStringLiteral("write:items"));
}

void ConsignCloudApi::addItemActionRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/items/stats"), [this, &store](Request &request) {
        Query q;
        if (auto refusal = query(request, itemSpec(false), &q))
            return *refusal;
        const auto pass = itemFilter(store, q);
        qint64 n = 0, sumPrice = 0, units = 0;
        qint64 byStatus[int(ItemStatus::Count)] = {};
        qint64 byType[int(InventoryType::Count)] = {};
        for (quint32 i = 0; i < store.items.size(); ++i) {
            if (!pass(i))
                continue;
            const Item &item = store.items[i];
            ++n;
            sumPrice += item.tagPrice;
            units += item.quantity == NullQuantity ? 0 : item.quantity;
            ++byStatus[item.status];
            ++byType[item.type];
        }
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().field("count", n).field("total_tag_price", sumPrice).field("total_quantity", units);
        w.key("by_status").beginObject();
        for (int s = 0; s < int(ItemStatus::Count); ++s)
            w.field(itemStatusName(s), byStatus[s]);
        w.endObject().key("by_inventory_type").beginObject();
        for (int t = 0; t < int(InventoryType::Count); ++t)
            w.field(inventoryTypeName(t), byType[t]);
        w.endObject().endObject();
        return Reply::json(body);
    }, QStringLiteral("read:items"));

    m_router.add("GET", QStringLiteral("/items/export"), [this, &store](Request &request) {
        Query q;
        if (auto refusal = query(request, itemSpec(false), &q))
            return *refusal;
        Reply reply = Reply::text({}, "text/csv; charset=utf-8");
        reply.withHeader("Content-Disposition", "attachment; filename=\"items.csv\"");
        reply.stream = [&store, pass = itemFilter(store, q), next = quint32(0), header = true](QByteArray &out) mutable {
            if (header) {
                out.append(itemCsvHeader());
                header = false;
            }
            for (int rows = 0; rows < 4000 && next < store.items.size(); ++next) {
                if (pass(next)) {
                    appendItemCsv(out, store, next);
                    ++rows;
                }
            }
            return next < store.items.size();
        };
        return reply;
    }, QStringLiteral("read:items"));

    m_router.add("POST", QStringLiteral("/items/bulk-edits"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray ids = body.value(QStringLiteral("items")).toArray();
        const QJsonObject edits = body.value(QStringLiteral("edits")).toObject();
        if (ids.isEmpty() || edits.isEmpty())
            return badRequest(QStringLiteral("the body needs items (ids) and edits (fields to set)"));
        if (ids.size() > 1000)
            return error(413, QStringLiteral("payload_too_large"), QStringLiteral("at most 1000 items per bulk edit"));
        if (edits.contains(QStringLiteral("title")) || edits.contains(QStringLiteral("description")))
            return badRequest(QStringLiteral("title and description cannot be bulk edited"));
        std::vector<std::pair<quint32, Item>> changed;
        for (const QJsonValue &id : ids) {
            const quint32 index = store.indexOf(Kind::Item, id.toString());
            if (index >= store.items.size())
                return badRequest(QStringLiteral("unknown item id %1").arg(id.toString()));
            Item item = store.items[index];
            QString message;
            if (const int status = applyItemFields(store, item, index, edits, &message))
                return status == 409 ? conflict(message) : badRequest(message);
            item.updated = store.toRelative(request.received);
            changed.emplace_back(index, item);
        }
        for (const auto &[index, item] : changed)
            store.items[index] = item;
        store.touch();
        return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("updated"), qint64(changed.size())}}));
    }, QStringLiteral("bulk_edit:items"));

    // Status changes: any status but sold and parked, which only sales set.
    auto statusChange = [this, &store](quint32 index, const QString &status, qint32 now, QString *message) -> int {
        if (index >= store.items.size()) {
            *message = QStringLiteral("unknown item id");
            return 404;
        }
        int target = -1;
        for (int s = 0; s < int(ItemStatus::Count); ++s) {
            if (status == QLatin1String(itemStatusName(s)))
                target = s;
        }
        if (target < 0 || target == int(ItemStatus::Sold) || target == int(ItemStatus::Parked)) {
            *message = QStringLiteral("status '%1' cannot be set here (sold and parked come from sales)").arg(status);
            return 400;
        }
        Item &item = store.items[index];
        if (item.line != NoIndex || item.deleted != NoTime) {
            *message = QStringLiteral("item %1 is on a sale or deleted").arg(store.id(Kind::Item, index));
            return 409;
        }
        item.status = quint8(target);
        const bool soldElsewhere = target >= int(ItemStatus::SoldOnShopify) && target <= int(ItemStatus::SoldOnThirdParty);
        item.sold = soldElsewhere ? now : NoTime;
        item.updated = now;
        return 0;
    };
    auto respond = [this](int status, const QString &message) {
        return status == 404 ? error(404, QStringLiteral("entity_not_found"), message)
                             : status == 409 ? conflict(message) : badRequest(message);
    };

    m_router.add("POST", QStringLiteral("/items/update-statuses"), [this, &store, statusChange, respond](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray list = body.value(QStringLiteral("items")).toArray();
        if (list.isEmpty())
            return badRequest(QStringLiteral("items must be a list of {id, status}"));
        if (list.size() > 100)
            return error(413, QStringLiteral("payload_too_large"), QStringLiteral("at most 100 status changes"));
        std::vector<std::pair<quint32, Item>> saved;
        const qint32 now = store.toRelative(request.received);
        for (const QJsonValue &entry : list) {
            const QJsonObject change = entry.toObject();
            const quint32 index = store.indexOf(Kind::Item, change.value(QStringLiteral("id")).toString());
            if (index < store.items.size())
                saved.emplace_back(index, store.items[index]);
            QString message;
            if (const int status = statusChange(index, change.value(QStringLiteral("status")).toString(), now, &message)) {
                for (auto it = saved.rbegin(); it != saved.rend(); ++it)
                    store.items[it->first] = it->second;
                return respond(status, message);
            }
        }
        QByteArray out;
        JsonWriter w(out);
        w.beginObject().field("updated", qint64(list.size())).key("items").beginArray();
        for (const auto &entry : saved)
            writeItem(w, store, entry.first, {});
        w.endArray().endObject();
        store.touch();
        return Reply::json(out);
    }, QStringLiteral("write:item_status_changes"));

    m_router.add("POST", QStringLiteral("/items/update-statuses-bulk"), [this, &store, statusChange, respond](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray ids = body.value(QStringLiteral("items")).toArray();
        const QString status = body.value(QStringLiteral("status")).toString();
        if (ids.isEmpty() || status.isEmpty())
            return badRequest(QStringLiteral("the body needs items (ids) and status"));
        if (ids.size() > 1000)
            return error(413, QStringLiteral("payload_too_large"), QStringLiteral("at most 1000 items per bulk change"));
        std::vector<std::pair<quint32, Item>> saved;
        const qint32 now = store.toRelative(request.received);
        for (const QJsonValue &id : ids) {
            const quint32 index = store.indexOf(Kind::Item, id.toString());
            if (index < store.items.size())
                saved.emplace_back(index, store.items[index]);
            QString message;
            if (const int code = statusChange(index, status, now, &message)) {
                for (auto it = saved.rbegin(); it != saved.rend(); ++it)
                    store.items[it->first] = it->second;
                return respond(code, message);
            }
        }
        store.touch();
        return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("updated"), qint64(ids.size())}}));
    }, QStringLiteral("write:item_status_changes"));

    m_router.add("GET", QStringLiteral("/items/price-suggestions"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.paged = false;
        spec.extra = {QStringLiteral("item"), QStringLiteral("category")};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        quint32 category = store.indexOf(Kind::Category, request.queryValue(QStringLiteral("category")));
        const quint32 item = store.indexOf(Kind::Item, request.queryValue(QStringLiteral("item")));
        if (item < store.items.size())
            category = store.items[item].category;
        if (category >= store.categories.size())
            return badRequest(QStringLiteral("give item=<id> or category=<id>"));
        // what items of the category sold for lately
        std::vector<qint32> prices;
        for (qint64 i = qint64(store.items.size()) - 1; i >= 0 && prices.size() < 2000; --i) {
            const Item &other = store.items[std::size_t(i)];
            if (other.category == category && other.status == quint8(ItemStatus::Sold) && other.tagPrice > 0)
                prices.push_back(other.tagPrice);
        }
        std::sort(prices.begin(), prices.end());
        auto at = [&prices](int percent) {
            return prices.empty() ? qint64(0) : qint64(prices[prices.size() * std::size_t(percent) / 100]) / 100 * 100;
        };
        QByteArray body;
        JsonWriter w(body);
        w.beginObject();
        w.key("item");
        if (item < store.items.size())
            w.value(store.id(Kind::Item, item));
        else
            w.null();
        w.field("category", store.id(Kind::Category, category));
        w.field("sample_size", qint64(prices.size()));
        w.key("suggestions").beginArray();
        const char *labels[] = {"quick_sale", "suggested", "premium"};
        const int percents[] = {25, 50, 75};
        for (int k = 0; k < 3; ++k)
            w.beginObject().field("label", labels[k]).field("price", at(percents[k])).endObject();
        w.endArray().endObject();
        return Reply::json(body);
    }, QStringLiteral("read:items"));
}

} // namespace ConsignDesk::Sandbox
