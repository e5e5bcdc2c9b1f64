#pragma once

// What each consignor is owed, from the cache: a proposal per consignor of a
// connection whose vendor takes payouts, with the lines behind its amount.
//
// ConsignCloud keeps the balance itself (GET /accounts, /accounts/balances):
// the amount is the account's balance; its lines are the balance entries
// since the account's last payout. Consignify keeps none: the amount is the
// sum, over the fulfilled, unreturned, unpaid line items of the consignor's
// products that the connection's PayoutRules let through, of each line's
// consignor share, rounded half up to the minor unit per line.
//
// Money is integer minor units throughout; shares are basis points.
#include "core/vendor.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ConsignDesk::Payouts {

/// One line behind a proposal: a Consignify order line item, or a
/// ConsignCloud balance entry (quantity 1, its signed amount, no split).
struct ProposalLine {
    QString externalId; ///< the vendor's id of the line item / balance entry
    QString title;
    qint64 quantity = 0;
    qint64 unitPriceMinor = 0;
    std::optional<int> splitBp; ///< the consignor's share the amount was computed with
    qint64 amountMinor = 0;     ///< what the line adds to the proposal
    QDateTime date;             ///< fulfilled (Consignify), created (ConsignCloud)
    QString itemId;             ///< the product / item of the line, when known
};

struct Proposal {
    QString connectionId, connectionName;
    Vendor vendor = Vendor::ConsignCloud;
    QString consignorId; ///< the vendor's id of the consignor (account)
    QString consignorName;
    qint64 amountMinor = 0;
    QString currency;
    QDateTime oldestUnpaid; ///< the oldest line's date (invalid without lines)
    QList<ProposalLine> lines;
};

/// @short Builds payout proposals from the cache as of @p now.
///
/// Payouts the ledger (payout_intents) holds that the cache may not show yet
/// are kept out, so nothing approved is proposed twice: see proposals.cpp.
class ProposalBuilder
{
public:
    explicit ProposalBuilder(QSqlDatabase db, QDateTime now = QDateTime::currentDateTimeUtc());

    /// Every consignor owed at least @p minimumMinor (and more than nothing),
    /// of @p connectionId or of every connection, by connection name then
    /// consignor name. Connections of vendors without payouts are skipped.
    /// On failure an empty list and @p error.
    QList<Proposal> due(const QString &connectionId = {}, qint64 minimumMinor = 1, QString *error = nullptr) const;
    /// What @p consignorId (the vendor's id) of @p connectionId is owed;
    /// nullopt when nothing (error left empty) or on failure (error set).
    std::optional<Proposal> forConsignor(const QString &connectionId, const QString &consignorId,
                                         QString *error = nullptr) const;

private:
    QSqlDatabase m_db;
    QDateTime m_now;
};

/// ConsignCloud and Consignify.
bool supportsPayouts(Vendor vendor);

/// @p grossMinor × @p shareBp / 10000, rounded half up to the minor unit,
/// exactly (no floating point, no overflow for |gross| below 2^53).
qint64 shareOfMinor(qint64 grossMinor, int shareBp);

} // namespace ConsignDesk::Payouts
