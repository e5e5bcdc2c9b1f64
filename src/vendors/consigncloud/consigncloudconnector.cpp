#include "vendors/consigncloud/consigncloudconnector.h"

namespace ConsignDesk::Vendors {

std::unique_ptr<Connector> makeConsignCloudConnector(const Connection &, Net::HttpClient &, Connector::SecretSource)
{
    return nullptr;
}

} // namespace ConsignDesk::Vendors
