#pragma once

#include "payouts/ledger.h"

#include <QList>
#include <QString>

namespace ConsignDesk::Reports {

/// Writes the payout ledger @p intents as CSV to @p path (atomically):
/// reference, connection, vendor, consignor_id, name, amount, currency, state,
/// approved_by, approved_at, sent_at, settled_at, vendor_payout_id,
/// vendor_reference, lines, detail; amounts in major units, times in UTC ISO 8601.
bool writeLedgerCsv(const QList<Payouts::Intent> &intents, const QString &path, QString *error);

} // namespace ConsignDesk::Reports
