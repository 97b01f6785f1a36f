using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.Http;

/// <summary>
/// Bounded retries for idempotent reads: a GET that gets 408, 429 or 5xx is retried at most twice (or as often as
/// Connect-PasswordSafe -MaximumRetryCount says) with jittered exponential backoff from 0.5 s (-RetryIntervalSec),
/// honouring Retry-After up to 30 s. POST/PUT/DELETE are never retried: a second <c>POST Requests</c> could create a
/// second request.
/// </summary>
internal sealed class RetryPolicy
{
    public const int DefaultMaxRetries = 2;

    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(500);

    // Doubling from a long interval over many retries would otherwise wait for hours (or past what a timer takes).
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly object _randomGate = new object();
    private readonly Random _random;

    public RetryPolicy(int maxRetries = DefaultMaxRetries, TimeSpan? baseDelay = null, TimeSpan? maxRetryAfter = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null, int? seed = null)
    {
        MaxRetries = maxRetries;
        BaseDelay = baseDelay ?? DefaultBaseDelay;
        MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromSeconds(30);
        Delay = delay ?? ((wait, token) => Task.Delay(wait, token));
        _random = seed.HasValue ? new Random(seed.Value) : new Random();
    }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxRetryAfter { get; }

    /// <summary>How a retry waits; takes the cancellation token so Ctrl+C ends the wait.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; }

    public static bool IsRetryableStatus(int statusCode) => statusCode == 408 || statusCode == 429 || statusCode >= 500;

    /// <summary>
    /// The wait before the next attempt, or null when the call must not be retried
    /// (not a GET, a final status, retries used up, or a Retry-After longer than allowed).
    /// </summary>
    public TimeSpan? NextDelay(HttpMethod method, int statusCode, int retriesSoFar, TimeSpan? retryAfter)
    {
        if (method != HttpMethod.Get || !IsRetryableStatus(statusCode) || retriesSoFar >= MaxRetries)
        {
            return null;
        }

        if (retryAfter.HasValue)
        {
            if (retryAfter.Value > MaxRetryAfter)
            {
                return null;
            }

            return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
        }

        double jitter;
        lock (_randomGate)
        {
            jitter = 0.5 + _random.NextDouble();
        }

        var backoff = BaseDelay.TotalMilliseconds * Math.Pow(2, retriesSoFar) * jitter;
        return TimeSpan.FromMilliseconds(Math.Min(backoff, MaxBackoff.TotalMilliseconds));
    }
}
