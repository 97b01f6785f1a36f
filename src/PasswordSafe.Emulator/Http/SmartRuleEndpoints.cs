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
/// Smart rules (read) and quick rules (api-v3 §6.4, spec E5), permission "Smart Rule Management - Managed Account":
/// GET SmartRules[/{id}], GET QuickRules[/{id}], POST QuickRules <c>{ AccountIDs, Title, Category, Description }</c>,
/// and the accounts of either kind of rule in the provisioning view.
/// </summary>
internal static class SmartRuleEndpoints
{
    internal const int MaxTitleLength = 75;
    internal const int MaxCategoryLength = 75;
    internal const int MaxDescriptionLength = 255;
    private const string NotFoundReason = "Smart rule not found";
    private const string QuickRuleNotFoundReason = "Quick rule not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var rules = signedIn.MapGroup(string.Empty).Requires(Permissions.SmartRuleManagement);
        rules.MapGet("/SmartRules", (EmulatorState state) => ApiResults.Json(state.SmartRules.Select(SmartRuleJson.From).ToList()));
        rules.MapGet("/SmartRules/{id:int}", (int id, EmulatorState state) =>
            Find(state, id, quick: false) is { } rule ? ApiResults.Json(SmartRuleJson.From(rule)) : ApiResults.NotFound(NotFoundReason));
        rules.MapGet("/SmartRules/{id:int}/ManagedAccounts", (int id, EmulatorState state) =>
            Find(state, id, quick: false) is { } rule ? ApiResults.Json(AccountsOf(rule, state)) : ApiResults.NotFound(NotFoundReason));
        rules.MapGet("/QuickRules", (EmulatorState state) =>
            ApiResults.Json(state.SmartRules.Where(r => r.IsQuickRule).Select(QuickRuleJson.From).ToList()));
        rules.MapGet("/QuickRules/{id:int}", (int id, EmulatorState state) =>
            Find(state, id, quick: true) is { } rule ? ApiResults.Json(QuickRuleJson.From(rule)) : ApiResults.NotFound(QuickRuleNotFoundReason));
        rules.MapGet("/QuickRules/{id:int}/ManagedAccounts", (int id, EmulatorState state) =>
            Find(state, id, quick: true) is { } rule ? ApiResults.Json(AccountsOf(rule, state)) : ApiResults.NotFound(QuickRuleNotFoundReason));
        rules.MapPost("/QuickRules", CreateAsync);
    }

    private static SmartRule? Find(EmulatorState state, int id, bool quick) =>
        state.SmartRules.FirstOrDefault(r => r.SmartRuleId == id && (!quick || r.IsQuickRule));

    /// <summary>The rule's accounts as the catalog resolves them now (listed ones and every account of listed systems).</summary>
    private static List<Dictionary<string, object?>> AccountsOf(SmartRule rule, EmulatorState state) =>
        state.Catalog.AccountsOf(rule).Select(ProvisionedAccountJson.From).ToList();

    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        string? title, category, description;
        var ids = new List<int>();
        try
        {
            title = body.Text("Title");
            category = body.Text("Category");
            description = body.Text("Description");
            if (!body.TryGet("AccountIDs", out var list) || list.ValueKind != JsonValueKind.Array)
                return ApiResults.BadRequest("AccountIDs is required: an array of managed account ids.");
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var id)) return ApiResults.BadRequest("AccountIDs must be an array of whole numbers.");
                if (!ids.Contains(id)) ids.Add(id);
            }
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        if (ids.Count == 0) return ApiResults.BadRequest("AccountIDs must list at least one managed account.");
        if (string.IsNullOrWhiteSpace(title)) return ApiResults.BadRequest("Title is required.");
        if (title.Length > MaxTitleLength) return ApiResults.BadRequest($"Title must be {MaxTitleLength} characters or fewer.");
        if (category is { Length: > MaxCategoryLength }) return ApiResults.BadRequest($"Category must be {MaxCategoryLength} characters or fewer.");
        if (description is { Length: > MaxDescriptionLength }) return ApiResults.BadRequest($"Description must be {MaxDescriptionLength} characters or fewer.");
        return AdminResults.From(state.CreateQuickRule(ids, title.Trim(), category, description, AdminResults.Caller(context, state)), QuickRuleJson.From);
    }
}
