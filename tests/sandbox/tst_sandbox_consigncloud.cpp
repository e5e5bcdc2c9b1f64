// The ConsignCloud emulator over real HTTP on loopback: every endpoint, the
// filters, paging, auth and rate limits, the data's consistency with
// inspect(), activity and the injected faults.
#include "sandboxfixture.h"

#include "sandbox/consigncloud/consigncloudapi.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QtTest/QTest>

#include <memory>

using namespace ConsignDesk::Sandbox;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString vendor = u"consigncloud"_s;

SandboxFixture::Options options(qint64 items = 300, quint64 seed = 7, bool rateLimits = false)
{
    SandboxFixture::Options o;
    o.items = items;
    o.seed = seed;
    o.rateLimits = rateLimits;
    o.vendors = {[](const GenerationOptions &g) { return std::make_unique<ConsignCloudApi>(g); }};
    return o;
}

FaultSpec fault(FaultKind kind, const QString &endpoint, int count = 1)
{
    FaultSpec spec;
    spec.vendor = vendor;
    spec.endpoint = endpoint;
    spec.kind = kind;
    spec.count = count;
    return spec;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isCents(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
}

QSet<QString> idsOf(const QList<QJsonObject> &rows)
{
    QSet<QString> ids;
    for (const QJsonObject &row : rows)
        ids.insert(row.value(u"id"_s).toString());
    return ids;
}

} // namespace

