// /accounts (with balances and payouts) and /balance-entries.
#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consigncloud/consigncloudjson.h"
#include "sandbox/consigncloud/consigncloudquery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

enum AccountField { Created, Balance, IsVendor, AccountRef, Type, Amount };

QByteArray accountBody(const Store &store, quint32 account)
{
    QByteArray body;
    JsonWriter w(body);
    writeAccount(w, store, account);
    return body;
}

bool applyAccountFields(Account &account, const QJsonObject &fields, bool bulk, QString *error)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        QString *text = key == QLatin1String("first_name") ? &account.firstName
            : key == QLatin1String("last_name")            ? &account.lastName
            : key == QLatin1String("company")              ? &account.company
            : key == QLatin1String("email")                ? &account.email
            : key == QLatin1String("phone_number")         ? &account.phone
                                                           : nullptr;
        if (text && !bulk) {
            if (!value.isString() && !value.isNull()) {
                *error = QStringLiteral("%1 must be a string").arg(key);
                return false;
            }
            *text = value.toString();
        } else if (key == QLatin1String("default_split")) {
            int bp = 0;
            if (!fraction(value, &bp)) {
                *error = QStringLiteral("default_split must be the consignor's fraction, a number from 0 to 1");
                return false;
            }
            account.defaultSplit = quint16(bp);
        } else if (key == QLatin1String("default_inventory_type")) {
            const QString type = value.toString();
            if (type == QLatin1String("consignment"))
                account.defaultType = quint8(InventoryType::Consignment);
            else if (type == QLatin1String("buy_outright"))
                account.defaultType = quint8(InventoryType::BuyOutright);
            else {
                *error = QStringLiteral("default_inventory_type must be consignment or buy_outright");
                return false;
            }
        } else if (key == QLatin1String("is_vendor")) {
            if (!value.isBool()) {
                *error = QStringLiteral("is_vendor must be true or false");
                return false;
            }
            account.isVendor = value.toBool();
        } else {
            *error = QStringLiteral("field '%1' cannot be written%2").arg(key, bulk ? QStringLiteral(" in a bulk edit") : QString());
            return false;
        }
    }
    if (account.firstName.isEmpty() && account.lastName.isEmpty() && account.company.isEmpty()) {
        *error = QStringLiteral("an account needs a first_name, last_name or company");
        return false;
    }
    return true;
}

} // namespace

