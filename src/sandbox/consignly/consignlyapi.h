#pragma once

#include "sandbox/ratelimit.h"
#include "sandbox/vendorapi.h"

#include <QElapsedTimer>
#include <QHash>

#include <memory>

namespace ConsignDesk::Sandbox {

namespace Consignly {
class Store;
class InventoryIndex;
}

/// @short Consignly, the third-party-logistics warehouse that holds a store's
/// consigned stock: OAuth 2.0 client credentials, warehouse inventory with
/// serial items, and consignment consumables. Base URL is the host root.
///
/// Endpoints (docs/vendor-assumptions.md lists what the docs left open):
///  - POST /connect/token (form-encoded client credentials, or HTTP Basic)
///  - GET /v1/inventory, GET /v1/inventory/{warehouseProductId}/items
///  - GET /v1/consignments, GET /v1/consignments/{consignmentId} (assumed: no documented list)
///  - GET|PUT /v1/consignments/{consignmentId}/consumables
///  - POST|PUT|DELETE /v1/consignments/{consignmentId}/consumables/{consumableTypeId}
///  - GET /v1/consumable-types (assumed)
///
/// credentials(): base_url, api_key (a ready access token valid 30 days),
/// client_id, client_secret, token_url.
///
/// inspect() keys, computed from the data:
///  - warehouses, zones, locations, partners, partner_products: counts
///  - logistic_units: all logistic units (GET /v1/inventory?IncludeDepleted=true lists each once)
///  - stocked_logistic_units: units with at least one line on hand (the default listing's total)
///  - product_lines, depleted_lines (onHand 0), dangerous_good_lines
///  - serial_items: on-hand items of serial-tracked lines (what .../items lists, summed)
///  - sum_available, sum_on_hand: quantities over all product lines
///  - sum_on_hand_volume_cm3, sum_on_hand_weight_g: exact integer totals (cm3, grams)
///  - consignments, consumables (consumable lines over all consignments)
///  - sum_consumable_value_milli: the consumables' values summed, in thousandths
///  - data_version: bumped by every change
class ConsignlyApi : public VendorApi
{
public:
    explicit ConsignlyApi(const GenerationOptions &options);
    ~ConsignlyApi() override;

    QString name() const override { return QStringLiteral("consignly"); }
    QString pathPrefix() const override { return {}; }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &root) const override;
    std::optional<Reply> admit(const Request &request, const Route &route) override;
    Reply errorReply(int status, const QString &message) const override;
    /// "products": the first element of the spoiled array is an inventory
    /// record, whose "products" array then arrives as an object.
    QString wrongTypeField() const override { return QStringLiteral("products"); }
    void setRateLimits(bool on) override { m_rateLimits = on; }
    void simulateActivity(Rng &rng, const QDateTime &now) override;
    QJsonObject inspect() const override;

    /// For tests: the lifetime of tokens issued from now on (default 3600 s).
    void setTokenLifetime(int seconds) { m_tokenLifetime = seconds; }
    /// For tests: every token issued so far, the api_key's too, has expired.
    void expireAllTokens();
    /// For tests: every token issued so far.
    QStringList issuedTokens() const { return m_tokens.keys(); }
    /// For tests: smaller windows than 600 a minute per connection and 3,000 per organisation.
    void setRateLimitWindows(int perConnection, int perOrganisation, qint64 windowMs = 60000);
    const Consignly::Store &store() const { return *m_store; }

private:
    struct Token {
        qint64 expiresMs; ///< ms since 1970 (UTC)
        QString scope;
    };

    QString issueToken(qint64 nowMs, qint64 lifetimeSeconds);
    Reply oauthError(int status, const char *error, const QString &description) const;
    void addRoutes();

    Reply token(const Request &request);
    Reply inventory(const Request &request);
    Reply productItems(const Request &request);
    Reply consignmentList(const Request &request);
    Reply consignment(const Request &request);
    Reply consumables(const Request &request);
    Reply addConsumable(const Request &request);
    Reply replaceConsumables(const Request &request);
    Reply updateConsumable(const Request &request);
    Reply deleteConsumable(const Request &request);
    Reply consumableTypes(const Request &request);

    std::unique_ptr<Consignly::Store> m_store;
    std::unique_ptr<Consignly::InventoryIndex> m_index;
    Router m_router;
    QString m_clientId;
    QString m_clientSecret;
    QString m_apiKey;
    QHash<QString, Token> m_tokens;
    quint64 m_tokenCounter = 0;
    int m_tokenLifetime = 3600;
    bool m_rateLimits;
    int m_perConnection = 600;
    int m_perOrganisation = 3000;
    qint64 m_windowMs = 60000;
    QHash<QString, WindowLimiter> m_connectionLimits;
    WindowLimiter m_organisationLimit;
    QElapsedTimer m_clock;
};

} // namespace ConsignDesk::Sandbox
