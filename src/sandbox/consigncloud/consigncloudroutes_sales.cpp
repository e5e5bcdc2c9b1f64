// /sales, their line items, and /item-sales.
#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consigncloud/consigncloudjson.h"
#include "sandbox/consigncloud/consigncloudquery.h"

#include <QJsonArray>

#include <algorithm>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

enum SaleField { Total, Subtotal, Cogs, Change, Created, Location, Customer, Status, PaymentTypeField, SaleRef, ItemRef,
                 AccountRef };

QuerySpec saleSpec(bool list)
{
    QuerySpec spec;
    spec.fields = {
        {"total", Total, FieldType::Money},
        {"subtotal", Subtotal, FieldType::Money},
        {"cogs", Cogs, FieldType::Money},
        {"change", Change, FieldType::Money},
        {"created", Created, FieldType::DateTime},
        {"location", Location, FieldType::Reference, Kind::Location},
        {"customer", Customer, FieldType::Reference, Kind::Account},
        {"status", Status, FieldType::Enum, Kind::Item, saleStatusName, int(SaleStatus::Count), "completed=finalized"},
        {"payment_type", PaymentTypeField, FieldType::Enum, Kind::Item, paymentTypeName, int(PaymentType::Count)},
    };
    spec.paged = list;
    if (list)
        spec.expands = {QStringLiteral("customer"), QStringLiteral("location")};
    return spec;
}

qint64 saleValue(const Sale &sale, int field)
{
    switch (field) {
    case Total: return saleTotal(sale);
    case Subtotal: return sale.subtotal;
    case Cogs: return sale.cogs;
    case Change: return saleChange(sale);
    case Created: return timeValue(sale.created);
    case Location: return sale.location;
    case Customer: return sale.customer == NoIndex ? NullValue : qint64(sale.customer);
    case Status: return sale.status;
    case PaymentTypeField: return sale.paymentType;
    }
    return NullValue;
}

std::function<bool(quint32)> saleFilter(const Store &store, const Query &query)
{
    return [&store, conditions = query.conditions](quint32 s) {
        const Sale &sale = store.sales[s];
        return matches(conditions, [&sale](int field) { return saleValue(sale, field); });
    };
}

QByteArray saleBody(const Store &store, quint32 sale)
{
    QByteArray body;
    JsonWriter w(body);
    writeSale(w, store, sale, false, false);
    return body;
}

QByteArray lineBody(const Store &store, quint32 line)
{
    QByteArray body;
    JsonWriter w(body);
    writeLine(w, store, line);
    return body;
}

bool paymentTypeOf(const QJsonValue &value, int *type)
{
    for (int t = 0; t < int(PaymentType::Count); ++t) {
        if (value.toString() == QLatin1String(paymentTypeName(t))) {
            *type = t;
            return true;
        }
    }
    return false;
}

} // namespace

