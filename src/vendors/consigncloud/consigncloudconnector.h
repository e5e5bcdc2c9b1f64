#pragma once

#include "vendors/connector.h"

namespace ConsignDesk::Vendors {

/// The ConsignCloud connector: accounts, balance entries, items, sales and
/// their lines, batches, categories and locations, each a full cursor listing
/// (there is no change filter on `updated`) with soft-deleted rows included.
std::unique_ptr<Connector> makeConsignCloudConnector(const Connection &connection, Net::HttpClient &http,
                                                     Connector::SecretSource secret);

} // namespace ConsignDesk::Vendors