void ConsignCloudApi::addAccountRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/accounts"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.fields = {{"created", Created, FieldType::DateTime},
                       {"balance", Balance, FieldType::Money},
                       {"is_vendor", IsVendor, FieldType::Bool}};
        spec.deletable = true;
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        auto pass = [&store, conditions = q.conditions, all = q.includeDeleted](quint32 a) {
            const Account &account = store.accounts[a];
            if (account.deleted != NoTime && !all)
                return false;
            return matches(conditions, [&account](int field) -> qint64 {
                return field == Created ? timeValue(account.created)
                    : field == Balance  ? account.balance
                                        : qint64(account.isVendor);
            });
        };
        return page(request, q, qint64(store.accounts.size()), pass,
                    [&store](JsonWriter &w, quint32 a) { writeAccount(w, store, a); });
    }, QStringLiteral("read:accounts"));

    m_router.add("GET", QStringLiteral("/accounts/stats"), [&store](Request &) {
        qint64 live = 0, vendors = 0, deleted = 0, total = 0, positive = 0, paid = 0;
        for (const Account &account : store.accounts) {
            if (account.deleted != NoTime) {
                ++deleted;
                continue;
            }
            ++live;
            vendors += account.isVendor ? 1 : 0;
            total += account.balance;
            positive += account.balance > 0 ? 1 : 0;
        }
        for (const Payout &payout : store.payouts)
            paid += payout.amount;
        return Reply::json(QJsonDocument(QJsonObject{
            {QStringLiteral("count"), live}, {QStringLiteral("vendors"), vendors},
            {QStringLiteral("customers"), live - vendors}, {QStringLiteral("deleted"), deleted},
            {QStringLiteral("total_balance"), total}, {QStringLiteral("accounts_with_balance"), positive},
            {QStringLiteral("total_paid_out"), paid}}));
    }, QStringLiteral("read:accounts"));

    m_router.add("GET", QStringLiteral("/accounts/balances"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.fields = {{"balance", Balance, FieldType::Money},
                       {"account", AccountRef, FieldType::Reference, Kind::Account}};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        auto pass = [&store, conditions = q.conditions](quint32 a) {
            const Account &account = store.accounts[a];
            return account.deleted == NoTime && matches(conditions, [&](int field) -> qint64 {
                       return field == Balance ? account.balance : qint64(a);
                   });
        };
        return page(request, q, qint64(store.accounts.size()), pass, [&store](JsonWriter &w, quint32 a) {
            const Account &account = store.accounts[a];
            w.beginObject().field("account", store.id(Kind::Account, a)).field("number", accountNumber(account));
            w.field("name", store.accountName(a)).field("balance", account.balance);
            w.key("updated").value(QString::fromLatin1(store.timestamp(account.updated)));
            w.endObject();
        });
    }, QStringLiteral("read:account_balances"));

    m_router.add("POST", QStringLiteral("/accounts/payouts"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray list = body.value(QStringLiteral("payouts")).toArray();
        if (list.isEmpty())
            return badRequest(QStringLiteral("payouts must list {account, amount[, reference, note]}"));
        if (list.size() > 100)
            return error(413, QStringLiteral("payload_too_large"), QStringLiteral("at most 100 payouts per request"));
        struct Planned { quint32 account; qint64 amount; QString reference, note; };
        std::vector<Planned> planned;
        QHash<quint32, qint64> spent;
        for (const QJsonValue &entry : list) {
            const QJsonObject payout = entry.toObject();
            Planned p{store.indexOf(Kind::Account, payout.value(QStringLiteral("account")).toString()), 0,
                      payout.value(QStringLiteral("reference")).toString(), payout.value(QStringLiteral("note")).toString()};
            if (p.account >= store.accounts.size() || store.accounts[p.account].deleted != NoTime)
                return badRequest(QStringLiteral("unknown account %1").arg(payout.value(QStringLiteral("account")).toString()));
            if (!wholeNumber(payout.value(QStringLiteral("amount")), &p.amount, 1))
                return badRequest(QStringLiteral("amount must be a positive whole number of cents"));
            spent[p.account] += p.amount;
            if (spent[p.account] > store.accounts[p.account].balance)
                return badRequest(QStringLiteral("payouts to account %1 exceed its balance of %2")
                                      .arg(store.id(Kind::Account, p.account))
                                      .arg(store.accounts[p.account].balance));
            if (!p.reference.isEmpty()) {
                for (quint32 k = 0; k < store.payouts.size(); ++k) {
                    if (store.payouts[k].account == p.account && store.payouts[k].reference == p.reference)
                        return conflict(QStringLiteral("payout %1 to this account already has reference %2")
                                            .arg(store.id(Kind::Payout, k), p.reference));
                }
            }
            planned.push_back(p);
        }
        const qint32 now = store.toRelative(request.received);
        QByteArray out;
        JsonWriter w(out);
        w.beginObject().key("payouts").beginArray();
        for (const Planned &p : planned)
            writePayout(w, store, store.addPayout(p.account, qint32(p.amount), now, p.reference, p.note));
        w.endArray().endObject();
        return Reply::json(out, 201);
    }, QStringLiteral("write:account_balances"));

    m_router.add("POST", QStringLiteral("/accounts/bulk-edits"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QJsonArray ids = body.value(QStringLiteral("accounts")).toArray();
        const QJsonObject edits = body.value(QStringLiteral("edits")).toObject();
        if (ids.isEmpty() || edits.isEmpty())
            return badRequest(QStringLiteral("the body needs accounts (ids) and edits (fields to set)"));
        if (ids.size() > 1000)
            return error(413, QStringLiteral("payload_too_large"), QStringLiteral("at most 1000 accounts per bulk edit"));
        std::vector<std::pair<quint32, Account>> changed;
        for (const QJsonValue &id : ids) {
            const quint32 a = store.indexOf(Kind::Account, id.toString());
            if (a >= store.accounts.size())
                return badRequest(QStringLiteral("unknown account id %1").arg(id.toString()));
            Account account = store.accounts[a];
            QString message;
            if (!applyAccountFields(account, edits, true, &message))
                return badRequest(message);
            account.updated = store.toRelative(request.received);
            changed.emplace_back(a, account);
        }
        for (const auto &[a, account] : changed)
            store.accounts[a] = account;
        store.touch();
        return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("updated"), qint64(changed.size())}}));
    }, QStringLiteral("write:accounts"));

    m_router.add("POST", QStringLiteral("/accounts"), [this, &store](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Account account{};
        account.number = qint32(store.accounts.size() + 1);
        account.created = account.updated = store.toRelative(request.received);
        account.deleted = NoTime;
        account.defaultSplit = 5000;
        account.defaultType = quint8(InventoryType::Consignment);
        account.isVendor = true;
        QString message;
        if (!applyAccountFields(account, body, false, &message))
            return badRequest(message);
        store.accounts.push_back(account);
        store.touch();
        return Reply::json(accountBody(store, quint32(store.accounts.size() - 1)), 201);
    }, QStringLiteral("write:accounts"));

    m_router.add("GET", QStringLiteral("/accounts/{id}"), [this, &store](Request &request) {
        const quint32 a = store.indexOf(Kind::Account, request.param(0));
        if (a >= store.accounts.size())
            return notFound(QStringLiteral("account"));
        return Reply::json(accountBody(store, a));
    }, QStringLiteral("read:accounts"));

    m_router.add("PATCH", QStringLiteral("/accounts/{id}"), [this, &store](Request &request) {
        const quint32 a = store.indexOf(Kind::Account, request.param(0));
        if (a >= store.accounts.size())
            return notFound(QStringLiteral("account"));
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Account account = store.accounts[a];
        QString message;
        if (!applyAccountFields(account, body, false, &message))
            return badRequest(message);
        account.updated = store.toRelative(request.received);
        store.accounts[a] = account;
        store.touch();
        return Reply::json(accountBody(store, a));
    }, QStringLiteral("write:accounts"));

    m_router.add("DELETE", QStringLiteral("/accounts/{id}"), [this, &store](Request &request) {
        const quint32 a = store.indexOf(Kind::Account, request.param(0));
        if (a >= store.accounts.size())
            return notFound(QStringLiteral("account"));
        Account &account = store.accounts[a];
        if (account.deleted == NoTime) {
            if (account.balance != 0)
                return conflict(QStringLiteral("the account has a balance of %1; pay it out first").arg(account.balance));
            account.deleted = account.updated = store.toRelative(request.received);
            store.touch();
        }
        return Reply::empty(204);
    }, QStringLiteral("delete:accounts"));

    m_router.add("POST", QStringLiteral("/accounts/{id}/restore"), [this, &store](Request &request) {
        const quint32 a = store.indexOf(Kind::Account, request.param(0));
        if (a >= store.accounts.size())
            return notFound(QStringLiteral("account"));
        Account &account = store.accounts[a];
        if (account.deleted != NoTime) {
            account.deleted = NoTime;
            account.updated = store.toRelative(request.received);
            store.touch();
        }
        return Reply::json(accountBody(store, a));
    }, QStringLiteral("write:accounts"));

    m_router.add("GET", QStringLiteral("/accounts/{id}/stats"), [this, &store](Request &request) {
        const quint32 a = store.indexOf(Kind::Account, request.param(0));
        if (a >= store.accounts.size())
            return notFound(QStringLiteral("account"));
        qint64 items = 0, active = 0, sold = 0, activeValue = 0, salesTotal = 0, earned = 0, paid = 0;
        for (const Item &item : store.items) {
            if (item.account != a || item.deleted != NoTime)
                continue;
            ++items;
            if (item.status == quint8(ItemStatus::Active)) {
                ++active;
                activeValue += item.tagPrice;
            } else if (item.status == quint8(ItemStatus::Sold)) {
                ++sold;
            }
        }
        for (const SaleLine &line : store.lines) {
            if (store.items[line.item].account == a && store.sales[line.sale].status == quint8(SaleStatus::Finalized)) {
                salesTotal += line.price;
                earned += line.credit;
            }
        }
        for (const Payout &payout : store.payouts)
            paid += payout.account == a ? payout.amount : 0;
        return Reply::json(QJsonDocument(QJsonObject{
            {QStringLiteral("account"), store.id(Kind::Account, a)}, {QStringLiteral("items"), items},
            {QStringLiteral("active_items"), active}, {QStringLiteral("sold_items"), sold},
            {QStringLiteral("active_tag_price"), activeValue}, {QStringLiteral("sales_total"), salesTotal},
            {QStringLiteral("earned"), earned}, {QStringLiteral("paid_out"), paid},
            {QStringLiteral("balance"), store.accounts[a].balance}}));
    }, QStringLiteral("read:accounts"));
}

