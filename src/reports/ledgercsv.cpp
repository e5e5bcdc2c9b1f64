#include "reports/ledgercsv.h"

#include "core/currency.h"
#include "reports/csvwriter.h"

namespace ConsignDesk::Reports {

bool writeLedgerCsv(const QList<Payouts::Intent> &intents, const QString &path, QString *error)
{
    CsvWriter csv(path);
    if (!csv.open(error))
        return false;
    csv.writeRow({QStringLiteral("reference"), QStringLiteral("connection"), QStringLiteral("vendor"),
                  QStringLiteral("consignor_id"), QStringLiteral("name"), QStringLiteral("amount"),
                  QStringLiteral("currency"), QStringLiteral("state"), QStringLiteral("approved_by"),
                  QStringLiteral("approved_at"), QStringLiteral("sent_at"), QStringLiteral("settled_at"),
                  QStringLiteral("vendor_payout_id"), QStringLiteral("vendor_reference"), QStringLiteral("lines"),
                  QStringLiteral("detail")});
    QList<bool> numeric(16, false);
    numeric[5] = numeric[14] = true; // amount, lines
    const auto iso = [](const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); };
    for (const Payouts::Intent &i : intents) {
        csv.writeRow({i.reference, i.connectionName, i.vendor, i.consignorId, i.consignorName,
                      Currency::formatPlain(i.amountMinor, i.currency), i.currency, Payouts::stateName(i.state),
                      i.approvedBy, iso(i.approvedAt), iso(i.sentAt), iso(i.settledAt), i.vendorPayoutId,
                      i.vendorReference, QString::number(i.lines.size()), i.detail},
                     numeric);
    }
    return csv.commit(error);
}

} // namespace ConsignDesk::Reports
