using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// UserGroups (api-v3 §6.5, spec A7, E5), permission "User Accounts Management": list (?name=), one, members, create,
/// delete (by id or ?name=), feature permissions (read, set, remove all: Read Only to read, Read/Write to change, as
/// the API reference's "User Accounts Management (Full control)"), smart rules; granting roles on a smart rule needs
/// "Password Safe Role Management" and takes effect for checkout at once.
/// </summary>
internal static class UserGroupEndpoints
{
    private const string NotFoundReason = "User group not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var groups = signedIn.MapGroup(string.Empty).Requires(Permissions.UserAccountsManagement);
        groups.MapGet("/UserGroups", (HttpContext context, EmulatorState state) =>
        {
            var name = context.Request.Query["name"].FirstOrDefault();
            if (string.IsNullOrEmpty(name)) return ApiResults.Json(state.UserGroups.Select(UserGroupJson.From).ToList());
            // ?name= answers the one group (the Python client reads an object), 404 when there is none.
            return state.FindUserGroup(name) is { } named ? ApiResults.Json(UserGroupJson.From(named)) : ApiResults.NotFound(NotFoundReason);
        });
        groups.MapGet("/UserGroups/{id:int}", (int id, EmulatorState state) =>
            state.FindUserGroup(id) is { } group ? ApiResults.Json(UserGroupJson.From(group)) : ApiResults.NotFound(NotFoundReason));
        groups.MapGet("/UserGroups/{id:int}/Users", (int id, EmulatorState state) =>
            state.FindUserGroup(id) is null
                ? ApiResults.NotFound(NotFoundReason)
                : ApiResults.Json(state.MembersOf(id).Select(u => UserJson.From(u)).ToList()));
        groups.MapPost("/UserGroups", CreateAsync);
        groups.MapDelete("/UserGroups/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteUserGroup(id, AdminResults.Caller(context, state))));
        groups.MapDelete("/UserGroups", (HttpContext context, EmulatorState state) =>
        {
            var name = context.Request.Query["name"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(name)) return ApiResults.BadRequest("name is required: DELETE UserGroups?name=<group name> (or DELETE UserGroups/{id}).");
            return state.FindUserGroup(name) is { } named
                ? AdminResults.Done(state.DeleteUserGroup(named.GroupId, AdminResults.Caller(context, state)))
                : ApiResults.NotFound(NotFoundReason);
        });
        groups.MapGet("/UserGroups/{id:int}/Permissions", (int id, EmulatorState state) =>
            state.FindUserGroup(id) is { } group ? ApiResults.Json(EffectivePermissions(group)) : ApiResults.NotFound(NotFoundReason));
        groups.MapPost("/UserGroups/{id:int}/Permissions", SetPermissionsAsync);
        groups.MapDelete("/UserGroups/{id:int}/Permissions", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.RemoveGroupPermissions(id, AdminResults.Caller(context, state))));
        groups.MapGet("/UserGroups/{id:int}/SmartRules", (int id, EmulatorState state) =>
        {
            if (state.FindUserGroup(id) is not { } group) return ApiResults.NotFound(NotFoundReason);
            var rules = group.SmartRuleAccess
                .Select(grant => (Rule: state.SmartRules.FirstOrDefault(r => r.SmartRuleId == grant.SmartRuleId), Grant: grant))
                .Where(pair => pair.Rule is not null)
                .Select(pair => GroupSmartRuleJson.From(pair.Rule!, pair.Grant))
                .OrderBy(r => r.SmartRuleID)
                .ToList();
            return ApiResults.Json(rules);
        });
        signedIn.MapPost("/UserGroups/{id:int}/SmartRules/{smartRuleId:int}/Roles", GrantRolesAsync)
            .Requires(Permissions.PasswordSafeRoleManagement);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        var input = UserGroupBodyReader.Read(body, out error);
        if (input is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.CreateUserGroup(input, AdminResults.Caller(context, state)), UserGroupJson.From);
    }

    /// <summary>
    /// Body: an array of <c>{PermissionID, AccessLevelID}</c>, which becomes the group's whole set → 204 (BeyondTrust API
    /// reference and the official Python library, which expects 204).
    /// </summary>
    private static async Task<IResult> SetPermissionsAsync(int id, HttpContext context, EmulatorState state)
    {
        JsonElement list;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (JsonTextCheck.Problem(document.RootElement) is { } notText) return ApiResults.BadRequest(notText);
            list = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ApiResults.BadRequest("Send a JSON array of { \"PermissionID\": n, \"AccessLevelID\": 1 or 2 }.");
        }
        IReadOnlyList<PermissionGrant> grants;
        try
        {
            if (list.ValueKind == JsonValueKind.Object && TryProperty(list, "Permissions", out var inner)) list = inner;
            grants = UserGroupBodyReader.Permissions(list, "Permissions");
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return AdminResults.From(state.SetGroupPermissions(id, grants, AdminResults.Caller(context, state)), _ => new object());
    }

    /// <summary>Body <c>{ "Roles": [ { "RoleID": n } ], "AccessPolicyID": n? }</c> → 204; the roles replace earlier ones on that rule.</summary>
    private static async Task<IResult> GrantRolesAsync(int id, int smartRuleId, HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        var roles = SmartRuleRoles.None;
        int? accessPolicyId;
        try
        {
            accessPolicyId = body.Int("AccessPolicyID");
            if (!body.TryGet("Roles", out var list) || list.ValueKind != JsonValueKind.Array)
                return ApiResults.BadRequest("Roles is required: an array such as [ { \"RoleID\": 1 } ] (GET Roles lists them).");
            foreach (var item in list.EnumerateArray())
            {
                var roleId = item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var bare) ? bare
                    : item.ValueKind == JsonValueKind.Object && TryProperty(item, "RoleID", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
                    : throw new FormatException("Each entry of Roles must be { \"RoleID\": n }.");
                roles |= Role.Find(roleId)?.Grants ?? throw new FormatException($"RoleID {roleId} is not a role: GET Roles lists 1 to {Role.All.Count}.");
            }
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return AdminResults.From(state.GrantSmartRuleRoles(id, smartRuleId, roles, accessPolicyId, AdminResults.Caller(context, state)), _ => new object());
    }

    /// <summary>An Administrator group holds every permission at Read/Write whatever its list says.</summary>
    private static IReadOnlyList<PermissionGrant> EffectivePermissions(UserGroup group) => group.Administrator
        ? Emulator.Permissions.All.Select(p => new PermissionGrant(p.PermissionID, AccessLevel.ReadWrite)).ToList()
        : group.Permissions.ToList();

    private static bool TryProperty(JsonElement item, string name, out JsonElement value)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
