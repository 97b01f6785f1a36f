using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Workgroup names (<c>GET Workgroups</c>), for -Name and -WorkgroupName.</summary>
public sealed class WorkgroupNameList : ServerNameList
{
    internal override string Tooltip => "Workgroup ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new AssetService(client).ListWorkgroupsAsync(null, RequestLog.Discard, token).ConfigureAwait(false)).Select(w => w.Name).ToList();
}
