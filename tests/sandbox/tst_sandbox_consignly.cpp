// The Consignly emulator over real HTTP on loopback: OAuth, inventory paging
// and filters, serial items, consignments and consumables, rate limits, faults.
#include "sandboxfixture.h"

#include "sandbox/consignly/consignlyapi.h"
#include "sandbox/consignly/consignlystore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>
#include <QtTest/QTest>

using namespace ConsignDesk::Sandbox;

namespace {

const QString vendorName = QStringLiteral("consignly");

SandboxFixture::Options options(qint64 items = 12000, quint64 seed = 7, bool rateLimits = false)
{
    SandboxFixture::Options o;
    o.items = items;
    o.seed = seed;
    o.rateLimits = rateLimits;
    o.vendors = {[](const GenerationOptions &g) { return std::make_unique<ConsignlyApi>(g); }};
    return o;
}

ConsignlyApi *apiOf(SandboxFixture &fixture)
{
    return dynamic_cast<ConsignlyApi *>(fixture.sandbox().vendor(vendorName));
}

bool addFault(SandboxFixture &fixture, const QString &text)
{
    QString error;
    const auto spec = FaultSpec::parse(text, &error);
    if (!spec)
        qWarning("%s", qPrintable(error));
    else
        fixture.sandbox().faults().add(*spec);
    return spec.has_value();
}

/// Every row of a page-index list, page by page until total is reached.
QJsonArray allRows(SandboxFixture &fixture, const QString &path, const char *arrayName, int pageSize = 100,
                   qint64 *total = nullptr)
{
    QJsonArray rows;
    const QString separator = path.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
    for (int index = 1; index < 10000; ++index) {
        const HttpResponse response = fixture.get(
            vendorName, path + separator + QStringLiteral("PageIndex=%1&PageSize=%2").arg(index).arg(pageSize));
        if (response.status != 200)
            return {};
        const QJsonObject page = response.object();
        const QJsonArray pageRows = page.value(QLatin1String(arrayName)).toArray();
        if (total)
            *total = page.value(QStringLiteral("total")).toInteger();
        for (const QJsonValue &row : pageRows)
            rows.append(row);
        if (pageRows.isEmpty() || rows.size() >= page.value(QStringLiteral("total")).toInteger())
            break;
    }
    return rows;
}

QString errorType(const HttpResponse &response)
{
    return response.object().value(QStringLiteral("ErrorType")).toString();
}

QByteArray form(const QString &text)
{
    return text.toUtf8();
}

} // namespace

class TestSandboxConsignly : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void credentials();
    void tokenEndpoint();
    void authFailures();
    void expiredTokens();
    void inventoryPage();
    void inventoryPagingToEnd();
    void inventoryFilters();
    void inventoryBadQueries();
    void productItems();
    void consignments();
    void consumables();
    void rateLimits();
    void statusFaults();
    void connectionFaults();
    void bodyFaults();
    void pagingFaults();
    void slowFault();
    void activity();
    void determinism();

private:
    std::unique_ptr<SandboxFixture> m_fixture;
    ConsignlyApi *m_api = nullptr;
};

void TestSandboxConsignly::initTestCase()
{
    m_fixture = std::make_unique<SandboxFixture>(options());
    m_api = apiOf(*m_fixture);
    QVERIFY(m_api);
}

void TestSandboxConsignly::credentials()
{
    const QJsonObject credentials = m_fixture->credentials(vendorName);
    const QString root = m_fixture->sandbox().rootUrl();
    QCOMPARE(credentials.value(QStringLiteral("base_url")).toString(), root);
    QVERIFY(!credentials.value(QStringLiteral("api_key")).toString().isEmpty());
    QVERIFY(!credentials.value(QStringLiteral("client_id")).toString().isEmpty());
    QVERIFY(!credentials.value(QStringLiteral("client_secret")).toString().isEmpty());
    QCOMPARE(credentials.value(QStringLiteral("token_url")).toString(), root + QStringLiteral("/connect/token"));
    QCOMPARE(m_api->pathPrefix(), QString());
}

