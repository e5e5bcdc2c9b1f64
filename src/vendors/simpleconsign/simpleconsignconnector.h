#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

namespace SimpleConsign {
/// Items per page handed to the sync engine, cut from the one big answer.
constexpr int pageItems = 2000;
} // namespace SimpleConsign

/// The SimpleConsign (Traxia) connector: one resource, "items", from the one
/// POST /inventory answer, cut into pages of SimpleConsign::pageItems without
/// parsing the whole body at once. A full run loads active items only (with
/// quantity zero); an incremental run sends modifiedSince and includes
/// inactive items, which become soft-deleted records.
std::unique_ptr<Connector> makeSimpleConsignConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
