#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The Consignly connector: OAuth 2.0 Bearer tokens (client credentials or a
/// ready access token), page-index lists of 500 read as full refreshes.
/// Resources: "inventory" (logistic units, stock lines and the serial items of
/// tracked lines) and "consumables" (per consignment).
std::unique_ptr<Connector> makeConsignlyConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

namespace Consignly {
/// Where a page-index walk stands: "p:<page>" for the first page's follower,
/// "p:<page>:t:<first page's total>[:l:<last id of the page before>]".
struct Cursor {
    qint64 page = 1;
    qint64 firstTotal = -1; ///< -1: not known yet (the first page)
    QString lastId;         ///< the last record of the page before, to notice a shifted listing
};
std::optional<Cursor> parseCursor(const QString &text);
QString formatCursor(const Cursor &cursor);
} // namespace Consignly

} // namespace ConsignDesk::Vendors