void TestSandboxConsignly::tokenEndpoint()
{
    const QJsonObject credentials = m_fixture->credentials(vendorName);
    const QUrl tokenUrl(credentials.value(QStringLiteral("token_url")).toString());
    const QString id = credentials.value(QStringLiteral("client_id")).toString();
    const QString secret = credentials.value(QStringLiteral("client_secret")).toString();
    const QList<QPair<QByteArray, QByteArray>> formType{{"Content-Type", "application/x-www-form-urlencoded"}};

    HttpResponse response = m_fixture->request(
        "POST", tokenUrl, form(QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2&scope=consignly_api").arg(id, secret)),
        formType);
    QCOMPARE(response.status, 200);
    QJsonObject token = response.object();
    QCOMPARE(token.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(token.value(QStringLiteral("expires_in")).toInt(), 3600);
    QCOMPARE(token.value(QStringLiteral("scope")).toString(), QStringLiteral("consignly_api"));
    const QByteArray accessToken = token.value(QStringLiteral("access_token")).toString().toUtf8();
    QVERIFY(!accessToken.isEmpty());
    response = m_fixture->request("GET", QUrl(m_fixture->baseUrl(vendorName) + QStringLiteral("/v1/consumable-types")), {},
                                  {{"Authorization", "Bearer " + accessToken}});
    QCOMPARE(response.status, 200);

    // HTTP Basic client authentication.
    const QByteArray basic = "Basic " + (id + u':' + secret).toUtf8().toBase64();
    response = m_fixture->request("POST", tokenUrl, "grant_type=client_credentials",
                                  {formType.first(), {"Authorization", basic}});
    QCOMPARE(response.status, 200);
    QVERIFY(!response.object().value(QStringLiteral("access_token")).toString().isEmpty());

    // A wrong secret in the body: 400; over Basic: 401 with a challenge.
    response = m_fixture->request(
        "POST", tokenUrl, form(QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=nope").arg(id)), formType);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    response = m_fixture->request("POST", tokenUrl, "grant_type=client_credentials",
                                  {formType.first(), {"Authorization", "Basic " + QByteArray("x:y").toBase64()}});
    QCOMPARE(response.status, 401);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY(response.header("WWW-Authenticate").startsWith("Basic"));

    response = m_fixture->request(
        "POST", tokenUrl, form(QStringLiteral("grant_type=password&client_id=%1&client_secret=%2").arg(id, secret)), formType);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
    response = m_fixture->request("POST", tokenUrl, form(QStringLiteral("client_id=%1&client_secret=%2").arg(id, secret)),
                                  formType);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    response = m_fixture->request(
        "POST", tokenUrl,
        form(QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2&scope=offline_access").arg(id, secret)),
        formType);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_scope"));
    response = m_fixture->request("POST", tokenUrl, "{\"grant_type\":\"client_credentials\"}",
                                  {{"Content-Type", "application/json"}});
    QCOMPARE(response.status, 400);
    QCOMPARE(response.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
}

void TestSandboxConsignly::authFailures()
{
    HttpResponse response = m_fixture->call(vendorName, "GET", QStringLiteral("/v1/inventory"), {}, false);
    QCOMPARE(response.status, 401);
    QCOMPARE(errorType(response), QStringLiteral("Unauthorized"));
    QVERIFY(response.object().value(QStringLiteral("ErrorMessages")).toArray().size() == 1);
    QVERIFY(response.header("WWW-Authenticate").startsWith("Bearer"));

    const QUrl url(m_fixture->baseUrl(vendorName) + QStringLiteral("/v1/inventory"));
    response = m_fixture->request("GET", url, {}, {{"Authorization", "Bearer not-a-token"}});
    QCOMPARE(response.status, 401);
    response = m_fixture->request("GET", url, {}, {{"Authorization", "Basic " + QByteArray("a:b").toBase64()}});
    QCOMPARE(response.status, 401);

    // A token issued with no lifetime left is expired at once.
    const QJsonObject credentials = m_fixture->credentials(vendorName);
    m_api->setTokenLifetime(0);
    response = m_fixture->request("POST", QUrl(credentials.value(QStringLiteral("token_url")).toString()),
                                  form(QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2")
                                           .arg(credentials.value(QStringLiteral("client_id")).toString(),
                                                credentials.value(QStringLiteral("client_secret")).toString())),
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    m_api->setTokenLifetime(3600);
    QCOMPARE(response.status, 200);
    const QByteArray expired = response.object().value(QStringLiteral("access_token")).toString().toUtf8();
    response = m_fixture->request("GET", url, {}, {{"Authorization", "Bearer " + expired}});
    QCOMPARE(response.status, 401);
    QVERIFY(response.object().value(QStringLiteral("ErrorMessages")).toArray().at(0).toString().contains(QStringLiteral("expired")));
}

void TestSandboxConsignly::expiredTokens()
{
    SandboxFixture fixture(options(100));
    QCOMPARE(fixture.get(vendorName, QStringLiteral("/v1/inventory")).status, 200);
    apiOf(fixture)->expireAllTokens();
    const HttpResponse response = fixture.get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 401);
    QCOMPARE(errorType(response), QStringLiteral("Unauthorized"));
}

void TestSandboxConsignly::inventoryPage()
{
    const QJsonObject summary = m_api->inspect();
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 200);
    QJsonObject page = response.object();
    QCOMPARE(page.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(page.value(QStringLiteral("total")).toInteger(), summary.value(QStringLiteral("stocked_logistic_units")).toInteger());
    const QJsonArray rows = page.value(QStringLiteral("inventory")).toArray();
    QCOMPARE(rows.size(), 25);
    for (const QJsonValue &value : rows) {
        const QJsonObject unit = value.toObject().value(QStringLiteral("logisticUnit")).toObject();
        for (const char *key : {"warehouseLogisticUnitId", "partnerId", "partnerName", "logisticUnitNumber", "referenceNumber",
                                "ssccNumber", "warehouseLocationId", "warehouseLocationName", "warehouseLocationType",
                                "warehouseId", "warehouseName", "availableQuantity", "availableVolumeM3",
                                "availableWeightKG", "onHandQuantity", "onHandVolumeM3", "onHandWeightKG"})
            QVERIFY2(unit.contains(QLatin1String(key)), key);
        QCOMPARE(unit.value(QStringLiteral("ssccNumber")).toString().size(), 18);
        const QJsonArray products = value.toObject().value(QStringLiteral("products")).toArray();
        QVERIFY(!products.isEmpty());
        qint64 available = 0, onHand = 0;
        for (const QJsonValue &productValue : products) {
            const QJsonObject product = productValue.toObject();
            for (const char *key : {"warehouseProductId", "partnerProductId", "partnerProductCode", "partnerProductName",
                                    "isSerialRequired", "serialTrackingMode", "isDangerousGood", "availableQuantity",
                                    "onHandQuantity", "onHandVolumeM3", "onHandWeightKG", "attributes"})
                QVERIFY2(product.contains(QLatin1String(key)), key);
            QCOMPARE(product.value(QStringLiteral("partnerId")), unit.value(QStringLiteral("partnerId")));
            QCOMPARE(product.value(QStringLiteral("warehouseLocationId")), unit.value(QStringLiteral("warehouseLocationId")));
            const int mode = product.value(QStringLiteral("serialTrackingMode")).toInt();
            QVERIFY(mode >= 1 && mode <= 3);
            QCOMPARE(product.value(QStringLiteral("isSerialRequired")).toBool(), mode != 1);
            QVERIFY(product.value(QStringLiteral("onHandQuantity")).toInteger() > 0); // depleted lines left out
            QVERIFY(product.value(QStringLiteral("availableQuantity")).toInteger()
                    <= product.value(QStringLiteral("onHandQuantity")).toInteger());
            available += product.value(QStringLiteral("availableQuantity")).toInteger();
            onHand += product.value(QStringLiteral("onHandQuantity")).toInteger();
        }
        QCOMPARE(unit.value(QStringLiteral("availableQuantity")).toInteger(), available);
        QCOMPARE(unit.value(QStringLiteral("onHandQuantity")).toInteger(), onHand);
    }

    // PageSize above 500 is capped.
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?PageSize=5000&IncludeDepleted=true"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.object().value(QStringLiteral("inventory")).toArray().size(), 500);
    // A page past the end is empty but keeps the total.
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?PageIndex=999&PageSize=100"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.object().value(QStringLiteral("index")).toInt(), 999);
    QVERIFY(response.object().value(QStringLiteral("inventory")).toArray().isEmpty());
    QCOMPARE(response.object().value(QStringLiteral("total")).toInteger(), page.value(QStringLiteral("total")).toInteger());
}

void TestSandboxConsignly::inventoryPagingToEnd()
{
    const QJsonObject summary = m_api->inspect();
    qint64 total = 0;
    const QJsonArray everything = allRows(*m_fixture, QStringLiteral("/v1/inventory?IncludeDepleted=true"), "inventory", 100, &total);
    QCOMPARE(qint64(everything.size()), summary.value(QStringLiteral("logistic_units")).toInteger());
    QCOMPARE(total, qint64(everything.size()));
    QSet<QString> unitIds, lineIds;
    qint64 lines = 0, depleted = 0, available = 0, onHand = 0, serialItems = 0;
    for (const QJsonValue &row : everything) {
        unitIds.insert(row[QStringLiteral("logisticUnit")][QStringLiteral("warehouseLogisticUnitId")].toString());
        for (const QJsonValue &product : row[QStringLiteral("products")].toArray()) {
            ++lines;
            lineIds.insert(product[QStringLiteral("warehouseProductId")].toString());
            const qint64 quantity = product[QStringLiteral("onHandQuantity")].toInteger();
            depleted += quantity == 0 ? 1 : 0;
            onHand += quantity;
            available += product[QStringLiteral("availableQuantity")].toInteger();
            serialItems += product[QStringLiteral("isSerialRequired")].toBool() ? quantity : 0;
        }
    }
    QCOMPARE(qint64(unitIds.size()), qint64(everything.size()));
    QCOMPARE(qint64(lineIds.size()), lines);
    QCOMPARE(lines, summary.value(QStringLiteral("product_lines")).toInteger());
    QCOMPARE(depleted, summary.value(QStringLiteral("depleted_lines")).toInteger());
    QVERIFY(depleted > 0);
    QCOMPARE(available, summary.value(QStringLiteral("sum_available")).toInteger());
    QCOMPARE(onHand, summary.value(QStringLiteral("sum_on_hand")).toInteger());
    QCOMPARE(serialItems, summary.value(QStringLiteral("serial_items")).toInteger());

    // The default listing: units with stock, their stocked lines only.
    const QJsonArray stocked = allRows(*m_fixture, QStringLiteral("/v1/inventory"), "inventory", 250);
    QCOMPARE(qint64(stocked.size()), summary.value(QStringLiteral("stocked_logistic_units")).toInteger());
    qint64 stockedLines = 0;
    for (const QJsonValue &row : stocked)
        stockedLines += row[QStringLiteral("products")].toArray().size();
    QCOMPARE(stockedLines, lines - depleted);
}

void TestSandboxConsignly::inventoryFilters()
{
    const QJsonArray everything = allRows(*m_fixture, QStringLiteral("/v1/inventory?IncludeDepleted=true"), "inventory", 500);
    QVERIFY(everything.size() > 100);
    const QJsonObject first = everything.at(0).toObject();
    const QJsonObject unit = first.value(QStringLiteral("logisticUnit")).toObject();
    const QJsonObject product = first.value(QStringLiteral("products")).toArray().at(0).toObject();

    auto check = [&](const QString &query, const std::function<bool(const QJsonObject &, const QJsonObject &)> &lineOk) {
        const QJsonArray rows = allRows(*m_fixture, QStringLiteral("/v1/inventory?IncludeDepleted=true&") + query, "inventory", 500);
        bool ok = !rows.isEmpty() && rows.size() < everything.size();
        for (const QJsonValue &row : rows) {
            const QJsonObject lu = row[QStringLiteral("logisticUnit")].toObject();
            for (const QJsonValue &line : row[QStringLiteral("products")].toArray())
                ok = ok && lineOk(lu, line.toObject());
        }
        if (!ok)
            qWarning("filter %s: %lld rows", qPrintable(query), qint64(rows.size()));
        return ok;
    };
    auto same = [](const char *key, const QJsonValue &expected) {
        return [key, expected](const QJsonObject &, const QJsonObject &line) { return line.value(QLatin1String(key)) == expected; };
    };
    QVERIFY(check(QStringLiteral("PartnerId=") + unit[QStringLiteral("partnerId")].toString(),
                  same("partnerId", unit[QStringLiteral("partnerId")])));
    QVERIFY(check(QStringLiteral("PartnerProductId=") + product[QStringLiteral("partnerProductId")].toString(),
                  same("partnerProductId", product[QStringLiteral("partnerProductId")])));
    QVERIFY(check(QStringLiteral("WarehouseId=") + unit[QStringLiteral("warehouseId")].toString(),
                  same("warehouseId", unit[QStringLiteral("warehouseId")])));
    QVERIFY(check(QStringLiteral("WarehouseLocationId=") + unit[QStringLiteral("warehouseLocationId")].toString(),
                  same("warehouseLocationId", unit[QStringLiteral("warehouseLocationId")])));

    // Zones are not in the rows: ask the store which zone the first unit's location is in.
    const Consignly::Store &store = m_api->store();
    QHash<QString, quint32> zoneOfLocation;
    for (std::size_t i = 0; i < store.locations.size(); ++i)
        zoneOfLocation.insert(store.id(Consignly::IdKind::Location, i), store.locations[i].zone);
    const quint32 zone = zoneOfLocation.value(unit[QStringLiteral("warehouseLocationId")].toString());
    QVERIFY(check(QStringLiteral("WarehouseZoneId=") + store.id(Consignly::IdKind::Zone, zone),
                  [&](const QJsonObject &lu, const QJsonObject &) {
                      return zoneOfLocation.value(lu[QStringLiteral("warehouseLocationId")].toString()) == zone;
                  }));

    // Dangerous goods by hazard class and category.
    QJsonObject dangerous;
    for (const QJsonValue &row : everything) {
        for (const QJsonValue &line : row[QStringLiteral("products")].toArray()) {
            if (dangerous.isEmpty() && line[QStringLiteral("isDangerousGood")].toBool())
                dangerous = line.toObject();
        }
    }
    QVERIFY(!dangerous.isEmpty());
    QVERIFY(dangerous.value(QStringLiteral("dgUnNumber")).toInt() > 1000);
    QVERIFY(dangerous.contains(QStringLiteral("dgHazchemFireCode")));
    QVERIFY(check(QStringLiteral("DgHazardClassId=") + dangerous[QStringLiteral("dgHazardClassId")].toString(),
                  same("dgHazardClassId", dangerous[QStringLiteral("dgHazardClassId")])));
    QVERIFY(check(QStringLiteral("DgHazardCategoryId=") + dangerous[QStringLiteral("dgHazardCategoryId")].toString(),
                  same("dgHazardCategoryId", dangerous[QStringLiteral("dgHazardCategoryId")])));

    // SearchText: a product code, an SSCC, a batch.
    const QString code = product[QStringLiteral("partnerProductCode")].toString();
    QVERIFY(check(QStringLiteral("SearchText=") + code.toLower(), [&](const QJsonObject &, const QJsonObject &line) {
        return line[QStringLiteral("partnerProductCode")].toString() == code;
    }));
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?IncludeDepleted=true&SearchText=")
                                                           + unit[QStringLiteral("ssccNumber")].toString());
    QCOMPARE(response.object().value(QStringLiteral("total")).toInt(), 1);
    QString batch;
    for (const QJsonValue &row : everything) {
        for (const QJsonValue &line : row[QStringLiteral("products")].toArray()) {
            if (batch.isEmpty() && line[QStringLiteral("batch")].isString())
                batch = line[QStringLiteral("batch")].toString();
        }
    }
    QVERIFY(!batch.isEmpty());
    QVERIFY(check(QStringLiteral("SearchText=") + batch, [&](const QJsonObject &, const QJsonObject &line) {
        return line[QStringLiteral("batch")].toString() == batch;
    }));

    // IncludeDepleted: off by default, leaves zero-quantity lines out.
    const qint64 withDepleted = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?IncludeDepleted=TRUE"))
                                    .object().value(QStringLiteral("total")).toInteger();
    const qint64 without = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?IncludeDepleted=false"))
                               .object().value(QStringLiteral("total")).toInteger();
    QCOMPARE(withDepleted, qint64(everything.size()));
    QCOMPARE(without, m_api->inspect().value(QStringLiteral("stocked_logistic_units")).toInteger());
    QVERIFY(without < withDepleted);

    // A well-formed id that names nothing matches nothing.
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?PartnerId=550e8400-e29b-41d4-a716-446655441001"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.object().value(QStringLiteral("total")).toInt(), 0);
}

void TestSandboxConsignly::inventoryBadQueries()
{
    for (const QString &query : {QStringLiteral("PartnerId=42"), QStringLiteral("WarehouseId=not-a-uuid"),
                                 QStringLiteral("DgHazardClassId=550e8400e29b41d4a716446655441001"),
                                 QStringLiteral("PageIndex=0"), QStringLiteral("PageIndex=two"),
                                 QStringLiteral("PageSize=-5"), QStringLiteral("IncludeDepleted=maybe")}) {
        const HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?") + query);
        QVERIFY2(response.status == 400, qPrintable(query));
        QCOMPARE(errorType(response), QStringLiteral("ValidationError"));
        QVERIFY(!response.object().value(QStringLiteral("ErrorMessages")).toArray().isEmpty());
    }
    const HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/nothing-here"));
    QCOMPARE(response.status, 404);
    QCOMPARE(errorType(response), QStringLiteral("NotFound"));
}

void TestSandboxConsignly::productItems()
{
    const QJsonArray everything = allRows(*m_fixture, QStringLiteral("/v1/inventory"), "inventory", 500);
    QJsonObject tracked, untracked;
    for (const QJsonValue &row : everything) {
        for (const QJsonValue &line : row[QStringLiteral("products")].toArray()) {
            const bool serial = line[QStringLiteral("isSerialRequired")].toBool();
            if (serial && (tracked.isEmpty() || line[QStringLiteral("onHandQuantity")].toInteger()
                                                    > tracked.value(QStringLiteral("onHandQuantity")).toInteger()))
                tracked = line.toObject();
            if (!serial && untracked.isEmpty())
                untracked = line.toObject();
        }
    }
    QVERIFY(tracked.value(QStringLiteral("onHandQuantity")).toInteger() > 3);
    const QString path = QStringLiteral("/v1/inventory/%1/items").arg(tracked[QStringLiteral("warehouseProductId")].toString());
    qint64 total = 0;
    const QJsonArray items = allRows(*m_fixture, path, "items", 3, &total);
    QCOMPARE(total, tracked.value(QStringLiteral("onHandQuantity")).toInteger());
    QCOMPARE(qint64(items.size()), total);
    QSet<QString> serials, ids;
    qint64 available = 0;
    for (const QJsonValue &item : items) {
        serials.insert(item[QStringLiteral("serial")].toString());
        ids.insert(item[QStringLiteral("warehouseProductItemId")].toString());
        QCOMPARE(item[QStringLiteral("onHandQuantity")].toInt(), 1);
        QCOMPARE(item[QStringLiteral("transferableQuantity")], item[QStringLiteral("availableQuantity")]);
        available += item[QStringLiteral("availableQuantity")].toInteger();
    }
    QCOMPARE(qint64(serials.size()), total);
    QCOMPARE(qint64(ids.size()), total);
    QCOMPARE(available, tracked.value(QStringLiteral("availableQuantity")).toInteger());

    HttpResponse response = m_fixture->get(
        vendorName, QStringLiteral("/v1/inventory/%1/items").arg(untracked[QStringLiteral("warehouseProductId")].toString()));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.object().value(QStringLiteral("total")).toInt(), 0);
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory/550e8400-e29b-41d4-a716-446655441010/items"));
    QCOMPARE(response.status, 404);
    QCOMPARE(errorType(response), QStringLiteral("NotFound"));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory/12345/items"));
    QCOMPARE(response.status, 400);
}

void TestSandboxConsignly::consignments()
{
    const QJsonObject summary = m_api->inspect();
    const QJsonArray list = allRows(*m_fixture, QStringLiteral("/v1/consignments"), "consignments", 50);
    QCOMPARE(qint64(list.size()), summary.value(QStringLiteral("consignments")).toInteger());
    qint64 consumables = 0;
    QSet<QString> ids;
    for (const QJsonValue &row : list) {
        ids.insert(row[QStringLiteral("id")].toString());
        consumables += row[QStringLiteral("consumables")].toArray().size();
    }
    QCOMPARE(qint64(ids.size()), qint64(list.size()));
    QCOMPARE(consumables, summary.value(QStringLiteral("consumables")).toInteger());

    const QJsonObject first = list.at(3).toObject();
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/consignments/") + first[QStringLiteral("id")].toString());
    QCOMPARE(response.status, 200);
    QCOMPARE(response.object(), first);
    response = m_fixture->get(vendorName, QStringLiteral("/v1/consignments/550e8400-e29b-41d4-a716-446655440000"));
    QCOMPARE(response.status, 404);
    QCOMPARE(errorType(response), QStringLiteral("NotFound"));
}

void TestSandboxConsignly::consumables()
{
    const QJsonArray types = m_fixture->get(vendorName, QStringLiteral("/v1/consumable-types?PageSize=100"))
                                 .object().value(QStringLiteral("consumableTypes")).toArray();
    QVERIFY(types.size() >= 4);
    QCOMPARE(types.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Pallet"));
    const QString typeA = types.at(0)[QStringLiteral("id")].toString();
    const QString typeB = types.at(1)[QStringLiteral("id")].toString();
    const QString typeC = types.at(2)[QStringLiteral("id")].toString();

    const QJsonArray list = allRows(*m_fixture, QStringLiteral("/v1/consignments"), "consignments", 500);
    QString consignment;
    for (const QJsonValue &row : list) {
        if (consignment.isEmpty() && row[QStringLiteral("consumables")].toArray().isEmpty())
            consignment = row[QStringLiteral("id")].toString();
    }
    QVERIFY(!consignment.isEmpty());
    const QString base = QStringLiteral("/v1/consignments/%1/consumables").arg(consignment);
    auto current = [&] { return m_fixture->get(vendorName, base).object().value(QStringLiteral("consumables")).toArray(); };
    QVERIFY(current().isEmpty());

    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"value\": 5}").status, 200);
    QJsonArray now = current();
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.at(0)[QStringLiteral("consumableTypeId")].toString(), typeA);
    QCOMPARE(now.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Pallet"));
    QCOMPARE(now.at(0)[QStringLiteral("value")].toDouble(), 5.0);
    HttpResponse response = m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"value\": 5}");
    QCOMPARE(response.status, 409);
    QCOMPARE(errorType(response), QStringLiteral("Conflict"));

    QCOMPARE(m_fixture->call(vendorName, "PUT", base + u'/' + typeA, "{\"value\": 6.5}").status, 200);
    QCOMPARE(current().at(0)[QStringLiteral("value")].toDouble(), 6.5);
    QCOMPARE(m_fixture->call(vendorName, "PUT", base + u'/' + typeA, "{\"value\": 6.5}").status, 304);
    QCOMPARE(m_fixture->call(vendorName, "PUT", base + u'/' + typeC, "{\"value\": 1}").status, 404);

    // Replace all: typeA goes, typeB and typeC come.
    const QByteArray all = QStringLiteral("{\"consumables\":[{\"consumableTypeId\":\"%1\",\"value\":25.5},"
                                          "{\"consumableTypeId\":\"%2\",\"value\":120}]}")
                               .arg(typeB, typeC).toUtf8();
    QCOMPARE(m_fixture->call(vendorName, "PUT", base, all).status, 200);
    now = current();
    QCOMPARE(now.size(), 2);
    QSet<QString> present;
    for (const QJsonValue &item : now)
        present.insert(item[QStringLiteral("consumableTypeId")].toString());
    QCOMPARE(present, (QSet<QString>{typeB, typeC}));
    QCOMPARE(m_fixture->call(vendorName, "PUT", base, all).status, 304);

    // The consignment detail shows them with their own ids and type names.
    const QJsonObject detail = m_fixture->get(vendorName, QStringLiteral("/v1/consignments/") + consignment).object();
    QCOMPARE(detail.value(QStringLiteral("consumables")).toArray().size(), 2);
    const QJsonObject line = detail.value(QStringLiteral("consumables")).toArray().at(0).toObject();
    QVERIFY(!line.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(!line.value(QStringLiteral("consumableTypeName")).toString().isEmpty());

    QCOMPARE(m_fixture->call(vendorName, "DELETE", base + u'/' + typeB).status, 200);
    QCOMPARE(current().size(), 1);
    QCOMPARE(m_fixture->call(vendorName, "DELETE", base + u'/' + typeB).status, 404);

    // Errors: unknown consignment or type 404, bad bodies 400, a negative value 422.
    const QString unknown = QStringLiteral("550e8400-e29b-41d4-a716-446655440900");
    QCOMPARE(m_fixture->call(vendorName, "POST", QStringLiteral("/v1/consignments/%1/consumables/%2").arg(unknown, typeA),
                             "{\"value\": 1}").status, 404);
    QCOMPARE(m_fixture->call(vendorName, "GET", QStringLiteral("/v1/consignments/%1/consumables").arg(unknown)).status, 404);
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + unknown, "{\"value\": 1}").status, 404);
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"value\": \"five\"}").status, 400);
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"amount\": 5}").status, 400);
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + typeA, "not json").status, 400);
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"value\": 1.23456}").status, 400);
    response = m_fixture->call(vendorName, "POST", base + u'/' + typeA, "{\"value\": -2}");
    QCOMPARE(response.status, 422);
    QCOMPARE(errorType(response), QStringLiteral("UnprocessableEntity"));
    QCOMPARE(m_fixture->call(vendorName, "PUT", base, "{\"consumables\": 3}").status, 400);
    const QByteArray twice = QStringLiteral("{\"consumables\":[{\"consumableTypeId\":\"%1\",\"value\":1},"
                                            "{\"consumableTypeId\":\"%1\",\"value\":2}]}").arg(typeA).toUtf8();
    QCOMPARE(m_fixture->call(vendorName, "PUT", base, twice).status, 400);
    QCOMPARE(current().size(), 1);
    QCOMPARE(m_fixture->call(vendorName, "PATCH", base).status, 405);
}

