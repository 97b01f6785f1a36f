using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;

namespace PasswordSafe.Admin;

/// <summary>Managed systems (E5, api-v3 §6.3): versioned bodies on create and update.</summary>
internal sealed class ManagedSystemService
{
    private readonly AdminClient _client;

    public ManagedSystemService(AdminClient client) => _client = client;

    public static string Describe(int id) => "managed system " + AdminClient.Segment(id);

    /// <summary>
    /// One page of <c>GET ManagedSystems?name=&amp;limit=&amp;offset=</c>: with <c>limit</c> the server answers an envelope
    /// with its total, and without one it would stop at its default of 100,000 systems without saying so (api-v3 §0).
    /// </summary>
    public async Task<ListPage<ManagedSystem>> ListPageAsync(string? name, long offset, int limit, RequestLog log, CancellationToken token)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(name))
        {
            query.Add(new KeyValuePair<string, string>("name", name!));
        }

        query.Add(new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)));
        query.Add(new KeyValuePair<string, string>("offset", offset.ToString(CultureInfo.InvariantCulture)));
        var response = await _client.GetAsync(Checkout.QueryString.Append("ManagedSystems", query), Operation("Listing", "managed systems"), log, token)
            .ConfigureAwait(false);
        return AdminJson.ReadPage<ManagedSystem>(response, _client.Session);
    }

    public Task<IReadOnlyList<ManagedSystem>> ListForAssetAsync(int assetId, RequestLog log, CancellationToken token) =>
        _client.GetListAsync<ManagedSystem>("Assets/" + AdminClient.Segment(assetId) + "/ManagedSystems",
            Operation("Listing the managed systems of", AssetService.DescribeAsset(assetId)), log, token);

    public Task<IReadOnlyList<ManagedSystem>> ListForWorkgroupAsync(int workgroupId, RequestLog log, CancellationToken token) =>
        _client.GetListAsync<ManagedSystem>("Workgroups/" + AdminClient.Segment(workgroupId) + "/ManagedSystems",
            Operation("Listing the managed systems of", AssetService.DescribeWorkgroup(workgroupId, null)), log, token);

    public Task<ManagedSystem> GetAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<ManagedSystem>("ManagedSystems/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token);

    public Task<ManagedSystem> CreateAsync(int assetId, IDictionary<string, object?> values, Version? version, RequestLog log, CancellationToken token)
    {
        if (!values.TryGetValue("PlatformID", out var platform) || platform == null)
        {
            throw AdminErrors.Invalid("-PlatformId is required for a new managed system (api-v3 section 6.3).", "Pass the platform id (GET Platforms lists them).");
        }

        var body = BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, version);
        BodyBuilder.RequireNotAbove(body, "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
        return _client.SendForObjectAsync<ManagedSystem>(HttpMethod.Post,
            ApiBodyVersion.AppendTo("Assets/" + AdminClient.Segment(assetId) + "/ManagedSystems", body.Version), body.ToJson(),
            Operation("Creating a managed system on", AssetService.DescribeAsset(assetId)), log, token);
    }

    /// <summary>
    /// Reads the system and works out <c>PUT ManagedSystems/{id}?version=</c>: the current values (as the server returned
    /// them) with the changes, and which changes differ from what the system has; when none does, nothing is built.
    /// </summary>
    public async Task<PlannedUpdate<ManagedSystem>> PlanUpdateAsync(int id, IDictionary<string, object?> changes, Version? version, RequestLog log, CancellationToken token)
    {
        var response = await _client.GetAsync("ManagedSystems/" + AdminClient.Segment(id), Operation("Reading", Describe(id)), log, token).ConfigureAwait(false);
        var current = AdminJson.ReadObject<ManagedSystem>(response, _client.Session);
        var baseline = Baseline(AdminJson.Parse(response) as Newtonsoft.Json.Linq.JObject, ManagedSystemFields.All);
        var changed = ChangedFields.Of(ManagedSystemFields.All, changes, baseline).Select(f => f.ParameterName).ToList();
        if (changed.Count == 0)
        {
            return new PlannedUpdate<ManagedSystem>(id, current, changed, null, null);
        }

        var body = BodyBuilder.Build("managed system", ManagedSystemFields.All, changes, baseline, version);
        BodyBuilder.RequireNotAbove(body, "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
        return new PlannedUpdate<ManagedSystem>(id, current, changed,
            ApiBodyVersion.AppendTo("ManagedSystems/" + AdminClient.Segment(id), body.Version), body.ToJson());
    }

    /// <summary>Sends a planned update that changes something.</summary>
    public Task<ManagedSystem> SendUpdateAsync(PlannedUpdate<ManagedSystem> plan, RequestLog log, CancellationToken token) =>
        _client.SendForObjectAsync<ManagedSystem>(HttpMethod.Put, plan.Path!, plan.Body!, Operation("Updating", Describe(plan.Id)), log, token);

    public Task DeleteAsync(int id, RequestLog log, CancellationToken token) =>
        _client.DeleteAsync("ManagedSystems/" + AdminClient.Segment(id), Operation("Removing", Describe(id)), log, token);

    /// <summary>The table's fields as the server has them now: plain JSON values, keyed by the table's wire names.</summary>
    internal static IDictionary<string, object?> Baseline(Newtonsoft.Json.Linq.JObject? current, IEnumerable<FieldSpec> specs)
    {
        var baseline = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (current == null)
        {
            return baseline;
        }

        foreach (var spec in specs.Where(s => s.Kind != FieldKind.Secret))
        {
            if (AdminJson.Property(current, spec.WireName) is Newtonsoft.Json.Linq.JValue value && value.Value != null)
            {
                baseline[spec.WireName] = value.Value;
            }
        }

        return baseline;
    }

    /// <summary><c>GET Platforms</c>: what -PlatformId takes.</summary>
    public Task<IReadOnlyList<Platform>> ListPlatformsAsync(RequestLog log, CancellationToken token) =>
        _client.GetListAsync<Platform>("Platforms", Operation("Listing", "platforms"), log, token);

    /// <summary><c>GET Platforms/{id}</c>.</summary>
    public Task<Platform> GetPlatformAsync(int id, RequestLog log, CancellationToken token) =>
        _client.GetObjectAsync<Platform>("Platforms/" + AdminClient.Segment(id), Operation("Reading", "platform " + AdminClient.Segment(id)), log, token);

    private static AdminOperation Operation(string action, string item) => new AdminOperation(action, item, AdminPermission.Systems);
}
