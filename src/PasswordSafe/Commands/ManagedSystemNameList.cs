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

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new ManagedSystemService(client).ListAsync(null, RequestLog.Discard, token).ConfigureAwait(false)).Select(s => s.SystemName).ToList();
}
