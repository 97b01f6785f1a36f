using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>API registration names (<c>GET ApiRegistrations</c>).</summary>
public sealed class ApiRegistrationNameList : ServerNameList
{
    internal override string Tooltip => "API registration ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new ApiRegistrationService(client).ListAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(r => r.Name).ToList();
}
