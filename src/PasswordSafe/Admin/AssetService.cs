using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>Workgroups and assets, the first steps of E5 (api-v3 §6.1, §6.2).</summary>
internal sealed class AssetService
{
    private readonly AdminClient _client;

    public AssetService(AdminClient client) => _client = client;

    public static string DescribeAsset(int id) => "asset " + AdminClient.Segment(id);

    /// <summary>A workgroup in a path: its id, or its name (the API takes either, §6.2).</summary>
    public static string WorkgroupSegment(int? id, string? name) => id is int number ? AdminClient.Segment(number) : AdminClient.Segment(name ?? string.Empty);

    public static string DescribeWorkgroup(int? id, string? name) => id is int number ? "workgroup " + AdminClient.Segment(number) : $"workgroup '{name}'";

    public Task<IReadOnlyList<Workgroup>> ListWorkgroupsAsync(string? exactName, RequestLog log, CancellationToken token)
    {
        var path = string.IsNullOrEmpty(exactName)
            ? "Workgroups"
            : Checkout.QueryString.Append("Workgroups", new[] { new KeyValuePair<string, string>("name", exactName!) });
        return _client.GetListAsync<Workgroup>(path, Operation("Reading", string.IsNullOrEmpty(exactName) ? "workgroups" : DescribeWorkgroup(null, exactName)), log, token);
    }

    public Task<Workgroup> GetWorkgroupAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<Workgroup>("Workgroups/" + AdminClient.Segment(id), Operation("Reading", DescribeWorkgroup(id, null)), log, token);

    public Task<Workgroup> CreateWorkgroupAsync(string name, string? organizationId, RequestLog log, CancellationToken token)
    {
        var spec = FieldSpec.Text("Name", "Name", 256);
        var body = new Dictionary<string, object?> { ["Name"] = BodyBuilder.Validate(spec, name) };
        if (!string.IsNullOrWhiteSpace(organizationId))
        {
            body["OrganizationID"] = organizationId;
        }

        return _client.SendForObjectAsync<Workgroup>(HttpMethod.Post, "Workgroups", Internal.JsonBodySerializer.Serialize(body),
            Operation("Creating", DescribeWorkgroup(null, name)), log, token);
    }

    /// <summary><c>GET Workgroups/{id|name}/Assets[?name=]</c>.</summary>
    public Task<IReadOnlyList<Asset>> ListAssetsAsync(int? workgroupId, string? workgroupName, string? assetName, RequestLog log, CancellationToken token)
    {
        var path = "Workgroups/" + WorkgroupSegment(workgroupId, workgroupName) + "/Assets";
        if (!string.IsNullOrEmpty(assetName))
        {
            path = Checkout.QueryString.Append(path, new[] { new KeyValuePair<string, string>("name", assetName!) });
        }

        var operation = string.IsNullOrEmpty(assetName)
            ? Operation("Listing the assets of", DescribeWorkgroup(workgroupId, workgroupName))
            : Operation("Reading", $"asset '{assetName}' in " + DescribeWorkgroup(workgroupId, workgroupName));
        return _client.GetListAsync<Asset>(path, operation, log, token);
    }

    public Task<Asset> GetAssetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<Asset>("Assets/" + AdminClient.Segment(id), Operation("Reading", DescribeAsset(id)), log, token);

    public Task<Asset> CreateAssetAsync(int? workgroupId, string? workgroupName, IDictionary<string, object?> values, RequestLog log, CancellationToken token)
    {
        if (!values.TryGetValue("IPAddress", out var address) || string.IsNullOrWhiteSpace(address as string))
        {
            throw AdminErrors.Invalid("-IPAddress is required for a new asset (api-v3 section 6.2).", "Pass the asset's IP address.");
        }

        var body = BodyBuilder.Build("asset", AssetFields.All, values, null, null);
        var item = values.TryGetValue("AssetName", out var name) && name != null ? $"asset '{name}'" : $"asset {address}";
        return _client.SendForObjectAsync<Asset>(HttpMethod.Post, "Workgroups/" + WorkgroupSegment(workgroupId, workgroupName) + "/Assets", body.ToJson(),
            Operation("Creating", item + " in " + DescribeWorkgroup(workgroupId, workgroupName), notFoundMeansTheItem: false), log, token);
    }

    /// <summary>The asset's current values, keyed by the body's field names.</summary>
    public static IDictionary<string, object?> Baseline(Asset current) => new Dictionary<string, object?>
    {
        ["IPAddress"] = current.IPAddress, ["AssetName"] = current.AssetName, ["DnsName"] = current.DnsName,
        ["DomainName"] = current.DomainName, ["MacAddress"] = current.MacAddress, ["AssetType"] = current.AssetType,
        ["Description"] = current.Description, ["OperatingSystem"] = current.OperatingSystem,
    };

    /// <summary><c>PUT Assets/{id}</c>: the asset's current values with the changes applied.</summary>
    public Task<Asset> UpdateAssetAsync(Asset current, IDictionary<string, object?> changes, RequestLog log, CancellationToken token)
    {
        var body = BodyBuilder.Build("asset", AssetFields.All, changes, Baseline(current), null);
        body.Fields["WorkgroupID"] = current.WorkgroupId;
        return _client.SendForObjectAsync<Asset>(HttpMethod.Put, "Assets/" + AdminClient.Segment(current.AssetId), body.ToJson(),
            Operation("Updating", DescribeAsset(current.AssetId)), log, token);
    }

    public Task DeleteAssetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("Assets/" + AdminClient.Segment(id), Operation("Removing", DescribeAsset(id)), log, token);

    private static AdminOperation Operation(string action, string item, bool notFoundMeansTheItem = true) =>
        new AdminOperation(action, item, AdminPermission.Assets, notFoundMeansTheItem);
}
