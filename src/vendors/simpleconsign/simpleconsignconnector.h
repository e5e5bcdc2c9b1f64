#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

namespace SimpleConsign {
/// Items per page handed to the sync engine, cut from an answer of @p count
/// items: about a twentieth of it, at least 2,000 and at most 50,000. Each
/// page is one commit, and each commit writes again every page of the
/// (connection, vendor id) index its rows land in; vendor ids come in no
/// order, so that is most of the index. Pages of 2,000 made a first load of
/// 1,000,000 items write 4.5 GB to the WAL for a 0.7 GB cache; about twenty
/// pages keep that near 1 GB, the progress steps small and a page's records
/// (mapped on another thread while the one before is written) under 100 MB.
qsizetype pageItems(qsizetype count);
} // namespace SimpleConsign

/// The SimpleConsign (Traxia) connector: one resource, "items", from the one
/// POST /inventory answer, cut into pages of SimpleConsign::pageItems without
/// parsing the whole body at once. A full run loads active items only (with
/// quantity zero); an incremental run sends modifiedSince and includes
/// inactive items, which become soft-deleted records.
std::unique_ptr<Connector> makeSimpleConsignConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
