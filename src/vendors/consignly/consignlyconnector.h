#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The Consignly connector (not yet written: returns nullptr).
std::unique_ptr<Connector> makeConsignlyConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
