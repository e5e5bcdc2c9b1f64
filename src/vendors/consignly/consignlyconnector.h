#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

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

/// How the connector pages (tests shrink the pages to cross more boundaries).
struct Tuning {
    qint64 pageSize = 500;  ///< Consignly's maximum
    /// Pages requested ahead of the one served once the first page's total
    /// is known, kept until asked for (0 to 3; 0: one page at a time).
    int prefetchPages = 3;
};
} // namespace Consignly

/// The Consignly connector: OAuth 2.0 Bearer tokens (client credentials or a
/// ready access token), page-index lists of 500 read as full refreshes; once
/// the first page gave the total, the next pages (up to three) are requested
/// together with the one served and kept for the following fetchPage calls.
/// Resources: "inventory" (logistic units, stock lines and the serial items of
/// tracked lines) and "consumables" (per consignment).
std::unique_ptr<Connector> makeConsignlyConnector(const Connection &connection, Net::HttpClient &http,
                                                  Connector::SecretSource secret,
                                                  const Consignly::Tuning &tuning = Consignly::Tuning());

} // namespace ConsignDesk::Vendors
