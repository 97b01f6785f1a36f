using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>The asset body of <c>POST Workgroups/{id|name}/Assets</c> and <c>PUT Assets/{id}</c> with its limits (api-v3 §6.2).</summary>
internal static class AssetFields
{
    public static readonly IReadOnlyList<FieldSpec> All = new[]
    {
        FieldSpec.Text("IPAddress", "IPAddress", 46),
        FieldSpec.Text("AssetName", "AssetName", 128),
        FieldSpec.Text("DnsName", "DnsName", 255),
        FieldSpec.Text("DomainName", "DomainName", 64),
        FieldSpec.Text("MacAddress", "MacAddress", 128),
        FieldSpec.Text("AssetType", "AssetType", 64),
        FieldSpec.Text("Description", "Description", 255),
        FieldSpec.Text("OperatingSystem", "OperatingSystem", 255),
    };
}
