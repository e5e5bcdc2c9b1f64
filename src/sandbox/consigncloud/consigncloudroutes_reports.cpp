// /trends/sales, /reports/sales and /suggest.
#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consigncloud/consigncloudjson.h"
#include "sandbox/consigncloud/consigncloudquery.h"

#include <QDate>
#include <QMap>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

constexpr qint64 unixJulianDay = 2440588;

struct Totals {
    qint64 sales = 0, items = 0, subtotal = 0, tax = 0, total = 0, cogs = 0;
    void add(const Sale &sale)
    {
        ++sales;
        items += sale.lineCount;
        subtotal += sale.subtotal;
        tax += sale.tax;
        total += saleTotal(sale);
        cogs += sale.cogs;
    }
    void write(JsonWriter &w) const
    {
        w.field("sales", sales).field("items_sold", items).field("subtotal", subtotal).field("tax", tax);
        w.field("total", total).field("cogs", cogs);
    }
};

QDate saleDate(const Store &store, const Sale &sale)
{
    const qint64 secs = store.toUnixSeconds(sale.created);
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    return QDate::fromJulianDay(days + unixJulianDay);
}

/// Reads start_date and end_date (YYYY-MM-DD); empty on success, else the refusal text.
QString readRange(const Request &request, QDate *start, QDate *end)
{
    *start = QDate::fromString(request.queryValue(QStringLiteral("start_date")), Qt::ISODate);
    *end = QDate::fromString(request.queryValue(QStringLiteral("end_date")), Qt::ISODate);
    if (!start->isValid() || !end->isValid() || request.queryValue(QStringLiteral("start_date")).size() != 10
        || request.queryValue(QStringLiteral("end_date")).size() != 10)
        return QStringLiteral("start_date and end_date are required, as YYYY-MM-DD");
    if (*end < *start)
        return QStringLiteral("end_date is before start_date");
    return {};
}

} // namespace

