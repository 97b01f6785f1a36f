using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Access policy names (<c>GET AccessPolicies</c>).</summary>
public sealed class AccessPolicyNameList : ServerNameList
{
    internal override string Tooltip => "Access policy ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new UserGroupService(client).ListAccessPoliciesAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(p => p.Name).ToList();
}
