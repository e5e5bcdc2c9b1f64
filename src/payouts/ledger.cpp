#include "payouts/ledger.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcLedger, "consigndesk.payouts.ledger")

namespace ConsignDesk::Payouts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConsignDesk::Payouts::Ledger", text);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString columns = QStringLiteral(
    "id, connection_id, connection_name, vendor, consignor_id, consignor_name, amount_minor, currency, reference, "
    "lines, approved_by, approved_at, state, attempts, sent_at, settled_at, vendor_payout_id, vendor_reference, detail");

} // namespace

QString stateName(IntentState state)
{
    switch (state) {
    case IntentState::Approved:
        return QStringLiteral("approved");
    case IntentState::Sending:
        return QStringLiteral("sending");
    case IntentState::Confirmed:
        return QStringLiteral("confirmed");
    case IntentState::Rejected:
        return QStringLiteral("rejected");
    case IntentState::Unknown:
        return QStringLiteral("unknown");
    case IntentState::Absent:
        return QStringLiteral("absent");
    }
    return {};
}

std::optional<IntentState> stateFromName(const QString &name)
{
    for (IntentState state : {IntentState::Approved, IntentState::Sending, IntentState::Confirmed, IntentState::Rejected,
                              IntentState::Unknown, IntentState::Absent}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QString describeState(IntentState state)
{
    switch (state) {
    case IntentState::Approved:
        return tr("approved, not sent");
    case IntentState::Sending:
        return tr("sending");
    case IntentState::Confirmed:
        return tr("confirmed");
    case IntentState::Rejected:
        return tr("rejected by the vendor");
    case IntentState::Unknown:
        return tr("outcome unknown");
    case IntentState::Absent:
        return tr("not paid (the vendor has no such payout)");
    }
    return {};
}

bool isOpen(IntentState state)
{
    return state == IntentState::Approved || state == IntentState::Sending || state == IntentState::Unknown;
}

QString jsonId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return {};
}

QString lineId(const QJsonValue &line)
{
    return line.isObject() ? jsonId(line.toObject().value(QLatin1String("id"))) : jsonId(line);
}

Ledger::~Ledger() = default;

std::unique_ptr<Ledger> Ledger::open(const QString &cachePath, QString *error)
{
    std::unique_ptr<Ledger> ledger(new Ledger);
    ledger->m_db = Store::Database::openWithoutChecks(cachePath, error);
    if (!ledger->m_db)
        return nullptr;
    // Money moved on a manager's word: each commit reaches the disk before it returns.
    QSqlQuery full(ledger->m_db->sql());
    if (!full.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        *error = full.lastError().text();
        return nullptr;
    }
    return ledger;
}

QString Ledger::osUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // A session without those variables (a service, a test runner): the account itself.
    if (const passwd *account = getpwuid(getuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return tr("unknown user");
}

QString Ledger::newReference()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString reference = QStringLiteral("CD-");
    for (int i = 0; i < 12; ++i)
        reference += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    return reference;
}

bool Ledger::log(qint64 id, IntentState state, const QString &detail, QString *error)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("INSERT INTO payout_intent_log (intent_id, at, state, detail) VALUES (?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(nowMs());
    query.addBindValue(stateName(state));
    query.addBindValue(detail);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<Intent> Ledger::approve(const Approval &approval, QString *error, std::optional<Intent> *blocking)
{
    if (approval.amountMinor <= 0) {
        *error = tr("a payout must be more than zero");
        return std::nullopt;
    }
    Store::WriteTransaction transaction(*m_db);
    if (!transaction.begin(error)) {
        *error = tr("the ledger could not be written: %1").arg(*error);
        return std::nullopt;
    }
    // Inside the write lock: another window or process cannot slip in between.
    if (auto open = openIntent(approval.connectionId, approval.consignorId)) {
        if (blocking)
            *blocking = open;
        *error = tr("%1 already has a payout %2 (%3, approved by %4 on %5)")
                     .arg(approval.consignorName.isEmpty() ? approval.consignorId : approval.consignorName,
                          open->reference, describeState(open->state), open->approvedBy,
                          open->approvedAt.toLocalTime().toString(Qt::ISODate));
        return std::nullopt;
    }
    Intent intent;
    intent.connectionId = approval.connectionId;
    intent.connectionName = approval.connectionName;
    intent.vendor = approval.vendor;
    intent.consignorId = approval.consignorId;
    intent.consignorName = approval.consignorName;
    intent.amountMinor = approval.amountMinor;
    intent.currency = approval.currency;
    intent.reference = newReference();
    intent.lines = approval.lines;
    intent.approvedBy = osUser();
    intent.approvedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    QSqlQuery insert(m_db->sql());
    insert.prepare(QStringLiteral("INSERT INTO payout_intents (connection_id, connection_name, vendor, consignor_id, "
                                  "consignor_name, amount_minor, currency, reference, lines, approved_by, approved_at, "
                                  "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved')"));
    for (const QVariant &value :
         {QVariant(intent.connectionId), QVariant(intent.connectionName), QVariant(intent.vendor),
          QVariant(intent.consignorId), QVariant(intent.consignorName), QVariant(intent.amountMinor),
          QVariant(intent.currency), QVariant(intent.reference),
          QVariant(QString::fromUtf8(QJsonDocument(intent.lines).toJson(QJsonDocument::Compact))),
          QVariant(intent.approvedBy), QVariant(intent.approvedAt.toMSecsSinceEpoch())})
        insert.addBindValue(value);
    if (!insert.exec()) {
        *error = tr("the ledger could not be written: %1").arg(insert.lastError().text());
        return std::nullopt;
    }
    intent.id = insert.lastInsertId().toLongLong();
    if (!log(intent.id, IntentState::Approved,
             tr("approved by %1 for %2 minor units of %3").arg(intent.approvedBy).arg(intent.amountMinor).arg(intent.currency),
             error)
        || !transaction.commit(error)) {
        *error = tr("the ledger could not be written: %1").arg(*error);
        return std::nullopt;
    }
    qCInfo(lcLedger) << "approved" << intent.reference << intent.connectionName << intent.consignorId
                     << intent.amountMinor << intent.currency;
    return intent;
}

bool Ledger::markSending(qint64 id, QString *error)
{
    Store::WriteTransaction transaction(*m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery update(m_db->sql());
    update.prepare(QStringLiteral("UPDATE payout_intents SET state = 'sending', attempts = attempts + 1, sent_at = ? "
                                  "WHERE id = ? AND state = 'approved'"));
    update.addBindValue(nowMs());
    update.addBindValue(id);
    if (!update.exec()) {
        *error = update.lastError().text();
        return false;
    }
    if (update.numRowsAffected() != 1) {
        *error = tr("the payout is no longer waiting to be sent");
        return false;
    }
    return log(id, IntentState::Sending, {}, error) && transaction.commit(error);
}

bool Ledger::settle(qint64 id, IntentState state, const QString &detail, QString *error, const QString &vendorPayoutId,
                    const QString &vendorReference)
{
    Store::WriteTransaction transaction(*m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery update(m_db->sql());
    update.prepare(QStringLiteral("UPDATE payout_intents SET state = ?, detail = ?, settled_at = ?, "
                                  "vendor_payout_id = coalesce(?, vendor_payout_id), "
                                  "vendor_reference = coalesce(?, vendor_reference) WHERE id = ?"));
    update.addBindValue(stateName(state));
    update.addBindValue(detail);
    update.addBindValue(state == IntentState::Unknown ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(nowMs()));
    update.addBindValue(vendorPayoutId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(vendorPayoutId));
    update.addBindValue(vendorReference.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(vendorReference));
    update.addBindValue(id);
    if (!update.exec()) {
        *error = update.lastError().text();
        return false;
    }
    if (!log(id, state, detail, error) || !transaction.commit(error))
        return false;
    qCInfo(lcLedger) << "payout" << id << stateName(state) << detail;
    return true;
}

QList<Intent> Ledger::select(const QString &where, const QVariantList &binds, const QString &tail) const
{
    QList<Intent> out;
    QSqlQuery query(m_db->sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payout_intents%2%3")
                      .arg(columns, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where, tail));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qCWarning(lcLedger) << "reading the ledger:" << query.lastError().text();
        return out;
    }
    while (query.next()) {
        Intent i;
        i.id = query.value(0).toLongLong();
        i.connectionId = query.value(1).toString();
        i.connectionName = query.value(2).toString();
        i.vendor = query.value(3).toString();
        i.consignorId = query.value(4).toString();
        i.consignorName = query.value(5).toString();
        i.amountMinor = query.value(6).toLongLong();
        i.currency = query.value(7).toString();
        i.reference = query.value(8).toString();
        i.lines = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).array();
        i.approvedBy = query.value(10).toString();
        i.approvedAt = timeOf(query.value(11));
        i.state = stateFromName(query.value(12).toString()).value_or(IntentState::Unknown);
        i.attempts = query.value(13).toInt();
        i.sentAt = timeOf(query.value(14));
        i.settledAt = timeOf(query.value(15));
        i.vendorPayoutId = query.value(16).toString();
        i.vendorReference = query.value(17).toString();
        i.detail = query.value(18).toString();
        out.append(i);
    }
    return out;
}

std::optional<Intent> Ledger::intent(qint64 id, QString *error) const
{
    const QList<Intent> found = select(QStringLiteral("id = ?"), {id});
    if (found.isEmpty()) {
        if (error)
            *error = tr("no payout %1 in the ledger").arg(id);
        return std::nullopt;
    }
    return found.first();
}

std::optional<Intent> Ledger::byReference(const QString &reference) const
{
    const QList<Intent> found = select(QStringLiteral("reference = ?"), {reference});
    return found.isEmpty() ? std::nullopt : std::optional<Intent>(found.first());
}

std::optional<Intent> Ledger::openIntent(const QString &connectionId, const QString &consignorId) const
{
    const QList<Intent> found =
        select(QStringLiteral("connection_id = ? AND consignor_id = ? AND state IN ('approved', 'sending', 'unknown')"),
               {connectionId, consignorId});
    return found.isEmpty() ? std::nullopt : std::optional<Intent>(found.first());
}

QList<Intent> Ledger::openIntents(const QString &connectionId) const
{
    QString where = QStringLiteral("state IN ('approved', 'sending', 'unknown')");
    QVariantList binds;
    if (!connectionId.isEmpty()) {
        where += QStringLiteral(" AND connection_id = ?");
        binds.append(connectionId);
    }
    return select(where, binds, QStringLiteral(" ORDER BY id"));
}

QList<Intent> Ledger::history(const QString &connectionId, int limit) const
{
    return select(connectionId.isEmpty() ? QString() : QStringLiteral("connection_id = ?"),
                  connectionId.isEmpty() ? QVariantList() : QVariantList{connectionId},
                  QStringLiteral(" ORDER BY approved_at DESC, id DESC") +
                      (limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
}

std::optional<Intent> Ledger::lastConfirmed(const QString &connectionId, const QString &consignorId) const
{
    const QList<Intent> found = select(QStringLiteral("connection_id = ? AND consignor_id = ? AND state = 'confirmed'"),
                                       {connectionId, consignorId}, QStringLiteral(" ORDER BY id DESC LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<Intent>(found.first());
}

int Ledger::markInterruptedUnknown(QString *error)
{
    int marked = 0;
    for (const Intent &intent : select(QStringLiteral("state IN ('approved', 'sending')"), {})) {
        const QString detail = intent.state == IntentState::Sending
            ? tr("the program stopped while sending; the vendor's payouts must be read before anything is sent")
            : tr("the program stopped after the approval was recorded; the vendor's payouts must be read before "
                 "anything is sent");
        if (!settle(intent.id, IntentState::Unknown, detail, error))
            return -1;
        ++marked;
    }
    return marked;
}

} // namespace ConsignDesk::Payouts
