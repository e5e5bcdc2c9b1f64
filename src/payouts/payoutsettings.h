#pragma once

// A connection's rules for what is payable that its vendor does not expose
// (Consignify's holding time and tracking-start date, vendor-assumptions.md):
// configuration, kept in the cache's payout_settings table.
#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ConsignDesk::Payouts {

struct PayoutRules {
    /// A sale is payable only when fulfilled more than this many days ago.
    int holdingDays = 14;
    /// Sales fulfilled before this day (00:00 UTC) count as settled; invalid: none.
    QDate trackingStart;

    friend bool operator==(const PayoutRules &, const PayoutRules &) = default;
};

/// @short Reads and writes each connection's PayoutRules.
class PayoutSettings
{
public:
    explicit PayoutSettings(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The rules of @p connectionId; the defaults when none were stored;
    /// nullopt with @p error when the cache cannot be read.
    std::optional<PayoutRules> rules(const QString &connectionId, QString *error = nullptr) const;
    /// Stores @p rules for @p connectionId; refuses a negative holding time.
    bool setRules(const QString &connectionId, const PayoutRules &rules, QString *error = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace ConsignDesk::Payouts
