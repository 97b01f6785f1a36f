using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.Internal;

/// <summary>
/// Lists read from the server for tab completion, kept by key for a short time, so pressing Tab again does not call the
/// server again. Never throws: a fetch that fails or outlasts <see cref="FetchTimeout"/> offers nothing, and that empty
/// answer is kept for <see cref="FailureLifetime"/>, so a refusing or unreachable server is not asked (and waited for)
/// on every Tab.
/// </summary>
internal sealed class CompletionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Shorter than <see cref="Lifetime"/>: a server that was briefly slow is asked again soon.</summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Completion must answer quickly; a slow server offers nothing rather than freezing the prompt.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly object _gate = new object();
    private readonly Dictionary<string, (object Items, DateTimeOffset ExpiresAt)> _entries =
        new Dictionary<string, (object Items, DateTimeOffset ExpiresAt)>(StringComparer.OrdinalIgnoreCase);
    private readonly Func<DateTimeOffset> _clock;

    public CompletionCache(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    /// <summary>The list kept under <paramref name="key"/> while it is fresh, else what <paramref name="fetch"/> reads now.</summary>
    public IReadOnlyList<T> Get<T>(string key, Func<CancellationToken, Task<IReadOnlyList<T>>> fetch)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var cached) && _clock() < cached.ExpiresAt && cached.Items is IReadOnlyList<T> items)
            {
                return items;
            }
        }

        IReadOnlyList<T> fetched;
        TimeSpan lifetime;
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout);
            fetched = fetch(timeout.Token).GetAwaiter().GetResult() ?? new T[0];
            lifetime = Lifetime;
        }
        catch (Exception)
        {
            // Completion is a convenience: a failure (offline, expired session, no permission) offers nothing.
            fetched = new T[0];
            lifetime = FailureLifetime;
        }

        lock (_gate)
        {
            _entries[key] = (fetched, _clock() + lifetime);
        }

        return fetched;
    }
}
