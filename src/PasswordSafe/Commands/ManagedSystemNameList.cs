using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Managed system names as administrators see them (<c>GET ManagedSystems</c>), not only the requestable ones.</summary>
public sealed class ManagedSystemNameList : PagedServerNameList
{
    internal override string Tooltip => "Managed system ";

    /// <summary>
    /// One page of <c>GET ManagedSystems?limit=&amp;offset=</c>. The envelope's total says where the list ends; a bare
    /// array is a server that ignored limit and sent every system.
    /// </summary>
    internal override async Task<(IReadOnlyList<string?> Items, bool IsLast)> ReadPageAsync(AdminClient client, string scope, long offset, int limit,
        CancellationToken token)
    {
        var page = await new ManagedSystemService(client).ListPageAsync(null, offset, limit, RequestLog.Discard, token).ConfigureAwait(false);
        var names = page.Items.Select(s => s.SystemName).ToList();
        return (names, page.TotalCount == null || names.Count == 0 || offset + names.Count >= page.TotalCount.Value);
    }
}
