#pragma once

#include "app/subcommand.h"

namespace ConsignDesk {

/// `consigndesk sync [--connection NAME] [--full]`
Subcommand syncCommand();
/// `consigndesk export TABLE --format csv --out FILE [--connection NAME] [--include-deleted] [--raw]`
Subcommand exportCommand();

} // namespace ConsignDesk
