#include "payouts/proposals.h"

#include "payouts/ledger.h"
#include "payouts/payoutsettings.h"
#include "store/cachewriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ConsignDesk::Payouts {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ProposalBuilder)
};

constexpr qint64 msPerDay = 86400000;

struct ConnectionRow {
    QString id;
    QString name;
    Vendor vendor = Vendor::ConsignCloud;
};

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// The ledger's intents that may not show in the cache yet.
//
// An intent still open (approved, sending, unknown) may be paid at any moment:
// always held back. A confirmed one was paid at the vendor no later than
// settled_at, our clock's time its answer arrived. A run of a resource takes
// its start time by our clock before its first request, so a run that
// completed and started after settled_at read every row after the vendor had
// recorded the payout: its rows show the payout, and the intent is no longer
// held back. Rows a later, unfinished run wrote are newer still, which can only
// hold back too much, never too little. The times are both ours, so no clock
// skew with the vendor enters. (approved_at against the run's end, the simpler
// rule, misses a payout sent while the sync ran.) Rejected and absent intents
// moved no money.
//
// @p resource is the one whose rows carry the payout's effect: ConsignCloud's
// consignors (the balance), Consignify's line_items (each line's payout).
const char *heldBackIntents =
    "SELECT i.consignor_id, i.currency, i.amount_minor, i.lines FROM payout_intents i "
    "WHERE i.connection_id = :connection AND i.state NOT IN ('rejected', 'absent') "
    "AND (i.state <> 'confirmed' OR i.settled_at IS NULL OR i.settled_at >= COALESCE("
    "(SELECT MAX(r.started) FROM sync_runs r WHERE r.connection_id = i.connection_id AND r.resource = :resource "
    "AND r.status = 'complete'), 0))";

void sortByName(QList<Proposal> &proposals)
{
    std::stable_sort(proposals.begin(), proposals.end(), [](const Proposal &a, const Proposal &b) {
        const int byName = a.consignorName.compare(b.consignorName, Qt::CaseInsensitive);
        if (byName != 0)
            return byName < 0;
        return a.consignorId < b.consignorId;
    });
}

std::optional<QList<ConnectionRow>> connections(QSqlDatabase db, const QString &connectionId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, name, vendor FROM connections%1 ORDER BY name COLLATE NOCASE, id")
                      .arg(connectionId.isEmpty() ? QString() : QStringLiteral(" WHERE id = ?")));
    if (!connectionId.isEmpty())
        query.addBindValue(connectionId);
    if (!run(query, error))
        return std::nullopt;
    QList<ConnectionRow> rows;
    while (query.next()) {
        const std::optional<Vendor> vendor = Vendors::fromId(query.value(2).toString());
        if (vendor)
            rows.append({query.value(0).toString(), query.value(1).toString(), *vendor});
    }
    if (!connectionId.isEmpty() && rows.isEmpty()) {
        if (error)
            *error = Text::tr("There is no connection with the id %1.").arg(connectionId);
        return std::nullopt;
    }
    return rows;
}

Proposal proposalFor(const ConnectionRow &c, const QString &consignorId, const QString &name, const QString &currency)
{
    Proposal p;
    p.connectionId = c.id;
    p.connectionName = c.name;
    p.vendor = c.vendor;
    p.consignorId = consignorId;
    p.consignorName = name;
    p.currency = currency;
    return p;
}

