using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Role names (<c>GET Roles</c>), for -Role of Grant- and Revoke-PSUserGroupRole and Get-PSRole -Name.</summary>
public sealed class RoleNameList : ServerNameList
{
    internal override string Tooltip => "Role ";

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new UserGroupService(client).ListRolesAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(r => r.Name).ToList();

    /// <summary>-Role takes a role's short form in parentheses too, so "IS" offers "Information Systems Administrator (ISA)".</summary>
    internal override string? AlsoMatchedBy(string name)
    {
        var open = name.LastIndexOf('(');
        return open >= 0 && name.EndsWith(")", System.StringComparison.Ordinal) ? name.Substring(open + 1, name.Length - open - 2) : null;
    }
}
