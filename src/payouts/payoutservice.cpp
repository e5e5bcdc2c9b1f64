#include "payouts/payoutservice.h"

#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "net/vendorclient.h"
#include "payouts/payoutgateway.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcPayouts, "consigndesk.payouts")

namespace ConsignDesk::Payouts {

namespace {

} // namespace

QJsonArray approvalLines(const Proposal &proposal)
{
    QJsonArray lines;
    for (const ProposalLine &line : proposal.lines)
        lines.append(QJsonObject{{QStringLiteral("id"), line.externalId},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("amount"), line.amountMinor}});
    return lines;
}

Approval approvalFor(const Connection &connection, const Proposal &proposal, qint64 amountMinor)
{
    Approval approval;
    approval.connectionId = connection.id;
    approval.connectionName = connection.name;
    approval.vendor = Vendors::id(connection.vendor);
    approval.consignorId = proposal.consignorId;
    approval.consignorName = proposal.consignorName;
    approval.amountMinor = amountMinor > 0 ? amountMinor : proposal.amountMinor;
    approval.currency = proposal.currency;
    approval.lines = approvalLines(proposal);
    return approval;
}

PayoutService::PayoutService(Ledger &ledger, Net::HttpClient &http, SecretFor secrets, const QString &lockPath,
                             QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_http(http)
    , m_secrets(std::move(secrets))
    , m_lock(std::make_unique<QLockFile>(lockPath))
{
    m_lock->setStaleLockTime(0); // a lock whose process is gone is stale at once; a live one never
}

PayoutService::~PayoutService() = default;

void PayoutService::setReadRetryPolicy(const Net::RetryPolicy &policy)
{
    m_readPolicy = std::make_unique<Net::RetryPolicy>(policy);
    for (auto &[id, gateway] : m_gateways)
        gateway->client().setPolicy(policy);
}

bool PayoutService::lock(QString *error)
{
    if (m_lock->isLocked())
        return true;
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString app;
    m_lock->getLockInfo(&pid, &host, &app);
    *error = tr("another ConsignDesk (process %1) is sending payouts; try again when it has finished").arg(pid);
    return false;
}

void PayoutService::unlock()
{
    if (m_lock->isLocked())
        m_lock->unlock();
}

PayoutGateway *PayoutService::gatewayFor(const Connection &connection)
{
    auto &slot = m_gateways[connection.id];
    if (!slot || slot->connection().baseUrl != connection.baseUrl) {
        slot = PayoutGateway::make(connection, m_http, m_secrets(connection));
        if (slot) {
            if (m_readPolicy)
                slot->client().setPolicy(*m_readPolicy);
            if (!m_rateLimited)
                slot->client().setRateLimiter(nullptr);
            slot->setTimeoutMs(m_timeoutMs);
        }
    }
    return slot.get();
}

PayoutService::Result PayoutService::resultFor(qint64 id, bool ok, const QString &message)
{
    Q_EMIT intentChanged(id);
    return {ok, m_ledger.intent(id), message};
}

void PayoutService::approveAndSend(const Connection &connection, const Approval &approval,
                                   std::function<void(const Result &)> done)
{
    const auto fail = [done](const QString &message, std::optional<Intent> intent = std::nullopt) {
        done({false, std::move(intent), message});
    };
    if (m_busy) {
        fail(tr("a payout is being sent; wait for its outcome"));
        return;
    }
    PayoutGateway *gateway = gatewayFor(connection);
    if (!gateway) {
        fail(tr("%1 does not take payouts from ConsignDesk").arg(connection.name));
        return;
    }
    QString error;
    if (!lock(&error)) {
        fail(error);
        return;
    }
    m_busy = true;
    const auto finish = [this, done](const Result &result) {
        m_busy = false;
        unlock();
        done(result);
    };
    // What a gone process left: unknown, and settled by reading before any send.
    if (m_ledger.markInterruptedUnknown(&error) < 0) {
        finish({false, std::nullopt, tr("the ledger could not be written: %1").arg(error)});
        return;
    }
    const auto approveAndGo = [this, connection, approval, finish] {
        QString error;
        std::optional<Intent> blocking;
        const std::optional<Intent> intent = m_ledger.approve(approval, &error, &blocking);
        if (!intent) {
            // Nothing was recorded, so nothing is sent.
            finish({false, blocking, error});
            return;
        }
        Q_EMIT intentChanged(intent->id);
        send(connection, *intent, finish);
    };
    const std::optional<Intent> open = m_ledger.openIntent(approval.connectionId, approval.consignorId);
    if (!open) {
        approveAndGo();
        return;
    }
    // An earlier payout of this consignor is unsettled: settle it first.
    QPointer<PayoutService> self(this);
    reconcileLocked(connection, *open, [self, open, approveAndGo, finish](const Result &settled) {
        if (!self)
            return;
        if (settled.intent && settled.intent->state == IntentState::Absent) {
            approveAndGo();
            return;
        }
        const QString why = settled.intent && settled.intent->state == IntentState::Confirmed
            ? tr("an earlier payout %1 of %2 turned out to have gone through; nothing more was sent — sync and "
                 "check what is owed now")
                  .arg(open->reference, open->consignorName.isEmpty() ? open->consignorId : open->consignorName)
            : tr("an earlier payout %1 has an unknown outcome (%2); nothing is sent until it is settled")
                  .arg(open->reference, settled.message);
        finish({false, settled.intent, why});
    });
}

void PayoutService::send(const Connection &connection, const Intent &intent, std::function<void(const Result &)> done)
{
    QString error;
    if (!m_ledger.markSending(intent.id, &error)) {
        // The request has not left; the intent stays approved and is reconciled later.
        done(resultFor(intent.id, false, tr("the ledger could not be written, so nothing was sent: %1").arg(error)));
        return;
    }
    Q_EMIT intentChanged(intent.id);
    qCInfo(lcPayouts) << "sending" << intent.reference << "to" << connection.name;
    QPointer<PayoutService> self(this);
    gatewayFor(connection)->send(intent, [self, connection, intent, done](const SendOutcome &outcome) {
        if (!self)
            return;
        QString error;
        switch (outcome.kind) {
        case SendOutcome::Applied: {
            const QString detail = tr("the vendor confirmed payout %1").arg(outcome.vendorReference.isEmpty()
                                                                                ? outcome.vendorPayoutId
                                                                                : outcome.vendorReference);
            if (!self->m_ledger.settle(intent.id, IntentState::Confirmed, detail, &error, outcome.vendorPayoutId,
                                       outcome.vendorReference)) {
                // Paid, but the ledger still says sending: the next run finds it by reading.
                done(self->resultFor(intent.id, false,
                                     tr("the payout went through but the ledger could not record it (%1); it will be "
                                        "found at the vendor before anything else is sent")
                                         .arg(error)));
                return;
            }
            done(self->resultFor(intent.id, true, detail));
            return;
        }
        case SendOutcome::Refused:
            self->settleAfterRead(connection, intent, true, outcome.message, done);
            return;
        case SendOutcome::Unknown:
            if (!self->m_ledger.settle(intent.id, IntentState::Unknown, outcome.message, &error)) {
                done(self->resultFor(intent.id, false, tr("the ledger could not be written: %1").arg(error)));
                return;
            }
            Q_EMIT self->intentChanged(intent.id);
            self->settleAfterRead(connection, intent, false, outcome.message, done);
            return;
        }
    });
}

void PayoutService::settleAfterRead(const Connection &connection, const Intent &intent, bool refused,
                                    const QString &sendMessage, std::function<void(const Result &)> done)
{
    QPointer<PayoutService> self(this);
    gatewayFor(connection)->find(intent, [self, intent, refused, sendMessage, done](const FindOutcome &found) {
        if (!self)
            return;
        QString error;
        IntentState state = IntentState::Unknown;
        QString detail;
        switch (found.kind) {
        case FindOutcome::Found:
            state = IntentState::Confirmed;
            detail = refused ? tr("%1; but the vendor has it (%2): the request was delivered more than once and only "
                                  "one payout was made")
                                   .arg(sendMessage, found.message)
                             : tr("%1; the vendor has it (%2)").arg(sendMessage, found.message);
            break;
        case FindOutcome::Absent: {
            // A refusal is the vendor's word. Without one, a request that left
            // may still land for a while: only after that is "not there" proof.
            const std::optional<Intent> now = self->m_ledger.intent(intent.id);
            const QDateTime sent = now ? now->sentAt : QDateTime();
            const QDateTime settledFrom = sent.isValid() ? sent.addMSecs(self->m_absentGraceMs) : QDateTime();
            if (refused) {
                state = IntentState::Rejected;
                detail = sendMessage;
            } else if (settledFrom.isValid() && QDateTime::currentDateTimeUtc() < settledFrom) {
                state = IntentState::Unknown;
                detail = tr("%1; the vendor has no such payout yet (%2), but a request can still land a while after its "
                            "answer is lost: check again after %3 (consigndesk payouts reconcile)")
                             .arg(sendMessage, found.message,
                                  settledFrom.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")));
            } else {
                state = IntentState::Absent;
                detail = tr("%1; the vendor has no such payout (%2): it was not paid; paying needs a new approval")
                             .arg(sendMessage, found.message);
            }
            break;
        }
        case FindOutcome::Failed:
            state = IntentState::Unknown;
            detail = tr("%1; the vendor's payouts could not be read to find out (%2)").arg(sendMessage, found.message);
            break;
        }
        if (!self->m_ledger.settle(intent.id, state, detail, &error, found.vendorPayoutId, found.vendorReference)) {
            done(self->resultFor(intent.id, false, tr("the ledger could not be written: %1").arg(error)));
            return;
        }
        done(self->resultFor(intent.id, state == IntentState::Confirmed, detail));
    });
}

void PayoutService::reconcileLocked(const Connection &connection, const Intent &intent,
                                    std::function<void(const Result &)> done)
{
    if (!gatewayFor(connection)) {
        done({false, intent, tr("%1 does not take payouts from ConsignDesk").arg(connection.name)});
        return;
    }
    settleAfterRead(connection, intent, false, describeState(intent.state), std::move(done));
}

void PayoutService::reconcile(const Connection &connection, const Intent &intent, std::function<void(const Result &)> done)
{
    QString error;
    if (m_busy) {
        done({false, intent, tr("a payout is being sent; wait for its outcome")});
        return;
    }
    if (!lock(&error)) {
        done({false, intent, error});
        return;
    }
    m_busy = true;
    if (m_ledger.markInterruptedUnknown(&error) < 0) {
        m_busy = false;
        unlock();
        done({false, intent, tr("the ledger could not be written: %1").arg(error)});
        return;
    }
    const std::optional<Intent> now = m_ledger.intent(intent.id);
    if (!now || !isOpen(now->state)) {
        m_busy = false;
        unlock();
        done({now && now->state == IntentState::Confirmed, now, now ? describeState(now->state) : QString()});
        return;
    }
    reconcileLocked(connection, *now, [this, done](const Result &result) {
        m_busy = false;
        unlock();
        done(result);
    });
}

void PayoutService::recover(const QList<Connection> &connections, std::function<void(const QList<Result> &)> done)
{
    QString error;
    if (m_busy || !lock(&error)) {
        done({});
        return;
    }
    if (m_ledger.markInterruptedUnknown(&error) < 0) {
        unlock();
        done({{false, std::nullopt, tr("the ledger could not be written: %1").arg(error)}});
        return;
    }
    unlock();
    auto results = std::make_shared<QList<Result>>();
    auto queue = std::make_shared<QList<std::pair<Connection, Intent>>>();
    for (const Connection &connection : connections) {
        for (const Intent &intent : m_ledger.openIntents(connection.id))
            queue->append({connection, intent});
    }
    auto step = std::make_shared<std::function<void()>>();
    QPointer<PayoutService> self(this);
    *step = [self, queue, results, step, done] {
        if (!self)
            return;
        if (queue->isEmpty()) {
            done(*results);
            *step = nullptr; // breaks the cycle
            return;
        }
        const auto [connection, intent] = queue->takeFirst();
        self->reconcile(connection, intent, [results, step](const Result &result) {
            results->append(result);
            QMetaObject::invokeMethod(QCoreApplication::instance(), [step] {
                if (*step)
                    (*step)();
            }, Qt::QueuedConnection);
        });
    };
    (*step)();
}

} // namespace ConsignDesk::Payouts