// ConsignCloud: the account's balance, less what the ledger holds back; the
// balance entries since its last payout as the lines.
std::optional<QList<Proposal>> consignCloud(QSqlDatabase db, const ConnectionRow &c, const QString &consignorId,
                                            QString *error)
{
    const QString onlyOne = consignorId.isEmpty() ? QString() : QStringLiteral(" AND c.external_id = :consignor");
    QSqlQuery accounts(db);
    accounts.setForwardOnly(true);
    accounts.prepare(QStringLiteral("SELECT c.external_id, c.name, c.balance_minor, c.currency FROM consignors c "
                                    "WHERE c.connection_id = :connection AND c.deleted IS NULL AND c.balance_minor > 0")
                     + onlyOne);
    accounts.bindValue(QStringLiteral(":connection"), c.id);
    if (!consignorId.isEmpty())
        accounts.bindValue(QStringLiteral(":consignor"), consignorId);
    if (!run(accounts, error))
        return std::nullopt;
    QList<Proposal> proposals;
    QHash<QString, qsizetype> byConsignor;
    while (accounts.next()) {
        Proposal p = proposalFor(c, accounts.value(0).toString(), accounts.value(1).toString(),
                                 accounts.value(3).toString());
        p.amountMinor = accounts.value(2).toLongLong();
        byConsignor.insert(p.consignorId, proposals.size());
        proposals.append(p);
    }
    if (proposals.isEmpty())
        return proposals;

    QSqlQuery intents(db);
    intents.prepare(QString::fromLatin1(heldBackIntents));
    intents.bindValue(QStringLiteral(":connection"), c.id);
    intents.bindValue(QStringLiteral(":resource"), QStringLiteral("consignors"));
    if (!run(intents, error))
        return std::nullopt;
    while (intents.next()) {
        const auto at = byConsignor.constFind(intents.value(0).toString());
        if (at != byConsignor.cend() && proposals[*at].currency == intents.value(1).toString())
            proposals[*at].amountMinor -= intents.value(2).toLongLong();
    }

    // Entries after the account's last payout entry (all of them when it has none).
    const QString entriesOfOne = consignorId.isEmpty() ? QString() : QStringLiteral(" AND e.consignor_id = :consignor");
    QSqlQuery entries(db);
    entries.setForwardOnly(true);
    entries.prepare(QStringLiteral("WITH paid AS (SELECT consignor_id, MAX(created) AS at FROM balance_entries "
                                   "WHERE connection_id = :paidConnection AND type = 'payout' AND deleted IS NULL "
                                   "GROUP BY consignor_id) "
                                   "SELECT e.consignor_id, e.external_id, COALESCE(NULLIF(e.description, ''), e.type), "
                                   "e.amount_minor, e.created FROM balance_entries e "
                                   "LEFT JOIN paid ON paid.consignor_id = e.consignor_id "
                                   "WHERE e.connection_id = :connection AND e.deleted IS NULL "
                                   "AND (paid.at IS NULL OR e.created > paid.at)")
                    + entriesOfOne + QStringLiteral(" ORDER BY e.created, e.id"));
    entries.bindValue(QStringLiteral(":paidConnection"), c.id);
    entries.bindValue(QStringLiteral(":connection"), c.id);
    if (!consignorId.isEmpty())
        entries.bindValue(QStringLiteral(":consignor"), consignorId);
    if (!run(entries, error))
        return std::nullopt;
    while (entries.next()) {
        const auto at = byConsignor.constFind(entries.value(0).toString());
        if (at == byConsignor.cend())
            continue;
        Proposal &p = proposals[*at];
        ProposalLine line;
        line.externalId = entries.value(1).toString();
        line.title = entries.value(2).toString();
        line.quantity = 1;
        line.unitPriceMinor = line.amountMinor = entries.value(3).toLongLong();
        line.date = Store::timeFromValue(entries.value(4));
        if (line.date.isValid() && (!p.oldestUnpaid.isValid() || line.date < p.oldestUnpaid))
            p.oldestUnpaid = line.date;
        p.lines.append(line);
    }
    return proposals;
}

