using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Workgroups and their assets (api-v3 §6.1, §6.2; spec E5), permission "Asset Management". A workgroup in a path is
/// its id or its name. Systems made directly in a workgroup need "Password Safe System Management".
/// </summary>
internal static class WorkgroupEndpoints
{
    internal const string NotFoundReason = "Workgroup not found";
    private const int MaxNameLength = 256;

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var workgroups = signedIn.MapGroup(string.Empty).Requires(Permissions.AssetManagement);
        workgroups.MapGet("/Workgroups", (HttpContext context, EmulatorState state) =>
        {
            var name = context.Request.Query["name"].FirstOrDefault();
            if (string.IsNullOrEmpty(name)) return ApiResults.Json(state.Workgroups.Select(WorkgroupJson.From).ToList());
            return state.FindWorkgroup(name) is { } named ? ApiResults.Json(WorkgroupJson.From(named)) : ApiResults.NotFound(NotFoundReason);
        });
        workgroups.MapGet("/Workgroups/{id:int}", (int id, EmulatorState state) =>
            state.FindWorkgroup(id) is { } workgroup ? ApiResults.Json(WorkgroupJson.From(workgroup)) : ApiResults.NotFound(NotFoundReason));
        workgroups.MapPost("/Workgroups", CreateAsync);
        workgroups.MapGet("/Workgroups/{workgroup}/Assets", (string workgroup, HttpContext context, EmulatorState state) =>
        {
            if (Resolve(workgroup, state) is not { } found) return ApiResults.NotFound(NotFoundReason);
            var assets = state.AssetsIn(found.Id);
            var name = context.Request.Query["name"].FirstOrDefault();
            if (string.IsNullOrEmpty(name)) return ApiResults.Json(assets.Select(AssetJson.From).ToList());
            return assets.FirstOrDefault(a => string.Equals(a.AssetName, name, StringComparison.OrdinalIgnoreCase)) is { } asset
                ? ApiResults.Json(AssetJson.From(asset))
                : ApiResults.NotFound(AssetEndpoints.NotFoundReason);
        });
        workgroups.MapPost("/Workgroups/{workgroup}/Assets", CreateAssetAsync);
        signedIn.MapGet("/Workgroups/{id:int}/ManagedSystems", (int id, EmulatorState state) =>
            state.FindWorkgroup(id) is null
                ? ApiResults.NotFound(NotFoundReason)
                : ApiResults.Json(state.ManagedSystems.Where(s => s.Workgroup.Id == id).Select(ManagedSystemJson.From).ToList()))
            .Requires(Permissions.PasswordSafeSystemManagement);
        signedIn.MapPost("/Workgroups/{id:int}/ManagedSystems", CreateSystemAsync).Requires(Permissions.PasswordSafeSystemManagement);
    }

    internal static Workgroup? Resolve(string workgroup, EmulatorState state) =>
        int.TryParse(workgroup, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && state.FindWorkgroup(id) is { } byId
            ? byId
            : state.FindWorkgroup(Uri.UnescapeDataString(workgroup));

    /// <summary>Body <c>{ "Name": (required, ≤256), "OrganizationID": (optional guid) }</c> → 201.</summary>
    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        string? name, organization;
        try
        {
            name = body.Text("Name");
            organization = body.Text("OrganizationID");
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        if (string.IsNullOrWhiteSpace(name)) return ApiResults.BadRequest("Name is required.");
        if (name.Length > MaxNameLength) return ApiResults.BadRequest($"Name must be {MaxNameLength} characters or fewer.");
        if (organization is not null && !Guid.TryParse(organization, out _)) return ApiResults.BadRequest($"OrganizationID must be a GUID (got '{organization}').");
        return AdminResults.From(state.CreateWorkgroup(name, organization, AdminResults.Caller(context, state)), WorkgroupJson.From);
    }

    private static async Task<IResult> CreateAssetAsync(string workgroup, HttpContext context, EmulatorState state)
    {
        if (Resolve(workgroup, state) is not { } found) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, AssetFields.All, BodyVersion.Default);
        if (values is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.CreateAsset(found, values, AdminResults.Caller(context, state)), AssetJson.From);
    }

    private static async Task<IResult> CreateSystemAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindWorkgroup(id) is not { } workgroup) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, ManagedSystemFields.All.Concat(ManagedSystemFields.HostFields).ToList(), ManagedSystemFields.Newest);
        if (values is null) return ApiResults.BadRequest(error!);
        var hostValues = values.Where(v => ManagedSystemFields.HostFields.Any(f => f.Name.Equals(v.Key, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        var systemValues = values.Where(v => !hostValues.ContainsKey(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        return AdminResults.From(state.CreateSystemInWorkgroup(workgroup, systemValues, hostValues, AdminResults.Caller(context, state)), ManagedSystemJson.From);
    }
}