void ConsignCloudApi::addLedgerRoutes()
{
    Store &store = *m_store;
    m_router.add("GET", QStringLiteral("/balance-entries"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.fields = {{"account", AccountRef, FieldType::Reference, Kind::Account},
                       {"created", Created, FieldType::DateTime},
                       {"type", Type, FieldType::Enum, Kind::Item, entryTypeName, int(EntryType::Count)},
                       {"amount", Amount, FieldType::Money}};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        auto pass = [&store, conditions = q.conditions](quint32 e) {
            const Entry &entry = store.entries[e];
            return matches(conditions, [&entry](int field) -> qint64 {
                switch (field) {
                case AccountRef: return entry.account;
                case Created: return timeValue(entry.created);
                case Type: return entry.type;
                case Amount: return entry.amount;
                }
                return NullValue;
            });
        };
        return page(request, q, qint64(store.entries.size()), pass,
                    [&store](JsonWriter &w, quint32 e) { writeEntry(w, store, e); });
    }, QStringLiteral("read:balance_entries"));

    m_router.add("GET", QStringLiteral("/balance-entries/{id}"), [this, &store](Request &request) {
        const quint32 e = store.indexOf(Kind::Entry, request.param(0));
        if (e >= store.entries.size())
            return notFound(QStringLiteral("balance entry"));
        QByteArray body;
        JsonWriter w(body);
        writeEntry(w, store, e);
        return Reply::json(body);
    }, QStringLiteral("read:balance_entries"));
}

} // namespace ConsignDesk::Sandbox
