// What each consignor is owed (payouts/proposals.h) on a cache synced from the
// sandbox, which is the reference: Consignify's proposals equal what the
// sandbox's shop computes as owed (inspect's owed_minor), ConsignCloud's the
// accounts' balances from GET /accounts/balances. Lines are rounded half up
// one by one; the holding time and tracking start keep lines out, to the
// millisecond; an approved payout the cache does not show yet is not proposed
// again; and `consigndesk export payouts-due` writes the same proposals.
#include "clirun.h"
#include "core/currency.h"
#include "payouts/payoutsettings.h"
#include "payouts/proposals.h"
#include "reports/csvwriter.h"
#include "store/database.h"
#include "syncedcache.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace ConsignDesk;
using Payouts::Proposal;
using Payouts::ProposalBuilder;

class TestPayoutsDue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    QJsonObject m_shop; ///< /_sandbox/inspect/consignify after the sync
    QDateTime m_now;    ///< the shop's "now" of m_shop (as_of)

    QString connectionId(const char *vendor) const
    {
        return m_cache->connections().value(QLatin1String(vendor)).id;
    }

    QSqlDatabase db() { return m_cache->db().sql(); }

    QList<Proposal> due(const char *vendor, qint64 minimum = 1)
    {
        QString error;
        const QList<Proposal> proposals = ProposalBuilder(db(), m_now).due(connectionId(vendor), minimum, &error);
        if (!error.isEmpty())
            qFatal("due: %s", qPrintable(error));
        return proposals;
    }

    std::optional<Proposal> forConsignor(const char *vendor, const QString &consignor)
    {
        QString error;
        const std::optional<Proposal> p = ProposalBuilder(db(), m_now).forConsignor(connectionId(vendor), consignor, &error);
        if (!error.isEmpty())
            qFatal("forConsignor: %s", qPrintable(error));
        return p;
    }

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

    static const Payouts::ProposalLine *findLine(const Proposal &p, const QString &id)
    {
        for (const Payouts::ProposalLine &line : p.lines) {
            if (line.externalId == id)
                return &line;
        }
        return nullptr;
    }

    // A Consignify consignor with at least two payable lines, and one of them.
    std::pair<Proposal, Payouts::ProposalLine> consignifyLine()
    {
        for (const Proposal &p : due("consignify")) {
            if (p.lines.size() >= 2)
                return {p, p.lines.at(p.lines.size() / 2)};
        }
        qFatal("no Consignify consignor with two payable lines");
    }

    void insertIntent(const char *vendor, const Proposal &p, qint64 amount, const QJsonArray &lines,
                      const char *state, const QVariant &settledAt)
    {
        static int reference = 0;
        exec(QStringLiteral("INSERT INTO payout_intents (connection_id, connection_name, vendor, consignor_id, "
                            "consignor_name, amount_minor, currency, reference, lines, approved_by, approved_at, state, "
                            "settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, ?)"),
             {connectionId(vendor), p.connectionName, QString::fromLatin1(vendor), p.consignorId, p.consignorName, amount,
              p.currency, QStringLiteral("TEST-%1").arg(++reference),
              QString::fromUtf8(QJsonDocument(lines).toJson(QJsonDocument::Compact)),
              QDateTime::currentMSecsSinceEpoch(), QString::fromLatin1(state), settledAt});
    }

    // A completed run of @p resource that started at @p started (ms).
    void insertCompleteRun(const char *vendor, const char *resource, qint64 started)
    {
        exec(QStringLiteral("INSERT INTO sync_runs (connection_id, resource, started, finished, full, status) "
                            "VALUES (?, ?, ?, ?, 1, 'complete')"),
             {connectionId(vendor), QString::fromLatin1(resource), started, started + 1});
    }

    using Run = CliRun;

    Run consigndesk(const QStringList &arguments)
    {
        return runConsignDesk(QFileInfo(m_cache->path()).absolutePath(), arguments);
    }

    // The CSV `export payouts-due` should write for @p proposals.
    static QByteArray expectedCsv(const QList<Proposal> &proposals)
    {
        QByteArray csv = "connection,vendor,consignor_id,name,amount,currency,lines\r\n";
        for (const Proposal &p : proposals) {
            const QStringList cells{Reports::CsvWriter::escape(p.connectionName, false, false),
                                    Vendors::id(p.vendor),
                                    Reports::CsvWriter::escape(p.consignorId, false, false),
                                    Reports::CsvWriter::escape(p.consignorName, false, false),
                                    Currency::formatPlain(p.amountMinor, p.currency),
                                    p.currency,
                                    QString::number(p.lines.size())};
            csv += cells.join(u',').toUtf8() + "\r\n";
        }
        return csv;
    }

    // Every Consignify consignor's proposal against what the shop says it owes
    // (m_shop, as of m_now), zeros included, and the total.
    void compareWithTheShop()
    {
        const QJsonObject owed = m_shop.value(QStringLiteral("owed_minor")).toObject();
        QVERIFY(owed.size() >= 12);
        const QList<Proposal> proposals = due("consignify");
        QHash<QString, Proposal> byConsignor;
        qint64 total = 0;
        for (const Proposal &p : proposals) {
            QVERIFY2(!byConsignor.contains(p.consignorId), qPrintable(p.consignorId));
            byConsignor.insert(p.consignorId, p);
            total += p.amountMinor;
            QCOMPARE(p.vendor, Vendor::Consignify);
            QCOMPARE(p.currency, QStringLiteral("GBP"));
            QCOMPARE(p.connectionName, QStringLiteral("Test consignify"));
            QVERIFY(!p.consignorName.isEmpty());
            // The lines add up, each rounded on its own.
            qint64 sum = 0;
            QDateTime oldest;
            for (const Payouts::ProposalLine &line : p.lines) {
                QVERIFY(line.splitBp);
                QVERIFY(line.quantity > 0);
                QCOMPARE(line.amountMinor, Payouts::shareOfMinor(line.unitPriceMinor * line.quantity, *line.splitBp));
                QVERIFY(line.date < m_now.addDays(-14));
                QVERIFY(line.date >= QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC));
                sum += line.amountMinor;
                if (!oldest.isValid() || line.date < oldest)
                    oldest = line.date;
            }
            QCOMPARE(sum, p.amountMinor);
            QCOMPARE(p.oldestUnpaid, oldest);
        }
        int zeros = 0;
        for (auto it = owed.begin(); it != owed.end(); ++it) {
            const qint64 expected = it.value().toInteger();
            if (expected == 0) {
                ++zeros;
                QVERIFY2(!byConsignor.contains(it.key()), qPrintable(it.key()));
                QVERIFY(!forConsignor("consignify", it.key()));
            } else {
                QVERIFY2(byConsignor.contains(it.key()), qPrintable(it.key()));
                QCOMPARE(byConsignor.value(it.key()).amountMinor, expected);
                const std::optional<Proposal> one = forConsignor("consignify", it.key());
                QVERIFY(one);
                QCOMPARE(one->amountMinor, expected);
                QCOMPARE(one->lines.size(), byConsignor.value(it.key()).lines.size());
            }
        }
        QCOMPARE(byConsignor.size() + zeros, owed.size());
        QCOMPARE(total, m_shop.value(QStringLiteral("owed_total_minor")).toInteger());
        QVERIFY(total > 0);
        qInfo() << proposals.size() << "Consignify consignors owed" << total << "pence," << zeros << "owed nothing";
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<SyncedCache>(600);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        m_shop = m_cache->sandbox().control("GET", QStringLiteral("/inspect/consignify")).object();
        m_now = QDateTime::fromString(m_shop.value(QStringLiteral("as_of")).toString(), Qt::ISODateWithMs);
        QVERIFY2(m_now.isValid(), QJsonDocument(m_shop).toJson().constData());
    }

    void shareIsRoundedHalfUpExactly()
    {
        QCOMPARE(Payouts::shareOfMinor(101, 5000), 51);  // 50.5
        QCOMPARE(Payouts::shareOfMinor(100, 4550), 46);  // 45.5
        QCOMPARE(Payouts::shareOfMinor(99, 4550), 45);   // 45.045
        QCOMPARE(Payouts::shareOfMinor(1999, 4500), 900); // 899.55
        QCOMPARE(Payouts::shareOfMinor(0, 4500), 0);
        QCOMPARE(Payouts::shareOfMinor(12345, 0), 0);
        QCOMPARE(Payouts::shareOfMinor(12345, 10000), 12345);
        QCOMPARE(Payouts::shareOfMinor(-101, 5000), -50); // -50.5, up
        // Beyond a double's exact range and beyond gross × bp in 64 bits.
        QCOMPARE(Payouts::shareOfMinor(9007199254740991LL, 10000), 9007199254740991LL);
        QCOMPARE(Payouts::shareOfMinor(9007199254740992LL, 4550), 4098275660907151LL);
        QVERIFY(Payouts::supportsPayouts(Vendor::ConsignCloud));
        QVERIFY(Payouts::supportsPayouts(Vendor::Consignify));
        QVERIFY(!Payouts::supportsPayouts(Vendor::SimpleConsign));
        QVERIFY(!Payouts::supportsPayouts(Vendor::Consignly));
    }

    void theShopsRulesAreStoredForItsConnection()
    {
        QString error;
        const auto rules = Payouts::PayoutSettings(db()).rules(connectionId("consignify"), &error);
        QVERIFY2(rules, qPrintable(error));
        QCOMPARE(rules->holdingDays, m_shop.value(QStringLiteral("holding_days")).toInt());
        QCOMPARE(rules->holdingDays, 14);
        // One year before the fixture's epoch, 2026-06-01.
        QCOMPARE(rules->trackingStart, QDate(2025, 6, 1));
        // Another connection has the defaults.
        const auto other = Payouts::PayoutSettings(db()).rules(connectionId("consigncloud"), &error);
        QVERIFY(other);
        QCOMPARE(*other, Payouts::PayoutRules{});
        QVERIFY(!Payouts::PayoutSettings(db()).setRules(connectionId("consigncloud"), {-1, {}}, &error));
        QVERIFY(!error.isEmpty());
    }

    void consignifyOwesWhatTheShopOwes()
    {
        compareWithTheShop();
        if (QTest::currentTestFailed())
            return;
        const QList<Proposal> proposals = due("consignify");
        // By name within the connection.
        for (qsizetype i = 1; i < proposals.size(); ++i)
            QVERIFY(proposals.at(i - 1).consignorName.compare(proposals.at(i).consignorName, Qt::CaseInsensitive) <= 0);
        // The minimum leaves out smaller amounts.
        const qint64 middle = proposals.at(proposals.size() / 2).amountMinor;
        for (const Proposal &p : due("consignify", middle))
            QVERIFY(p.amountMinor >= middle);
    }

    void theShopsOwnLinesNeedRounding()
    {
        // The equality above covers rounding: shares of real lines have fractions of a penny.
        int fractional = 0;
        for (const Proposal &p : due("consignify")) {
            for (const Payouts::ProposalLine &line : p.lines)
                fractional += (line.unitPriceMinor * line.quantity * *line.splitBp) % 10000 != 0 ? 1 : 0;
        }
        QVERIFY(fractional > 0);
    }

    void aLineIsRoundedHalfUpOnItsOwn()
    {
        const auto [proposal, line] = consignifyLine();
        const qint64 oldPrice = m_cache->scalar(
            QStringLiteral("SELECT price_minor FROM sale_lines WHERE connection_id = ? AND external_id = ?"),
            {connectionId("consignify"), line.externalId});
        const qint64 oldSplit = m_cache->scalar(
            QStringLiteral("SELECT split_bp FROM items WHERE connection_id = ? AND external_id = ?"),
            {connectionId("consignify"), line.itemId});
        // £1.01 at 50 %: 50.5p, half up to 51p (50p by banker's rounding or truncation).
        exec(QStringLiteral("UPDATE sale_lines SET price_minor = 101 * quantity WHERE connection_id = ? AND external_id = ?"),
             {connectionId("consignify"), line.externalId});
        exec(QStringLiteral("UPDATE items SET split_bp = 5000 WHERE connection_id = ? AND external_id = ?"),
             {connectionId("consignify"), line.itemId});
        const std::optional<Proposal> after = forConsignor("consignify", proposal.consignorId);
        exec(QStringLiteral("UPDATE sale_lines SET price_minor = ? WHERE connection_id = ? AND external_id = ?"),
             {oldPrice, connectionId("consignify"), line.externalId});
        exec(QStringLiteral("UPDATE items SET split_bp = ? WHERE connection_id = ? AND external_id = ?"),
             {oldSplit, connectionId("consignify"), line.itemId});
        QVERIFY(after);
        const Payouts::ProposalLine *changed = findLine(*after, line.externalId);
        QVERIFY(changed);
        QCOMPARE(changed->unitPriceMinor, 101);
        QCOMPARE(changed->splitBp, std::optional<int>(5000));
        QCOMPARE(changed->amountMinor, (101 * changed->quantity * 5000 + 5000) / 10000);
        if (changed->quantity == 1)
            QCOMPARE(changed->amountMinor, 51);
        qint64 sum = 0;
        for (const Payouts::ProposalLine &l : after->lines)
            sum += l.amountMinor;
        QCOMPARE(after->amountMinor, sum);
        QCOMPARE(forConsignor("consignify", proposal.consignorId)->amountMinor, proposal.amountMinor);
    }

    void theHoldingTimeAndTrackingStartKeepLinesOut()
    {
        const auto [proposal, line] = consignifyLine();
        const QString id = line.externalId;
        const qint64 day = 86400000;
        const qint64 now = m_now.toMSecsSinceEpoch();
        const qint64 start = QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        auto fulfilledAt = [&](qint64 at) {
            exec(QStringLiteral("UPDATE sale_lines SET fulfilled_at = ? WHERE connection_id = ? AND external_id = ?"),
                 {at, connectionId("consignify"), id});
            return forConsignor("consignify", proposal.consignorId);
        };
        auto keeps = [&](const std::optional<Proposal> &p) {
            return p && findLine(*p, id) && p->amountMinor == proposal.amountMinor;
        };
        auto leavesOut = [&](const std::optional<Proposal> &p) {
            return p && !findLine(*p, id) && p->amountMinor == proposal.amountMinor - line.amountMinor
                && p->lines.size() == proposal.lines.size() - 1;
        };

        QVERIFY(leavesOut(fulfilledAt(now - 3 * day)));       // inside the holding time
        QVERIFY(leavesOut(fulfilledAt(now - 14 * day)));      // exactly 14 days: not more than
        QVERIFY(keeps(fulfilledAt(now - 14 * day - 1)));      // more than 14 days ago
        QVERIFY(leavesOut(fulfilledAt(start - 1)));           // before tracking start: settled
        QVERIFY(keeps(fulfilledAt(start)));                   // on tracking start
        // The rules are the connection's: no holding time, no tracking start.
        Payouts::PayoutSettings settings(db());
        const Payouts::PayoutRules rules = *settings.rules(connectionId("consignify"));
        QVERIFY(settings.setRules(connectionId("consignify"), {0, {}}));
        QVERIFY(findLine(*fulfilledAt(now - 3 * day), id));
        QVERIFY(findLine(*fulfilledAt(start - day), id));
        QVERIFY(settings.setRules(connectionId("consignify"), rules));
        QVERIFY(keeps(fulfilledAt(line.date.toMSecsSinceEpoch())));
        QCOMPARE(*settings.rules(connectionId("consignify")), rules);
    }

    void unfulfilledReturnedAndPaidLinesAreNotOwed()
    {
        const auto [proposal, line] = consignifyLine();
        const QString connection = connectionId("consignify");
        struct Change {
            const char *set;
            const char *undo;
        };
        const Change changes[] = {
            {"fulfilled = 0", "fulfilled = 1"},
            {"quantity = 0", "quantity = %1"},
            {"payout_id = 'elsewhere'", "payout_id = NULL"},
            {"deleted = 1", "deleted = NULL"},
        };
        for (const Change &change : changes) {
            exec(QStringLiteral("UPDATE sale_lines SET %1 WHERE connection_id = ? AND external_id = ?")
                     .arg(QLatin1String(change.set)),
                 {connection, line.externalId});
            const std::optional<Proposal> p = forConsignor("consignify", proposal.consignorId);
            QString undo = QString::fromLatin1(change.undo);
            undo.replace(QStringLiteral("%1"), QString::number(line.quantity));
            exec(QStringLiteral("UPDATE sale_lines SET %1 WHERE connection_id = ? AND external_id = ?").arg(undo),
                 {connection, line.externalId});
            QVERIFY2(p && !findLine(*p, line.externalId), change.set);
            QCOMPARE(p->amountMinor, proposal.amountMinor - line.amountMinor);
        }
        QCOMPARE(forConsignor("consignify", proposal.consignorId)->amountMinor, proposal.amountMinor);
    }

    void consignCloudOwesEachAccountsBalance()
    {
        // GET /accounts/balances, page by page, as the vendor answers it now.
        QHash<QString, qint64> balances;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("cursor"), cursor);
            const HttpResponse r = m_cache->sandbox().get(QStringLiteral("consigncloud"),
                                                          QStringLiteral("/accounts/balances?") + query.toString(QUrl::FullyEncoded));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                balances.insert(row[QLatin1String("account")].toString(), row[QLatin1String("balance")].toInteger());
            cursor = r.object().value(QStringLiteral("next_cursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        QVERIFY(!balances.isEmpty());
        const QList<Proposal> proposals = due("consigncloud");
        QHash<QString, Proposal> byAccount;
        for (const Proposal &p : proposals) {
            byAccount.insert(p.consignorId, p);
            QCOMPARE(p.vendor, Vendor::ConsignCloud);
            QCOMPARE(p.currency, QStringLiteral("USD"));
            // The entries since the last payout explain the balance (payouts pay it all).
            qint64 sum = 0;
            for (const Payouts::ProposalLine &line : p.lines)
                sum += line.amountMinor;
            QCOMPARE(sum, p.amountMinor);
            QVERIFY(!p.lines.isEmpty());
            QCOMPARE(p.oldestUnpaid, p.lines.constFirst().date);
        }
        int positive = 0;
        for (auto it = balances.cbegin(); it != balances.cend(); ++it) {
            if (it.value() > 0) {
                ++positive;
                QVERIFY2(byAccount.contains(it.key()), qPrintable(it.key()));
                QCOMPARE(byAccount.value(it.key()).amountMinor, it.value());
                QCOMPARE(forConsignor("consigncloud", it.key())->amountMinor, it.value());
            } else {
                QVERIFY(!byAccount.contains(it.key()));
            }
        }
        QCOMPARE(byAccount.size(), positive);
        QCOMPARE(proposals.size(), positive);
        QVERIFY(positive > 0);
        qInfo() << positive << "ConsignCloud accounts with a balance of" << balances.size();
        // Vendors without payouts have none; an unknown connection is an error.
        QVERIFY(due("simpleconsign").isEmpty());
        QString error;
        QVERIFY(ProposalBuilder(db(), m_now).due(QStringLiteral("no-such-id"), 1, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!ProposalBuilder(db(), m_now).forConsignor(connectionId("consignly"), QStringLiteral("x"), &error));
        QVERIFY(!error.isEmpty());
    }

    void anApprovedPayoutIsNotProposedAgain()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();

        // Consignify: a confirmed payout of one line the cache still shows unpaid.
        const auto [proposal, line] = consignifyLine();
        const QJsonArray lines{QJsonObject{{QStringLiteral("id"), line.externalId},
                                           {QStringLiteral("quantity"), line.quantity},
                                           {QStringLiteral("amount"), line.amountMinor}}};
        insertIntent("consignify", proposal, line.amountMinor, lines, "confirmed", now);
        std::optional<Proposal> p = forConsignor("consignify", proposal.consignorId);
        QVERIFY(p && !findLine(*p, line.externalId));
        QCOMPARE(p->amountMinor, proposal.amountMinor - line.amountMinor);
        qint64 total = 0;
        for (const Proposal &q : due("consignify"))
            total += q.amountMinor;
        QCOMPARE(total, m_shop.value(QStringLiteral("owed_total_minor")).toInteger() - line.amountMinor);
        // A run of the line items that started after the payout was settled
        // read them with the payout: the cache decides again (here: unpaid).
        insertCompleteRun("consignify", "line_items", now + 1);
        QVERIFY(findLine(*forConsignor("consignify", proposal.consignorId), line.externalId));
        // An open intent is held back whatever the cache read since.
        exec(QStringLiteral("DELETE FROM payout_intents"));
        insertIntent("consignify", proposal, line.amountMinor, lines, "unknown", QVariant(QMetaType(QMetaType::LongLong)));
        QVERIFY(!findLine(*forConsignor("consignify", proposal.consignorId), line.externalId));
        // A rejected one moved nothing.
        exec(QStringLiteral("UPDATE payout_intents SET state = 'rejected'"));
        QCOMPARE(forConsignor("consignify", proposal.consignorId)->amountMinor, proposal.amountMinor);
        exec(QStringLiteral("DELETE FROM payout_intents"));

        // ConsignCloud: part of a balance paid, and all of another.
        const QList<Proposal> accounts = due("consigncloud");
        QVERIFY(accounts.size() >= 2);
        const Proposal partly = accounts.at(0);
        const Proposal wholly = accounts.at(1);
        const qint64 part = (partly.amountMinor + 1) / 2;
        insertIntent("consigncloud", partly, part, {}, "confirmed", now);
        insertIntent("consigncloud", wholly, wholly.amountMinor, {}, "sending", QVariant(QMetaType(QMetaType::LongLong)));
        QCOMPARE(forConsignor("consigncloud", partly.consignorId)->amountMinor, partly.amountMinor - part);
        QVERIFY(!forConsignor("consigncloud", wholly.consignorId));
        const QList<Proposal> after = due("consigncloud");
        QCOMPARE(after.size(), accounts.size() - 1);
        // Balances read by a run that started after the payout show it: the
        // cache's balance alone counts again; the open intent still holds back.
        insertCompleteRun("consigncloud", "consignors", now + 1);
        QCOMPARE(forConsignor("consigncloud", partly.consignorId)->amountMinor, partly.amountMinor);
        QVERIFY(!forConsignor("consigncloud", wholly.consignorId));
        exec(QStringLiteral("DELETE FROM payout_intents"));
        QCOMPARE(forConsignor("consigncloud", wholly.consignorId)->amountMinor, wholly.amountMinor);
    }

    void theShareIsTheCurrentEffectiveShare()
    {
        // Give the shop the cases that tell the share rules apart: a consignor
        // with a share of their own, one of their products with another, and
        // another of their products inheriting; sync, and compare again.
        Proposal proposal;
        Payouts::ProposalLine line;
        QString inheriting;
        for (const Proposal &p : due("consignify")) {
            for (const Payouts::ProposalLine &l : p.lines) {
                if (l.itemId != p.lines.constFirst().itemId) {
                    proposal = p;
                    line = p.lines.constFirst();
                    inheriting = l.itemId;
                }
            }
        }
        QVERIFY2(!inheriting.isEmpty(), "no consignor owed for two products");
        SandboxFixture &shop = m_cache->sandbox();
        QCOMPARE(shop.call(QStringLiteral("consignify"), "PATCH", QStringLiteral("/consignor/") + proposal.consignorId,
                           R"({"share": 62.5})")
                     .status,
                 200);
        QCOMPARE(shop.call(QStringLiteral("consignify"), "POST", QStringLiteral("/product/%1/share").arg(line.itemId),
                           R"({"share": 33.33})")
                     .status,
                 201);
        QCOMPARE(shop.call(QStringLiteral("consignify"), "POST", QStringLiteral("/product/%1/share").arg(inheriting),
                           R"({"share": null})")
                     .status,
                 201);
        const QString error = m_cache->sync(QStringLiteral("consignify"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_shop = shop.control("GET", QStringLiteral("/inspect/consignify")).object();
        m_now = QDateTime::fromString(m_shop.value(QStringLiteral("as_of")).toString(), Qt::ISODateWithMs);
        compareWithTheShop();
        if (QTest::currentTestFailed())
            return;
        const std::optional<Proposal> p = forConsignor("consignify", proposal.consignorId);
        QVERIFY(p);
        for (const Payouts::ProposalLine &l : p->lines) {
            if (l.itemId == line.itemId)
                QCOMPARE(l.splitBp, std::optional<int>(3333));
            else if (l.itemId == inheriting)
                QCOMPARE(l.splitBp, std::optional<int>(6250));
        }
    }

    void theCommandLineExportsWhatIsDue()
    {
        const QString file = QFileInfo(m_cache->path()).absolutePath() + QStringLiteral("/due.csv");
        auto exported = [&](const QStringList &more) -> QByteArray {
            QFile::remove(file);
            const Run r = consigndesk(QStringList{QStringLiteral("export"), QStringLiteral("payouts-due"),
                                                  QStringLiteral("--format"), QStringLiteral("csv"),
                                                  QStringLiteral("--out"), file}
                                      + more);
            if (r.exitCode != 0)
                return "export failed: " + r.err.toUtf8();
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable");
        };
        // Every connection: ConsignCloud's then Consignify's (by connection name).
        QString error;
        const QList<Proposal> all = ProposalBuilder(db()).due({}, 1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QByteArray csv = exported({});
        QCOMPARE(csv, expectedCsv(all));
        QCOMPARE(csv.count("\r\n"), all.size() + 1);
        QVERIFY(csv.contains(",consigncloud,") && csv.contains(",consignify,"));
        QVERIFY(!csv.contains(",simpleconsign,") && !csv.contains(",consignly,"));
        // One connection.
        const QByteArray one = exported({QStringLiteral("--connection"), QStringLiteral("Test consignify")});
        QCOMPARE(one, expectedCsv(ProposalBuilder(db()).due(connectionId("consignify"))));
        QVERIFY(one.split('\n').value(1).startsWith("Test consignify,consignify,"));
        // A vendor without payouts: the header alone.
        QCOMPARE(exported({QStringLiteral("--connection"), QStringLiteral("Test simpleconsign")}),
                 QByteArray("connection,vendor,consignor_id,name,amount,currency,lines\r\n"));
        // An unknown connection fails like the other exports, in one line.
        const Run bad = consigndesk({QStringLiteral("export"), QStringLiteral("payouts-due"), QStringLiteral("--format"),
                                     QStringLiteral("csv"), QStringLiteral("--out"), file, QStringLiteral("--connection"),
                                     QStringLiteral("Nowhere")});
        QVERIFY(bad.exitCode != 0);
        QCOMPARE(bad.err.count(u'\n'), 1);
        QVERIFY2(bad.err.contains(QStringLiteral("Nowhere")), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestPayoutsDue)
#include "tst_payouts_due.moc"
