#pragma once

// The Consignly emulator's JSON: rows written straight into the page text.

#include "sandbox/consignly/consignlystore.h"
#include "sandbox/jsonwriter.h"

namespace ConsignDesk::Sandbox::Consignly {

/// One inventory record: {"logisticUnit": {...}, "products": [...]}. The
/// logistic unit's totals cover all its lines; @p lineMask picks the product
/// lines listed (bit i: the unit's i-th line).
void writeInventoryRow(JsonWriter &out, const Store &store, quint32 unit, quint32 lineMask);
/// One serial item (item number @p itemNumber of a tracked product line).
void writeProductItem(JsonWriter &out, const Store &store, quint32 line, quint32 itemNumber);
/// A consignment's consumables as GET .../consumables lists them.
void writeConsumables(JsonWriter &out, const Store &store, quint32 consignment);
/// A consignment as its detail (and our list) shows it, consumables included.
void writeConsignment(JsonWriter &out, const Store &store, quint32 consignment);
void writeConsumableType(JsonWriter &out, const Store &store, int type);
/// Seconds since 1970 as an ISO 8601 UTC date-time.
QString dateTimeText(qint64 secs);

} // namespace ConsignDesk::Sandbox::Consignly
