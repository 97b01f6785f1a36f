using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Asset names of the workgroup typed on the command line (<c>GET Workgroups/{id or name}/Assets</c>): the API lists
/// assets only per workgroup, so without -WorkgroupName or -WorkgroupId nothing is offered.
/// </summary>
public sealed class AssetNameList : ServerNameList
{
    internal override string Tooltip => "Asset ";

    internal override string? Scope(IDictionary? fakeBoundParameters)
    {
        var id = Unwrap(fakeBoundParameters?["WorkgroupId"]);
        if (id != null && LanguagePrimitives.TryConvertTo<int>(id, CultureInfo.InvariantCulture, out var number))
        {
            return "id " + number.ToString(CultureInfo.InvariantCulture);
        }

        return Unwrap(fakeBoundParameters?["WorkgroupName"]) is string { Length: > 0 } name ? "name " + name : null;
    }

    internal override async Task<IReadOnlyList<string?>> ReadNamesAsync(AdminClient client, string scope, CancellationToken token)
    {
        var byId = scope.StartsWith("id ", System.StringComparison.Ordinal);
        var value = scope.Substring(scope.IndexOf(' ') + 1);
        var assets = await new AssetService(client).ListAssetsAsync(byId ? int.Parse(value, CultureInfo.InvariantCulture) : (int?)null,
            byId ? null : value, null, RequestLog.Discard, token).ConfigureAwait(false);
        return assets.Select(a => a.AssetName).ToList();
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
