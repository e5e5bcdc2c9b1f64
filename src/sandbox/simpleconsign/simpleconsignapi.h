#pragma once

#include "sandbox/ratelimit.h"
#include "sandbox/vendorapi.h"

#include <QElapsedTimer>
#include <QHash>

#include <memory>

namespace ConsignDesk::Sandbox {

namespace SimpleConsign {
class Store;
class ImageFactory;
} // namespace SimpleConsign

/// @short SimpleConsign (Traxia): the List and Search Inventory API and its image host.
///
/// Below the prefix "/simpleconsign":
///  - GET|POST /app/api/inventory (and ".../inventory/"): a JSON body with "key"
///    and the documented filters; ONE response {"results": [...]} with every
///    matching item, streamed with chunked transfer (no paging).
///  - GET /images/{name} (the original JPEG) and /images/{size}/{name}
///    (thumbnail, small, medium, large: 125/300/600/900 px wide, never upsized).
///
/// credentials(): base_url (root + "/simpleconsign/app/api"), api_key (the
/// location key, derived from the seed), image_base_url (root + "/simpleconsign/images").
///
/// Errors are {"error": message}: 400 (headers not application/json, body not a
/// JSON object, malformed parameter, unknown category), 401 "Invalid API key",
/// 429 "You have made too many API requests in the last ten minutes" with
/// Retry-After (more than requestsPerWindow requests in ten minutes per key), 404.
///
/// inspect() keys, computed from the data (money in cents, times in ms UTC):
///  - items: every item, inactive ones included; active_items, inactive_items (state A / I)
///  - quantity_zero: items with quantity 0 (any state)
///  - ecommerce_items: items flagged E-commerce (any state)
///  - consignment_items, store_items: consignment items / store inventory (any state)
///  - default_results: what a request without filters returns (state A and quantity > 0)
///  - sum_quantity, sum_retail, sum_current_price, sum_cost: over every item
///  - active_sum_retail, active_sum_current_price: over the items in state A
///  - consignors: the number of consignors
///  - max_last_updated: the greatest lastUpdated
///  - statuses: {status: count} over every item; categories: {category: count} over every item
///  - version: bumped by each change (activity)
class SimpleConsignApi : public VendorApi
{
public:
    static constexpr int requestsPerWindow = 100;
    static constexpr qint64 windowMs = 600000;

    explicit SimpleConsignApi(const GenerationOptions &options);
    ~SimpleConsignApi() override;

    QString name() const override { return QStringLiteral("simpleconsign"); }
    QString pathPrefix() const override { return QStringLiteral("/simpleconsign"); }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &root) const override;
    std::optional<Reply> admit(const Request &request, const Route &route) override;
    Reply errorReply(int status, const QString &message) const override;
    QString wrongTypeField() const override { return QStringLiteral("retail"); }
    void setRateLimits(bool on) override;
    void simulateActivity(Rng &rng, const QDateTime &now) override;
    QJsonObject inspect() const override;

    QString apiKey() const { return m_apiKey; }
    const SimpleConsign::Store &store() const { return *m_store; }

private:
    Reply inventory(Request &request);
    Reply image(Request &request, const QString &size, const QString &name);

    std::shared_ptr<SimpleConsign::Store> m_store;
    std::unique_ptr<SimpleConsign::ImageFactory> m_images;
    Router m_router;
    QString m_apiKey;
    bool m_rateLimits = true;
    QHash<QString, WindowLimiter> m_limiters;
    QElapsedTimer m_clock;
};

} // namespace ConsignDesk::Sandbox