void ConsignCloudApi::addReportRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/trends/sales"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.paged = false;
        spec.extra = {QStringLiteral("start_date"), QStringLiteral("end_date"), QStringLiteral("bucket_size")};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        QDate start, end;
        if (const QString problem = readRange(request, &start, &end); !problem.isEmpty())
            return badRequest(problem);
        const QString bucket = request.queryValue(QStringLiteral("bucket_size"));
        if (bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
            return badRequest(QStringLiteral("bucket_size must be day, week or month"));
        // bucket starts
        QList<QDate> starts;
        QDate cursor = bucket == QLatin1String("week") ? start.addDays(1 - start.dayOfWeek())
            : bucket == QLatin1String("month")          ? QDate(start.year(), start.month(), 1)
                                                        : start;
        while (cursor <= end) {
            starts.append(cursor);
            if (starts.size() > 1000)
                return badRequest(QStringLiteral("more than 1000 buckets; use a larger bucket_size"));
            cursor = bucket == QLatin1String("day") ? cursor.addDays(1)
                : bucket == QLatin1String("week")   ? cursor.addDays(7)
                                                    : cursor.addMonths(1);
        }
        std::vector<Totals> totals(std::size_t(starts.size()));
        for (const Sale &sale : store.sales) {
            if (sale.status != quint8(SaleStatus::Finalized))
                continue;
            const QDate day = saleDate(store, sale);
            if (day < start || day > end)
                continue;
            const auto at = std::upper_bound(starts.begin(), starts.end(), day) - starts.begin() - 1;
            if (at >= 0)
                totals[std::size_t(at)].add(sale);
        }
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().field("start_date", start.toString(Qt::ISODate)).field("end_date", end.toString(Qt::ISODate));
        w.field("bucket_size", bucket).key("data").beginArray();
        for (qsizetype b = 0; b < starts.size(); ++b) {
            const QDate last = b + 1 < starts.size() ? starts.at(b + 1).addDays(-1) : end;
            w.beginObject().field("start", starts.at(b).toString(Qt::ISODate)).field("end", last.toString(Qt::ISODate));
            totals[std::size_t(b)].write(w);
            w.endObject();
        }
        w.endArray().endObject();
        return Reply::json(body);
    }, QStringLiteral("read:sales_trends"));

    m_router.add("GET", QStringLiteral("/reports/sales"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.paged = false;
        spec.extra = {QStringLiteral("start_date"), QStringLiteral("end_date"), QStringLiteral("group_by")};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        QDate start, end;
        if (const QString problem = readRange(request, &start, &end); !problem.isEmpty())
            return badRequest(problem);
        const QString groupBy = request.queryValue(QStringLiteral("group_by"));
        if (!groupBy.isEmpty() && groupBy != QLatin1String("location") && groupBy != QLatin1String("payment_type"))
            return badRequest(QStringLiteral("group_by must be location or payment_type"));
        Totals all;
        qint64 voided = 0, returned = 0;
        QMap<int, Totals> groups;
        for (const Sale &sale : store.sales) {
            const QDate day = saleDate(store, sale);
            if (day < start || day > end)
                continue;
            voided += sale.status == quint8(SaleStatus::Voided) ? 1 : 0;
            returned += sale.status == quint8(SaleStatus::Returned) ? 1 : 0;
            if (sale.status != quint8(SaleStatus::Finalized))
                continue;
            all.add(sale);
            if (!groupBy.isEmpty())
                groups[groupBy == QLatin1String("location") ? sale.location : sale.paymentType].add(sale);
        }
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().field("start_date", start.toString(Qt::ISODate)).field("end_date", end.toString(Qt::ISODate));
        w.key("totals").beginObject();
        all.write(w);
        w.field("voided", voided).field("returned", returned).endObject();
        w.key("rows").beginArray();
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            w.beginObject();
            if (groupBy == QLatin1String("location")) {
                w.field("key", store.id(Kind::Location, quint32(it.key())));
                w.field("name", store.locations[std::size_t(it.key())].fields.value(QStringLiteral("name")).toString());
            } else {
                w.field("key", paymentTypeName(it.key())).field("name", paymentTypeName(it.key()));
            }
            it.value().write(w);
            w.endObject();
        }
        w.endArray().endObject();
        return Reply::json(body);
    }, QStringLiteral("read:sales_reports"));

    // Type-ahead over items (newest 50,000) and accounts, as the key may read them.
    m_router.add("GET", QStringLiteral("/suggest"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.paged = false;
        spec.extra = {QStringLiteral("q"), QStringLiteral("type"), QStringLiteral("limit")};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        const QString text = request.queryValue(QStringLiteral("q")).trimmed();
        if (text.size() < 2)
            return badRequest(QStringLiteral("q needs at least 2 characters"));
        int limit = 10;
        if (request.hasQuery(QStringLiteral("limit"))) {
            bool ok = false;
            limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit < 1 || limit > 25)
                return badRequest(QStringLiteral("limit must be from 1 to 25"));
        }
        QStringList types = request.queryValues(QStringLiteral("type"));
        for (const QString &type : std::as_const(types)) {
            if (type != QLatin1String("item") && type != QLatin1String("account"))
                return badRequest(QStringLiteral("type must be item or account (repeat for both)"));
        }
        if (types.isEmpty())
            types = {QStringLiteral("item"), QStringLiteral("account")};
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().key("data").beginArray();
        int found = 0;
        if (types.contains(QStringLiteral("account")) && allowed(request, QStringLiteral("read:accounts"))) {
            for (quint32 a = 0; a < store.accounts.size() && found < limit; ++a) {
                const Account &account = store.accounts[a];
                const QString name = store.accountName(a);
                if (account.deleted != NoTime
                    || !(name.contains(text, Qt::CaseInsensitive) || account.email.contains(text, Qt::CaseInsensitive)))
                    continue;
                w.beginObject().field("type", "account").field("id", store.id(Kind::Account, a));
                w.field("label", name).field("detail", accountNumber(account)).endObject();
                ++found;
            }
        }
        if (types.contains(QStringLiteral("item")) && allowed(request, QStringLiteral("read:items"))) {
            const qint64 last = qint64(store.items.size()) - 1;
            for (qint64 i = last; i >= 0 && i > last - 50000 && found < limit; --i) {
                const quint32 index = quint32(i);
                if (store.items[index].deleted != NoTime)
                    continue;
                const QString title = store.title(index);
                const QString sku = store.sku(index);
                if (!title.contains(text, Qt::CaseInsensitive) && !sku.contains(text, Qt::CaseInsensitive))
                    continue;
                w.beginObject().field("type", "item").field("id", store.id(Kind::Item, index));
                w.field("label", title).field("detail", sku).endObject();
                ++found;
            }
        }
        w.endArray().endObject();
        return Reply::json(body);
    });
}

} // namespace ConsignDesk::Sandbox
