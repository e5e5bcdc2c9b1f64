#pragma once

#include "sandbox/http.h"

#include <QList>
#include <QString>

#include <optional>

namespace ConsignDesk::Sandbox {

/// @short A keyset cursor request (`limit` + opaque `cursor`): the page holds
/// rows whose key is greater than `after`, so rows added meanwhile are not
/// skipped and none repeats. Keys are the vendor's stable row order.
struct CursorRequest {
    qint64 after = -1;
    int limit = 0;
};

/// Reads `limit` and `cursor`; a limit above @p maxLimit or a cursor we did not
/// issue is an error (ConsignCloud answers 400 to both).
std::optional<CursorRequest> readCursor(const Request &request, int defaultLimit, int maxLimit, QString *error);
QString encodeCursor(qint64 afterKey);
/// The cursor of the page after one whose rows had @p pageKeys; null when
/// @p more is false. Applies the request's paging faults (duplicate-rows,
/// repeat-cursor, empty-page).
QString nextCursor(const Request &request, const CursorRequest &cursor, const QList<qint64> &pageKeys, bool more);

/// @short A page-index request (Consignly: `PageIndex` from 1, `PageSize`).
struct PageIndexRequest {
    qint64 index = 1;
    qint64 size = 25;
    /// The first row's offset; with duplicate-rows, later pages start one row early.
    qint64 offset = 0;
};
/// PageSize above @p maxSize is capped, as Consignly does; PageIndex below 1 is an error.
std::optional<PageIndexRequest> readPageIndex(const Request &request, int defaultSize, int maxSize, QString *error);

} // namespace ConsignDesk::Sandbox