// Consignify: the payable line items of each consignor's products, each at
// the consignor's current effective share, as the vendor computes a payout
// (vendor-assumptions.md; the sandbox's Store::payable and shareAmount).
std::optional<QList<Proposal>> consignify(QSqlDatabase db, const ConnectionRow &c, const QString &consignorId,
                                          const QDateTime &now, QString *error)
{
    const std::optional<PayoutRules> rules = PayoutSettings(db).rules(c.id, error);
    if (!rules)
        return std::nullopt;

    // Line items an approved payout already claims.
    QSet<QString> claimed;
    QSqlQuery intents(db);
    intents.prepare(QString::fromLatin1(heldBackIntents));
    intents.bindValue(QStringLiteral(":connection"), c.id);
    intents.bindValue(QStringLiteral(":resource"), QStringLiteral("line_items"));
    if (!run(intents, error))
        return std::nullopt;
    while (intents.next()) {
        const QJsonArray lines = QJsonDocument::fromJson(intents.value(3).toByteArray()).array();
        for (const QJsonValue &line : lines) {
            const QString id = lineId(line);
            if (!id.isEmpty())
                claimed.insert(id);
        }
    }

    // The product's consignor as the cache has it now (the vendor pays the
    // product's current consignor), the line's own when the product is unknown.
    const QString owner = QStringLiteral("NULLIF(CASE WHEN i.id IS NULL THEN sl.consignor_id ELSE i.consignor_id END, '')");
    QString sql = QStringLiteral("SELECT %1, sl.external_id, COALESCE(NULLIF(sl.title, ''), i.title, ''), sl.quantity, "
                                 "sl.price_minor, sl.currency, sl.fulfilled_at, sl.item_id, i.split_bp, k.split_bp, "
                                 "k.name FROM sale_lines sl "
                                 "LEFT JOIN items i ON i.connection_id = sl.connection_id AND i.external_id = sl.item_id "
                                 "LEFT JOIN consignors k ON k.connection_id = sl.connection_id AND k.external_id = %1 "
                                 "WHERE sl.connection_id = :connection AND sl.deleted IS NULL "
                                 "AND NULLIF(sl.payout_id, '') IS NULL AND sl.fulfilled = 1 AND sl.quantity > 0 "
                                 "AND sl.fulfilled_at < :cutoff AND %1 IS NOT NULL")
                      .arg(owner);
    if (rules->trackingStart.isValid())
        sql += QStringLiteral(" AND sl.fulfilled_at >= :start");
    if (!consignorId.isEmpty())
        sql += QStringLiteral(" AND %1 = :consignor").arg(owner);
    sql += QStringLiteral(" ORDER BY sl.fulfilled_at, sl.id");
    QSqlQuery lines(db);
    lines.setForwardOnly(true);
    lines.prepare(sql);
    lines.bindValue(QStringLiteral(":connection"), c.id);
    // Fulfilled more than the holding time before now, as the vendor counts it.
    lines.bindValue(QStringLiteral(":cutoff"), now.toMSecsSinceEpoch() - qint64(rules->holdingDays) * msPerDay);
    if (rules->trackingStart.isValid())
        lines.bindValue(QStringLiteral(":start"),
                        QDateTime(rules->trackingStart, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    if (!consignorId.isEmpty())
        lines.bindValue(QStringLiteral(":consignor"), consignorId);
    if (!run(lines, error))
        return std::nullopt;

    QList<Proposal> proposals;
    QHash<QString, qsizetype> byKey; // consignor and currency (a shop has one currency)
    while (lines.next()) {
        ProposalLine line;
        line.externalId = lines.value(1).toString();
        if (claimed.contains(line.externalId))
            continue;
        const QString consignor = lines.value(0).toString();
        const QString currency = lines.value(5).toString();
        line.title = lines.value(2).toString();
        line.quantity = lines.value(3).toLongLong();
        const qint64 gross = lines.value(4).toLongLong(); // unit price × quantity, exact
        line.unitPriceMinor = gross / line.quantity;
        line.date = Store::timeFromValue(lines.value(6));
        line.itemId = lines.value(7).toString();
        // The current effective share: the product's own, else the
        // consignor's, else the shop's default 50 %. The connector stores a
        // consigned product's effective share (GET /product/{id}/share when
        // the row has none) as its split, so the fallbacks only fill gaps.
        line.splitBp = !lines.value(8).isNull() ? lines.value(8).toInt()
            : !lines.value(9).isNull()          ? lines.value(9).toInt()
                                                : 5000;
        line.amountMinor = shareOfMinor(gross, *line.splitBp);

        const QString key = consignor + u'\x1f' + currency;
        qsizetype index = byKey.value(key, -1);
        if (index < 0) {
            index = proposals.size();
            byKey.insert(key, index);
            proposals.append(proposalFor(c, consignor, lines.value(10).toString(), currency));
        }
        Proposal &p = proposals[index];
        p.amountMinor += line.amountMinor;
        if (line.date.isValid() && (!p.oldestUnpaid.isValid() || line.date < p.oldestUnpaid))
            p.oldestUnpaid = line.date;
        p.lines.append(line);
    }
    return proposals;
}

std::optional<QList<Proposal>> proposalsOf(QSqlDatabase db, const ConnectionRow &c, const QString &consignorId,
                                           const QDateTime &now, QString *error)
{
    switch (c.vendor) {
    case Vendor::ConsignCloud:
        return consignCloud(db, c, consignorId, error);
    case Vendor::Consignify:
        return consignify(db, c, consignorId, now, error);
    case Vendor::SimpleConsign:
    case Vendor::Consignly:
        break;
    }
    return QList<Proposal>{};
}

} // namespace

bool supportsPayouts(Vendor vendor)
{
    switch (vendor) {
    case Vendor::ConsignCloud:
    case Vendor::Consignify:
        return true;
    case Vendor::SimpleConsign:
    case Vendor::Consignly:
        break;
    }
    return false;
}

qint64 shareOfMinor(qint64 grossMinor, int shareBp)
{
    // gross = q × 10000 + r with 0 <= r < 10000, so gross × bp + 5000 =
    // q × bp × 10000 + (r × bp + 5000): the first part divides exactly, and
    // neither product can overflow.
    const qint64 q = floorDiv(grossMinor, 10000);
    const qint64 r = grossMinor - q * 10000;
    return q * shareBp + floorDiv(r * shareBp + 5000, 10000);
}

ProposalBuilder::ProposalBuilder(QSqlDatabase db, QDateTime now)
    : m_db(std::move(db))
    , m_now(std::move(now))
{
}

QList<Proposal> ProposalBuilder::due(const QString &connectionId, qint64 minimumMinor, QString *error) const
{
    const auto rows = connections(m_db, connectionId, error);
    if (!rows)
        return {};
    QList<Proposal> all;
    for (const ConnectionRow &c : *rows) {
        if (!supportsPayouts(c.vendor))
            continue;
        std::optional<QList<Proposal>> proposals = proposalsOf(m_db, c, {}, m_now, error);
        if (!proposals)
            return {};
        proposals->removeIf([minimumMinor](const Proposal &p) {
            return p.amountMinor <= 0 || p.amountMinor < minimumMinor;
        });
        sortByName(*proposals);
        all.append(*proposals);
    }
    return all;
}

std::optional<Proposal> ProposalBuilder::forConsignor(const QString &connectionId, const QString &consignorId,
                                                      QString *error) const
{
    const auto rows = connections(m_db, connectionId, error);
    if (!rows)
        return std::nullopt;
    const ConnectionRow &c = rows->constFirst();
    if (!supportsPayouts(c.vendor)) {
        if (error)
            *error = Text::tr("%1 does not take payouts from ConsignDesk.").arg(Vendors::displayName(c.vendor));
        return std::nullopt;
    }
    const std::optional<QList<Proposal>> proposals = proposalsOf(m_db, c, consignorId, m_now, error);
    if (!proposals)
        return std::nullopt;
    for (const Proposal &p : *proposals) {
        if (p.amountMinor > 0)
            return p;
    }
    return std::nullopt;
}

} // namespace ConsignDesk::Payouts
