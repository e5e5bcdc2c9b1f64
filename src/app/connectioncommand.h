#pragma once

#include "app/subcommand.h"

namespace ConsignDesk {

/// `consigndesk connection add|list|remove|test …`
Subcommand connectionCommand();

} // namespace ConsignDesk