void ConsignCloudApi::addSaleRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/sales"), [this, &store](Request &request) {
        Query q;
        if (auto refusal = query(request, saleSpec(true), &q))
            return *refusal;
        const bool customer = q.expands(QStringLiteral("customer"));
        const bool location = q.expands(QStringLiteral("location"));
        return page(request, q, qint64(store.sales.size()), saleFilter(store, q),
                    [&store, customer, location](JsonWriter &w, quint32 s) { writeSale(w, store, s, customer, location); });
    }, QStringLiteral("read:sales"));

    m_router.add("GET", QStringLiteral("/sales/export"), [this, &store](Request &request) {
        Query q;
        if (auto refusal = query(request, saleSpec(false), &q))
            return *refusal;
        Reply reply = Reply::text({}, "text/csv; charset=utf-8");
        reply.withHeader("Content-Disposition", "attachment; filename=\"sales.csv\"");
        reply.stream = [&store, pass = saleFilter(store, q), next = quint32(0), header = true](QByteArray &out) mutable {
            if (header) {
                out.append(saleCsvHeader());
                header = false;
            }
            for (int rows = 0; rows < 5000 && next < store.sales.size(); ++next) {
                if (pass(next)) {
                    appendSaleCsv(out, store, next);
                    ++rows;
                }
            }
            return next < store.sales.size();
        };
        return reply;
    }, QStringLiteral("read:sales"));

    m_router.add("POST", QStringLiteral("/sales"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray ids = body.value(QStringLiteral("items")).toArray();
        if (ids.isEmpty() || ids.size() > 100)
            return badRequest(QStringLiteral("items must list 1 to 100 item ids"));
        std::vector<quint32> saleItems;
        for (const QJsonValue &id : ids) {
            const quint32 index = store.indexOf(Kind::Item, id.toString());
            if (index >= store.items.size())
                return badRequest(QStringLiteral("unknown item id %1").arg(id.toString()));
            const Item &item = store.items[index];
            if (item.deleted != NoTime || item.status != quint8(ItemStatus::Active) || item.line != NoIndex
                || std::find(saleItems.begin(), saleItems.end(), index) != saleItems.end())
                return conflict(QStringLiteral("item %1 is not available for sale").arg(id.toString()));
            saleItems.push_back(index);
        }
        quint32 customer = NoIndex;
        if (body.contains(QStringLiteral("customer")) && !body.value(QStringLiteral("customer")).isNull()) {
            customer = store.indexOf(Kind::Account, body.value(QStringLiteral("customer")).toString());
            if (customer >= store.accounts.size())
                return badRequest(QStringLiteral("customer is not a known account id"));
        }
        int payment = int(PaymentType::Card);
        if (body.contains(QStringLiteral("payment_type")) && !paymentTypeOf(body.value(QStringLiteral("payment_type")), &payment))
            return badRequest(QStringLiteral("payment_type must be card, cash, check, store_credit or gift_card"));
        const QString status = body.value(QStringLiteral("status")).toString(QStringLiteral("finalized"));
        if (status != QLatin1String("finalized") && status != QLatin1String("parked"))
            return badRequest(QStringLiteral("status must be finalized or parked"));
        quint32 location = NoIndex;
        if (body.contains(QStringLiteral("location"))) {
            location = store.indexOf(Kind::Location, body.value(QStringLiteral("location")).toString());
            if (location >= store.locations.size() || store.locations[location].deleted != NoTime)
                return badRequest(QStringLiteral("location is not a known location id"));
        }
        const qint32 now = store.toRelative(request.received);
        const quint32 s = store.createSale(saleItems, customer, payment, int(SaleStatus::Parked), now);
        if (location != NoIndex) {
            store.sales[s].location = quint8(location);
            store.sales[s].tax = qint32(Store::share(store.sales[s].subtotal, store.taxRate(int(location))));
        }
        if (status == QLatin1String("finalized"))
            store.finalizeSale(s, now);
        return Reply::json(saleBody(store, s), 201);
    }, QStringLiteral("write:sales"));

    m_router.add("GET", QStringLiteral("/sales/{id}"), [this, &store](Request &request) {
        const quint32 s = store.indexOf(Kind::Sale, request.param(0));
        if (s >= store.sales.size())
            return notFound(QStringLiteral("sale"));
        return Reply::json(saleBody(store, s));
    }, QStringLiteral("read:sales"));

    m_router.add("PATCH", QStringLiteral("/sales/{id}"), [this, &store](Request &request) {
        const quint32 s = store.indexOf(Kind::Sale, request.param(0));
        if (s >= store.sales.size())
            return notFound(QStringLiteral("sale"));
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Sale sale = store.sales[s];
        bool finalize = false;
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() == QLatin1String("customer")) {
                sale.customer = it.value().isNull() ? NoIndex : store.indexOf(Kind::Account, it.value().toString());
                if (!it.value().isNull() && sale.customer >= store.accounts.size())
                    return badRequest(QStringLiteral("customer is not a known account id"));
            } else if (it.key() == QLatin1String("payment_type")) {
                int payment = 0;
                if (!paymentTypeOf(it.value(), &payment))
                    return badRequest(QStringLiteral("payment_type must be card, cash, check, store_credit or gift_card"));
                sale.paymentType = quint8(payment);
            } else if (it.key() == QLatin1String("status")) {
                if (it.value().toString() == QLatin1String(saleStatusName(sale.status)))
                    continue;
                if (it.value().toString() != QLatin1String("finalized") || sale.status != quint8(SaleStatus::Parked))
                    return conflict(QStringLiteral("only a parked sale can be finalized here; use void or refund"));
                finalize = true;
            } else {
                return badRequest(QStringLiteral("field '%1' cannot be written (unknown or read-only)").arg(it.key()));
            }
        }
        const qint32 now = store.toRelative(request.received);
        sale.updated = now;
        store.sales[s] = sale;
        if (finalize)
            store.finalizeSale(s, now);
        store.touch();
        return Reply::json(saleBody(store, s));
    }, QStringLiteral("write:sales"));

    for (const bool refund : {false, true}) {
        const QString pattern = refund ? QStringLiteral("/sales/{id}/refund") : QStringLiteral("/sales/{id}/void");
        m_router.add("POST", pattern, [this, &store, refund](Request &request) {
            const quint32 s = store.indexOf(Kind::Sale, request.param(0));
            if (s >= store.sales.size())
                return notFound(QStringLiteral("sale"));
            const int status = store.sales[s].status;
            const bool can = refund ? status == int(SaleStatus::Finalized)
                                    : status == int(SaleStatus::Finalized) || status == int(SaleStatus::Parked)
                                          || status == int(SaleStatus::Open);
            if (!can)
                return conflict(QStringLiteral("a %1 sale cannot be %2")
                                    .arg(QString::fromLatin1(saleStatusName(status)),
                                         refund ? QStringLiteral("refunded") : QStringLiteral("voided")));
            store.reverseSale(s, refund ? SaleStatus::Returned : SaleStatus::Voided, store.toRelative(request.received));
            return Reply::json(saleBody(store, s));
        }, QStringLiteral("write:sales"));
    }

    m_router.add("GET", QStringLiteral("/sales/{id}/line-items"), [this, &store](Request &request) {
        const quint32 s = store.indexOf(Kind::Sale, request.param(0));
        if (s >= store.sales.size())
            return notFound(QStringLiteral("sale"));
        QuerySpec spec;
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        const Sale &sale = store.sales[s];
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().field("count", qint64(sale.lineCount)).key("data").beginArray();
        for (quint32 l = sale.firstLine; l < sale.firstLine + sale.lineCount; ++l)
            writeLine(w, store, l);
        w.endArray().nullField("next_cursor").endObject();
        return Reply::json(body);
    }, QStringLiteral("read:sales"));

    // item sales: one per sale line
    m_router.add("GET", QStringLiteral("/item-sales"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.fields = {
            {"created", Created, FieldType::DateTime},
            {"sale", SaleRef, FieldType::Reference, Kind::Sale},
            {"item", ItemRef, FieldType::Reference, Kind::Item},
            {"account", AccountRef, FieldType::Reference, Kind::Account},
            {"status", Status, FieldType::Enum, Kind::Item, saleStatusName, int(SaleStatus::Count), "completed=finalized"},
        };
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        auto pass = [&store, conditions = q.conditions](quint32 l) {
            const SaleLine &line = store.lines[l];
            const Sale &sale = store.sales[line.sale];
            return matches(conditions, [&](int field) -> qint64 {
                switch (field) {
                case Created: return timeValue(sale.created);
                case SaleRef: return line.sale;
                case ItemRef: return line.item;
                case AccountRef: {
                    const quint32 account = store.items[line.item].account;
                    return account == NoIndex ? NullValue : qint64(account);
                }
                case Status: return sale.status;
                }
                return NullValue;
            });
        };
        return page(request, q, qint64(store.lines.size()), pass,
                    [&store](JsonWriter &w, quint32 l) { writeLine(w, store, l); });
    }, QStringLiteral("read:item_sales"));

    m_router.add("GET", QStringLiteral("/items/{item_id}/sale"), [this, &store](Request &request) {
        const quint32 item = store.indexOf(Kind::Item, request.param(0));
        if (item >= store.items.size())
            return notFound(QStringLiteral("item"));
        if (store.items[item].line == NoIndex)
            return error(404, QStringLiteral("entity_not_found"), QStringLiteral("the item is on no sale"));
        return Reply::json(lineBody(store, store.items[item].line));
    }, QStringLiteral("read:item_sales"));

    m_router.add("GET", QStringLiteral("/items/{item_id}/sale/{id}"), [this, &store](Request &request) {
        const quint32 item = store.indexOf(Kind::Item, request.param(0));
        const quint32 line = store.indexOf(Kind::Line, request.param(1));
        if (item >= store.items.size() || line >= store.lines.size() || store.lines[line].item != item)
            return notFound(QStringLiteral("item sale"));
        return Reply::json(lineBody(store, line));
    }, QStringLiteral("read:item_sales"));
}

} // namespace ConsignDesk::Sandbox
