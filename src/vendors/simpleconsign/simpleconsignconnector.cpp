#include "vendors/simpleconsign/simpleconsignconnector.h"

namespace ConsignDesk::Vendors {

std::unique_ptr<Connector> makeSimpleConsignConnector(const Connection &, Net::HttpClient &, Connector::SecretSource)
{
    return nullptr;
}

} // namespace ConsignDesk::Vendors
