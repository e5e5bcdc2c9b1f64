#include "sandbox/paging.h"

namespace ConsignDesk::Sandbox {

namespace {
const QByteArray cursorTag = "cursor:v1:";
}

QString encodeCursor(qint64 afterKey)
{
    const QByteArray plain = cursorTag + QByteArray::number(afterKey);
    return QString::fromLatin1(plain.toBase64(QByteArray::Base64UrlEncoding));
}

std::optional<CursorRequest> readCursor(const Request &request, int defaultLimit, int maxLimit, QString *error)
{
    CursorRequest cursor;
    cursor.limit = defaultLimit;
    if (request.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        cursor.limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || cursor.limit < 1 || cursor.limit > maxLimit) {
            *error = QStringLiteral("limit must be a whole number from 1 to %1").arg(maxLimit);
            return std::nullopt;
        }
    }
    const QString text = request.queryValue(QStringLiteral("cursor"));
    if (!text.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding
                                                                                 | QByteArray::AbortOnBase64DecodingErrors);
        bool ok = decoded && decoded.decoded.startsWith(cursorTag);
        if (ok)
            cursor.after = decoded.decoded.mid(cursorTag.size()).toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("cursor is not valid");
            return std::nullopt;
        }
    }
    return cursor;
}

QString nextCursor(const Request &request, const CursorRequest &cursor, const QList<qint64> &pageKeys, bool more)
{
    if (request.hasFault(FaultKind::RepeatCursor) || request.hasFault(FaultKind::EmptyPage))
        return encodeCursor(cursor.after);
    if (!more || pageKeys.isEmpty())
        return {};
    if (request.hasFault(FaultKind::DuplicateRows))
        return encodeCursor(pageKeys.size() >= 2 ? pageKeys.at(pageKeys.size() - 2) : cursor.after);
    return encodeCursor(pageKeys.constLast());
}

std::optional<PageIndexRequest> readPageIndex(const Request &request, int defaultSize, int maxSize, QString *error)
{
    PageIndexRequest page;
    page.size = defaultSize;
    bool ok = true;
    if (request.hasQuery(QStringLiteral("PageIndex")))
        page.index = request.queryValue(QStringLiteral("PageIndex")).toLongLong(&ok);
    if (!ok || page.index < 1) {
        *error = QStringLiteral("PageIndex must be a whole number of at least 1");
        return std::nullopt;
    }
    if (request.hasQuery(QStringLiteral("PageSize")))
        page.size = request.queryValue(QStringLiteral("PageSize")).toLongLong(&ok);
    if (!ok || page.size < 1) {
        *error = QStringLiteral("PageSize must be a whole number of at least 1");
        return std::nullopt;
    }
    page.size = std::min<qint64>(page.size, maxSize);
    page.offset = (page.index - 1) * page.size;
    if (request.hasFault(FaultKind::DuplicateRows) && page.offset > 0)
        --page.offset;
    return page;
}

} // namespace ConsignDesk::Sandbox