void TestSandboxConsignly::rateLimits()
{
    // The documented 600 a minute per connection, in one burst.
    {
        SandboxFixture fixture(options(100, 7, true));
        int ok = 0;
        HttpResponse response;
        for (int i = 0; i < 601; ++i) {
            response = fixture.get(vendorName, QStringLiteral("/v1/consumable-types?PageSize=1"));
            if (response.status != 200)
                break;
            ++ok;
        }
        QCOMPARE(ok, 600);
        QCOMPARE(response.status, 429);
        QCOMPARE(errorType(response), QStringLiteral("TooManyRequests"));
        QVERIFY(response.header("Retry-After").toInt() >= 1);
        fixture.sandbox().setRateLimits(false);
        QCOMPARE(fixture.get(vendorName, QStringLiteral("/v1/consumable-types")).status, 200);
    }
    // Per connection (token) and per organisation, with small windows.
    SandboxFixture fixture(options(100, 7, true));
    ConsignlyApi *api = apiOf(fixture);
    api->setRateLimitWindows(5, 8);
    const QJsonObject credentials = fixture.credentials(vendorName);
    const HttpResponse token = fixture.request(
        "POST", QUrl(credentials.value(QStringLiteral("token_url")).toString()),
        form(QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2")
                 .arg(credentials.value(QStringLiteral("client_id")).toString(),
                      credentials.value(QStringLiteral("client_secret")).toString())),
        {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(token.status, 200);
    const QByteArray second = "Bearer " + token.object().value(QStringLiteral("access_token")).toString().toUtf8();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(fixture.get(vendorName, QStringLiteral("/v1/consumable-types")).status, 200);
    HttpResponse response = fixture.get(vendorName, QStringLiteral("/v1/consumable-types"));
    QCOMPARE(response.status, 429);
    QVERIFY(response.object().value(QStringLiteral("ErrorMessages")).toArray().at(0).toString().contains(QStringLiteral("connection")));
    const QUrl url(fixture.baseUrl(vendorName) + QStringLiteral("/v1/consumable-types"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(fixture.request("GET", url, {}, {{"Authorization", second}}).status, 200);
    response = fixture.request("GET", url, {}, {{"Authorization", second}});
    QCOMPARE(response.status, 429);
    QVERIFY(response.object().value(QStringLiteral("ErrorMessages")).toArray().at(0).toString().contains(QStringLiteral("organisation")));
    QVERIFY(response.header("Retry-After").toInt() >= 1);
    fixture.control("POST", QStringLiteral("/rate-limits"), QJsonObject{{QStringLiteral("enabled"), false}});
    QCOMPARE(fixture.request("GET", url, {}, {{"Authorization", second}}).status, 200);
}

void TestSandboxConsignly::statusFaults()
{
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:429:retry-after=7")));
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 429);
    QCOMPARE(response.header("Retry-After"), QByteArray("7"));
    QCOMPARE(errorType(response), QStringLiteral("TooManyRequests"));
    QCOMPARE(m_fixture->get(vendorName, QStringLiteral("/v1/inventory")).status, 200); // count=1: once only

    // Through the test API, without Retry-After.
    QCOMPARE(m_fixture->control("POST", QStringLiteral("/faults"),
                                QJsonObject{{QStringLiteral("vendor"), vendorName},
                                            {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                                            {QStringLiteral("kind"), 429}}).status, 201);
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 429);
    QVERIFY(response.header("Retry-After").isEmpty());

    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:*:500")));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/consignments"));
    QCOMPARE(response.status, 500);
    QCOMPARE(errorType(response), QStringLiteral("ServerError"));
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/consignments:503:retry-after=2")));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/consignments"));
    QCOMPARE(response.status, 503);
    QCOMPARE(errorType(response), QStringLiteral("ServiceUnavailable"));
    QCOMPARE(response.header("Retry-After"), QByteArray("2"));
}