class TestSandboxConsignCloud : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_fixture;

    SandboxFixture &fx() { return *m_fixture; }
    QJsonObject inspect(SandboxFixture &fixture) { return fixture.sandbox().vendor(vendor)->inspect(); }
    QJsonObject inspect() { return inspect(fx()); }
    HttpResponse get(const QString &path) { return fx().get(vendor, path); }
    HttpResponse post(const QString &path, const QJsonObject &body) { return fx().call(vendor, "POST", path, json(body)); }
    HttpResponse patch(const QString &path, const QJsonObject &body) { return fx().call(vendor, "PATCH", path, json(body)); }
    HttpResponse withKey(const QByteArray &method, const QString &path, const QString &key)
    {
        return fx().request(method, QUrl(fx().baseUrl(vendor) + path), {},
                            {{"Authorization", "Bearer " + key.toUtf8()}, {"Accept", "application/json"}});
    }

    /// Every row of a list, following next_cursor.
    QList<QJsonObject> pageAll(SandboxFixture &fixture, const QString &path, int limit = 100, qint64 *count = nullptr)
    {
        QList<QJsonObject> rows;
        QString cursor;
        for (int pages = 0; pages < 10000; ++pages) {
            QString url = path + (path.contains(u'?') ? u'&' : u'?') + u"limit="_s + QString::number(limit);
            if (!cursor.isEmpty())
                url += u"&cursor="_s + cursor;
            const HttpResponse r = fixture.get(vendor, url);
            if (r.status != 200) {
                qWarning() << "paging" << url << r.status << r.body;
                return {};
            }
            const QJsonObject page = r.object();
            if (count)
                *count = page.value(u"count"_s).toInteger(-1);
            for (const QJsonValue &row : page.value(u"data"_s).toArray())
                rows.append(row.toObject());
            if (page.value(u"next_cursor"_s).isNull())
                return rows;
            cursor = page.value(u"next_cursor"_s).toString();
        }
        return rows;
    }
    QList<QJsonObject> pageAll(const QString &path, int limit = 100, qint64 *count = nullptr)
    {
        return pageAll(fx(), path, limit, count);
    }
    /// An active consignment item with a single unit.
    QJsonObject activeConsignmentItem(int skip = 0)
    {
        for (const QJsonObject &item : pageAll(u"/items?status=active&inventory_type=consignment&quantity=1&include=quantity"_s)) {
            if (item.value(u"status"_s).isString() && item.value(u"tag_price"_s).toInteger() > 0 && skip-- == 0)
                return item;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<SandboxFixture>(options());
    }

    void credentials()
    {
        const QJsonObject c = fx().credentials(vendor);
        QCOMPARE(c.value(u"base_url"_s).toString(), fx().sandbox().rootUrl() + u"/consigncloud/api/v1"_s);
        QVERIFY(c.value(u"api_key"_s).toString().startsWith(u"cc_live_"_s));
        QVERIFY(c.value(u"restricted_api_key"_s).toString().startsWith(u"cc_live_"_s));
        QVERIFY(c.value(u"api_key"_s) != c.value(u"restricted_api_key"_s));
    }

    void itemsPageToTheEnd()
    {
        qint64 count = -1;
        const QList<QJsonObject> rows = pageAll(u"/items"_s, 100, &count);
        const qint64 expected = inspect().value(u"items"_s).toInteger();
        QCOMPARE(qint64(rows.size()), expected);
        QCOMPARE(count, expected);
        QCOMPARE(qint64(idsOf(rows).size()), expected);
        qint64 sum = 0;
        bool sawObjectStatus = false;
        for (const QJsonObject &item : rows) {
            QVERIFY(isCents(item.value(u"tag_price"_s)));
            QVERIFY(!item.contains(u"quantity"_s));
            QVERIFY(!item.contains(u"tags"_s));
            QVERIFY(item.value(u"deleted"_s).isNull());
            sum += item.value(u"tag_price"_s).toInteger();
            sawObjectStatus = sawObjectStatus || item.value(u"status"_s).isObject();
        }
        QCOMPARE(sum, inspect().value(u"sum_tag_price"_s).toInteger());
        QVERIFY(sawObjectStatus);
        // a smaller page size walks the same rows
        QCOMPARE(idsOf(pageAll(u"/items"_s, 37)), idsOf(rows));
    }

    void itemIncludesAndExpands()
    {
        const HttpResponse r = get(u"/items?limit=5&include=quantity&include=tags&include=images&include=days_on_shelf"
                                   "&include=printed&expand=account&expand=category"_s);
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.object().value(u"data"_s).toArray();
        QCOMPARE(data.size(), 5);
        for (const QJsonValue &value : data) {
            const QJsonObject item = value.toObject();
            for (const QString &key : {u"quantity"_s, u"tags"_s, u"images"_s, u"days_on_shelf"_s, u"printed"_s})
                QVERIFY2(item.contains(key), qPrintable(key));
            QVERIFY(item.value(u"category"_s).isObject());
            QVERIFY(item.value(u"account"_s).isObject() || item.value(u"account"_s).isNull());
        }
        QCOMPARE(get(u"/items?include=quantity,tags"_s).status, 400);
        QCOMPARE(get(u"/items?expand=nothing"_s).status, 400);
        // odd quantities exist: null (not tracked) and negative (oversold)
        bool sawNull = false, sawNegative = false;
        for (const QJsonObject &item : pageAll(u"/items?include=quantity"_s)) {
            sawNull = sawNull || item.value(u"quantity"_s).isNull();
            sawNegative = sawNegative || item.value(u"quantity"_s).toInteger() < 0;
        }
        QVERIFY(sawNull || sawNegative);
    }

    void deletedItems()
    {
        qint64 count = 0;
        const QList<QJsonObject> all = pageAll(u"/items?include_deleted=true"_s, 100, &count);
        QCOMPARE(count, inspect().value(u"items"_s).toInteger() + inspect().value(u"deleted_items"_s).toInteger());
        QJsonObject deleted;
        for (const QJsonObject &item : all) {
            if (!item.value(u"deleted"_s).isNull())
                deleted = item;
        }
        QVERIFY(!deleted.isEmpty());
        const HttpResponse one = get(u"/items/"_s + deleted.value(u"id"_s).toString());
        QCOMPARE(one.status, 200);
        QVERIFY(!one.object().value(u"deleted"_s).isNull());
        QVERIFY(!idsOf(pageAll(u"/items"_s)).contains(deleted.value(u"id"_s).toString()));
    }

    void itemFilters()
    {
        const QList<QJsonObject> all = pageAll(u"/items?include=quantity"_s);
        QVERIFY(all.size() > 100);
        const QJsonObject first = all.at(0);
        QString consignor;
        for (const QJsonObject &item : all) {
            if (!item.value(u"account"_s).isNull() && consignor.isEmpty())
                consignor = item.value(u"account"_s).toString();
        }
        const QString middle = all.at(all.size() / 2).value(u"created"_s).toString();
        const QDateTime middleTime = QDateTime::fromString(middle, Qt::ISODate);
        auto statusOf = [](const QJsonObject &item) {
            const QJsonValue s = item.value(u"status"_s);
            return s.isString() ? s.toString() : s.toObject().keys().value(0);
        };
        struct Case {
            QString query;
            std::function<bool(const QJsonObject &)> pass;
        };
        const QList<Case> cases = {
            {u"tag_price:gte=5000"_s, [](const QJsonObject &i) { return i.value(u"tag_price"_s).toInteger() >= 5000; }},
            {u"tag_price:lt=2000"_s, [](const QJsonObject &i) { return i.value(u"tag_price"_s).toInteger() < 2000; }},
            {u"tag_price:eq="_s + QString::number(first.value(u"tag_price"_s).toInteger()),
             [&](const QJsonObject &i) { return i.value(u"tag_price"_s) == first.value(u"tag_price"_s); }},
            {u"category="_s + first.value(u"category"_s).toString(),
             [&](const QJsonObject &i) { return i.value(u"category"_s) == first.value(u"category"_s); }},
            {u"category:ne="_s + first.value(u"category"_s).toString(),
             [&](const QJsonObject &i) { return i.value(u"category"_s) != first.value(u"category"_s); }},
            {u"account="_s + consignor, [&](const QJsonObject &i) { return i.value(u"account"_s).toString() == consignor; }},
            {u"account=null"_s, [](const QJsonObject &i) { return i.value(u"account"_s).isNull(); }},
            {u"created:gte="_s + middle,
             [&](const QJsonObject &i) { return QDateTime::fromString(i.value(u"created"_s).toString(), Qt::ISODate) >= middleTime; }},
            {u"created:lt="_s + middle,
             [&](const QJsonObject &i) { return QDateTime::fromString(i.value(u"created"_s).toString(), Qt::ISODate) < middleTime; }},
            {u"status=sold"_s, [&](const QJsonObject &i) { return statusOf(i) == u"sold"_s; }},
            {u"status=active&status=expired"_s,
             [&](const QJsonObject &i) { return statusOf(i) == u"active"_s || statusOf(i) == u"expired"_s; }},
            {u"status:ne=sold"_s, [&](const QJsonObject &i) { return statusOf(i) != u"sold"_s; }},
            {u"inventory_type=retail"_s, [](const QJsonObject &i) { return i.value(u"inventory_type"_s) == u"retail"_s; }},
            {u"location="_s + first.value(u"location"_s).toString(),
             [&](const QJsonObject &i) { return i.value(u"location"_s) == first.value(u"location"_s); }},
            {u"batch="_s + first.value(u"batch"_s).toString(),
             [&](const QJsonObject &i) { return i.value(u"batch"_s) == first.value(u"batch"_s); }},
            {u"quantity:gte=2"_s, [](const QJsonObject &i) { return !i.value(u"quantity"_s).isNull() && i.value(u"quantity"_s).toInteger() >= 2; }},
            {u"quantity=null"_s, [](const QJsonObject &i) { return i.value(u"quantity"_s).isNull(); }},
            {u"tag_price:gt=1000&inventory_type=consignment"_s,
             [](const QJsonObject &i) { return i.value(u"tag_price"_s).toInteger() > 1000 && i.value(u"inventory_type"_s) == u"consignment"_s; }},
        };
        for (const Case &c : cases) {
            QSet<QString> expected;
            for (const QJsonObject &item : all) {
                if (c.pass(item))
                    expected.insert(item.value(u"id"_s).toString());
            }
            qint64 count = -1;
            const QList<QJsonObject> rows = pageAll(u"/items?"_s + c.query, 50, &count);
            QVERIFY2(idsOf(rows) == expected, qPrintable(c.query));
            QCOMPARE(count, qint64(expected.size()));
            QVERIFY2(!expected.isEmpty() || c.query.startsWith(u"quantity"_s), qPrintable(c.query));
        }
    }

    void badParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("underscore spelling") << u"/items?created_gte=2024-01-01T00:00:00Z"_s;
        QTest::newRow("date_from") << u"/items?date_from=2024-01-01"_s;
        QTest::newRow("bare date") << u"/items?created:gte=2024-01-01"_s;
        QTest::newRow("unknown op") << u"/items?tag_price:between=1"_s;
        QTest::newRow("money not a number") << u"/items?tag_price:gte=ten"_s;
        QTest::newRow("unknown status") << u"/items?status=available-ish"_s;
        QTest::newRow("bad id") << u"/items?category=shoes"_s;
        QTest::newRow("limit too big") << u"/items?limit=101"_s;
        QTest::newRow("limit zero") << u"/items?limit=0"_s;
        QTest::newRow("bad cursor") << u"/items?cursor=bm9wZQ"_s;
        QTest::newRow("unfilterable updated") << u"/items?updated:gte=2024-01-01T00:00:00Z"_s;
        QTest::newRow("ordered enum") << u"/items?status:gte=sold"_s;
        QTest::newRow("sales unknown") << u"/sales?total_gte=100"_s;
        QTest::newRow("sales bad date") << u"/sales?created:lt=yesterday"_s;
    }
    void badParameters()
    {
        QFETCH(QString, path);
        const HttpResponse r = get(path);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"invalid_request_data"_s);
        QVERIFY(!r.object().value(u"message"_s).toString().isEmpty());
    }

    void salesPageAndLines()
    {
        qint64 count = -1;
        const QList<QJsonObject> sales = pageAll(u"/sales"_s, 100, &count);
        QCOMPARE(qint64(sales.size()), inspect().value(u"sales"_s).toInteger());
        QCOMPARE(count, qint64(sales.size()));
        QHash<QString, int> linesPerSoldItem;
        qint64 lines = 0;
        for (const QJsonObject &sale : sales) {
            for (const char *money : {"subtotal", "tax", "total", "cogs", "change"})
                QVERIFY2(isCents(sale.value(QLatin1String(money))), money);
            QCOMPARE(sale.value(u"total"_s).toInteger(), sale.value(u"subtotal"_s).toInteger() + sale.value(u"tax"_s).toInteger());
            const HttpResponse r = get(u"/sales/"_s + sale.value(u"id"_s).toString() + u"/line-items"_s);
            QCOMPARE(r.status, 200);
            const QJsonArray items = r.object().value(u"data"_s).toArray();
            QVERIFY(r.object().value(u"next_cursor"_s).isNull());
            QCOMPARE(items.size(), sale.value(u"items"_s).toArray().size());
            qint64 sum = 0;
            for (const QJsonValue &line : items) {
                sum += line.toObject().value(u"price"_s).toInteger();
                if (sale.value(u"status"_s) == u"finalized"_s)
                    ++linesPerSoldItem[line.toObject().value(u"item"_s).toString()];
            }
            QCOMPARE(sum, sale.value(u"subtotal"_s).toInteger());
            lines += items.size();
        }
        QCOMPARE(lines, inspect().value(u"sale_lines"_s).toInteger());
        // every sold item has exactly one line, on a finalized sale
        const QList<QJsonObject> sold = pageAll(u"/items?status=sold"_s);
        QCOMPARE(qint64(sold.size()), inspect().value(u"sold_items"_s).toInteger());
        QCOMPARE(qsizetype(linesPerSoldItem.size()), sold.size());
        for (const QJsonObject &item : sold) {
            QCOMPARE(linesPerSoldItem.value(item.value(u"id"_s).toString()), 1);
            QVERIFY(!item.value(u"sold"_s).isNull());
        }
        // item sales: one per line, and the item's own sale
        qint64 itemSales = 0;
        const QList<QJsonObject> all = pageAll(u"/item-sales"_s, 100, &itemSales);
        QCOMPARE(qint64(all.size()), lines);
        const QString itemId = sold.at(0).value(u"id"_s).toString();
        const HttpResponse mine = get(u"/items/"_s + itemId + u"/sale"_s);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.object().value(u"item"_s).toString(), itemId);
        QCOMPARE(get(u"/items/"_s + itemId + u"/sale/"_s + mine.object().value(u"id"_s).toString()).status, 200);
        QCOMPARE(get(u"/items/"_s + itemId + u"/sale/"_s + all.at(0).value(u"id"_s).toString()).status,
                 all.at(0).value(u"item"_s).toString() == itemId ? 200 : 404);
        QCOMPARE(get(u"/item-sales?item="_s + itemId).object().value(u"count"_s).toInt(), 1);
        const QString anActive = activeConsignmentItem().value(u"id"_s).toString();
        QCOMPARE(get(u"/items/"_s + anActive + u"/sale"_s).status, 404);
    }

    void saleFilters()
    {
        const QList<QJsonObject> all = pageAll(u"/sales"_s);
        const QJsonObject first = all.at(0);
        QString customer;
        for (const QJsonObject &sale : all) {
            if (!sale.value(u"customer"_s).isNull() && customer.isEmpty())
                customer = sale.value(u"customer"_s).toString();
        }
        const QString middle = all.at(all.size() / 2).value(u"created"_s).toString();
        const QDateTime middleTime = QDateTime::fromString(middle, Qt::ISODate);
        auto money = [](const QJsonObject &s, const char *key) { return s.value(QLatin1String(key)).toInteger(); };
        auto payment = [](const QJsonObject &s) {
            return s.value(u"payments"_s).toArray().at(0).toObject().value(u"type"_s).toString();
        };
        const QList<QPair<QString, std::function<bool(const QJsonObject &)>>> cases = {
            {u"total:gte=5000"_s, [&](const QJsonObject &s) { return money(s, "total") >= 5000; }},
            {u"subtotal:lt=3000"_s, [&](const QJsonObject &s) { return money(s, "subtotal") < 3000; }},
            {u"cogs:gt=2000"_s, [&](const QJsonObject &s) { return money(s, "cogs") > 2000; }},
            {u"change:gt=0"_s, [&](const QJsonObject &s) { return money(s, "change") > 0; }},
            {u"created:gte="_s + middle,
             [&](const QJsonObject &s) { return QDateTime::fromString(s.value(u"created"_s).toString(), Qt::ISODate) >= middleTime; }},
            {u"location="_s + first.value(u"location"_s).toString(),
             [&](const QJsonObject &s) { return s.value(u"location"_s) == first.value(u"location"_s); }},
            {u"customer="_s + customer, [&](const QJsonObject &s) { return s.value(u"customer"_s).toString() == customer; }},
            {u"status=voided"_s, [](const QJsonObject &s) { return s.value(u"status"_s) == u"voided"_s; }},
            {u"status=completed"_s, [](const QJsonObject &s) { return s.value(u"status"_s) == u"finalized"_s; }},
            {u"payment_type=cash"_s, [&](const QJsonObject &s) { return payment(s) == u"cash"_s; }},
            {u"payment_type:ne=card&total:lte=10000"_s,
             [&](const QJsonObject &s) { return payment(s) != u"card"_s && money(s, "total") <= 10000; }},
        };
        for (const auto &[query, pass] : cases) {
            QSet<QString> expected;
            for (const QJsonObject &sale : all) {
                if (pass(sale))
                    expected.insert(sale.value(u"id"_s).toString());
            }
            qint64 count = -1;
            QVERIFY2(idsOf(pageAll(u"/sales?"_s + query, 100, &count)) == expected, qPrintable(query));
            QCOMPARE(count, qint64(expected.size()));
            QVERIFY2(!expected.isEmpty(), qPrintable(query));
        }
        QVERIFY(get(u"/sales?limit=3&expand=customer&expand=location"_s).object().value(u"data"_s).toArray().at(0).toObject()
                    .value(u"location"_s).isObject());
    }

    void ledgerMatchesBalances()
    {
        QHash<QString, qint64> sums;
        qint64 total = 0;
        for (const QJsonObject &entry : pageAll(u"/balance-entries"_s)) {
            QVERIFY(isCents(entry.value(u"amount"_s)));
            sums[entry.value(u"account"_s).toString()] += entry.value(u"amount"_s).toInteger();
            total += entry.value(u"amount"_s).toInteger();
        }
        QCOMPARE(total, inspect().value(u"sum_balances"_s).toInteger());
        QVERIFY(inspect().value(u"balances_consistent"_s).toBool());
        const QList<QJsonObject> accounts = pageAll(u"/accounts?include_deleted=true"_s);
        QCOMPARE(qint64(accounts.size()),
                 inspect().value(u"accounts"_s).toInteger() + inspect().value(u"deleted_accounts"_s).toInteger());
        for (const QJsonObject &account : accounts)
            QCOMPARE(account.value(u"balance"_s).toInteger(), sums.value(account.value(u"id"_s).toString()));
        qint64 balances = 0;
        for (const QJsonObject &row : pageAll(u"/accounts/balances"_s))
            balances += row.value(u"balance"_s).toInteger();
        QCOMPARE(balances, total);
        QVERIFY(inspect().value(u"payouts"_s).toInteger() > 0);
        QCOMPARE(get(u"/balance-entries?type=payout"_s).object().value(u"count"_s).toInteger(),
                 inspect().value(u"payouts"_s).toInteger());
        const QJsonObject one = get(u"/balance-entries?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        QCOMPARE(get(u"/balance-entries/"_s + one.value(u"id"_s).toString()).object(), one);
    }

    void accountEndpoints()
    {
        const QJsonObject account = get(u"/accounts?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        const QString id = account.value(u"id"_s).toString();
        QCOMPARE(account.value(u"number"_s).toString().size(), 6);
        QCOMPARE(get(u"/accounts/"_s + id).object(), account);
        const QJsonObject stats = get(u"/accounts/"_s + id + u"/stats"_s).object();
        QCOMPARE(stats.value(u"balance"_s), account.value(u"balance"_s));
        QCOMPARE(get(u"/accounts/stats"_s).object().value(u"count"_s).toInteger(), inspect().value(u"accounts"_s).toInteger());
        QCOMPARE(get(u"/accounts?is_vendor=true"_s).status, 200);
        QCOMPARE(get(u"/accounts?balance:gt=0&limit=100"_s).object().value(u"count"_s).toInteger(),
                 get(u"/accounts/stats"_s).object().value(u"accounts_with_balance"_s).toInteger());

        HttpResponse r = post(u"/accounts"_s, {{u"first_name"_s, u"Ada"_s}, {u"last_name"_s, u"Test"_s},
                                               {u"email"_s, u"ada@example.com"_s}, {u"default_split"_s, 0.6}});
        QCOMPARE(r.status, 201);
        const QString created = r.object().value(u"id"_s).toString();
        QCOMPARE(r.object().value(u"default_split"_s).toDouble(), 0.6);
        QCOMPARE(r.object().value(u"balance"_s).toInteger(), 0);
        r = patch(u"/accounts/"_s + created, {{u"phone_number"_s, u"+1-555-000-1111"_s}});
        QCOMPARE(r.object().value(u"phone_number"_s).toString(), u"+1-555-000-1111"_s);
        QCOMPARE(patch(u"/accounts/"_s + created, {{u"balance"_s, 5}}).status, 400);
        QCOMPARE(post(u"/accounts/bulk-edits"_s, {{u"accounts"_s, QJsonArray{created}},
                                                  {u"edits"_s, QJsonObject{{u"default_split"_s, 0.7}}}}).status, 200);
        QCOMPARE(get(u"/accounts/"_s + created).object().value(u"default_split"_s).toDouble(), 0.7);
        QCOMPARE(fx().call(vendor, "DELETE", u"/accounts/"_s + created).status, 204);
        QVERIFY(!get(u"/accounts/"_s + created).object().value(u"deleted"_s).isNull());
        QCOMPARE(post(u"/accounts/"_s + created + u"/restore"_s, {}).object().value(u"deleted"_s), QJsonValue());
        // an account holding a balance cannot go
        const QJsonObject rich = get(u"/accounts?balance:gt=0&limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        r = fx().call(vendor, "DELETE", u"/accounts/"_s + rich.value(u"id"_s).toString());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"conflict"_s);
        QCOMPARE(get(u"/accounts/00000000-0000-4000-8000-000000000000"_s).object().value(u"error"_s).toString(),
                 u"entity_not_found"_s);
    }

    void itemWrites()
    {
        const QJsonObject account = get(u"/accounts?is_vendor=true&limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        const QString category = get(u"/item-categories?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject()
                                     .value(u"id"_s).toString();
        HttpResponse r = post(u"/items"_s, {{u"title"_s, u"Test Jacket"_s}, {u"tag_price"_s, 4599},
                                            {u"account"_s, account.value(u"id"_s)}, {u"category"_s, category}});
        QCOMPARE(r.status, 201);
        const QString id = r.object().value(u"id"_s).toString();
        QCOMPARE(r.object().value(u"tag_price"_s).toInteger(), 4599);
        QCOMPARE(r.object().value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(r.object().value(u"inventory_type"_s), account.value(u"default_inventory_type"_s));
        r = patch(u"/items/"_s + id, {{u"tag_price"_s, 3900}, {u"title"_s, u"Test Jacket, reduced"_s}});
        QCOMPARE(r.status, 200);
        r = get(u"/items/"_s + id + u"?include=quantity"_s);
        QCOMPARE(r.object().value(u"tag_price"_s).toInteger(), 3900);
        QCOMPARE(r.object().value(u"title"_s).toString(), u"Test Jacket, reduced"_s);
        QCOMPARE(r.object().value(u"quantity"_s).toInteger(), 1);
        QCOMPARE(patch(u"/items/"_s + id, {{u"tag_price"_s, 12.5}}).status, 400);
        QCOMPARE(patch(u"/items/"_s + id, {{u"status"_s, u"sold"_s}}).status, 400);
        QCOMPARE(post(u"/items"_s, {{u"tag_price"_s, 100}}).status, 400);
        QCOMPARE(fx().call(vendor, "DELETE", u"/items/"_s + id).status, 204);
        QVERIFY(!get(u"/items/"_s + id).object().value(u"deleted"_s).isNull());
        QVERIFY(!idsOf(pageAll(u"/items?created:gte=2020-01-01T00:00:00Z&tag_price=3900"_s)).contains(id));
        QVERIFY(idsOf(pageAll(u"/items?include_deleted=true&tag_price=3900"_s)).contains(id));
        QVERIFY(post(u"/items/"_s + id + u"/restore"_s, {}).object().value(u"deleted"_s).isNull());
        QVERIFY(idsOf(pageAll(u"/items?tag_price=3900"_s)).contains(id));
        r = get(u"/items/not-an-id"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"entity_not_found"_s);
    }

    void itemActions()
    {
        QJsonObject stats = get(u"/items/stats"_s).object();
        QCOMPARE(stats.value(u"count"_s).toInteger(), inspect().value(u"items"_s).toInteger());
        QCOMPARE(stats.value(u"total_tag_price"_s).toInteger(), inspect().value(u"sum_tag_price"_s).toInteger());
        QCOMPARE(get(u"/items/stats?status=sold"_s).object().value(u"count"_s).toInteger(),
                 inspect().value(u"sold_items"_s).toInteger());

        const QString a = activeConsignmentItem(0).value(u"id"_s).toString();
        const QString b = activeConsignmentItem(1).value(u"id"_s).toString();
        QCOMPARE(post(u"/items/bulk-edits"_s, {{u"items"_s, QJsonArray{a, b}}, {u"edits"_s, QJsonObject{{u"tag_price"_s, 2500}}}})
                     .object().value(u"updated"_s).toInt(), 2);
        QCOMPARE(get(u"/items/"_s + b).object().value(u"tag_price"_s).toInteger(), 2500);
        QJsonArray tooMany;
        for (int i = 0; i < 1001; ++i)
            tooMany.append(a);
        QCOMPARE(post(u"/items/bulk-edits"_s, {{u"items"_s, tooMany}, {u"edits"_s, QJsonObject{{u"tag_price"_s, 1}}}}).object()
                     .value(u"error"_s).toString(), u"payload_too_large"_s);

        HttpResponse r = post(u"/items/update-statuses"_s,
                              {{u"items"_s, QJsonArray{QJsonObject{{u"id"_s, a}, {u"status"_s, u"donated"_s}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(get(u"/items/"_s + a).object().value(u"status"_s).toString(), u"donated"_s);
        QCOMPARE(post(u"/items/update-statuses-bulk"_s, {{u"items"_s, QJsonArray{a, b}}, {u"status"_s, u"active"_s}}).status, 200);
        QCOMPARE(get(u"/items/"_s + a).object().value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(post(u"/items/update-statuses-bulk"_s, {{u"items"_s, QJsonArray{a}}, {u"status"_s, u"sold"_s}}).status, 400);

        r = get(u"/items/price-suggestions?item="_s + a);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(u"suggestions"_s).toArray().size(), 3);
        QCOMPARE(get(u"/items/price-suggestions"_s).status, 400);

        r = get(u"/items/export?status=sold"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/csv"));
        const QList<QByteArray> lines = r.body.trimmed().split('\n');
        QCOMPARE(qint64(lines.size()), inspect().value(u"sold_items"_s).toInteger() + 1);
        QVERIFY(lines.at(0).startsWith("id,sku,title"));
        r = get(u"/sales/export"_s);
        QCOMPARE(qint64(r.body.trimmed().split('\n').size()), inspect().value(u"sales"_s).toInteger() + 1);
    }

    void saleWrites()
    {
        const QJsonObject item = activeConsignmentItem(2);
        const QString itemId = item.value(u"id"_s).toString();
        const QString account = item.value(u"account"_s).toString();
        const qint64 before = get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger();
        const qint64 price = item.value(u"tag_price"_s).toInteger();
        const qint64 share = (price * qRound(item.value(u"split"_s).toDouble() * 10000) + 5000) / 10000;

        HttpResponse r = post(u"/sales"_s, {{u"items"_s, QJsonArray{itemId}}, {u"payment_type"_s, u"cash"_s}});
        QCOMPARE(r.status, 201);
        const QJsonObject sale = r.object();
        const QString saleId = sale.value(u"id"_s).toString();
        QCOMPARE(sale.value(u"subtotal"_s).toInteger(), price);
        QCOMPARE(sale.value(u"total"_s).toInteger(), price + sale.value(u"tax"_s).toInteger());
        QCOMPARE(get(u"/items/"_s + itemId).object().value(u"status"_s).toString(), u"sold"_s);
        QCOMPARE(get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger(), before + share);
        QCOMPARE(post(u"/sales"_s, {{u"items"_s, QJsonArray{itemId}}}).status, 409);
        QCOMPARE(get(u"/sales/"_s + saleId).object(), sale);
        QCOMPARE(patch(u"/sales/"_s + saleId, {{u"payment_type"_s, u"card"_s}}).object().value(u"change"_s).toInteger(), 0);

        r = post(u"/sales/"_s + saleId + u"/void"_s, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(u"status"_s).toString(), u"voided"_s);
        QCOMPARE(get(u"/items/"_s + itemId).object().value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger(), before);
        QCOMPARE(post(u"/sales/"_s + saleId + u"/refund"_s, {}).status, 409);

        // parked, then finalized, then refunded
        r = post(u"/sales"_s, {{u"items"_s, QJsonArray{itemId}}, {u"status"_s, u"parked"_s}});
        QCOMPARE(r.object().value(u"status"_s).toString(), u"parked"_s);
        const QString second = r.object().value(u"id"_s).toString();
        QCOMPARE(get(u"/items/"_s + itemId).object().value(u"status"_s).toString(), u"parked"_s);
        QCOMPARE(get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger(), before);
        QCOMPARE(patch(u"/sales/"_s + second, {{u"status"_s, u"finalized"_s}}).object().value(u"status"_s).toString(),
                 u"finalized"_s);
        QCOMPARE(get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger(), before + share);
        QCOMPARE(post(u"/sales/"_s + second + u"/refund"_s, {}).object().value(u"status"_s).toString(), u"returned"_s);
        QCOMPARE(get(u"/accounts/"_s + account).object().value(u"balance"_s).toInteger(), before);
        QVERIFY(inspect().value(u"balances_consistent"_s).toBool());
        QCOMPARE(get(u"/balance-entries?account="_s + account + u"&type=refund"_s).status, 200);
    }

    void payouts()
    {
        const QJsonObject account = get(u"/accounts?balance:gte=2000&limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        const QString id = account.value(u"id"_s).toString();
        const qint64 balance = account.value(u"balance"_s).toInteger();
        QVERIFY(balance >= 2000);
        HttpResponse r = post(u"/accounts/payouts"_s,
                              {{u"payouts"_s, QJsonArray{QJsonObject{{u"account"_s, id}, {u"amount"_s, 1500},
                                                                     {u"reference"_s, u"TEST-1"_s}, {u"note"_s, u"June"_s}}}}});
        QCOMPARE(r.status, 201);
        const QJsonObject payout = r.object().value(u"payouts"_s).toArray().at(0).toObject();
        QVERIFY(!payout.value(u"id"_s).toString().isEmpty());
        QCOMPARE(payout.value(u"reference"_s).toString(), u"TEST-1"_s);
        QCOMPARE(payout.value(u"balance"_s).toInteger(), balance - 1500);
        QCOMPARE(get(u"/accounts/"_s + id).object().value(u"balance"_s).toInteger(), balance - 1500);
        const QList<QJsonObject> entries = pageAll(u"/balance-entries?type=payout&account="_s + id);
        QCOMPARE(entries.last().value(u"payout"_s).toObject().value(u"id"_s), payout.value(u"id"_s));
        QCOMPARE(entries.last().value(u"payout"_s).toObject().value(u"note"_s).toString(), u"June"_s);
        QCOMPARE(entries.last().value(u"amount"_s).toInteger(), -1500);
        // the same reference again is a conflict, more than the balance is refused
        r = post(u"/accounts/payouts"_s, {{u"payouts"_s, QJsonArray{QJsonObject{{u"account"_s, id}, {u"amount"_s, 1},
                                                                                {u"reference"_s, u"TEST-1"_s}}}}});
        QCOMPARE(r.status, 409);
        QCOMPARE(post(u"/accounts/payouts"_s, {{u"payouts"_s, QJsonArray{QJsonObject{{u"account"_s, id},
                                                                                      {u"amount"_s, balance}}}}}).status, 400);
        QCOMPARE(post(u"/accounts/payouts"_s, {{u"payouts"_s, QJsonArray{QJsonObject{{u"account"_s, id},
                                                                                      {u"amount"_s, 0}}}}}).status, 400);
        QVERIFY(inspect().value(u"balances_consistent"_s).toBool());
    }

    void batchesAndTables()
    {
        qint64 count = 0;
        QCOMPARE(qint64(pageAll(u"/batches"_s, 100, &count).size()), inspect().value(u"batches"_s).toInteger());
        HttpResponse r = post(u"/batches"_s, {{u"description"_s, u"Spring drop-off"_s}});
        QCOMPARE(r.status, 201);
        const QString batch = r.object().value(u"id"_s).toString();
        QCOMPARE(r.object().value(u"status"_s).toString(), u"draft"_s);
        QCOMPARE(patch(u"/batches/"_s + batch, {{u"description"_s, u"Renamed"_s}}).object().value(u"description"_s).toString(),
                 u"Renamed"_s);
        QCOMPARE(post(u"/batches/"_s + batch + u"/status"_s, {{u"status"_s, u"submitted"_s}}).object().value(u"status"_s)
                     .toString(), u"submitted"_s);
        QCOMPARE(patch(u"/batches/"_s + batch, {{u"account"_s, QJsonValue()}}).status, 409);
        QCOMPARE(get(u"/batches/"_s + batch).status, 200);
        QCOMPARE(get(u"/batches?status=draft"_s).status, 200);

        struct Table { QString path; QJsonObject create; bool restore; };
        const QList<Table> tables = {
            {u"/item-categories"_s, {{u"name"_s, u"Outdoor"_s}}, true},
            {u"/locations"_s, {{u"name"_s, u"Pop-up"_s}, {u"city"_s, u"Lakeside"_s}}, false},
            {u"/discounts"_s, {{u"name"_s, u"Tuesday"_s}, {u"type"_s, u"percentage"_s}, {u"percentage"_s, 0.1}}, true},
            {u"/taxes"_s, {{u"name"_s, u"City tax"_s}, {u"rate"_s, 0.015}}, true},
        };
        for (const Table &table : tables) {
            const qint64 before = get(table.path).object().value(u"count"_s).toInteger();
            QVERIFY2(before > 0, qPrintable(table.path));
            r = post(table.path, table.create);
            QCOMPARE(r.status, 201);
            const QString id = r.object().value(u"id"_s).toString();
            QCOMPARE(get(table.path).object().value(u"count"_s).toInteger(), before + 1);
            QCOMPARE(patch(table.path + u'/' + id, {{u"name"_s, u"Changed"_s}}).object().value(u"name"_s).toString(), u"Changed"_s);
            QCOMPARE(patch(table.path + u'/' + id, {{u"bogus"_s, 1}}).status, 400);
            QCOMPARE(get(table.path + u'/' + id).object().value(u"name"_s).toString(), u"Changed"_s);
            QCOMPARE(fx().call(vendor, "DELETE", table.path + u'/' + id).status, 204);
            QCOMPARE(get(table.path).object().value(u"count"_s).toInteger(), before);
            QCOMPARE(get(table.path + u"?include_deleted=true"_s).object().value(u"count"_s).toInteger(), before + 1);
            if (table.restore)
                QVERIFY(post(table.path + u'/' + id + u"/restore"_s, {}).object().value(u"deleted"_s).isNull());
            QCOMPARE(post(table.path, {}).status, 400);
        }
        const QString busy = get(u"/items?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject().value(u"location"_s).toString();
        QCOMPARE(fx().call(vendor, "DELETE", u"/locations/"_s + busy).status, 409);
    }

    void trendsReportsSuggest()
    {
        HttpResponse r = get(u"/trends/sales?start_date=2024-01-01&end_date=2026-06-30&bucket_size=month"_s);
        QCOMPARE(r.status, 200);
        qint64 sales = 0, total = 0;
        for (const QJsonValue &bucket : r.object().value(u"data"_s).toArray()) {
            sales += bucket.toObject().value(u"sales"_s).toInteger();
            total += bucket.toObject().value(u"total"_s).toInteger();
        }
        const QJsonObject statuses = inspect().value(u"sales_by_status"_s).toObject();
        QCOMPARE(sales, statuses.value(u"finalized"_s).toInteger());
        QCOMPARE(total, inspect().value(u"sum_finalized_sales_total"_s).toInteger());
        QCOMPARE(get(u"/trends/sales?start_date=2026-01-01&end_date=2026-01-31&bucket_size=week"_s).status, 200);
        QCOMPARE(get(u"/trends/sales?start_date=2026-01-01&end_date=2026-01-31"_s).status, 400);
        QCOMPARE(get(u"/trends/sales?start_date=2026-01-01T00:00:00Z&end_date=2026-01-31&bucket_size=day"_s).status, 400);

        r = get(u"/reports/sales?start_date=2024-01-01&end_date=2026-06-30&group_by=location"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(u"totals"_s).toObject().value(u"total"_s).toInteger(), total);
        qint64 rows = 0;
        for (const QJsonValue &row : r.object().value(u"rows"_s).toArray())
            rows += row.toObject().value(u"total"_s).toInteger();
        QCOMPARE(rows, total);
        QCOMPARE(get(u"/reports/sales?start_date=2026-02-01&end_date=2026-01-01"_s).status, 400);

        const QJsonObject account = get(u"/accounts?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        r = get(u"/suggest?q="_s + account.value(u"last_name"_s).toString() + u"&type=account"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(u"data"_s).toArray().contains(QJsonValue(QJsonObject{
            {u"type"_s, u"account"_s}, {u"id"_s, account.value(u"id"_s)},
            {u"label"_s, QString(account.value(u"first_name"_s).toString() + u' ' + account.value(u"last_name"_s).toString())},
            {u"detail"_s, account.value(u"number"_s)}})));
        const QString title = get(u"/items?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject().value(u"title"_s).toString();
        QVERIFY(!get(u"/suggest?q="_s + title.section(u' ', -1)).object().value(u"data"_s).toArray().isEmpty());
        QCOMPARE(get(u"/suggest?q=a"_s).status, 400);
    }

    void authFailures()
    {
        HttpResponse r = fx().request("GET", QUrl(fx().baseUrl(vendor) + u"/items"_s));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"invalid_api_key"_s);
        QCOMPARE(withKey("GET", u"/items"_s, u"cc_live_wrong"_s).status, 401);
        const QString restricted = fx().credentials(vendor).value(u"restricted_api_key"_s).toString();
        r = withKey("GET", u"/items"_s, restricted);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"access_denied"_s);
        QCOMPARE(r.object().value(u"required_permission"_s).toString(), u"read:items"_s);
        QCOMPARE(withKey("GET", u"/item-categories"_s, restricted).status, 403);
        for (const QString &path : {u"/sales"_s, u"/accounts"_s, u"/balance-entries"_s, u"/accounts/balances"_s,
                                    u"/item-sales"_s, u"/batches"_s, u"/locations"_s, u"/discounts"_s, u"/taxes"_s,
                                    u"/trends/sales?start_date=2026-01-01&end_date=2026-01-02&bucket_size=day"_s,
                                    u"/reports/sales?start_date=2026-01-01&end_date=2026-01-02"_s})
            QVERIFY2(withKey("GET", path, restricted).status == 200, qPrintable(path));
        r = fx().request("POST", QUrl(fx().baseUrl(vendor) + u"/accounts/payouts"_s), "{}",
                         {{"Authorization", "Bearer " + restricted.toUtf8()}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(u"required_permission"_s).toString(), u"write:account_balances"_s);
        // suggestions leave out what the key may not read
        const QString title = get(u"/items?limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject().value(u"title"_s).toString();
        r = withKey("GET", u"/suggest?type=item&q="_s + title.section(u' ', -1), restricted);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(u"data"_s).toArray().isEmpty());
        QCOMPARE(fx().call(vendor, "PUT", u"/items"_s).status, 405);
        QCOMPARE(get(u"/nowhere"_s).object().value(u"error"_s).toString(), u"entity_not_found"_s);
    }

    void rateLimit()
    {
        SandboxFixture limited(options(60, 3, true));
        int ok = 0, refused = 0, firstRefusal = -1;
        HttpResponse refusal;
        for (int i = 0; i < 130; ++i) {
            const HttpResponse r = limited.get(vendor, u"/locations"_s);
            if (r.status == 200) {
                ++ok;
            } else if (r.status == 429) {
                if (firstRefusal < 0) {
                    firstRefusal = i;
                    refusal = r;
                }
                ++refused;
            }
        }
        QVERIFY2(refused > 0, qPrintable(QString::number(ok)));
        QVERIFY(firstRefusal >= 100);
        QCOMPARE(refusal.object().value(u"error"_s).toString(), u"too_many_requests"_s);
        QVERIFY(refusal.header("Retry-After").isEmpty());
        limited.sandbox().setRateLimits(false);
        QCOMPARE(limited.get(vendor, u"/locations"_s).status, 200);
    }

    void statusFaults()
    {
        FaultSpec spec = fault(FaultKind::Status, u"/items"_s);
        spec.status = 429;
        fx().sandbox().faults().add(spec);
        HttpResponse r = get(u"/items?limit=1"_s);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.object().value(u"error"_s).toString(), u"too_many_requests"_s);
        QVERIFY(r.header("Retry-After").isEmpty());
        QCOMPARE(fx().control("POST", u"/faults"_s, {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/items"_s}, {u"kind"_s, 429},
                                                      {u"retry-after"_s, u"2"_s}}).status, 201);
        r = get(u"/items?limit=1"_s);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("2"));
        for (const int status : {500, 503}) {
            spec.status = status;
            fx().sandbox().faults().add(spec);
            r = get(u"/items?limit=1"_s);
            QCOMPARE(r.status, status);
            QCOMPARE(r.object().value(u"error"_s).toString(),
                     status == 500 ? u"internal_server_error"_s : u"service_unavailable"_s);
        }
        QCOMPARE(get(u"/items?limit=1"_s).status, 200);
    }

    void connectionFaults()
    {
        // QNetworkAccessManager silently re-sends a request whose reused
        // connection closed before any answer, so drops hit every attempt.
        fx().sandbox().faults().add(fault(FaultKind::Drop, u"/sales"_s, -1));
        HttpResponse r = get(u"/sales?limit=100"_s);
        fx().sandbox().faults().clear();
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);

        fx().sandbox().faults().add(fault(FaultKind::DropMidBody, u"/sales"_s));
        r = get(u"/sales?limit=100"_s);
        QVERIFY(r.error != QNetworkReply::NoError || r.json().isNull());
        QVERIFY(r.json().isNull());

        fx().sandbox().faults().add(fault(FaultKind::MalformedJson, u"/items"_s));
        r = get(u"/items?limit=10"_s);
        QCOMPARE(r.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        fx().sandbox().faults().add(fault(FaultKind::WrongType, u"/items"_s));
        r = get(u"/items?limit=10"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(u"data"_s).toArray().at(0).toObject().value(u"tag_price"_s).isString());
        QVERIFY(r.object().value(u"data"_s).toArray().at(1).toObject().value(u"tag_price"_s).isDouble());

        // slow: the client gives up, the next request is fine
        FaultSpec slow = fault(FaultKind::Slow, u"/accounts"_s);
        slow.delayMs = 1500;
        fx().sandbox().faults().add(slow);
        QElapsedTimer timer;
        timer.start();
        r = fx().call(vendor, "GET", u"/accounts?limit=1"_s, {}, true, 500);
        QVERIFY(r.timedOut);
        QVERIFY(timer.elapsed() < 1400);
        QTest::qWait(1200);
        QCOMPARE(get(u"/accounts?limit=1"_s).status, 200);
    }

    void dropAfterWriteIsApplied()
    {
        const QJsonObject account = get(u"/accounts?balance:gte=1000&limit=1"_s).object().value(u"data"_s).toArray().at(0).toObject();
        const QString id = account.value(u"id"_s).toString();
        const qint64 balance = account.value(u"balance"_s).toInteger();
        // every attempt loses its answer (QNetworkAccessManager re-sends once the
        // reused connection closes); the re-sent attempt is refused by its reference
        fx().sandbox().faults().add(fault(FaultKind::DropAfterWrite, u"/accounts/payouts"_s, -1));
        const HttpResponse r = post(u"/accounts/payouts"_s, {{u"payouts"_s, QJsonArray{QJsonObject{
                                                                 {u"account"_s, id}, {u"amount"_s, 700}, {u"reference"_s, u"LOST-1"_s}}}}});
        fx().sandbox().faults().clear();
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        // the payout happened once: the client reconciles by its reference before sending again
        QCOMPARE(get(u"/accounts/"_s + id).object().value(u"balance"_s).toInteger(), balance - 700);
        int found = 0;
        for (const QJsonObject &entry : pageAll(u"/balance-entries?type=payout&account="_s + id))
            found += entry.value(u"payout"_s).toObject().value(u"reference"_s) == u"LOST-1"_s ? 1 : 0;
        QCOMPARE(found, 1);
        QCOMPARE(post(u"/accounts/payouts"_s, {{u"payouts"_s, QJsonArray{QJsonObject{
                                                   {u"account"_s, id}, {u"amount"_s, 700}, {u"reference"_s, u"LOST-1"_s}}}}}).status,
                 409);
    }

    void pagingFaults()
    {
        const QList<QJsonObject> clean = pageAll(u"/items"_s, 50);
        fx().sandbox().faults().add(fault(FaultKind::DuplicateRows, u"/items"_s, -1));
        const QList<QJsonObject> doubled = pageAll(u"/items"_s, 50);
        fx().sandbox().faults().clear();
        QVERIFY(doubled.size() > clean.size());
        QCOMPARE(idsOf(doubled), idsOf(clean));
        QCOMPARE(doubled.at(49).value(u"id"_s), doubled.at(50).value(u"id"_s));

        const QString cursor = get(u"/items?limit=20"_s).object().value(u"next_cursor"_s).toString();
        fx().sandbox().faults().add(fault(FaultKind::RepeatCursor, u"/items"_s));
        HttpResponse r = get(u"/items?limit=20&cursor="_s + cursor);
        QCOMPARE(r.object().value(u"next_cursor"_s).toString(), cursor);
        QCOMPARE(r.object().value(u"data"_s).toArray().size(), 20);

        fx().sandbox().faults().add(fault(FaultKind::EmptyPage, u"/items"_s));
        r = get(u"/items?limit=20&cursor="_s + cursor);
        QVERIFY(r.object().value(u"data"_s).toArray().isEmpty());
        QVERIFY(!r.object().value(u"next_cursor"_s).toString().isEmpty());
        QCOMPARE(r.object().value(u"count"_s).toInteger(), inspect().value(u"items"_s).toInteger());
    }

    void activity()
    {
        const QJsonObject before = inspect();
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
        QCOMPARE(fx().control("POST", u"/activity"_s, {{u"steps"_s, 30}}).status, 200);
        const QJsonObject after = inspect();
        QVERIFY(after != before);
        QVERIFY(after.value(u"items"_s).toInteger() > before.value(u"items"_s).toInteger());
        QVERIFY(after.value(u"sales"_s).toInteger() > before.value(u"sales"_s).toInteger());
        QVERIFY(after.value(u"balances_consistent"_s).toBool());
        // counts follow the data, not a stale cache
        QCOMPARE(get(u"/items?limit=1"_s).object().value(u"count"_s).toInteger(), after.value(u"items"_s).toInteger());
        QCOMPARE(get(u"/sales?limit=1"_s).object().value(u"count"_s).toInteger(), after.value(u"sales"_s).toInteger());
        // changed records carry the new update time
        int recent = 0;
        for (const QJsonObject &item : pageAll(u"/items?include_deleted=true"_s)) {
            if (QDateTime::fromString(item.value(u"updated"_s).toString(), Qt::ISODate) >= start)
                ++recent;
        }
        QVERIFY(recent >= 30);
        qint64 total = 0;
        for (const QJsonObject &row : pageAll(u"/accounts/balances"_s))
            total += row.value(u"balance"_s).toInteger();
        QCOMPARE(total, after.value(u"sum_balances"_s).toInteger());
    }

    void determinism()
    {
        SandboxFixture a(options(500, 11));
        SandboxFixture b(options(500, 11));
        SandboxFixture c(options(500, 12));
        for (const QString &path : {u"/items?limit=100&include=quantity&include=tags"_s, u"/sales?limit=100"_s,
                                    u"/accounts?limit=100"_s, u"/balance-entries?limit=100"_s}) {
            const QByteArray first = a.get(vendor, path).body;
            QCOMPARE(first, b.get(vendor, path).body);
            QVERIFY(first != c.get(vendor, path).body);
        }
        QCOMPARE(a.sandbox().vendor(vendor)->inspect(), b.sandbox().vendor(vendor)->inspect());
        QCOMPARE(a.apiKey(vendor), b.apiKey(vendor));
    }

    void largeStoreIsFast()
    {
        QElapsedTimer timer;
        timer.start();
        SandboxFixture big(options(200000, 5));
        const qint64 generation = timer.elapsed();
        QVERIFY2(generation < 5000, qPrintable(QString::number(generation)));
        for (const QString &path : {u"/items?limit=100"_s, u"/items?limit=100&status=stolen"_s,
                                    u"/items?limit=100&tag_price:gte=40000&include=quantity"_s, u"/sales?limit=100&total:gte=30000"_s}) {
            big.get(vendor, path); // the count is cached per filter
            timer.restart();
            const HttpResponse r = big.get(vendor, path);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.object().value(u"data"_s).toArray().size(), 100);
            QVERIFY2(timer.elapsed() < 100, qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxConsignCloud)
#include "tst_sandbox_consigncloud.moc"
