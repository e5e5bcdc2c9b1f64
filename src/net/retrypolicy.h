#pragma once

#include "net/httpclient.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

#include <optional>

namespace ConsignDesk::Net {

/// @short How often and how patiently a read is tried again (RELIABILITY.md, "Retries").
struct RetryPolicy {
    int maxAttempts = 5;           ///< sends in all, the first one included
    int baseDelayMs = 500;         ///< the first retry waits up to this
    int maxDelayMs = 60000;        ///< no backoff waits longer
    int maxRetryAfterMs = 120000;  ///< a server's Retry-After is clamped to this
};

/// True when @p result is worth sending again: 408, 429, any 5xx, a timeout,
/// a dropped or refused connection, a 2xx whose body was refused
/// (HttpResult::malformedBody). Never other statuses (4xx above all), TLS
/// failures or a cancelled request. Says nothing about whether the *method*
/// may be re-sent; VendorClient decides that.
bool isRetryable(const HttpResult &result);

/// The wait a Retry-After header asks for: delta-seconds ("2", also "2.0")
/// or an HTTP date (IMF-fixdate, RFC 850 or asctime form) measured from
/// @p now; a date in the past is 0. Clamped to @p maxMs. nullopt when the
/// header is missing, negative or garbage (the caller then backs off).
std::optional<qint64> retryAfterMs(const QByteArray &headerValue, const QDateTime &now,
                                   qint64 maxMs = RetryPolicy{}.maxRetryAfterMs);

/// An HTTP date (IMF-fixdate, RFC 850 or asctime form) in UTC, as in
/// Retry-After and Date headers; nullopt when it is none.
std::optional<QDateTime> parseHttpDate(const QByteArray &value);

/// Exponential backoff with full jitter: uniform in
/// [0, min(maxDelayMs, baseDelayMs * 2^attempt)], @p attempt counting retries from 0.
qint64 backoffMs(int attempt, const RetryPolicy &policy, QRandomGenerator &random);

/// The cap backoffMs() draws below for @p attempt.
qint64 backoffCapMs(int attempt, const RetryPolicy &policy);

} // namespace ConsignDesk::Net
