using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Platform names (<c>GET Platforms</c>).</summary>
public sealed class PlatformNameList : ServerNameList
{
    internal override string Tooltip => "Platform ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new ManagedSystemService(client).ListPlatformsAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(p => p.Name).ToList();
}
