using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// ManagedSystems (api-v3 §6.3, spec E5), permission "Password Safe System Management": list (bare array, or the
/// §0 envelope <c>{TotalCount, Data}</c> when <c>limit</c> is given), one, update with <c>?version=</c> 3.0–3.3, delete
/// (with its accounts).
/// </summary>
internal static class ManagedSystemEndpoints
{
    internal const string NotFoundReason = "Managed System not found";
    private const int DefaultLimit = 100000;

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var systems = signedIn.MapGroup(string.Empty).Requires(Permissions.PasswordSafeSystemManagement);
        systems.MapGet("/ManagedSystems", List);
        systems.MapGet("/ManagedSystems/{id:int}", (int id, EmulatorState state) =>
            state.FindManagedSystem(id) is { } system ? ApiResults.Json(ManagedSystemJson.From(system)) : ApiResults.NotFound(NotFoundReason));
        systems.MapPut("/ManagedSystems/{id:int}", UpdateAsync);
        systems.MapGet("/Platforms", () => ApiResults.Json(Platform.All));
        systems.MapGet("/Platforms/{id:int}", (int id) =>
            Platform.Find(id) is { } platform ? ApiResults.Json(platform) : ApiResults.NotFound("Platform not found"));
        systems.MapDelete("/ManagedSystems/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteSystem(id, AdminResults.Caller(context, state))));
    }

    /// <summary>?type= entity type id, ?name= system name (exact, any case), ?limit= (1–100000) and ?offset= (≥ 0, only with limit).</summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        IEnumerable<ManagedSystem> systems = state.ManagedSystems;
        if (query["type"].FirstOrDefault() is { Length: > 0 } typeText)
        {
            if (!int.TryParse(typeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) || type < 1)
                return ApiResults.BadRequest("type must be an entity type id (1 asset, 2 database, 3 directory, 4 cloud).");
            systems = systems.Where(s => (s.Settings.TryGetValue("EntityTypeID", out var value) && value is int entity ? entity : 1) == type);
        }
        if (query["name"].FirstOrDefault() is { Length: > 0 } name)
            systems = systems.Where(s => string.Equals(s.SystemName, name, StringComparison.OrdinalIgnoreCase));
        var limitText = query["limit"].FirstOrDefault();
        var offsetText = query["offset"].FirstOrDefault();
        if (string.IsNullOrEmpty(limitText))
        {
            if (!string.IsNullOrEmpty(offsetText)) return ApiResults.BadRequest("offset is used only together with limit.");
            // Without limit the server still stops at its default of 100,000 and says nothing (api-v3 §0).
            return ApiResults.Json(systems.Take(DefaultLimit).Select(ManagedSystemJson.From).ToList());
        }
        if (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > DefaultLimit)
            return ApiResults.BadRequest($"limit must be a whole number from 1 to {DefaultLimit}.");
        var offset = 0;
        if (!string.IsNullOrEmpty(offsetText) && (!int.TryParse(offsetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
            return ApiResults.BadRequest($"offset must be a whole number from 0 to {int.MaxValue}.");
        limit = Math.Min(limit, state.Settings.MaximumPageSize ?? limit);
        var all = systems.ToList();
        return ApiResults.Json(new ListEnvelopeJson<Dictionary<string, object?>>(all.Count,
            all.Skip(offset).Take(limit).Select(ManagedSystemJson.From).ToList()));
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindManagedSystem(id) is null) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, ManagedSystemFields.All, ManagedSystemFields.Newest);
        if (values is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.UpdateSystem(id, values, AdminResults.Caller(context, state)), ManagedSystemJson.From);
    }
}
