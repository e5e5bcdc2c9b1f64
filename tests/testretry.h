#pragma once

// The retry policy of the tests that talk to the sandbox over HTTP.
#include "net/retrypolicy.h"

/// Retries as in production, but waits of milliseconds: three sends, backoff up
/// to 20 ms, a server's Retry-After clamped to 50 ms.
inline ConsignDesk::Net::RetryPolicy fastRetries()
{
    ConsignDesk::Net::RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelayMs = 5;
    policy.maxDelayMs = 20;
    policy.maxRetryAfterMs = 50;
    return policy;
}
