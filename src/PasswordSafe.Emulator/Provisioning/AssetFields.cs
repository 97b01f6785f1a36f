using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>The asset body of <c>POST Workgroups/{id|name}/Assets</c> and <c>PUT Assets/{id}</c> with its limits (api-v3 §6.2).</summary>
internal static class AssetFields
{
    internal static readonly IReadOnlyList<BodyField> All = new[]
    {
        BodyField.Address("IPAddress", 46),
        BodyField.Text("AssetName", 128),
        BodyField.Text("DnsName", 255),
        BodyField.Text("DomainName", 64),
        BodyField.Text("MacAddress", 128),
        BodyField.Text("AssetType", 64),
        BodyField.Text("Description", 255),
        BodyField.Text("OperatingSystem", 255),
    };
}
