#include "vendors/consignly/consignlyconnector.h"

namespace ConsignDesk::Vendors {

std::unique_ptr<Connector> makeConsignlyConnector(const Connection &, Net::HttpClient &, Connector::SecretSource)
{
    return nullptr;
}

} // namespace ConsignDesk::Vendors