void TestSandboxConsignly::connectionFaults()
{
    // count=3: QNetworkAccessManager silently resends twice after a reset.
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:drop:count=3")));
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 0);
    QVERIFY(response.error != QNetworkReply::NoError);
    m_fixture->sandbox().faults().clear();

    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:drop-mid-body")));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory?PageSize=200"));
    QVERIFY(response.error != QNetworkReply::NoError);
    QVERIFY(QJsonDocument::fromJson(response.body).isNull());

    // The write happens though the client saw the connection reset.
    const QJsonArray types = m_fixture->get(vendorName, QStringLiteral("/v1/consumable-types?PageSize=100"))
                                 .object().value(QStringLiteral("consumableTypes")).toArray();
    const QString consignment = m_fixture->get(vendorName, QStringLiteral("/v1/consignments?PageSize=1"))
                                    .object().value(QStringLiteral("consignments")).toArray().at(0)[QStringLiteral("id")].toString();
    const QString base = QStringLiteral("/v1/consignments/%1/consumables").arg(consignment);
    QString missingType;
    const QJsonArray present = m_fixture->get(vendorName, base).object().value(QStringLiteral("consumables")).toArray();
    for (const QJsonValue &type : types) {
        bool there = false;
        for (const QJsonValue &item : present)
            there = there || item[QStringLiteral("consumableTypeId")] == type[QStringLiteral("id")];
        if (!there && missingType.isEmpty())
            missingType = type[QStringLiteral("id")].toString();
    }
    QVERIFY(!missingType.isEmpty());
    // QNetworkAccessManager resends a request (even a POST) up to twice when the
    // connection closes before any answer, so the fault must hit all three tries:
    // the first applies the write, the resends meet 409 and are dropped as well.
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/consignments/{consignmentId}/consumables/{consumableTypeId}:drop-after-write:method=POST:count=3")));
    response = m_fixture->call(vendorName, "POST", base + u'/' + missingType, "{\"value\": 3.25}");
    QCOMPARE(response.status, 0);
    QVERIFY(response.error != QNetworkReply::NoError);
    const QJsonArray after = m_fixture->get(vendorName, base).object().value(QStringLiteral("consumables")).toArray();
    QCOMPARE(after.size(), present.size() + 1);
    bool applied = false;
    for (const QJsonValue &item : after)
        applied = applied || (item[QStringLiteral("consumableTypeId")].toString() == missingType && item[QStringLiteral("value")].toDouble() == 3.25);
    QVERIFY(applied);
    // Retrying the same POST now conflicts: the caller must reconcile first.
    QCOMPARE(m_fixture->call(vendorName, "POST", base + u'/' + missingType, "{\"value\": 3.25}").status, 409);
}

