#pragma once

#include "app/subcommand.h"

namespace ConsignDesk {

/// `consigndesk payouts approve|reconcile|ledger …`
Subcommand payoutsCommand();

} // namespace ConsignDesk
