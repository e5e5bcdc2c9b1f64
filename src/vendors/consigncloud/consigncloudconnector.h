#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The ConsignCloud connector (not yet written: returns nullptr).
std::unique_ptr<Connector> makeConsignCloudConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