void TestSandboxConsignly::bodyFaults()
{
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:malformed-json")));
    HttpResponse response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 200);
    QJsonParseError error{};
    QJsonDocument::fromJson(response.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);

    // The default field: the first record's "products" array arrives as an object.
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:wrong-type")));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory"));
    QCOMPARE(response.status, 200);
    QJsonArray rows = response.object().value(QStringLiteral("inventory")).toArray();
    QVERIFY(rows.at(0)[QStringLiteral("products")].isObject());
    QVERIFY(rows.at(1)[QStringLiteral("products")].isArray());

    // availableQuantity on the first serial item turns into a string.
    QString trackedLine;
    for (const QJsonValue &row : allRows(*m_fixture, QStringLiteral("/v1/inventory"), "inventory", 500)) {
        for (const QJsonValue &line : row[QStringLiteral("products")].toArray()) {
            if (trackedLine.isEmpty() && line[QStringLiteral("isSerialRequired")].toBool())
                trackedLine = line[QStringLiteral("warehouseProductId")].toString();
        }
    }
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory/{warehouseProductId}/items:wrong-type:field=availableQuantity")));
    response = m_fixture->get(vendorName, QStringLiteral("/v1/inventory/%1/items").arg(trackedLine));
    QVERIFY(response.object().value(QStringLiteral("items")).toArray().at(0)[QStringLiteral("availableQuantity")].isString());
}

