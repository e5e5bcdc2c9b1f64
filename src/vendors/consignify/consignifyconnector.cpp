#include "vendors/consignify/consignifyconnector.h"

namespace ConsignDesk::Vendors {

std::unique_ptr<Connector> makeConsignifyConnector(const Connection &, Net::HttpClient &, Connector::SecretSource)
{
    return nullptr;
}

} // namespace ConsignDesk::Vendors
