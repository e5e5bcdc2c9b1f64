#pragma once

#include "app/subcommand.h"

namespace ConsignDesk {

/// `consigndesk sync [--connection NAME] [--full]`
Subcommand syncCommand();

} // namespace ConsignDesk
