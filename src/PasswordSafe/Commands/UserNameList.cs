using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// User names as Get-PSUser -UserName takes them (<c>GET Users</c>): <c>DOMAIN\name</c> for a directory user, matched by
/// either form as typed, else the name; inactive users too once -IncludeInactive is typed.
/// </summary>
public sealed class UserNameList : ServerNameList
{
    private const string WithInactive = "inactive too";

    internal override string Tooltip => "User ";

    internal override string? Scope(IDictionary? fakeBoundParameters) =>
        fakeBoundParameters != null && fakeBoundParameters.Contains("IncludeInactive") && IsSet(fakeBoundParameters["IncludeInactive"])
            ? WithInactive
            : string.Empty;

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token) =>
        (await new UserService(client).ListAsync(null, scope == WithInactive, RequestLog.Discard, token).ConfigureAwait(false))
        .Select(NameOf).ToList();

    internal override string? AlsoMatchedBy(string name)
    {
        var slash = name.IndexOf('\\');
        return slash < 0 ? null : name.Substring(slash + 1);
    }

    private static string? NameOf(User user) =>
        string.IsNullOrEmpty(user.DomainName) || user.UserName == null || user.UserName.IndexOf('\\') >= 0 || user.UserName.IndexOf('@') >= 0
            ? user.UserName
            : user.DomainName + "\\" + user.UserName;

    /// <summary>A typed switch is bound as true (or as the value after a colon: -IncludeInactive:$false).</summary>
    private static bool IsSet(object? value) =>
        value == null || LanguagePrimitives.IsTrue(value is PSObject wrapped ? wrapped.BaseObject : value);
}
