using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Assets by id (api-v3 §6.2, spec E5), permission "Asset Management": read, update, delete (with its managed
/// system and accounts). Putting an asset under management (POST Assets/{id}/ManagedSystems) needs
/// "Password Safe System Management".
/// </summary>
internal static class AssetEndpoints
{
    internal const string NotFoundReason = "Asset not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var assets = signedIn.MapGroup(string.Empty).Requires(Permissions.AssetManagement);
        assets.MapGet("/Assets/{id:int}", (int id, EmulatorState state) =>
            state.FindAsset(id) is { } asset ? ApiResults.Json(AssetJson.From(asset)) : ApiResults.NotFound(NotFoundReason));
        assets.MapPut("/Assets/{id:int}", UpdateAsync);
        assets.MapDelete("/Assets/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteAsset(id, AdminResults.Caller(context, state))));

        var systems = signedIn.MapGroup(string.Empty).Requires(Permissions.PasswordSafeSystemManagement);
        systems.MapGet("/Assets/{id:int}/ManagedSystems", (int id, EmulatorState state) =>
            state.FindAsset(id) is null
                ? ApiResults.NotFound(NotFoundReason)
                : ApiResults.Json(state.ManagedSystems.Where(s => s.AssetId == id).Select(ManagedSystemJson.From).ToList()));
        systems.MapPost("/Assets/{id:int}/ManagedSystems", CreateSystemAsync);
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindAsset(id) is null) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, AssetFields.All, BodyVersion.Default);
        if (values is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.UpdateAsset(id, values, AdminResults.Caller(context, state)), AssetJson.From);
    }

    /// <summary>§6.3 with <c>?version=</c> 3.0–3.3; the system is named after the asset and uses its address.</summary>
    private static async Task<IResult> CreateSystemAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindAsset(id) is null) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, ManagedSystemFields.All, ManagedSystemFields.Newest);
        if (values is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.CreateSystemOnAsset(id, values, AdminResults.Caller(context, state)), ManagedSystemJson.From);
    }
}
