using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>User group names (<c>GET UserGroups</c>).</summary>
public sealed class UserGroupNameList : ServerNameList
{
    internal override string Tooltip => "User group ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new UserGroupService(client).ListAsync(null, RequestLog.Discard, token).ConfigureAwait(false)).Select(g => g.Name).ToList();
}
