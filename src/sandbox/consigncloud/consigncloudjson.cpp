#include "sandbox/consigncloud/consigncloudjson.h"

#include "sandbox/names.h"

#include <QJsonDocument>

namespace ConsignDesk::Sandbox::ConsignCloud {

namespace {

void timeField(JsonWriter &w, const Store &store, const char *name, qint32 relative)
{
    w.key(name);
    if (relative == NoTime) {
        w.null();
        return;
    }
    QByteArray text;
    text.reserve(24);
    text.append('"');
    store.appendTimestamp(text, relative);
    text.append('"');
    w.raw(text);
}

void idField(JsonWriter &w, const Store &store, const char *name, Kind kind, quint32 index)
{
    w.key(name);
    if (index == NoIndex)
        w.null();
    else
        w.value(store.id(kind, index));
}

void csvText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')) {
        QByteArray quoted = utf8;
        quoted.replace("\"", "\"\"");
        out.append('"').append(quoted).append('"');
    } else {
        out.append(utf8);
    }
}

} // namespace

QString accountNumber(const Account &account)
{
    return QStringLiteral("%1").arg(account.number, 6, 10, QLatin1Char('0'));
}

qint64 saleChange(const Sale &sale)
{
    const qint64 total = saleTotal(sale);
    if (sale.paymentType != quint8(PaymentType::Cash) || total <= 0)
        return 0;
    const qint64 tendered = (total + 1999) / 2000 * 2000;
    return tendered - total;
}

void writeItem(JsonWriter &w, const Store &store, quint32 index, const ItemView &view)
{
    const Item &item = store.items[index];
    w.beginObject();
    w.field("id", store.id(Kind::Item, index));
    w.field("sku", store.sku(index));
    w.field("title", store.title(index));
    w.field("description", store.description(index));
    w.field("tag_price", qint64(item.tagPrice));
    if (view.category && item.category < store.categories.size())
        w.key("category").raw(QJsonDocument(entityJson(store, Kind::Category, store.categories, item.category))
                                  .toJson(QJsonDocument::Compact));
    else
        idField(w, store, "category", Kind::Category, item.category);
    if (view.account && item.account != NoIndex) {
        w.key("account");
        writeAccount(w, store, item.account);
    } else {
        idField(w, store, "account", Kind::Account, item.account);
    }
    w.field("inventory_type", inventoryTypeName(item.type));
    w.key("split");
    if (item.type == quint8(InventoryType::Consignment))
        w.decimal(item.split, 4);
    else
        w.null();
    w.key("status");
    if (item.flags & UnitStatus) {
        w.beginObject();
        const int units = item.quantity > 0 ? item.quantity : 1;
        if (units - item.otherUnits > 0)
            w.field(itemStatusName(item.status), qint64(units - item.otherUnits));
        if (item.otherUnits > 0)
            w.field(itemStatusName(item.otherStatus), qint64(item.otherUnits));
        w.endObject();
    } else {
        w.value(itemStatusName(item.status));
    }
    if (view.location && item.location < store.locations.size())
        w.key("location").raw(QJsonDocument(entityJson(store, Kind::Location, store.locations, item.location))
                                  .toJson(QJsonDocument::Compact));
    else
        idField(w, store, "location", Kind::Location, item.location);
    if (view.batch && item.batch != NoIndex) {
        w.key("batch");
        writeBatch(w, store, item.batch);
    } else {
        idField(w, store, "batch", Kind::Batch, item.batch);
    }
    timeField(w, store, "created", item.created);
    timeField(w, store, "updated", item.updated);
    timeField(w, store, "sold", item.sold);
    timeField(w, store, "deleted", item.deleted);
    w.key("expires");
    if (item.type == quint8(InventoryType::Consignment))
        w.value(QString::fromLatin1(store.date(item.created + 90 * 86400)));
    else
        w.null();
    w.key("custom_fields").beginArray().endArray();
    if (view.quantity) {
        w.key("quantity");
        if (item.quantity == NullQuantity)
            w.null();
        else
            w.value(qint64(item.quantity));
    }
    if (view.tags) {
        w.key("tags").beginArray();
        w.value(store.brand(index).toLower());
        w.value(store.color(index).toLower());
        w.value(Names::categoryName(item.category).toLower());
        w.endArray();
    }
    if (view.images) {
        const QString id = store.id(Kind::Item, index);
        w.key("images").beginArray();
        for (int n = 1; n <= 1 + int(index % 3); ++n) {
            w.beginObject();
            w.field("url", QStringLiteral("https://images.consigncloud.example/items/%1/%2.jpg").arg(id).arg(n));
            w.field("position", n);
            w.endObject();
        }
        w.endArray();
    }
    if (view.daysOnShelf) {
        const qint32 end = item.sold != NoTime ? item.sold : view.now;
        w.field("days_on_shelf", qint64(std::max<qint64>(0, (qint64(end) - item.created) / 86400)));
    }
    if (view.printed)
        w.field("printed", bool(item.flags & Printed));
    w.endObject();
}

