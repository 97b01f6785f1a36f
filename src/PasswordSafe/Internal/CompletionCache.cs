using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.Internal;

/// <summary>
/// Lists read from the server for tab completion, kept by key for a short time, so pressing Tab again does not call the
/// server again. Never throws. A fetch that fails offers nothing, and that empty answer is kept for
/// <see cref="FailureLifetime"/>, so a refusing or unreachable server is not asked on every Tab. A fetch that outlasts
/// <see cref="FetchTimeout"/> offers nothing this time but is not kept: a slow server has names, so the next Tab asks
/// again. A long list is read page by page (<see cref="GetPaged{T}"/>), a few pages per Tab, offering what was read.
/// </summary>
internal sealed class CompletionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Shorter than <see cref="Lifetime"/>: a server that refused is asked again soon.</summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Completion must answer quickly: a call still unanswered after this long is given up.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A paged list starts no further page after this long in one Tab, and offers what it has read.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(2);

    private readonly object _gate = new object();
    private readonly Dictionary<string, (object Items, DateTimeOffset ExpiresAt)> _entries =
        new Dictionary<string, (object Items, DateTimeOffset ExpiresAt)>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object> _listings = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeSpan _fetchTimeout;
    private readonly TimeSpan _readBudget;

    public CompletionCache(Func<DateTimeOffset>? clock = null, TimeSpan? fetchTimeout = null, TimeSpan? readBudget = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _fetchTimeout = fetchTimeout ?? FetchTimeout;
        _readBudget = readBudget ?? ReadBudget;
    }

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
        using var timeout = new CancellationTokenSource(_fetchTimeout);
        try
        {
            fetched = fetch(timeout.Token).GetAwaiter().GetResult() ?? new T[0];
            lifetime = Lifetime;
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            // Too slow this time: offer nothing now, but do not keep "no names" for a server that has them.
            return new T[0];
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

    /// <summary>
    /// A list read page by page from offset 0 (<paramref name="readPage"/> answers a page and whether it is the last):
    /// each call reads on from where the last one stopped, within <see cref="ReadBudget"/>, until the list is complete
    /// or holds <paramref name="maxItems"/>, and answers everything read so far. A complete list is kept for
    /// <see cref="Lifetime"/>; so is an incomplete one after its last page read.
    /// </summary>
    public IReadOnlyList<T> GetPaged<T>(string key, Func<long, CancellationToken, Task<(IReadOnlyList<T> Items, bool IsLast)>> readPage, int maxItems)
    {
        CompletionListing<T> listing;
        lock (_gate)
        {
            if (!(_listings.TryGetValue(key, out var kept) && kept is CompletionListing<T> fresh && _clock() < fresh.ExpiresAt))
            {
                fresh = new CompletionListing<T>(_clock() + Lifetime);
                _listings[key] = fresh;
            }

            listing = fresh;
        }

        // One reader per list at a time: a second Tab meanwhile waits for its pages instead of asking for the same ones.
        lock (listing)
        {
            listing.ReadMore(readPage, maxItems, _clock, _readBudget, _fetchTimeout);
            return listing.Items;
        }
    }
}
