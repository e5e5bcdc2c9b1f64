#include "store/cachewriter.h"

#include "store/database.h"
#include "store/statement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ConsignDesk::Store {

using namespace Records;

namespace {

QVariant date(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

template<typename T>
QVariant opt(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

/// One record as columns: the table, the vendor id, the columns in the
/// table's order and the soft-delete time.
struct CacheWriter::Row {
    const char *table;
    QString externalId;
    const QList<const char *> *columns;
    QVariantList values;
    QDateTime deleted;
};

struct CacheWriter::TableStatements {
    Statement lookup;  ///< the stored row's id, hash and run mark
    Statement touch;   ///< unchanged: only the run mark
    Statement insert;  ///< new
    Statement current; ///< a changed row's stored values
    /// Changed: one statement per set of changed columns, so indexes and the
    /// full-text row of columns that did not change are left alone.
    QHash<quint64, std::shared_ptr<Statement>> updates;
    QString table;
};

namespace {

// Binds a record's value: NULL, text, or an integer (every other kind a
// record holds: money, counts, flags, times).
void bindValue(Statement &statement, int index, const QVariant &value)
{
    if (value.isNull())
        statement.bindNull(index);
    else if (value.metaType().id() == QMetaType::QString)
        statement.bind(index, value.toString());
    else
        statement.bind(index, value.toLongLong());
}

// Whether a stored value equals the one to write.
bool sameValue(const Statement &stored, int column, const QVariant &wanted)
{
    if (stored.isNull(column) || wanted.isNull())
        return stored.isNull(column) && wanted.isNull();
    if (wanted.metaType().id() == QMetaType::QString)
        return stored.text(column) == wanted.toString();
    return stored.int64(column) == wanted.toLongLong();
}

} // namespace

namespace {

const QList<const char *> consignorColumns{"number", "name", "first_name", "last_name", "company", "email", "phone",
                                           "balance_minor", "currency", "split_bp", "archived", "created", "updated"};
const QList<const char *> itemColumns{"sku", "title", "description", "consignor_id", "category_id", "category",
                                      "location_id", "batch_id", "status", "inventory_type", "quantity", "price_minor",
                                      "tag_price_minor", "currency", "split_bp", "brand", "color", "size", "images",
                                      "ecommerce", "inactive", "created", "updated", "sold", "expires"};
const QList<const char *> saleColumns{"number", "date", "status", "subtotal_minor", "tax_minor", "total_minor",
                                      "currency", "location_id", "customer_id", "payment_type", "updated"};
const QList<const char *> saleLineColumns{"sale_id", "item_id", "product_id", "title", "sku", "consignor_id",
                                          "quantity", "price_minor", "split_bp", "consignor_amount_minor", "currency",
                                          "status", "fulfilled", "date", "fulfilled_at", "payout_id", "updated"};
const QList<const char *> payoutColumns{"consignor_id", "date", "amount_minor", "adjustment_minor", "currency",
                                        "reference", "note", "updated"};
const QList<const char *> payoutLineColumns{"payout_id", "sale_line_id", "product_id", "quantity", "split_bp",
                                            "amount_minor", "currency"};
const QList<const char *> balanceEntryColumns{"consignor_id", "type", "amount_minor", "balance_minor", "currency",
                                              "sale_id", "payout_reference", "description", "created"};
const QList<const char *> categoryColumns{"name", "parent_id", "updated"};
const QList<const char *> locationColumns{"name", "address", "updated"};
const QList<const char *> batchColumns{"number", "consignor_id", "description", "status", "location_id",
                                       "item_count", "created", "updated"};
const QList<const char *> logisticUnitColumns{"number", "sscc", "warehouse_id", "warehouse", "location_id",
                                              "location", "location_type", "partner_id", "partner",
                                              "consignment_id", "on_hand", "available"};
const QList<const char *> stockLineColumns{"logistic_unit_id", "product_id", "product_code", "product_name",
                                           "warehouse", "location", "partner", "batch", "on_hand", "available",
                                           "best_before", "expiry", "dangerous_goods", "dg_class", "dg_un_number",
                                           "serial_tracking_mode", "serial_required"};
const QList<const char *> serialItemColumns{"stock_line_id", "serial", "on_hand", "available"};
const QList<const char *> consumableColumns{"consignment_id", "consignment_number", "type_id", "name",
                                            "value_thousandths"};

} // namespace

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFromValue(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

CacheWriter::CacheWriter(Database &db)
    : m_db(db)
{
}

CacheWriter::~CacheWriter() = default;

QStringList CacheWriter::tables()
{
    return {QStringLiteral("consignors"),   QStringLiteral("items"),          QStringLiteral("sales"),
            QStringLiteral("sale_lines"),   QStringLiteral("payouts"),        QStringLiteral("payout_lines"),
            QStringLiteral("balance_entries"), QStringLiteral("categories"),  QStringLiteral("locations"),
            QStringLiteral("batches"),      QStringLiteral("logistic_units"), QStringLiteral("stock_lines"),
            QStringLiteral("serial_items"), QStringLiteral("consumables")};
}

CacheWriter::TableStatements &CacheWriter::statementsFor(const Row &row)
{
    if (m_lastTable == row.table && m_last)
        return *m_last;
    const QString table = QString::fromLatin1(row.table);
    auto &slot = m_statements[table];
    m_lastTable = row.table;
    if (slot) {
        m_last = slot.get();
        return *slot;
    }
    QStringList names;
    QStringList marks;
    for (const char *column : *row.columns) {
        names.append(QString::fromLatin1(column));
        marks.append(QStringLiteral("?"));
    }
    const auto prepare = [this](const QString &sql) { return Statement(m_db, sql.toUtf8()); };
    slot = std::make_shared<TableStatements>();
    slot->table = table;
    slot->lookup = prepare(
        QStringLiteral("SELECT id, row_hash, seen_run FROM %1 WHERE connection_id = ? AND external_id = ?").arg(table));
    slot->touch = prepare(QStringLiteral("UPDATE %1 SET seen_run = ? WHERE id = ?").arg(table));
    slot->insert = prepare(QStringLiteral("INSERT INTO %1 (connection_id, external_id, %2, row_hash, seen_run, deleted) "
                                          "VALUES (?, ?, %3, ?, ?, ?) ON CONFLICT (connection_id, external_id) DO NOTHING")
                               .arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    slot->current = prepare(QStringLiteral("SELECT %2, deleted FROM %1 WHERE id = ?").arg(table, names.join(QStringLiteral(", "))));
    m_last = slot.get();
    return *slot;
}

bool CacheWriter::writeRow(const QString &connectionId, qint64 runId, const Row &row, WriteCounts *counts,
                           QString *error)
{
    // A 63-bit content hash, the same in every process (qHash is seeded per
    // process): FNV-1a over each value's type and bytes. SQLite integers are signed.
    quint64 fnv = 14695981039346656037ULL;
    const auto mix = [&fnv](const void *data, qsizetype size) {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (qsizetype i = 0; i < size; ++i) {
            fnv ^= bytes[i];
            fnv *= 1099511628211ULL;
        }
    };
    for (const QVariant &value : row.values) {
        const int type = value.isNull() ? 0 : value.metaType().id();
        mix(&type, sizeof type);
        if (type == QMetaType::QString) {
            const QString text = value.toString();
            mix(text.constData(), text.size() * qsizetype(sizeof(QChar)));
            const qsizetype size = text.size();
            mix(&size, sizeof size);
        } else if (type != 0) {
            const qint64 number = value.toLongLong();
            mix(&number, sizeof number);
        }
    }
    const qint64 deletedMs = row.deleted.isValid() ? row.deleted.toMSecsSinceEpoch() : -1;
    mix(&deletedMs, sizeof deletedMs);
    const qint64 hash = qint64(fnv & 0x7fffffffffffffffULL);
    TableStatements &st = statementsFor(row);
    const auto fail = [&](const Statement &statement) {
        *error = QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(row.table), row.externalId, statement.errorText());
        return false;
    };

    // The stored row, if any: nothing in a first load (so straight to the
    // insert); else its hash tells unchanged (only the run mark moves) from
    // changed (only the changed columns are written, by rowid).
    qint64 id = -1;
    if (!m_freshLoad) {
        st.lookup.bind(1, connectionId);
        st.lookup.bind(2, row.externalId);
        const bool found = st.lookup.next();
        if (!st.lookup.ok())
            return fail(st.lookup);
        if (found) {
            id = st.lookup.int64(0);
            const bool same = st.lookup.int64(1) == hash;
            const qint64 seen = st.lookup.int64(2);
            st.lookup.reset();
            if (same) {
                if (m_markSeen && seen != runId) {
                    st.touch.bind(1, runId);
                    st.touch.bind(2, id);
                    if (!st.touch.exec())
                        return fail(st.touch);
                }
                ++counts->unchanged;
                return true;
            }
        } else {
            st.lookup.reset();
        }
    }

    if (id < 0) {
        int i = 1;
        st.insert.bind(i++, connectionId);
        st.insert.bind(i++, row.externalId);
        for (const QVariant &value : row.values)
            bindValue(st.insert, i++, value);
        st.insert.bind(i++, hash);
        st.insert.bind(i++, runId);
        bindValue(st.insert, i++, timeValue(row.deleted));
        if (!st.insert.exec())
            return fail(st.insert);
        if (st.insert.changes() > 0) {
            ++counts->added;
            if (row.deleted.isValid())
                ++counts->deleted;
            return true;
        }
        // In a first load, a row the vendor sent twice: the later version wins.
        st.lookup.bind(1, connectionId);
        st.lookup.bind(2, row.externalId);
        if (!st.lookup.next())
            return fail(st.lookup);
        id = st.lookup.int64(0);
        st.lookup.reset();
    }

    st.current.bind(1, id);
    if (!st.current.next())
        return fail(st.current);
    quint64 changed = 0; // bit i: column i; bit 63: deleted
    for (qsizetype c = 0; c < row.values.size(); ++c) {
        if (!sameValue(st.current, int(c), row.values.at(c)))
            changed |= quint64(1) << c;
    }
    const QVariant deleted = timeValue(row.deleted);
    if (!sameValue(st.current, int(row.values.size()), deleted))
        changed |= quint64(1) << 63;
    st.current.reset();

    std::shared_ptr<Statement> &update = st.updates[changed];
    if (!update) {
        QStringList sets;
        for (qsizetype c = 0; c < row.columns->size(); ++c) {
            if (changed & (quint64(1) << c))
                sets.append(QString::fromLatin1(row.columns->at(c)) + QStringLiteral(" = ?"));
        }
        if (changed & (quint64(1) << 63))
            sets.append(QStringLiteral("deleted = ?"));
        sets.append(QStringLiteral("row_hash = ?"));
        sets.append(QStringLiteral("seen_run = ?"));
        update = std::make_shared<Statement>(
            m_db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(st.table, sets.join(QStringLiteral(", "))).toUtf8());
    }
    int i = 1;
    for (qsizetype c = 0; c < row.values.size(); ++c) {
        if (changed & (quint64(1) << c))
            bindValue(*update, i++, row.values.at(c));
    }
    if (changed & (quint64(1) << 63))
        bindValue(*update, i++, deleted);
    update->bind(i++, hash);
    update->bind(i++, runId);
    update->bind(i++, id);
    if (!update->exec())
        return fail(*update);
    ++counts->changed;
    if (row.deleted.isValid() && (changed & (quint64(1) << 63)))
        ++counts->deleted;
    return true;
}

bool CacheWriter::write(const QString &connectionId, qint64 runId, const RecordBatch &batch, WriteCounts *counts,
                        QString *error)
{
    const auto put = [&](const char *table, const QString &id, const QList<const char *> &columns, QVariantList values,
                         const QDateTime &deleted) {
        return writeRow(connectionId, runId, Row{table, id, &columns, std::move(values), deleted}, counts, error);
    };
    for (const Consignor &c : batch.consignors) {
        if (!put("consignors", c.externalId, consignorColumns,
                 {text(c.number), c.name, text(c.firstName), text(c.lastName), text(c.company), text(c.email),
                  text(c.phone), opt(c.balanceMinor), c.currency, opt(c.splitBp), c.archived ? 1 : 0, timeValue(c.created),
                  timeValue(c.updated)},
                 c.deleted))
            return false;
    }
    for (const Item &it : batch.items) {
        if (!put("items", it.externalId, itemColumns,
                 {text(it.sku), it.title, text(it.description), text(it.consignorId), text(it.categoryId),
                  text(it.category), text(it.locationId), text(it.batchId), text(it.status), text(it.inventoryType),
                  opt(it.quantity), it.priceMinor, opt(it.tagPriceMinor), it.currency, opt(it.splitBp), text(it.brand),
                  text(it.color), text(it.size),
                  it.images.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(it.images.join(u'\n')),
                  it.ecommerce ? 1 : 0, it.inactive ? 1 : 0, timeValue(it.created), timeValue(it.updated), timeValue(it.sold),
                  date(it.expires)},
                 it.deleted))
            return false;
    }
    for (const Sale &s : batch.sales) {
        if (!put("sales", s.externalId, saleColumns,
                 {text(s.number), timeValue(s.date), text(s.status), s.subtotalMinor, s.taxMinor, s.totalMinor, s.currency,
                  text(s.locationId), text(s.customerId), text(s.paymentType), timeValue(s.updated)},
                 s.deleted))
            return false;
    }
    for (const SaleLine &l : batch.saleLines) {
        if (!put("sale_lines", l.externalId, saleLineColumns,
                 {text(l.saleId), text(l.itemId), text(l.productId), text(l.title), text(l.sku), text(l.consignorId),
                  l.quantity, l.priceMinor, opt(l.splitBp), opt(l.consignorAmountMinor), l.currency, text(l.status),
                  l.fulfilled ? 1 : 0, timeValue(l.date), timeValue(l.fulfilledAt), text(l.payoutId), timeValue(l.updated)},
                 {}))
            return false;
    }
    for (const Payout &p : batch.payouts) {
        if (!put("payouts", p.externalId, payoutColumns,
                 {text(p.consignorId), timeValue(p.date), p.amountMinor, p.adjustmentMinor, p.currency, text(p.reference),
                  text(p.note), timeValue(p.updated)},
                 p.deleted))
            return false;
    }
    for (const PayoutLine &l : batch.payoutLines) {
        if (!put("payout_lines", l.externalId, payoutLineColumns,
                 {l.payoutId, text(l.saleLineId), text(l.productId), l.quantity, opt(l.splitBp), l.amountMinor,
                  l.currency},
                 {}))
            return false;
    }
    for (const BalanceEntry &e : batch.balanceEntries) {
        if (!put("balance_entries", e.externalId, balanceEntryColumns,
                 {text(e.consignorId), text(e.type), e.amountMinor, e.balanceMinor, e.currency, text(e.saleId),
                  text(e.payoutReference), text(e.description), timeValue(e.created)},
                 {}))
            return false;
    }
    for (const Category &c : batch.categories) {
        if (!put("categories", c.externalId, categoryColumns, {c.name, text(c.parentId), timeValue(c.updated)}, c.deleted))
            return false;
    }
    for (const Location &l : batch.locations) {
        if (!put("locations", l.externalId, locationColumns, {l.name, text(l.address), timeValue(l.updated)}, l.deleted))
            return false;
    }
    for (const Batch &b : batch.batches) {
        if (!put("batches", b.externalId, batchColumns,
                 {text(b.number), text(b.consignorId), text(b.description), text(b.status), text(b.locationId),
                  b.itemCount, timeValue(b.created), timeValue(b.updated)},
                 {}))
            return false;
    }
    for (const LogisticUnit &u : batch.logisticUnits) {
        if (!put("logistic_units", u.externalId, logisticUnitColumns,
                 {text(u.number), text(u.ssccNumber), text(u.warehouseId), text(u.warehouse), text(u.locationId),
                  text(u.location), text(u.locationType), text(u.partnerId), text(u.partner), text(u.consignmentId),
                  u.onHand, u.available},
                 {}))
            return false;
    }
    for (const StockLine &l : batch.stockLines) {
        if (!put("stock_lines", l.externalId, stockLineColumns,
                 {text(l.logisticUnitId), text(l.productId), text(l.productCode), text(l.productName),
                  text(l.warehouse), text(l.location), text(l.partner), text(l.batch), l.onHand, l.available,
                  date(l.bestBefore), date(l.expiry), l.dangerousGoods ? 1 : 0, text(l.dgClass), text(l.dgUnNumber),
                  l.serialTrackingMode, l.serialRequired ? 1 : 0},
                 {}))
            return false;
    }
    for (const SerialItem &s : batch.serialItems) {
        if (!put("serial_items", s.externalId, serialItemColumns, {s.stockLineId, text(s.serial), s.onHand, s.available},
                 {}))
            return false;
    }
    for (const Consumable &c : batch.consumables) {
        if (!put("consumables", c.externalId, consumableColumns,
                 {c.consignmentId, text(c.consignmentNumber), c.typeId, text(c.name), c.valueThousandths}, {}))
            return false;
    }
    return true;
}

bool CacheWriter::markVanished(const QString &table, const QString &connectionId, qint64 runId, qint64 nowMs,
                               qint64 *marked, QString *error, const QString &scopeSql, const QString &scopeValue)
{
    if (!tables().contains(table)) {
        *error = QStringLiteral("unknown table %1").arg(table);
        return false;
    }
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("UPDATE %1 SET deleted = ?, row_hash = 0 WHERE connection_id = ? AND seen_run <> ? AND deleted IS NULL%2")
                      .arg(table, scopeSql.isEmpty() ? QString() : QStringLiteral(" AND ") + scopeSql));
    query.addBindValue(nowMs);
    query.addBindValue(connectionId);
    query.addBindValue(runId);
    if (!scopeSql.isEmpty())
        query.addBindValue(scopeValue);
    if (!query.exec()) {
        *error = QStringLiteral("%1: %2").arg(table, query.lastError().text());
        return false;
    }
    *marked = query.numRowsAffected();
    return true;
}

} // namespace ConsignDesk::Store