void writeAccount(JsonWriter &w, const Store &store, quint32 index)
{
    const Account &a = store.accounts[index];
    w.beginObject();
    w.field("id", store.id(Kind::Account, index));
    w.field("number", accountNumber(a));
    w.field("first_name", a.firstName);
    w.field("last_name", a.lastName);
    w.key("company");
    if (a.company.isEmpty())
        w.null();
    else
        w.value(a.company);
    w.field("email", a.email);
    w.field("phone_number", a.phone);
    w.field("balance", a.balance);
    w.key("default_split").decimal(a.defaultSplit, 4);
    w.field("default_inventory_type", inventoryTypeName(a.defaultType));
    w.field("is_vendor", a.isVendor);
    timeField(w, store, "created", a.created);
    timeField(w, store, "updated", a.updated);
    timeField(w, store, "deleted", a.deleted);
    w.endObject();
}

void writeSale(JsonWriter &w, const Store &store, quint32 index, bool expandCustomer, bool expandLocation)
{
    const Sale &sale = store.sales[index];
    w.beginObject();
    w.field("id", store.id(Kind::Sale, index));
    w.field("number", qint64(index) + 1);
    timeField(w, store, "created", sale.created);
    timeField(w, store, "updated", sale.updated);
    w.field("status", saleStatusName(sale.status));
    if (expandLocation && sale.location < store.locations.size())
        w.key("location").raw(QJsonDocument(entityJson(store, Kind::Location, store.locations, sale.location))
                                  .toJson(QJsonDocument::Compact));
    else
        idField(w, store, "location", Kind::Location, sale.location);
    if (expandCustomer && sale.customer != NoIndex) {
        w.key("customer");
        writeAccount(w, store, sale.customer);
    } else {
        idField(w, store, "customer", Kind::Account, sale.customer);
    }
    w.field("subtotal", qint64(sale.subtotal));
    w.field("tax", qint64(sale.tax));
    w.field("total", saleTotal(sale));
    w.field("cogs", qint64(sale.cogs));
    w.field("change", saleChange(sale));
    w.key("payments").beginArray().beginObject();
    w.field("type", paymentTypeName(sale.paymentType));
    w.field("amount", saleTotal(sale) + saleChange(sale));
    w.endObject().endArray();
    w.key("items").beginArray();
    for (quint32 l = sale.firstLine; l < sale.firstLine + sale.lineCount; ++l)
        w.value(store.id(Kind::Item, store.lines[l].item));
    w.endArray();
    w.endObject();
}

void writeLine(JsonWriter &w, const Store &store, quint32 index)
{
    const SaleLine &line = store.lines[index];
    const Sale &sale = store.sales[line.sale];
    const Item &item = store.items[line.item];
    w.beginObject();
    w.field("id", store.id(Kind::Line, index));
    w.field("sale", store.id(Kind::Sale, line.sale));
    w.field("item", store.id(Kind::Item, line.item));
    w.field("title", store.title(line.item));
    idField(w, store, "account", Kind::Account, item.account);
    w.field("inventory_type", inventoryTypeName(item.type));
    w.field("price", qint64(line.price));
    w.key("split");
    if (item.type == quint8(InventoryType::Consignment))
        w.decimal(item.split, 4);
    else
        w.null();
    w.field("consignor_amount", qint64(line.credit));
    w.field("status", saleStatusName(sale.status));
    timeField(w, store, "created", sale.created);
    timeField(w, store, "updated", sale.updated);
    w.endObject();
}

void writeEntry(JsonWriter &w, const Store &store, quint32 index)
{
    const Entry &entry = store.entries[index];
    w.beginObject();
    w.field("id", store.id(Kind::Entry, index));
    w.field("account", store.id(Kind::Account, entry.account));
    w.field("type", entryTypeName(entry.type));
    w.field("amount", qint64(entry.amount));
    w.field("balance", entry.balanceAfter);
    timeField(w, store, "created", entry.created);
    const bool isPayout = entry.type == quint8(EntryType::Payout);
    if (isPayout) {
        const Payout &payout = store.payouts[entry.ref];
        w.nullField("sale").nullField("item_sale");
        w.key("payout").beginObject();
        w.field("id", store.id(Kind::Payout, entry.ref));
        w.field("amount", qint64(payout.amount));
        w.optionalField("reference", payout.reference);
        w.optionalField("note", payout.note);
        w.endObject();
        w.field("description", QStringLiteral("Payout"));
    } else {
        const SaleLine &line = store.lines[entry.ref];
        w.field("sale", store.id(Kind::Sale, line.sale));
        w.field("item_sale", store.id(Kind::Line, entry.ref));
        w.nullField("payout");
        const char *what = entry.type == quint8(EntryType::Sale) ? "Sale of " : entry.type == quint8(EntryType::Void)
            ? "Voided sale of "
            : "Refund of ";
        w.field("description", QString::fromLatin1(what) + store.title(line.item));
    }
    w.endObject();
}

