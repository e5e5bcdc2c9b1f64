#pragma once

#include "app/subcommand.h"

namespace ConsignDesk {

/// `consigndesk export TABLE|REPORT --format csv|xlsx|pdf --out FILE …`
Subcommand exportCommand();

} // namespace ConsignDesk
