#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The SimpleConsign connector (not yet written: returns nullptr).
std::unique_ptr<Connector> makeSimpleConsignConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
