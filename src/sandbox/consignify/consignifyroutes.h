#pragma once

// Helpers shared by the route files of ConsignifyApi (not a public header).
#include "sandbox/http.h"
#include "sandbox/jsonwriter.h"
#include "sandbox/vendorapi.h"

#include <functional>

namespace ConsignDesk::Sandbox::Consignify {

/// Page sizes of the cursor lists (/products, /product/{id}/items, /payouts).
constexpr int defaultLimit = 50;
constexpr int maxLimit = 250;

/// A keyset page {data, nextCursor} over positions [start, size); @p keyAt gives a
/// position's cursor key, or -1 to skip it; @p start < 0 means "after the cursor's key".
Reply cursorPage(const VendorApi &api, const Request &request, qint64 size, qint64 start,
                 const std::function<qint64(qint64)> &keyAt, const std::function<void(JsonWriter &, qint64)> &write);
/// A JSON reply written by @p write.
Reply writeJson(const std::function<void(JsonWriter &)> &write, int status = 200);

} // namespace ConsignDesk::Sandbox::Consignify