void writePayout(JsonWriter &w, const Store &store, quint32 index)
{
    const Payout &payout = store.payouts[index];
    w.beginObject();
    w.field("id", store.id(Kind::Payout, index));
    w.field("account", store.id(Kind::Account, payout.account));
    w.field("amount", qint64(payout.amount));
    w.optionalField("reference", payout.reference);
    w.optionalField("note", payout.note);
    w.field("balance_entry", store.id(Kind::Entry, payout.entry));
    w.field("balance", store.entries[payout.entry].balanceAfter);
    timeField(w, store, "created", payout.created);
    w.endObject();
}

void writeBatch(JsonWriter &w, const Store &store, quint32 index)
{
    const Batch &batch = store.batches[index];
    w.beginObject();
    w.field("id", store.id(Kind::Batch, index));
    w.field("number", qint64(index) + 1);
    idField(w, store, "account", Kind::Account, batch.account);
    QString description = batch.description;
    if (description.isNull()) {
        description = batch.account == NoIndex
            ? QStringLiteral("Store stock intake")
            : QStringLiteral("Drop-off from ") + store.accountName(batch.account);
    }
    w.field("description", description);
    w.field("status", batchStatusName(batch.status));
    idField(w, store, "location", Kind::Location, batch.location);
    w.field("item_count", qint64(batch.itemCount));
    timeField(w, store, "created", batch.created);
    timeField(w, store, "updated", batch.updated);
    w.endObject();
}

QJsonObject entityJson(const Store &store, Kind kind, const std::vector<Entity> &table, quint32 index)
{
    const Entity &entity = table[index];
    QJsonObject out = entity.fields;
    out.insert(QStringLiteral("id"), store.id(kind, index));
    out.insert(QStringLiteral("created"), QString::fromLatin1(store.timestamp(entity.created)));
    out.insert(QStringLiteral("updated"), QString::fromLatin1(store.timestamp(entity.updated)));
    out.insert(QStringLiteral("deleted"), entity.deleted == NoTime
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(QString::fromLatin1(store.timestamp(entity.deleted))));
    return out;
}

void writeEntity(JsonWriter &w, const Store &store, Kind kind, const std::vector<Entity> &table, quint32 index)
{
    w.raw(QJsonDocument(entityJson(store, kind, table, index)).toJson(QJsonDocument::Compact));
}

QByteArray itemCsvHeader()
{
    return QByteArrayLiteral("id,sku,title,category,account,inventory_type,split,tag_price,quantity,status,location,"
                             "batch,created,sold,deleted\r\n");
}

void appendItemCsv(QByteArray &out, const Store &store, quint32 index)
{
    const Item &item = store.items[index];
    out.append(store.id(Kind::Item, index).toLatin1()).append(',');
    out.append(store.sku(index).toLatin1()).append(',');
    csvText(out, store.title(index));
    out.append(',');
    if (item.category < store.categories.size())
        csvText(out, store.categories[item.category].fields.value(QStringLiteral("name")).toString());
    out.append(',');
    if (item.account != NoIndex)
        out.append(accountNumber(store.accounts[item.account]).toLatin1());
    out.append(',').append(inventoryTypeName(item.type)).append(',');
    if (item.type == quint8(InventoryType::Consignment))
        out.append(QByteArray::number(item.split / 10000.0, 'g', 4));
    out.append(',').append(QByteArray::number(item.tagPrice)).append(',');
    if (item.quantity != NullQuantity)
        out.append(QByteArray::number(item.quantity));
    out.append(',').append(itemStatusName(item.status)).append(',');
    if (item.location < store.locations.size())
        csvText(out, store.locations[item.location].fields.value(QStringLiteral("name")).toString());
    out.append(',');
    if (item.batch != NoIndex)
        out.append(QByteArray::number(qint64(item.batch) + 1));
    out.append(',');
    store.appendTimestamp(out, item.created);
    out.append(',');
    if (item.sold != NoTime)
        store.appendTimestamp(out, item.sold);
    out.append(',');
    if (item.deleted != NoTime)
        store.appendTimestamp(out, item.deleted);
    out.append("\r\n");
}

QByteArray saleCsvHeader()
{
    return QByteArrayLiteral("id,number,created,status,location,customer,items,subtotal,tax,total,cogs,payment_type\r\n");
}

void appendSaleCsv(QByteArray &out, const Store &store, quint32 index)
{
    const Sale &sale = store.sales[index];
    out.append(store.id(Kind::Sale, index).toLatin1()).append(',');
    out.append(QByteArray::number(qint64(index) + 1)).append(',');
    store.appendTimestamp(out, sale.created);
    out.append(',').append(saleStatusName(sale.status)).append(',');
    if (sale.location < store.locations.size())
        csvText(out, store.locations[sale.location].fields.value(QStringLiteral("name")).toString());
    out.append(',');
    if (sale.customer != NoIndex)
        out.append(accountNumber(store.accounts[sale.customer]).toLatin1());
    out.append(',').append(QByteArray::number(sale.lineCount));
    out.append(',').append(QByteArray::number(sale.subtotal));
    out.append(',').append(QByteArray::number(sale.tax));
    out.append(',').append(QByteArray::number(saleTotal(sale)));
    out.append(',').append(QByteArray::number(sale.cogs));
    out.append(',').append(paymentTypeName(sale.paymentType)).append("\r\n");
}

} // namespace ConsignDesk::Sandbox::ConsignCloud
