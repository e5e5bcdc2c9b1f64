#pragma once

#include "sandbox/consignify/consignifystore.h"
#include "sandbox/vendorapi.h"

#include <QJsonValue>

namespace ConsignDesk::Sandbox {

/// @short Consignify (a consignment app on Shopify), API v1 below /consignify/api/v1.
///
/// Endpoints, with the doc's mixed plural and singular paths:
///  - GET/POST /consignors; GET/PATCH /consignor/{id}
///  - GET /consignor/{id}/products; POST /consignor/{id}/products (bulk assign,
///    a streamed 202 text/plain response, one progress line per product)
///  - GET /consignor/{id}/payouts
///  - GET /products (limit 1-250, default 50; cursor; {data, nextCursor}); GET /product/{id}
///  - GET/POST /product/{id}/consignor; GET/POST /product/{id}/share
///  - GET /product/{id}/items (paged like /products); GET /product/{id}/payouts
///  - GET/POST /payouts (paged like /products); GET/DELETE /payout/{id}
///
/// Bearer key auth (401 {"message"}); errors are {"message": …}, validation
/// errors {"message": …, "errors": [{"path": …, "message": …}]}. No rate limit.
///
/// inspect() keys, computed from the data:
///  - shop_id, currency ("GBP")
///  - consignors, consignors_archived, products, products_consigned
///  - line_items, line_items_fulfilled
///  - payouts, payout_lines (deleted payouts excluded)
///  - sum_payouts_minor (sum of payout amounts), sum_payout_lines_minor (of their lines;
///    differs only by adjustments), both in pence
///  - holding_days (14), tracking_start (ISO time, a year before the epoch),
///    default_share_pct (50; the share when neither the product nor the consignor sets one)
///  - as_of: the "now" owed is computed for (the later of the wall clock and the last activity)
///  - owed_minor: {consignor id: pence owed now} for every consignor: the consignor's
///    share (product's, else consignor's, else default) of the current quantity of each
///    fulfilled line item of their products with currentQuantity > 0, not in a payout,
///    fulfilled before as_of minus holding_days and on or after tracking_start; each line
///    rounded half up to the penny
///  - owed_total_minor: the sum of owed_minor
class ConsignifyApi : public VendorApi
{
public:
    explicit ConsignifyApi(const GenerationOptions &options);

    QString name() const override { return QStringLiteral("consignify"); }
    QString pathPrefix() const override { return QStringLiteral("/consignify/api/v1"); }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &root) const override;
    std::optional<Reply> admit(const Request &request, const Route &route) override;
    Reply errorReply(int status, const QString &message) const override;
    /// "title": on every row of GET /products and /consignor/{id}/products.
    QString wrongTypeField() const override { return QStringLiteral("title"); }
    /// Consignify documents no rate limit; none is enforced.
    void setRateLimits(bool) override {}
    void simulateActivity(Rng &rng, const QDateTime &now) override;
    QJsonObject inspect() const override;

    const Consignify::Store &store() const { return m_store; }

private:
    void addReadRoutes();
    void addWriteRoutes();
    Reply validationError(const QString &path, const QString &message) const;
    /// The JSON body, or a 400 reply in @p error.
    std::optional<QJsonValue> body(const Request &request, Reply *error) const;

    Consignify::Store m_store;
    Router m_router;
};

} // namespace ConsignDesk::Sandbox
