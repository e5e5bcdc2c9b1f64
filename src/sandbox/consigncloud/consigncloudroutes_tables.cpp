// /batches and the small tables: /item-categories, /locations, /discounts, /taxes.
#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consigncloud/consigncloudjson.h"
#include "sandbox/consigncloud/consigncloudquery.h"

#include <QJsonDocument>

namespace ConsignDesk::Sandbox {

using namespace ConsignCloud;

namespace {

enum BatchField { AccountRef, Status, Created };

/// A writable field of a small table: s string, i whole number, f fraction 0-1, b bool, r reference, e enum.
struct TableField {
    const char *name;
    char type;
    bool required = false;
    Kind reference = Kind::Item;
    const char *choices = nullptr; ///< for e: comma-separated
};

struct TableSpec {
    QString path;
    Kind kind;
    std::vector<Entity> *rows;
    std::vector<TableField> fields;
    QString readPermission, writePermission, deletePermission;
    bool restore;
    const char *singular;
};

bool validate(const Store &store, const TableSpec &spec, const QJsonObject &input, QJsonObject *fields, bool create,
              QString *error)
{
    for (auto it = input.begin(); it != input.end(); ++it) {
        const TableField *field = nullptr;
        for (const TableField &candidate : spec.fields) {
            if (it.key() == QLatin1String(candidate.name))
                field = &candidate;
        }
        if (!field) {
            *error = QStringLiteral("field '%1' cannot be written (unknown or read-only)").arg(it.key());
            return false;
        }
        const QJsonValue value = it.value();
        qint64 number = 0;
        int bp = 0;
        bool ok = true;
        switch (field->type) {
        case 's': ok = value.isString() && (!field->required || !value.toString().trimmed().isEmpty()); break;
        case 'i': ok = wholeNumber(value, &number, 0); break;
        case 'f': ok = fraction(value, &bp); break;
        case 'b': ok = value.isBool(); break;
        case 'r': {
            const quint32 index = store.indexOf(field->reference, value.toString());
            const std::vector<Entity> &target = field->reference == Kind::Tax ? store.taxes : store.categories;
            ok = value.isNull() || (index < target.size() && target[index].deleted == NoTime);
            break;
        }
        case 'e': ok = QString::fromLatin1(field->choices).split(u',').contains(value.toString()); break;
        }
        if (!ok) {
            *error = QStringLiteral("%1 has an invalid value").arg(it.key());
            if (field->choices)
                *error += QStringLiteral(" (one of %1)").arg(QString::fromLatin1(field->choices));
            return false;
        }
        fields->insert(it.key(), value);
    }
    if (create) {
        for (const TableField &field : spec.fields) {
            if (field.required && !fields->contains(QLatin1String(field.name))) {
                *error = QStringLiteral("%1 is required").arg(QLatin1String(field.name));
                return false;
            }
        }
    }
    return true;
}

QByteArray batchBody(const Store &store, quint32 batch)
{
    QByteArray body;
    JsonWriter w(body);
    writeBatch(w, store, batch);
    return body;
}

} // namespace

void ConsignCloudApi::addTableRoutes()
{
    Store &store = *m_store;

    // batches
    m_router.add("GET", QStringLiteral("/batches"), [this, &store](Request &request) {
        QuerySpec spec;
        spec.fields = {{"account", AccountRef, FieldType::Reference, Kind::Account},
                       {"status", Status, FieldType::Enum, Kind::Item, batchStatusName, int(BatchStatus::Count)},
                       {"created", Created, FieldType::DateTime}};
        Query q;
        if (auto refusal = query(request, spec, &q))
            return *refusal;
        auto pass = [&store, conditions = q.conditions](quint32 b) {
            const Batch &batch = store.batches[b];
            return matches(conditions, [&batch](int field) -> qint64 {
                return field == AccountRef ? (batch.account == NoIndex ? NullValue : qint64(batch.account))
                    : field == Status      ? qint64(batch.status)
                                           : timeValue(batch.created);
            });
        };
        return page(request, q, qint64(store.batches.size()), pass,
                    [&store](JsonWriter &w, quint32 b) { writeBatch(w, store, b); });
    }, QStringLiteral("read:batches"));

    auto applyBatch = [&store](Batch &batch, const QJsonObject &body, QString *error) -> int {
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() == QLatin1String("description") && it.value().isString()) {
                batch.description = it.value().toString();
            } else if (it.key() == QLatin1String("account") || it.key() == QLatin1String("location")) {
                if (batch.status != quint8(BatchStatus::Draft)) {
                    *error = QStringLiteral("only a draft batch can change its %1").arg(it.key());
                    return 409;
                }
                if (it.key() == QLatin1String("account")) {
                    const quint32 a = store.indexOf(Kind::Account, it.value().toString());
                    if (!it.value().isNull() && a >= store.accounts.size()) {
                        *error = QStringLiteral("account is not a known account id");
                        return 400;
                    }
                    batch.account = it.value().isNull() ? NoIndex : a;
                } else {
                    const quint32 l = store.indexOf(Kind::Location, it.value().toString());
                    if (l >= store.locations.size()) {
                        *error = QStringLiteral("location is not a known location id");
                        return 400;
                    }
                    batch.location = quint8(l);
                }
            } else {
                *error = QStringLiteral("field '%1' cannot be written (unknown, read-only or wrong type)").arg(it.key());
                return 400;
            }
        }
        return 0;
    };

    m_router.add("POST", QStringLiteral("/batches"), [this, &store, applyBatch](Request &request) {
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Batch batch{};
        batch.account = NoIndex;
        batch.created = batch.updated = store.toRelative(request.received);
        batch.status = quint8(BatchStatus::Draft);
        QString message;
        if (const int status = applyBatch(batch, body, &message))
            return status == 409 ? conflict(message) : badRequest(message);
        store.batches.push_back(batch);
        store.touch();
        return Reply::json(batchBody(store, quint32(store.batches.size() - 1)), 201);
    }, QStringLiteral("write:batches"));

    m_router.add("GET", QStringLiteral("/batches/{id}"), [this, &store](Request &request) {
        const quint32 b = store.indexOf(Kind::Batch, request.param(0));
        if (b >= store.batches.size())
            return notFound(QStringLiteral("batch"));
        return Reply::json(batchBody(store, b));
    }, QStringLiteral("read:batches"));

    m_router.add("PATCH", QStringLiteral("/batches/{id}"), [this, &store, applyBatch](Request &request) {
        const quint32 b = store.indexOf(Kind::Batch, request.param(0));
        if (b >= store.batches.size())
            return notFound(QStringLiteral("batch"));
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        Batch batch = store.batches[b];
        QString message;
        if (const int status = applyBatch(batch, body, &message))
            return status == 409 ? conflict(message) : badRequest(message);
        batch.updated = store.toRelative(request.received);
        store.batches[b] = batch;
        store.touch();
        return Reply::json(batchBody(store, b));
    }, QStringLiteral("write:batches"));

    m_router.add("POST", QStringLiteral("/batches/{id}/status"), [this, &store](Request &request) {
        const quint32 b = store.indexOf(Kind::Batch, request.param(0));
        if (b >= store.batches.size())
            return notFound(QStringLiteral("batch"));
        QJsonObject body;
        if (auto refusal = readBody(request, &body))
            return *refusal;
        const QString status = body.value(QStringLiteral("status")).toString();
        if (status != QLatin1String("draft") && status != QLatin1String("submitted"))
            return badRequest(QStringLiteral("status must be draft or submitted"));
        Batch &batch = store.batches[b];
        batch.status = quint8(status == QLatin1String("draft") ? BatchStatus::Draft : BatchStatus::Submitted);
        batch.updated = store.toRelative(request.received);
        store.touch();
        return Reply::json(batchBody(store, b));
    }, QStringLiteral("submit:batches"));

    // the small tables, each the same CRUD over JSON records
    const std::vector<TableSpec> tables = {
        {QStringLiteral("/item-categories"), Kind::Category, &store.categories,
         {{"name", 's', true}, {"parent", 'r', false, Kind::Category}, {"default_expiration_days", 'i'}},
         QStringLiteral("read:items"), QStringLiteral("write:item_categories"), QStringLiteral("write:item_categories"),
         true, "item category"},
        {QStringLiteral("/locations"), Kind::Location, &store.locations,
         {{"name", 's', true}, {"address", 's'}, {"city", 's'}, {"phone_number", 's'}, {"tax", 'r', false, Kind::Tax}},
         QStringLiteral("read:locations"), QStringLiteral("write:locations"), QStringLiteral("delete:locations"), false,
         "location"},
        {QStringLiteral("/discounts"), Kind::Discount, &store.discounts,
         {{"name", 's', true}, {"type", 'e', true, Kind::Item, "percentage,fixed"}, {"percentage", 'f'},
          {"amount", 'i'}, {"active", 'b'}},
         QStringLiteral("read:discounts"), QStringLiteral("write:discounts"), QStringLiteral("delete:discounts"), true,
         "discount"},
        {QStringLiteral("/taxes"), Kind::Tax, &store.taxes, {{"name", 's', true}, {"rate", 'f', true}},
         QStringLiteral("read:taxes"), QStringLiteral("write:taxes"), QStringLiteral("delete:taxes"), true, "tax"},
    };
    for (const TableSpec &spec : tables) {
        const QString one = spec.path + QStringLiteral("/{id}");
        const QString what = QString::fromLatin1(spec.singular);
        m_router.add("GET", spec.path, [this, &store, spec](Request &request) {
            QuerySpec querySpec;
            querySpec.deletable = true;
            Query q;
            if (auto refusal = query(request, querySpec, &q))
                return *refusal;
            const std::vector<Entity> &rows = *spec.rows;
            return page(request, q, qint64(rows.size()),
                        [&rows, all = q.includeDeleted](quint32 i) { return all || rows[i].deleted == NoTime; },
                        [&store, spec](JsonWriter &w, quint32 i) { writeEntity(w, store, spec.kind, *spec.rows, i); });
        }, spec.readPermission);
        m_router.add("POST", spec.path, [this, &store, spec](Request &request) {
            QJsonObject body, fields;
            if (auto refusal = readBody(request, &body))
                return *refusal;
            QString message;
            if (!validate(store, spec, body, &fields, true, &message))
                return badRequest(message);
            if (spec.kind == Kind::Category || spec.kind == Kind::Location) {
                if (spec.rows->size() >= 255)
                    return conflict(QStringLiteral("no more than 255 %1 records").arg(QLatin1String(spec.singular)));
            }
            const qint32 now = store.toRelative(request.received);
            spec.rows->push_back(Entity{fields, now, now, NoTime});
            store.touch();
            return Reply::json(QJsonDocument(entityJson(store, spec.kind, *spec.rows, quint32(spec.rows->size() - 1))), 201);
        }, spec.writePermission);
        m_router.add("GET", one, [this, &store, spec, what](Request &request) {
            const quint32 i = store.indexOf(spec.kind, request.param(0));
            if (i >= spec.rows->size())
                return notFound(what);
            return Reply::json(QJsonDocument(entityJson(store, spec.kind, *spec.rows, i)));
        }, spec.readPermission);
        m_router.add("PATCH", one, [this, &store, spec, what](Request &request) {
            const quint32 i = store.indexOf(spec.kind, request.param(0));
            if (i >= spec.rows->size())
                return notFound(what);
            QJsonObject body;
            if (auto refusal = readBody(request, &body))
                return *refusal;
            Entity &entity = (*spec.rows)[i];
            QJsonObject fields = entity.fields;
            QString message;
            if (!validate(store, spec, body, &fields, false, &message))
                return badRequest(message);
            entity.fields = fields;
            entity.updated = store.toRelative(request.received);
            store.touch();
            return Reply::json(QJsonDocument(entityJson(store, spec.kind, *spec.rows, i)));
        }, spec.writePermission);
        m_router.add("DELETE", one, [this, &store, spec, what](Request &request) {
            const quint32 i = store.indexOf(spec.kind, request.param(0));
            if (i >= spec.rows->size())
                return notFound(what);
            Entity &entity = (*spec.rows)[i];
            if (entity.deleted == NoTime) {
                if (spec.kind == Kind::Location) {
                    for (const Item &item : store.items) {
                        if (item.location == i && item.deleted == NoTime)
                            return conflict(QStringLiteral("items are still at this location"));
                    }
                }
                entity.deleted = entity.updated = store.toRelative(request.received);
                store.touch();
            }
            return Reply::empty(204);
        }, spec.deletePermission);
        if (!spec.restore)
            continue;
        m_router.add("POST", one + QStringLiteral("/restore"), [this, &store, spec, what](Request &request) {
            const quint32 i = store.indexOf(spec.kind, request.param(0));
            if (i >= spec.rows->size())
                return notFound(what);
            Entity &entity = (*spec.rows)[i];
            if (entity.deleted != NoTime) {
                entity.deleted = NoTime;
                entity.updated = store.toRelative(request.received);
                store.touch();
            }
            return Reply::json(QJsonDocument(entityJson(store, spec.kind, *spec.rows, i)));
        }, spec.writePermission);
    }
}

} // namespace ConsignDesk::Sandbox
