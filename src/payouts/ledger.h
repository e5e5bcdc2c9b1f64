#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ConsignDesk::Store {
class Database;
}

namespace ConsignDesk::Payouts {

/// What is known of a payout's fate at the vendor.
enum class IntentState {
    Approved,  ///< recorded; no request has left
    Sending,   ///< recorded as leaving before the request left; its answer not yet seen
    Confirmed, ///< the vendor has it (answered, or found by reconciliation)
    Rejected,  ///< the vendor refused it and reconciliation found no payout
    Unknown,   ///< a request left and no answer proves either way; only reconciliation ends this
    Absent,    ///< reconciliation proved the vendor has no such payout; paying needs a new approval
};

QString stateName(IntentState state);
std::optional<IntentState> stateFromName(const QString &name);
/// For people: "confirmed", "outcome unknown", …
QString describeState(IntentState state);
bool isOpen(IntentState state); ///< Approved, Sending, Unknown: one per consignor at most

/// An id in the vendors' JSON: a string, or a number as a whole number; "" otherwise.
QString jsonId(const QJsonValue &value);
/// The id of an entry of Intent::lines: an object's "id", or the entry itself.
QString lineId(const QJsonValue &line);

/// @short One approval in the ledger.
struct Intent {
    qint64 id = 0;
    QString connectionId;
    QString connectionName;
    QString vendor; ///< Vendors::id()
    QString consignorId;
    QString consignorName;
    qint64 amountMinor = 0;
    QString currency;
    QString reference; ///< ours, unique; sent to the vendor where it takes one
    QJsonArray lines;  ///< the vendor lines paid ({"id", "quantity", "amount"})
    QString approvedBy;
    QDateTime approvedAt;
    IntentState state = IntentState::Approved;
    int attempts = 0;
    QDateTime sentAt;
    QDateTime settledAt;
    QString vendorPayoutId;
    QString vendorReference;
    QString detail; ///< the last outcome in words
};

/// What a manager approves.
struct Approval {
    QString connectionId;
    QString connectionName;
    QString vendor;
    QString consignorId;
    QString consignorName;
    qint64 amountMinor = 0;
    QString currency;
    QJsonArray lines;
};

/// @short The payout ledger: every approval, written durably before anything
/// is sent, and each request's state.
///
/// It has a connection of its own with synchronous=FULL, so a committed state
/// survives a power cut. Each change is one BEGIN IMMEDIATE transaction and is
/// logged in payout_intent_log. At most one open intent (approved, sending,
/// unknown) per consignor and connection, enforced by a unique index: a second
/// approval of the same consignor — a double click, a second window, a second
/// process — is refused, not queued.
class Ledger
{
public:
    ~Ledger();
    /// The ledger of a cache this process has opened (and checked) already
    /// with Store::Database::open().
    static std::unique_ptr<Ledger> open(const QString &cachePath, QString *error);

    /// Records @p approval by the OS user; nullopt with @p error when it
    /// cannot be recorded (then nothing may be sent), or when the consignor has
    /// an open intent already (@p blocking says which).
    std::optional<Intent> approve(const Approval &approval, QString *error, std::optional<Intent> *blocking = nullptr);
    /// Approved or Absent-free → Sending, committed before the request may leave.
    bool markSending(qint64 id, QString *error);
    /// The outcome: Confirmed, Rejected, Unknown or Absent, with what was learnt.
    bool settle(qint64 id, IntentState state, const QString &detail, QString *error,
                const QString &vendorPayoutId = {}, const QString &vendorReference = {});

    std::optional<Intent> intent(qint64 id, QString *error = nullptr) const;
    std::optional<Intent> byReference(const QString &reference) const;
    /// The consignor's open intent, if any.
    std::optional<Intent> openIntent(const QString &connectionId, const QString &consignorId) const;
    QList<Intent> openIntents(const QString &connectionId = {}) const;
    /// Newest first; for the History view and the CSV export.
    QList<Intent> history(const QString &connectionId = {}, int limit = -1) const;
    /// The consignor's latest confirmed intent.
    std::optional<Intent> lastConfirmed(const QString &connectionId, const QString &consignorId) const;

    /// After a crash: an intent left Approved or Sending by a process that is
    /// gone may have left or not; it becomes Unknown, to be reconciled before
    /// anything is sent. Call only while holding the payout lock (PayoutLock).
    int markInterruptedUnknown(QString *error);

    Store::Database &database() { return *m_db; }

    /// The operating system's user name, for "approved by".
    static QString osUser();
    /// A new reference: "CD-" and 12 random characters of Crockford base32.
    static QString newReference();

private:
    Ledger() = default;
    bool log(qint64 id, IntentState state, const QString &detail, QString *error);
    QList<Intent> select(const QString &where, const QVariantList &binds, const QString &tail = {}) const;

    std::unique_ptr<Store::Database> m_db;
};

} // namespace ConsignDesk::Payouts
