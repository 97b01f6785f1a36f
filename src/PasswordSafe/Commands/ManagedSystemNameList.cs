using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Managed system names as administrators see them (<c>GET ManagedSystems</c>), not only the requestable ones.</summary>
public sealed class ManagedSystemNameList : ServerNameList
{
    internal override string Tooltip => "Managed system ";

    /// <summary>One call of the server's largest page: completion offers names, it does not page through every system.</summary>
    internal const int Limit = 100000;

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new ManagedSystemService(client).ListPageAsync(null, 0, Limit, RequestLog.Discard, token).ConfigureAwait(false)).Items
        .Select(s => s.SystemName).ToList();
}
