#include "sandbox/consignly/consignlyjson.h"

#include <QDateTime>
#include <QTimeZone>

namespace ConsignDesk::Sandbox::Consignly {

namespace {

// Quantities times per-unit cm3 and grams, as m3 and kg decimals.
void writeMeasures(JsonWriter &out, const char *quantityKey, const char *volumeKey, const char *weightKey,
                   qint64 quantity, qint64 volumeCm3, qint64 weightG)
{
    out.field(quantityKey, quantity);
    out.key(volumeKey).decimal(volumeCm3, 6);
    out.key(weightKey).decimal(weightG, 3);
}

void writeLocation(JsonWriter &out, const Store &store, quint32 locationIndex)
{
    const Location &location = store.locations[locationIndex];
    out.field("warehouseLocationId", store.id(IdKind::Location, locationIndex));
    out.field("warehouseLocationName", location.name);
    out.field("warehouseLocationType", int(location.type));
    out.field("warehouseId", store.id(IdKind::Warehouse, location.warehouse));
    out.field("warehouseName", store.warehouses[location.warehouse].name);
}

void writeDate(JsonWriter &out, const Store &store, const char *key, qint16 day)
{
    if (day != noDate)
        out.field(key, store.date(day));
}

void writeProductLine(JsonWriter &out, const Store &store, quint32 lineIndex)
{
    const ProductLine &line = store.lines[lineIndex];
    const Product &product = store.products[line.product];
    const Partner &partner = store.partners[product.partner];
    const ProductText text = store.productText(line.product);
    out.beginObject();
    out.field("warehouseProductId", store.id(IdKind::WarehouseProduct, lineIndex));
    out.field("partnerId", store.id(IdKind::Partner, product.partner));
    out.field("partnerName", partner.name);
    out.field("partnerProductId", store.id(IdKind::PartnerProduct, line.product));
    out.field("partnerProductCode", text.code);
    out.field("partnerProductName", text.name);
    out.field("isSerialRequired", product.tracking != TrackingNone);
    out.field("serialTrackingMode", int(product.tracking));
    out.field("isDangerousGood", product.dangerousGood >= 0);
    if (product.dangerousGood >= 0) {
        const DangerousGoodInfo &dg = dangerousGood(product.dangerousGood);
        out.field("dgUnNumber", dg.unNumber);
        out.field("dgHazchemFireCode", dg.hazchemFire);
        out.field("dgHazchemSafetyCode", dg.hazchemSafety);
        out.field("dgHazchemEvacuate", dg.hazchemEvacuate);
        out.field("dgHazardClassId", store.id(IdKind::DgClass, quint64(dg.hazardClass)));
        out.field("dgHazardCategoryId", store.id(IdKind::DgCategory, quint64(dg.hazardCategory)));
    }
    const QString batch = store.batch(lineIndex);
    if (!batch.isNull())
        out.field("batch", batch);
    writeDate(out, store, "bestBeforeDate", line.bestBefore);
    writeDate(out, store, "expiryDate", line.expiry);
    writeDate(out, store, "packagingDate", line.packaging);
    writeDate(out, store, "productionDate", line.production);
    writeDate(out, store, "sellByDate", line.sellBy);
    writeLocation(out, store, store.units[line.unit].location);
    writeMeasures(out, "availableQuantity", "availableVolumeM3", "availableWeightKG", line.available,
                  qint64(line.available) * product.volumeCm3, qint64(line.available) * product.weightG);
    writeMeasures(out, "onHandQuantity", "onHandVolumeM3", "onHandWeightKG", line.onHand,
                  qint64(line.onHand) * product.volumeCm3, qint64(line.onHand) * product.weightG);
    out.key("attributes").beginArray();
    const QString values[] = {text.color, text.size, text.brand};
    for (int attribute = 0; attribute < productAttributeCount(); ++attribute) {
        if (values[attribute].isEmpty())
            continue;
        out.beginObject();
        out.field("id", store.id(IdKind::Attribute, quint64(line.product) * 4 + quint64(attribute)));
        out.field("productAttributeId", store.id(IdKind::ProductAttribute, quint64(attribute)));
        out.field("name", productAttributeName(attribute));
        out.field("description", values[attribute]);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

} // namespace

QString dateTimeText(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

void writeInventoryRow(JsonWriter &out, const Store &store, quint32 unitIndex, quint32 lineMask)
{
    const LogisticUnit &unit = store.units[unitIndex];
    qint64 available = 0, availableVolume = 0, availableWeight = 0, onHand = 0, onHandVolume = 0, onHandWeight = 0;
    for (quint32 i = unit.firstLine; i < unit.firstLine + unit.lineCount; ++i) {
        const ProductLine &line = store.lines[i];
        const Product &product = store.products[line.product];
        available += line.available;
        availableVolume += qint64(line.available) * product.volumeCm3;
        availableWeight += qint64(line.available) * product.weightG;
        onHand += line.onHand;
        onHandVolume += qint64(line.onHand) * product.volumeCm3;
        onHandWeight += qint64(line.onHand) * product.weightG;
    }
    out.beginObject();
    out.key("logisticUnit").beginObject();
    out.field("warehouseLogisticUnitId", store.id(IdKind::LogisticUnit, unitIndex));
    out.field("partnerId", store.id(IdKind::Partner, unit.partner));
    out.field("partnerName", store.partners[unit.partner].name);
    out.field("logisticUnitNumber", store.unitNumber(unitIndex));
    out.field("referenceNumber", store.unitReference(unitIndex));
    out.field("ssccNumber", ssccFor(store.seed(), unitIndex));
    writeLocation(out, store, unit.location);
    writeMeasures(out, "availableQuantity", "availableVolumeM3", "availableWeightKG", available, availableVolume,
                  availableWeight);
    writeMeasures(out, "onHandQuantity", "onHandVolumeM3", "onHandWeightKG", onHand, onHandVolume, onHandWeight);
    out.endObject();
    out.key("products").beginArray();
    for (quint32 i = 0; i < unit.lineCount; ++i) {
        if (lineMask & (1u << i))
            writeProductLine(out, store, unit.firstLine + i);
    }
    out.endArray();
    out.endObject();
}

void writeProductItem(JsonWriter &out, const Store &store, quint32 lineIndex, quint32 itemNumber)
{
    const ProductLine &line = store.lines[lineIndex];
    const Product &product = store.products[line.product];
    // The line's first onHand-available items are allocated.
    const bool allocated = itemNumber - line.serialStart < quint32(line.onHand - line.available);
    const qint64 available = allocated ? 0 : 1;
    out.beginObject();
    out.field("warehouseProductItemId", store.id(IdKind::ProductItem, Store::itemKey(lineIndex, itemNumber)));
    out.field("serial", store.serial(lineIndex, itemNumber));
    writeMeasures(out, "availableQuantity", "availableVolumeM3", "availableWeightKG", available,
                  available * product.volumeCm3, available * product.weightG);
    writeMeasures(out, "transferableQuantity", "transferableVolumeM3", "transferableWeightKG", available,
                  available * product.volumeCm3, available * product.weightG);
    writeMeasures(out, "onHandQuantity", "onHandVolumeM3", "onHandWeightKG", 1, product.volumeCm3, product.weightG);
    out.endObject();
}

void writeConsumables(JsonWriter &out, const Store &store, quint32 consignment)
{
    out.key("consumables").beginArray();
    for (const Consumable &item : store.consignments[consignment].consumables) {
        out.beginObject();
        out.field("consumableTypeId", store.id(IdKind::ConsumableType, item.type));
        out.field("name", QString::fromLatin1(consumableType(item.type).name));
        out.key("value").decimal(item.valueMilli, 3);
        out.endObject();
    }
    out.endArray();
}

void writeConsignment(JsonWriter &out, const Store &store, quint32 index)
{
    const Consignment &consignment = store.consignments[index];
    out.beginObject();
    out.field("id", store.id(IdKind::Consignment, index));
    out.field("consignmentNumber", store.consignmentNumber(index));
    out.field("referenceNumber", store.consignmentReference(index));
    out.field("type", Store::consignmentTypeName(consignment.type));
    out.field("status", Store::consignmentStatusName(consignment.type, consignment.status));
    out.field("partnerId", store.id(IdKind::Partner, consignment.partner));
    out.field("partnerName", store.partners[consignment.partner].name);
    out.field("warehouseId", store.id(IdKind::Warehouse, consignment.warehouse));
    out.field("warehouseName", store.warehouses[consignment.warehouse].name);
    out.field("createdDateTime", dateTimeText(consignment.created));
    out.field("updatedDateTime", dateTimeText(consignment.updated));
    out.key("consumables").beginArray();
    for (const Consumable &item : consignment.consumables) {
        out.beginObject();
        out.field("id", store.id(IdKind::Consumable, item.serial));
        out.field("consumableTypeId", store.id(IdKind::ConsumableType, item.type));
        out.field("consumableTypeName", QString::fromLatin1(consumableType(item.type).name));
        out.key("value").decimal(item.valueMilli, 3);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

void writeConsumableType(JsonWriter &out, const Store &store, int type)
{
    out.beginObject();
    out.field("id", store.id(IdKind::ConsumableType, quint64(type)));
    out.field("name", QString::fromLatin1(consumableType(type).name));
    out.endObject();
}

} // namespace ConsignDesk::Sandbox::Consignly