void TestSandboxConsignly::pagingFaults()
{
    const QString path = QStringLiteral("/v1/inventory?PageSize=10&PageIndex=");
    const QJsonArray page1 = m_fixture->get(vendorName, path + u'1').object().value(QStringLiteral("inventory")).toArray();
    const QJsonObject plain2 = m_fixture->get(vendorName, path + u'2').object();
    QCOMPARE(page1.size(), 10);

    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:duplicate-rows")));
    const QJsonArray duplicated = m_fixture->get(vendorName, path + u'2').object().value(QStringLiteral("inventory")).toArray();
    QCOMPARE(duplicated.at(0), page1.at(9));

    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:repeat-cursor")));
    const QJsonObject repeated = m_fixture->get(vendorName, path + u'2').object();
    QCOMPARE(repeated.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(repeated.value(QStringLiteral("inventory")).toArray(), page1);

    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/inventory:empty-page")));
    const QJsonObject empty = m_fixture->get(vendorName, path + u'2').object();
    QVERIFY(empty.value(QStringLiteral("inventory")).toArray().isEmpty());
    QCOMPARE(empty.value(QStringLiteral("total")), plain2.value(QStringLiteral("total")));
    QCOMPARE(empty.value(QStringLiteral("index")).toInt(), 2);
}

void TestSandboxConsignly::slowFault()
{
    QVERIFY(addFault(*m_fixture, QStringLiteral("consignly:/v1/consignments:slow:delay=1500")));
    QElapsedTimer clock;
    clock.start();
    const HttpResponse response = m_fixture->call(vendorName, "GET", QStringLiteral("/v1/consignments"), {}, true, 500);
    QVERIFY(response.timedOut);
    QCOMPARE(response.status, 0);
    QVERIFY(clock.elapsed() < 1400);
    QCOMPARE(m_fixture->get(vendorName, QStringLiteral("/v1/consignments")).status, 200);
}

void TestSandboxConsignly::activity()
{
    const QJsonObject before = m_api->inspect();
    m_fixture->sandbox().runActivity(30);
    QCOMPARE(m_fixture->control("POST", QStringLiteral("/activity"), QJsonObject{{QStringLiteral("steps"), 10}}).status, 200);
    const QJsonObject after = m_fixture->control("GET", QStringLiteral("/inspect/consignly")).object();
    QVERIFY(after.value(QStringLiteral("data_version")).toInteger() > before.value(QStringLiteral("data_version")).toInteger());
    QVERIFY(after.value(QStringLiteral("logistic_units")).toInteger() > before.value(QStringLiteral("logistic_units")).toInteger());
    QVERIFY(after.value(QStringLiteral("consignments")).toInteger() > before.value(QStringLiteral("consignments")).toInteger());
    QVERIFY(after.value(QStringLiteral("sum_available")).toInteger() != before.value(QStringLiteral("sum_available")).toInteger());

    // The listing still agrees with the summary.
    const QJsonArray everything = allRows(*m_fixture, QStringLiteral("/v1/inventory?IncludeDepleted=true"), "inventory", 500);
    QCOMPARE(qint64(everything.size()), after.value(QStringLiteral("logistic_units")).toInteger());
    qint64 available = 0, onHand = 0;
    for (const QJsonValue &row : everything) {
        for (const QJsonValue &line : row[QStringLiteral("products")].toArray()) {
            QVERIFY(line[QStringLiteral("availableQuantity")].toInteger() <= line[QStringLiteral("onHandQuantity")].toInteger());
            QVERIFY(line[QStringLiteral("availableQuantity")].toInteger() >= 0);
            available += line[QStringLiteral("availableQuantity")].toInteger();
            onHand += line[QStringLiteral("onHandQuantity")].toInteger();
        }
    }
    QCOMPARE(available, after.value(QStringLiteral("sum_available")).toInteger());
    QCOMPARE(onHand, after.value(QStringLiteral("sum_on_hand")).toInteger());
    QCOMPARE(m_fixture->get(vendorName, QStringLiteral("/v1/inventory")).object().value(QStringLiteral("total")).toInteger(),
             after.value(QStringLiteral("stocked_logistic_units")).toInteger());
}

void TestSandboxConsignly::determinism()
{
    SandboxFixture a(options(5000, 11));
    SandboxFixture b(options(5000, 11));
    SandboxFixture c(options(5000, 12));
    for (const QString &path : {QStringLiteral("/v1/inventory?IncludeDepleted=true"), QStringLiteral("/v1/consignments")}) {
        const QByteArray first = a.get(vendorName, path).body;
        QVERIFY(!first.isEmpty());
        QCOMPARE(b.get(vendorName, path).body, first);
        QVERIFY(c.get(vendorName, path).body != first);
    }
    QCOMPARE(apiOf(a)->inspect(), apiOf(b)->inspect());
}

QTEST_GUILESS_MAIN(TestSandboxConsignly)
#include "tst_sandbox_consignly.moc"
