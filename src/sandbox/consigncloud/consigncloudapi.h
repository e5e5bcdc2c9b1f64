#pragma once

#include "sandbox/ratelimit.h"
#include "sandbox/vendorapi.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

namespace ConsignDesk::Sandbox {

class JsonWriter;

namespace ConsignCloud {
class Store;
struct Query;
struct QuerySpec;
}

/// @short The ConsignCloud API (`/consigncloud/api/v1`): items, sales, item
/// sales, accounts, balance entries, payouts, batches, categories, locations,
/// discounts, taxes, trends, reports and suggestions, over generated data.
///
/// Auth is `Authorization: Bearer <key>`; credentials() gives `base_url`,
/// `api_key` (every permission) and `restricted_api_key` (every read
/// permission except read:items). Errors are `{"error": code, "message": text}`
/// plus `required_permission` on 403. Lists answer `{count, data, next_cursor}`.
/// The assumptions behind shapes the doc leaves open are listed in
/// docs/vendor-assumptions.md (consigncloud lines).
///
/// inspect() keys, all computed from the rows themselves:
///  - items, deleted_items, sold_items: counts (items excludes soft-deleted ones)
///  - items_by_status: {status: count} over items that are not deleted
///  - sum_tag_price: cents, over items that are not deleted
///  - accounts, deleted_accounts
///  - sales, sales_by_status, sum_finalized_sales_total (cents, subtotal + tax)
///  - sale_lines, balance_entries, payouts, sum_payouts (cents)
///  - sum_balances: cents, the sum of every balance entry (== the sum of account balances)
///  - balances_consistent: each account's balance equals the sum of its entries
///  - categories, locations, discounts, taxes (not deleted), batches
///  - data_version: bumped by every change
class ConsignCloudApi : public VendorApi
{
public:
    explicit ConsignCloudApi(const GenerationOptions &options);
    ~ConsignCloudApi() override;

    QString name() const override { return QStringLiteral("consigncloud"); }
    QString pathPrefix() const override { return QStringLiteral("/consigncloud/api/v1"); }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &root) const override;
    std::optional<Reply> admit(const Request &request, const Route &route) override;
    Reply errorReply(int status, const QString &message) const override;
    QString wrongTypeField() const override { return QStringLiteral("tag_price"); }
    void setRateLimits(bool on) override { m_rateLimits = on; }
    void simulateActivity(Rng &rng, const QDateTime &now) override;
    QJsonObject inspect() const override;

    /// Every permission a full key holds.
    static QStringList allPermissions();

private:
    Reply error(int status, const QString &code, const QString &message, const QString &permission = {}) const;
    Reply badRequest(const QString &message) const { return error(400, QStringLiteral("invalid_request_data"), message); }
    Reply notFound(const QString &what) const;
    Reply conflict(const QString &message) const { return error(409, QStringLiteral("conflict"), message); }
    /// The request's JSON object body; a reply refuses it (400, 413).
    std::optional<Reply> readBody(const Request &request, QJsonObject *body) const;
    bool allowed(const Request &request, const QString &permission) const;
    /// The rows' count for a filter, cached per filter and data version.
    qint64 count(const QString &key, const std::function<qint64()> &compute);
    /// A keyset page over rows 0..size-1: those passing @p pass, written by @p write.
    Reply page(const Request &request, const ConsignCloud::Query &query, qint64 size,
               const std::function<bool(quint32)> &pass, const std::function<void(JsonWriter &, quint32)> &write);
    /// Parses the list parameters; a reply refuses them.
    std::optional<Reply> query(const Request &request, const ConsignCloud::QuerySpec &spec, ConsignCloud::Query *out) const;

    void addItemRoutes();
    void addItemActionRoutes();
    void addSaleRoutes();
    void addAccountRoutes();
    void addLedgerRoutes();
    void addTableRoutes();
    void addReportRoutes();

    std::unique_ptr<ConsignCloud::Store> m_store;
    Router m_router;
    QString m_fullKey;
    QString m_restrictedKey;
    QSet<QString> m_restrictedPermissions;
    QHash<QString, LeakyBucket> m_buckets;
    QElapsedTimer m_clock;
    bool m_rateLimits = true;
    QHash<QString, QPair<quint64, qint64>> m_counts;
};

} // namespace ConsignDesk::Sandbox
