#include "sandbox/consigncloud/consigncloudapi.h"
#include "sandbox/consignify/consignifyapi.h"
#include "sandbox/consignly/consignlyapi.h"
#include "sandbox/sandbox.h"
#include "sandbox/simpleconsign/simpleconsignapi.h"

namespace ConsignDesk::Sandbox {

QList<VendorFactory> allVendors()
{
    return {
        [](const GenerationOptions &options) { return std::make_unique<ConsignCloudApi>(options); },
        [](const GenerationOptions &options) { return std::make_unique<SimpleConsignApi>(options); },
        [](const GenerationOptions &options) { return std::make_unique<ConsignifyApi>(options); },
        [](const GenerationOptions &options) { return std::make_unique<ConsignlyApi>(options); },
    };
}

} // namespace ConsignDesk::Sandbox
