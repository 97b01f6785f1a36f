using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>Workgroups and assets, the first steps of E5 (api-v3 §6.1, §6.2).</summary>
internal sealed class AssetService
{
    private readonly AdminClient _client;

    public AssetService(AdminClient client) => _client = client;

    public static string DescribeAsset(int id) => "asset " + AdminClient.Segment(id);

    /// <summary>A workgroup in a path: its id, or its name (the API takes either, §6.2).</summary>
    public static string WorkgroupSegment(int? id, string? name) => id is int number ? AdminClient.Segment(number) : AdminClient.Segment(name ?? string.Empty);

    /// <summary>
    /// True when a workgroup name cannot go into a URL path as it is on every runtime, so it is looked up to its id
    /// first. Windows PowerShell 5.1 runs with .NET Framework's legacy System.Uri, which unescapes %2F and %5C, drops
    /// dot segments and trailing dots, so 'Lab/Prod', 'A\B' or 'Corp.' would reach another path; a name of digits
    /// would read as an id. Plain names (ASCII letters, digits, space, '-', '_', an inner '.') keep the one call.
    /// </summary>
    internal static bool NameNeedsId(string name)
    {
        if (name.Length == 0 || name.EndsWith(".", System.StringComparison.Ordinal) || name.Trim() != name || name.All(char.IsDigit))
        {
            return true;
        }

        return name.Any(c => !(c < 128 && (char.IsLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.')));
    }

    /// <summary>
    /// The workgroup's path segment: its id when given, its name when the name is plain, else the id that
    /// <c>GET Workgroups?name=</c> gives for the name, with <paramref name="operation"/>'s errors (a missing workgroup
    /// reads as it would from the call itself).
    /// </summary>
    private async Task<string> WorkgroupSegmentAsync(int? id, string? name, AdminOperation operation, RequestLog log, CancellationToken token)
    {
        if (id is int number || !NameNeedsId(name ?? string.Empty))
        {
            return WorkgroupSegment(id, name);
        }

        var query = Checkout.QueryString.Append("Workgroups", new[] { new KeyValuePair<string, string>("name", name!) });
        var found = (await _client.GetListAsync<Workgroup>(query, operation, log, token).ConfigureAwait(false)).FirstOrDefault();
        if (found == null)
        {
            throw new PasswordSafeException(ErrorIds.ObjectNotFound, $"{AdminErrors.SentenceStart(DescribeWorkgroup(null, name))} was not found.",
                "Check the name with Get-PSWorkgroup, or pass -WorkgroupId.");
        }

        log.Verbose($"Workgroup '{name}' is workgroup {AdminClient.Segment(found.WorkgroupId)}: the call names it by id, since its name cannot travel in a URL path unchanged.");
        return AdminClient.Segment(found.WorkgroupId);
    }

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
    public async Task<IReadOnlyList<Asset>> ListAssetsAsync(int? workgroupId, string? workgroupName, string? assetName, RequestLog log, CancellationToken token)
    {
        var operation = string.IsNullOrEmpty(assetName)
            ? Operation("Listing the assets of", DescribeWorkgroup(workgroupId, workgroupName))
            : Operation("Reading", $"asset '{assetName}' in " + DescribeWorkgroup(workgroupId, workgroupName));
        var path = "Workgroups/" + await WorkgroupSegmentAsync(workgroupId, workgroupName, operation, log, token).ConfigureAwait(false) + "/Assets";
        if (!string.IsNullOrEmpty(assetName))
        {
            path = Checkout.QueryString.Append(path, new[] { new KeyValuePair<string, string>("name", assetName!) });
        }

        return await _client.GetListAsync<Asset>(path, operation, log, token).ConfigureAwait(false);
    }

    public Task<Asset> GetAssetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<Asset>("Assets/" + AdminClient.Segment(id), Operation("Reading", DescribeAsset(id)), log, token);

    public async Task<Asset> CreateAssetAsync(int? workgroupId, string? workgroupName, IDictionary<string, object?> values, RequestLog log, CancellationToken token)
    {
        if (!values.TryGetValue("IPAddress", out var address) || string.IsNullOrWhiteSpace(address as string))
        {
            throw AdminErrors.Invalid("-IPAddress is required for a new asset (api-v3 section 6.2).", "Pass the asset's IP address.");
        }

        var body = BodyBuilder.Build("asset", AssetFields.All, values, null, null);
        var item = values.TryGetValue("AssetName", out var name) && name != null ? $"asset '{name}'" : $"asset {address}";
        var operation = Operation("Creating", item + " in " + DescribeWorkgroup(workgroupId, workgroupName), notFoundMeansTheItem: false);
        var workgroup = await WorkgroupSegmentAsync(workgroupId, workgroupName, operation, log, token).ConfigureAwait(false);
        return await _client.SendForObjectAsync<Asset>(HttpMethod.Post, "Workgroups/" + workgroup + "/Assets", body.ToJson(), operation, log, token)
            .ConfigureAwait(false);
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
