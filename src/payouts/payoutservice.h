#pragma once

#include "core/connection.h"
#include "payouts/ledger.h"
#include "payouts/proposals.h"
#include "vendors/connector.h"

#include <QObject>

#include <functional>
#include <memory>

class QLockFile;

namespace ConsignDesk::Net {
class HttpClient;
struct RetryPolicy;
} // namespace ConsignDesk::Net

namespace ConsignDesk::Payouts {

class PayoutGateway;

/// The lines of @p proposal as an approval records them: {"id", "quantity",
/// "amount"} each (Consignify's line items are sent; ConsignCloud's balance
/// entries are kept for the statement).
QJsonArray approvalLines(const Proposal &proposal);
/// An approval of all of @p proposal (ConsignCloud: @p amountMinor, if given, of it).
Approval approvalFor(const Connection &connection, const Proposal &proposal, qint64 amountMinor = -1);

/// @short Sends approved payouts and reconciles the ones whose outcome is
/// unknown, so that a payout is never sent twice.
///
/// The order is fixed: the approval is committed to the ledger; the intent is
/// committed as sending; only then does the request leave, once. Its answer
/// settles the intent: confirmed, or — for a refusal, which may be the answer
/// to a silent re-send of a payout that went through — confirmed or rejected
/// after reading the vendor's payouts; anything else (5xx, timeout, dropped
/// connection) is unknown until reading the vendor's payouts finds it
/// (confirmed) or proves it absent. An absent payout is not sent again
/// without a new approval.
///
/// Only one process sends or reconciles payouts at a time (a lock file beside
/// the cache); an intent left approved or sending by a process that is gone
/// is reconciled before anything else is sent.
class PayoutService : public QObject
{
    Q_OBJECT
public:
    using SecretFor = std::function<Vendors::Connector::SecretSource(const Connection &)>;

    PayoutService(Ledger &ledger, Net::HttpClient &http, SecretFor secrets, const QString &lockPath,
                  QObject *parent = nullptr);
    ~PayoutService() override;

    struct Result {
        bool ok = false;              ///< the payout is confirmed
        std::optional<Intent> intent; ///< as the ledger has it now
        QString message;              ///< what happened, for a person
    };

    /// Approves and sends one payout of @p connection. Refused (nothing sent)
    /// while another process holds the payout lock or the consignor has an
    /// open intent that reconciliation cannot settle.
    void approveAndSend(const Connection &connection, const Approval &approval, std::function<void(const Result &)> done);
    /// Reads the vendor's payouts for an open intent and settles it.
    void reconcile(const Connection &connection, const Intent &intent, std::function<void(const Result &)> done);
    /// Marks what a gone process left open as unknown and reconciles every
    /// open intent of @p connections; @p done gets one result per intent.
    void recover(const QList<Connection> &connections, std::function<void(const QList<Result> &)> done);

    bool isBusy() const { return m_busy; }
    /// Retries and waits of the reads (tests shorten them).
    void setReadRetryPolicy(const Net::RetryPolicy &policy);
    void setRateLimited(bool on) { m_rateLimited = on; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    /// How long after a request left its payout may still land at the vendor
    /// (a request whose answer was lost can still be in the vendor's hands).
    /// Until then, not finding it leaves the outcome unknown rather than
    /// "not paid". Default 2 minutes.
    void setAbsentGraceMs(qint64 ms) { m_absentGraceMs = ms; }
    qint64 absentGraceMs() const { return m_absentGraceMs; }

Q_SIGNALS:
    /// An intent changed state (for the GUI's History view).
    void intentChanged(qint64 id);

private:
    bool lock(QString *error);
    void unlock();
    PayoutGateway *gatewayFor(const Connection &connection);
    void send(const Connection &connection, const Intent &intent, std::function<void(const Result &)> done);
    void settleAfterRead(const Connection &connection, const Intent &intent, bool refused, const QString &sendMessage,
                         std::function<void(const Result &)> done);
    Result resultFor(qint64 id, bool ok, const QString &message);
    void reconcileLocked(const Connection &connection, const Intent &intent, std::function<void(const Result &)> done);

    Ledger &m_ledger;
    Net::HttpClient &m_http;
    SecretFor m_secrets;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<PayoutGateway>> m_gateways;
    std::unique_ptr<Net::RetryPolicy> m_readPolicy;
    bool m_rateLimited = true;
    int m_timeoutMs = 30000;
    qint64 m_absentGraceMs = 120000;
    bool m_busy = false;
};

} // namespace ConsignDesk::Payouts
