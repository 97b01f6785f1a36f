using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// A kind of server object a big server holds too many of for one answer (managed systems): its names are read page by
/// page, a few pages per Tab (<see cref="CompletionCache.GetPaged{T}"/>), and a page shorter than asked does not end
/// the list, because a server may cap its pages; only the server's own total, an empty page or a bare array does.
/// </summary>
public abstract class PagedServerNameList : ServerNameList
{
    /// <summary>Names asked for per call, as for account names: few round trips, each quick to read.</summary>
    internal const int PageSize = RequestableNameCache.AccountPageSize;

    /// <summary>Completion holds at most this many names per list, however many Tabs read on.</summary>
    internal const int MaxNames = RequestableNameCache.MaxAccountsRead;

    /// <summary>The names from <paramref name="offset"/> on, and whether the server has no more.</summary>
    internal abstract Task<(IReadOnlyList<string?> Items, bool IsLast)> ReadPageAsync(AdminClient client, string scope, long offset, int limit,
        CancellationToken token);

    internal sealed override IReadOnlyList<string?> Cached(CompletionCache cache, string key, AdminClient client, string scope) =>
        cache.GetPaged<string?>(key, (offset, token) => ReadPageAsync(client, scope, offset, PageSize, token), MaxNames);

    /// <summary>Every name at once (up to <see cref="MaxNames"/>), page after page.</summary>
    internal sealed override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token)
    {
        var names = new List<string?>();
        while (names.Count < MaxNames)
        {
            var page = await ReadPageAsync(client, scope, names.Count, PageSize, token).ConfigureAwait(false);
            names.AddRange(page.Items);
            if (page.IsLast || page.Items.Count == 0)
            {
                break;
            }
        }

        return names;
    }
}
