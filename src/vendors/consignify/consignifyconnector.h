#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The Consignify connector: consignors, products (items), order line items
/// (sale lines) and payouts with their lines, over Bearer-key HTTP.
std::unique_ptr<Connector> makeConsignifyConnector(const Connection &connection, Net::HttpClient &http,
                                                   Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
