// Sending payouts against the sandbox over real HTTP, with the faults of
// RELIABILITY.md cases 20-24: every fault ends with exactly one payout at the
// vendor or none, never two, and the ledger says which.
#include "net/httpclient.h"
#include "payouts/ledger.h"
#include "payouts/payoutgateway.h"
#include "payouts/payoutservice.h"
#include "payouts/proposals.h"
#include "store/database.h"
#include "syncedcache.h"
#include "testretry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Payouts;

class TestPayoutsSend : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_http;
    QTemporaryDir m_lockDir;

    std::unique_ptr<Ledger> ledger()
    {
        QString error;
        auto l = Ledger::open(m_cache->path(), &error);
        if (!l)
            qFatal("ledger: %s", qPrintable(error));
        return l;
    }

    std::unique_ptr<PayoutService> service(Ledger &ledger, int timeoutMs = 5000, qint64 graceMs = 0)
    {
        auto s = std::make_unique<PayoutService>(
            ledger, *m_http,
            [this](const Connection &c) -> Vendors::Connector::SecretSource {
                const QString secret = m_cache->secret(Vendors::id(c.vendor));
                return [secret](auto give) { give(secret, {}); };
            },
            m_lockDir.filePath(QStringLiteral("payouts.lock")));
        s->setReadRetryPolicy(fastRetries());
        s->setRateLimited(false);
        s->setRequestTimeoutMs(timeoutMs);
        s->setAbsentGraceMs(graceMs);
        return s;
    }

    Connection connection(const QString &vendor) { return m_cache->connections().value(vendor); }

    // A ConsignCloud account the cache says is owed money, taken in turn, and
    // a small payout (1.00) so that each test leaves the others their balance.
    Approval ccApproval(int turn, qint64 amount = 100)
    {
        const Connection c = connection(QStringLiteral("consigncloud"));
        const qint64 owed = m_cache->scalar(QStringLiteral("SELECT count(*) FROM consignors WHERE connection_id = ? AND "
                                                           "balance_minor > 1000 AND deleted IS NULL"),
                                            {c.id});
        if (owed < 2)
            qFatal("the sandbox's ConsignCloud store owes too few consignors");
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT external_id, name, balance_minor, currency FROM consignors WHERE connection_id = ? "
                                 "AND balance_minor > 1000 AND deleted IS NULL ORDER BY external_id LIMIT 1 OFFSET ?"));
        q.addBindValue(c.id);
        q.addBindValue(turn % owed);
        if (!q.exec() || !q.next())
            qFatal("no ConsignCloud consignor owed money at %d", turn);
        Approval a;
        a.connectionId = c.id;
        a.connectionName = c.name;
        a.vendor = QStringLiteral("consigncloud");
        a.consignorId = q.value(0).toString();
        a.consignorName = q.value(1).toString();
        a.amountMinor = amount;
        a.currency = q.value(3).toString();
        return a;
    }

    // The account's payouts at the vendor that carry @p reference (or, with @p any, all of them).
    int ccPayoutsWith(const QString &account, const QString &reference, bool any = false)
    {
        int found = 0;
        QString cursor;
        do {
            const HttpResponse r = m_cache->sandbox().get(
                QStringLiteral("consigncloud"),
                QStringLiteral("/balance-entries?type=payout&account=%1&limit=100%2")
                    .arg(account, cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            if (r.status != 200)
                qFatal("balance entries: %d", r.status);
            for (const QJsonValue &v : r.object().value(QStringLiteral("data")).toArray())
                found += any
                    || v.toObject().value(QStringLiteral("payout")).toObject().value(QStringLiteral("reference")).toString()
                        == reference;
            cursor = r.object().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        return found;
    }

    int consignifyPayoutsNoted(const QString &consignor, const QString &reference)
    {
        const HttpResponse r = m_cache->sandbox().get(QStringLiteral("consignify"),
                                                      QStringLiteral("/consignor/%1/payouts").arg(consignor));
        int found = 0;
        for (const QJsonValue &v : r.json().array())
            found += v.toObject().value(QStringLiteral("note")).toString().contains(reference);
        return found;
    }

    void fault(const QString &vendor, const QString &endpoint, const QString &kind, int count = 1,
               const QJsonObject &extra = {})
    {
        QJsonObject spec = extra;
        spec.insert(QStringLiteral("vendor"), vendor);
        spec.insert(QStringLiteral("endpoint"), endpoint);
        spec.insert(QStringLiteral("kind"), kind);
        spec.insert(QStringLiteral("count"), count);
        spec.insert(QStringLiteral("method"), QStringLiteral("POST"));
        const HttpResponse r = m_cache->sandbox().control("POST", QStringLiteral("/faults"), spec);
        QVERIFY2(r.status / 100 == 2, r.body.constData());
    }

    PayoutService::Result run(PayoutService &s, const Connection &c, const Approval &a)
    {
        std::optional<PayoutService::Result> result;
        s.approveAndSend(c, a, [&](const PayoutService::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            qFatal("the payout did not finish");
        return *result;
    }

    bool integrityOk()
    {
        QSqlQuery q(m_cache->db().sql());
        return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() && q.value(0).toString() == QLatin1String("ok");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<SyncedCache>(300);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        m_http = std::make_unique<Net::HttpClient>(&m_network);
    }

    void cleanup() { m_cache->sandbox().control("DELETE", QStringLiteral("/faults")); }

    void anApprovalSendsExactlyOnePayout()
    {
        auto l = ledger();
        auto s = service(*l);
        const Approval a = ccApproval(0);
        const auto result = run(*s, connection(QStringLiteral("consigncloud")), a);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.intent->state, IntentState::Confirmed);
        QVERIFY(!result.intent->vendorPayoutId.isEmpty());
        QCOMPARE(result.intent->attempts, 1);
        QCOMPARE(result.intent->approvedBy, Ledger::osUser());
        QCOMPARE(ccPayoutsWith(a.consignorId, result.intent->reference), 1);
        // The ledger logged each step, the approval first.
        QSqlQuery log(m_cache->db().sql());
        log.prepare(QStringLiteral("SELECT state FROM payout_intent_log WHERE intent_id = ? ORDER BY rowid"));
        log.addBindValue(result.intent->id);
        QVERIFY(log.exec());
        QStringList states;
        while (log.next())
            states.append(log.value(0).toString());
        QCOMPARE(states, (QStringList{QStringLiteral("approved"), QStringLiteral("sending"), QStringLiteral("confirmed")}));
    }

    void aConsignifyPayoutPaysItsLines()
    {
        auto l = ledger();
        auto s = service(*l);
        const Connection c = connection(QStringLiteral("consignify"));
        const ProposalBuilder builder(m_cache->db().sql());
        const QList<Proposal> due = builder.due(c.id);
        QVERIFY(!due.isEmpty());
        const Proposal &p = due.first();
        Approval a{c.id, c.name, QStringLiteral("consignify"), p.consignorId, p.consignorName, p.amountMinor, p.currency, {}};
        for (const ProposalLine &line : p.lines)
            a.lines.append(QJsonObject{{QStringLiteral("id"), line.externalId},
                                       {QStringLiteral("quantity"), line.quantity},
                                       {QStringLiteral("amount"), line.amountMinor}});
        const auto result = run(*s, c, a);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(result.intent->vendorReference.startsWith(u'#'));
        QCOMPARE(consignifyPayoutsNoted(p.consignorId, result.intent->reference), 1);
        // What is owed now leaves those lines out, before any sync.
        const auto again = builder.forConsignor(c.id, p.consignorId);
        QVERIFY(!again || again->amountMinor == 0);
    }

    // Case 20: applied, the answer lost (the connection reset after the write).
    // Qt re-sends on its own; the vendor's answer to that is a refusal, and
    // reading the vendor's payouts shows the one payout.
    void aPayoutDeliveredWithItsAnswerLostIsFoundOnce_data()
    {
        QTest::addColumn<int>("drops");
        QTest::newRow("first answer lost") << 1;
        QTest::newRow("every answer lost") << -1;
    }

    void aPayoutDeliveredWithItsAnswerLostIsFoundOnce()
    {
        QFETCH(int, drops);
        auto l = ledger();
        auto s = service(*l);
        const Approval a = ccApproval(drops == 1 ? 1 : 2);
        fault(QStringLiteral("consigncloud"), QStringLiteral("/accounts/payouts"), QStringLiteral("drop-after-write"), drops);
        const auto result = run(*s, connection(QStringLiteral("consigncloud")), a);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.intent->state, IntentState::Confirmed);
        QCOMPARE(ccPayoutsWith(a.consignorId, result.intent->reference), 1);
    }

    void aConsignifyPayoutWithItsAnswerLostIsFoundOnce()
    {
        auto l = ledger();
        auto s = service(*l);
        const Connection c = connection(QStringLiteral("consignify"));
        const QList<Proposal> due = ProposalBuilder(m_cache->db().sql()).due(c.id);
        QVERIFY(due.size() >= 2);
        const Proposal &p = due.at(1);
        Approval a{c.id, c.name, QStringLiteral("consignify"), p.consignorId, p.consignorName, p.amountMinor, p.currency, {}};
        for (const ProposalLine &line : p.lines)
            a.lines.append(QJsonObject{{QStringLiteral("id"), line.externalId},
                                       {QStringLiteral("quantity"), line.quantity},
                                       {QStringLiteral("amount"), line.amountMinor}});
        fault(QStringLiteral("consignify"), QStringLiteral("/payouts"), QStringLiteral("drop-after-write"), -1);
        const auto result = run(*s, c, a);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(consignifyPayoutsNoted(p.consignorId, result.intent->reference), 1);
    }

    // Case 22: 5xx is unknown (reading proves it absent: not paid, no re-send);
    // 4xx is rejected.
    void a5xxIsUnknownUntilReadAndA4xxIsRejected()
    {
        auto l = ledger();
        auto s = service(*l);
        const Connection c = connection(QStringLiteral("consigncloud"));
        Approval a = ccApproval(3);
        fault(QStringLiteral("consigncloud"), QStringLiteral("/accounts/payouts"), QStringLiteral("503"), 1);
        auto result = run(*s, c, a);
        QVERIFY(!result.ok);
        QCOMPARE(result.intent->state, IntentState::Absent);
        QCOMPARE(result.intent->attempts, 1); // never re-sent by itself
        QVERIFY2(result.message.contains(QStringLiteral("HTTP 503")), qPrintable(result.message));
        QCOMPARE(ccPayoutsWith(a.consignorId, result.intent->reference), 0);

        // More than the balance: the vendor refuses; nothing was paid.
        a.amountMinor = 1000000000;
        result = run(*s, c, a);
        QVERIFY(!result.ok);
        QCOMPARE(result.intent->state, IntentState::Rejected);
        QVERIFY2(result.message.contains(QStringLiteral("HTTP 400")), qPrintable(result.message));
        QCOMPARE(ccPayoutsWith(a.consignorId, result.intent->reference), 0);
    }

    // A request that takes longer than its timeout: unknown, and not called
    // unpaid while it may still land; read again after that, the vendor and
    // the ledger agree.
    void aTimeoutIsSettledByReading()
    {
        auto l = ledger();
        auto s = service(*l, 800, 4000);
        const Approval a = ccApproval(4);
        fault(QStringLiteral("consigncloud"), QStringLiteral("/accounts/payouts"), QStringLiteral("slow"), 1,
              {{QStringLiteral("delay"), 2500}});
        const auto first = run(*s, connection(QStringLiteral("consigncloud")), a);
        QVERIFY(first.intent);
        QVERIFY(!first.ok);
        QCOMPARE(first.intent->state, IntentState::Unknown);
        QVERIFY2(first.message.contains(QStringLiteral("check again")), qPrintable(first.message));
        // While it is unknown, the consignor cannot be paid again.
        const auto blocked = run(*s, connection(QStringLiteral("consigncloud")), a);
        QVERIFY(!blocked.ok);
        QCOMPARE(blocked.intent->id, first.intent->id);
        QTest::qWait(4200);
        std::optional<PayoutService::Result> settled;
        s->reconcile(connection(QStringLiteral("consigncloud")), *first.intent,
                     [&](const PayoutService::Result &r) { settled = r; });
        QVERIFY(QTest::qWaitFor([&] { return settled.has_value(); }, 30000));
        const int atVendor = ccPayoutsWith(a.consignorId, first.intent->reference);
        QVERIFY(atVendor <= 1);
        QCOMPARE(settled->intent->state, atVendor == 1 ? IntentState::Confirmed : IntentState::Absent);
        QCOMPARE(settled->ok, atVendor == 1);
    }

    // Case 21: the process stopped after the intent was committed, before or
    // during the send: the next start reconciles before sending anything.
    void anIntentLeftByAStoppedProcessIsReconciledFirst()
    {
        const Connection c = connection(QStringLiteral("consigncloud"));
        // Before the send: approved, nothing left.
        Approval before = ccApproval(5);
        QString error;
        std::optional<Intent> unsent;
        {
            auto l = ledger();
            unsent = l->approve(before, &error);
            QVERIFY2(unsent, qPrintable(error));
        }
        // During the send: the request left (sent directly, as the stopped process did).
        Approval during = ccApproval(6);
        std::optional<Intent> sent;
        {
            auto l = ledger();
            sent = l->approve(during, &error);
            QVERIFY2(sent, qPrintable(error));
            QVERIFY(l->markSending(sent->id, &error));
            auto gateway = PayoutGateway::make(c, *m_http, [this](auto give) { give(m_cache->secret(QStringLiteral("consigncloud")), {}); });
            gateway->client().setRateLimiter(nullptr);
            bool answered = false;
            gateway->send(*l->intent(sent->id), [&](const SendOutcome &) { answered = true; });
            QVERIFY(QTest::qWaitFor([&] { return answered; }, 10000));
            // ... and the process is gone before it recorded the answer.
        }
        auto l = ledger();
        auto s = service(*l);
        std::optional<QList<PayoutService::Result>> results;
        s->recover({c}, [&](const QList<PayoutService::Result> &r) { results = r; });
        QVERIFY(QTest::qWaitFor([&] { return results.has_value(); }, 30000));
        QCOMPARE(l->intent(unsent->id)->state, IntentState::Absent);
        QCOMPARE(ccPayoutsWith(before.consignorId, unsent->reference), 0);
        QCOMPARE(l->intent(sent->id)->state, IntentState::Confirmed);
        QCOMPARE(ccPayoutsWith(during.consignorId, sent->reference), 1);
        QVERIFY(l->openIntents(c.id).isEmpty());
    }

    // Case 23: a double click, a second window, a second process.
    void aSecondApprovalOfTheSameConsignorIsRefused()
    {
        const Connection c = connection(QStringLiteral("consigncloud"));
        const Approval a = ccApproval(7);
        const qint64 before = m_cache->scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM payout_intents"));
        auto l = ledger();
        auto s = service(*l, 3000);
        fault(QStringLiteral("consigncloud"), QStringLiteral("/accounts/payouts"), QStringLiteral("slow"), 1,
              {{QStringLiteral("delay"), 1500}});
        std::optional<PayoutService::Result> first;
        std::optional<PayoutService::Result> second;
        s->approveAndSend(c, a, [&](const PayoutService::Result &r) { first = r; });
        s->approveAndSend(c, a, [&](const PayoutService::Result &r) { second = r; }); // the double click
        // Another process: its own ledger connection and lock.
        auto otherLedger = ledger();
        auto other = service(*otherLedger);
        std::optional<PayoutService::Result> third;
        other->approveAndSend(c, a, [&](const PayoutService::Result &r) { third = r; });
        QVERIFY(QTest::qWaitFor([&] { return first && second && third; }, 30000));
        QVERIFY2(first->ok, qPrintable(first->message));
        QVERIFY(!second->ok);
        QVERIFY(!third->ok);
        QVERIFY2(third->message.contains(QStringLiteral("another ConsignDesk")), qPrintable(third->message));
        // The ledger itself refuses a second open intent, whoever asks.
        QString error;
        auto direct = ledger();
        const auto open = direct->approve(a, &error); // the first is settled: a new approval is possible
        QVERIFY2(open, qPrintable(error));
        QVERIFY(!direct->approve(a, &error));
        QVERIFY2(error.contains(QStringLiteral("already has a payout")), qPrintable(error));
        QVERIFY(direct->settle(open->id, IntentState::Absent, QStringLiteral("test: never sent"), &error));
        QCOMPARE(ccPayoutsWith(a.consignorId, first->intent->reference), 1);
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM payout_intents WHERE id > ? AND consignor_id = ? AND "
                                                "connection_id = ? AND state = 'confirmed'"),
                                 {before, a.consignorId, c.id}),
                 1);
    }

    // Case 24: the ledger cannot be written (an I/O error; a lock held past
    // busy_timeout): no request without a durable intent; the reason is given.
    void noRequestLeavesWithoutADurableIntent()
    {
        const Connection c = connection(QStringLiteral("consigncloud"));
        const Approval a = ccApproval(8);
        const qint64 intentsBefore = m_cache->scalar(QStringLiteral("SELECT count(*) FROM payout_intents"));
        const int payoutsBefore = ccPayoutsWith(a.consignorId, QString(), true);
        {
            // An I/O error: the ledger's connection cannot write (SQLITE_READONLY
            // here; a full disk, SQLITE_FULL, fails the same write the same way).
            auto l = ledger();
            QSqlQuery readOnly(l->database().sql());
            QVERIFY(readOnly.exec(QStringLiteral("PRAGMA query_only=1")));
            auto s = service(*l);
            const auto result = run(*s, c, a);
            QVERIFY(!result.ok);
            QVERIFY2(result.message.contains(QStringLiteral("ledger")), qPrintable(result.message));
        }
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM payout_intents")), intentsBefore);
        {
            // Another connection holds the write lock past busy_timeout.
            QString error;
            auto blocker = Store::Database::open(m_cache->path(), &error);
            QVERIFY(blocker);
            QVERIFY(blocker->beginWrite(&error));
            auto l = ledger();
            auto s = service(*l);
            QSqlQuery shorter(l->database().sql());
            QVERIFY(shorter.exec(QStringLiteral("PRAGMA busy_timeout=300")));
            const auto result = run(*s, c, a);
            QVERIFY(!result.ok);
            QVERIFY2(result.message.contains(QStringLiteral("ledger")), qPrintable(result.message));
            blocker->rollback();
        }
        QCOMPARE(m_cache->scalar(QStringLiteral("SELECT count(*) FROM payout_intents")), intentsBefore);
        QVERIFY(integrityOk());
        // Nothing reached the vendor.
        QCOMPARE(ccPayoutsWith(a.consignorId, QString(), true), payoutsBefore);
    }
};

QTEST_GUILESS_MAIN(TestPayoutsSend)
#include "tst_payouts_send.moc"
