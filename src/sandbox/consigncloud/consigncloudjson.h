#pragma once

// ConsignCloud's JSON (and CSV) shapes of the store's rows. Money is integer
// cents; splits are the consignor's fraction 0-1; times are ISO 8601 UTC.
#include "sandbox/consigncloud/consigncloudstore.h"
#include "sandbox/jsonwriter.h"

namespace ConsignDesk::Sandbox::ConsignCloud {

struct ItemView {
    bool quantity = false, tags = false, images = false, daysOnShelf = false, printed = false;
    bool account = false, category = false, location = false, batch = false; ///< expanded
    qint32 now = 0; ///< for days_on_shelf
};

void writeItem(JsonWriter &w, const Store &store, quint32 item, const ItemView &view);
void writeAccount(JsonWriter &w, const Store &store, quint32 account);
void writeSale(JsonWriter &w, const Store &store, quint32 sale, bool expandCustomer, bool expandLocation);
void writeLine(JsonWriter &w, const Store &store, quint32 line);
void writeEntry(JsonWriter &w, const Store &store, quint32 entry);
void writePayout(JsonWriter &w, const Store &store, quint32 payout);
void writeBatch(JsonWriter &w, const Store &store, quint32 batch);
/// A small-table record: its fields plus id, created, updated, deleted.
QJsonObject entityJson(const Store &store, Kind kind, const std::vector<Entity> &table, quint32 index);
void writeEntity(JsonWriter &w, const Store &store, Kind kind, const std::vector<Entity> &table, quint32 index);

/// Change given on a cash sale (paid with the next $20 up); 0 otherwise.
qint64 saleChange(const Sale &sale);
inline qint64 saleTotal(const Sale &sale) { return qint64(sale.subtotal) + sale.tax; }
/// "000123"
QString accountNumber(const Account &account);

QByteArray itemCsvHeader();
void appendItemCsv(QByteArray &out, const Store &store, quint32 item);
QByteArray saleCsvHeader();
void appendSaleCsv(QByteArray &out, const Store &store, quint32 sale);

} // namespace ConsignDesk::Sandbox::ConsignCloud
