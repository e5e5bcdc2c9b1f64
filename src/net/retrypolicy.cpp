#include "net/retrypolicy.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ConsignDesk::Net {

bool isRetryable(const HttpResult &result)
{
    if (result.cancelled)
        return false;
    if (result.tlsFailed())
        return false; // a peer we cannot trust does not become trustworthy by asking again
    const int status = result.status;
    if (status == 408 || status == 429 || (status >= 500 && status <= 599))
        return true;
    if (result.timedOut)
        return true;
    if (status >= 400)
        return false; // every other 4xx: the request itself is wrong
    if (result.malformedBody)
        return true;
    switch (result.error) {
    case QNetworkReply::NoError:
        // An answer (2xx/3xx) is final; no answer at all is a transport fault.
        return status == 0;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProtocolFailure: // e.g. a chunked body that broke off
        return true;
    default:
        // Authentication, content and protocol errors, unknown schemes, operation
        // canceled without a timeout (someone aborted it): not a passing fault.
        return false;
    }
}

std::optional<QDateTime> parseHttpDate(const QByteArray &value)
{
    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", and the two obsolete forms
    // recipients must still accept (RFC 7231 7.1.1.1): RFC 850
    // "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994".
    // Date and time are read apart, so no local-time rule can spoil them.
    const QLocale c = QLocale::c();
    QStringList parts = QString::fromLatin1(value).simplified().split(u' ');
    if (!parts.isEmpty() && parts.constLast() == QLatin1String("GMT"))
        parts.removeLast();
    // The weekday is redundant; it is not checked.
    QDate date;
    QString time;
    if (parts.size() == 5 && parts.at(0).endsWith(u',')) {
        date = c.toDate(parts.mid(1, 3).join(u' '), QStringLiteral("dd MMM yyyy"));
        time = parts.at(4);
    } else if (parts.size() == 3 && parts.at(0).endsWith(u',')) {
        date = c.toDate(parts.at(1), QStringLiteral("dd-MMM-yy"));
        if (date.isValid() && date.year() < 1970)
            date = date.addYears(100); // a two-digit year of this century
        time = parts.at(2);
    } else if (parts.size() == 5) {
        date = c.toDate(parts.at(1) + u' ' + parts.at(2) + u' ' + parts.at(4), QStringLiteral("MMM d yyyy"));
        time = parts.at(3);
    }
    const QTime clock = QTime::fromString(time, QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !clock.isValid())
        return std::nullopt;
    return QDateTime(date, clock, Qt::UTC);
}

std::optional<qint64> retryAfterMs(const QByteArray &headerValue, const QDateTime &now, qint64 maxMs)
{
    const QByteArray value = headerValue.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    qint64 waitMs = -1;
    const bool numeric = std::all_of(value.begin(), value.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; });
    if (numeric) {
        // Delta-seconds; a fraction ("2.0") is not in the RFC but servers send it.
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || value.count('.') > 1)
            return std::nullopt;
        waitMs = seconds * 1000.0 >= double(maxMs) ? maxMs : qint64(std::ceil(seconds * 1000.0));
    } else {
        const auto date = parseHttpDate(value);
        if (!date)
            return std::nullopt;
        waitMs = std::max<qint64>(0, now.msecsTo(*date));
    }
    return std::clamp<qint64>(waitMs, 0, std::max<qint64>(0, maxMs));
}

qint64 backoffCapMs(int attempt, const RetryPolicy &policy)
{
    const qint64 maxDelay = std::max(0, policy.maxDelayMs);
    qint64 cap = std::max(0, policy.baseDelayMs);
    for (int i = 0; i < attempt && cap < maxDelay; ++i)
        cap *= 2;
    return std::min(cap, maxDelay);
}

qint64 backoffMs(int attempt, const RetryPolicy &policy, QRandomGenerator &random)
{
    const qint64 cap = backoffCapMs(attempt, policy);
    if (cap <= 0)
        return 0;
    return qint64(random.bounded(quint64(cap) + 1));
}

} // namespace ConsignDesk::Net
