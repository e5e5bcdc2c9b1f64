#pragma once

#include "sandbox/consignify/consignifystore.h"
#include "sandbox/jsonwriter.h"

#include <QByteArray>
#include <QDateTime>

namespace ConsignDesk::Sandbox::Consignify {

/// "2025-07-31T15:55:01.660Z", the way Consignify (a JavaScript service) prints times.
QByteArray isoTime(Ms ms);
/// Parses an ISO 8601 date-time with a zone; nullopt when it is not one.
std::optional<Ms> parseTime(const QString &text);
Ms toMs(const QDateTime &time);

const char *statusName(ProductStatus status);
const char *fateName(ItemFate fate);
const char *portalName(Portal portal);
const char *receiptName(Receipt receipt);
std::optional<ItemFate> fateFromName(const QString &name);
std::optional<Portal> portalFromName(const QString &name);

/// The JSON shapes of the API; each writes one value.
namespace Json {
void consignor(JsonWriter &w, const Store &store, qint32 index);
/// GET /products, /product/{id}
void product(JsonWriter &w, const Store &store, qint32 index);
/// GET /consignor/{id}/products: the doc's shorter product row
void productBrief(JsonWriter &w, const Store &store, qint32 index);
void lineItem(JsonWriter &w, const Store &store, qint32 index);
/// A payout line item as /product/{id}/payouts and a line item's itemPayout show it.
void payoutLineRef(JsonWriter &w, const Store &store, qint32 line);
/// A payout; with its payoutLineItems for GET /payout/{id} and POST /payouts.
void payout(JsonWriter &w, const Store &store, qint32 index, bool withLines);
} // namespace Json

} // namespace ConsignDesk::Sandbox::Consignify
