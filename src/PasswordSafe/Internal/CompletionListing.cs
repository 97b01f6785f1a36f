using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.Internal;

/// <summary>
/// A long list read page by page for tab completion, a few pages per Tab: each Tab goes on from where the last one
/// stopped, so a name beyond what was read so far is offered after another Tab instead of never. What was read is
/// kept (also after a timeout) and offered as it is; see <see cref="CompletionCache.GetPaged{T}"/>.
/// </summary>
internal sealed class CompletionListing<T>
{
    private readonly List<T> _items = new List<T>();
    private long _nextOffset;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;

    public CompletionListing(DateTimeOffset expiresAt) => ExpiresAt = expiresAt;

    /// <summary>Every page was read (or the cap was reached): nothing more to ask for.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>When the list is read afresh: <see cref="CompletionCache.Lifetime"/> after the last page read.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public IReadOnlyList<T> Items => _items.ToArray();

    /// <summary>
    /// Reads further pages, at least one, until the list is complete, <paramref name="maxItems"/> are held, or
    /// <paramref name="readBudget"/> has passed (no page starts after it); a page still unanswered at
    /// <paramref name="fetchTimeout"/> is given up and asked again next time. A failing server is not asked again for
    /// <see cref="CompletionCache.FailureLifetime"/>. Never throws.
    /// </summary>
    public void ReadMore(Func<long, CancellationToken, Task<(IReadOnlyList<T> Items, bool IsLast)>> readPage, int maxItems,
        Func<DateTimeOffset> clock, TimeSpan readBudget, TimeSpan fetchTimeout)
    {
        var started = clock();
        if (IsComplete || started < _retryAt)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(fetchTimeout);
        try
        {
            do
            {
                var page = readPage(_nextOffset, timeout.Token).GetAwaiter().GetResult();
                var items = page.Items ?? new T[0];
                _items.AddRange(items);
                _nextOffset += items.Count;
                IsComplete = page.IsLast || items.Count == 0 || _items.Count >= maxItems;
                ExpiresAt = clock() + CompletionCache.Lifetime;
            }
            while (!IsComplete && clock() - started < readBudget);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            // A slow server: keep what was read, and go on from there at the next Tab (a timeout is not "no names").
        }
        catch (Exception)
        {
            // Completion is a convenience: a failure (offline, expired session, no permission) keeps what was read.
            _retryAt = clock() + CompletionCache.FailureLifetime;
        }
    }
}
