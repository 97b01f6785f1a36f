using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Managed accounts, provisioning view (api-v3 §2.2, spec E5), permission "Password Safe Account Management": one,
/// a system's accounts (?name=), create with <c>?version=</c> 3.0–3.5, update, delete. New API-enabled accounts show
/// up in checkout (GET ManagedAccounts) at once for users whose smart-rule roles cover them.
/// </summary>
internal static class ProvisionedAccountEndpoints
{
    private const string NotFoundReason = "Managed Account not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var accounts = signedIn.MapGroup(string.Empty).Requires(Permissions.PasswordSafeAccountManagement);
        accounts.MapGet("/ManagedAccounts/{id:int}", (int id, EmulatorState state) =>
            state.ProvisionedAccount(id) is { } account ? ApiResults.Json(ProvisionedAccountJson.From(account)) : ApiResults.NotFound(NotFoundReason));
        accounts.MapGet("/ManagedSystems/{id:int}/ManagedAccounts", (int id, HttpContext context, EmulatorState state) =>
        {
            if (state.FindManagedSystem(id) is not { } system) return ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason);
            var name = context.Request.Query["name"].FirstOrDefault();
            var found = state.Catalog.AccountsOf(system)
                .Where(a => string.IsNullOrEmpty(name) || string.Equals(a.AccountName, name, StringComparison.OrdinalIgnoreCase))
                .Select(a => state.ProvisionedAccount(a.ManagedAccountId)).OfType<ManagedAccount>()
                .Select(ProvisionedAccountJson.From).ToList();
            return ApiResults.Json(found);
        });
        accounts.MapPost("/ManagedSystems/{id:int}/ManagedAccounts", CreateAsync);
        accounts.MapPut("/ManagedAccounts/{id:int}", UpdateAsync);
        accounts.MapDelete("/ManagedAccounts/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteAccount(id, AdminResults.Caller(context, state))));
    }

    private static async Task<IResult> CreateAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindManagedSystem(id) is null) return ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, ManagedAccountFields.All, ManagedAccountFields.Newest);
        if (values is null) return ApiResults.BadRequest(error!);
        return AdminResults.From(state.CreateAccount(id, values, AdminResults.Caller(context, state)), ProvisionedAccountJson.From);
    }

    /// <summary>Credentials never change here (§4.2 has its own calls), so a secret in the body is refused by name.</summary>
    private static async Task<IResult> UpdateAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.ProvisionedAccount(id) is null) return ApiResults.NotFound(NotFoundReason);
        var (values, error) = await ProvisioningBody.ReadAsync(context, ManagedAccountFields.All, ManagedAccountFields.Newest);
        if (values is null) return ApiResults.BadRequest(error!);
        if (new[] { "Password", "PrivateKey", "Passphrase" }.FirstOrDefault(values.ContainsKey) is { } secret)
            return ApiResults.BadRequest($"{secret} cannot be changed by PUT ManagedAccounts/{{id}}: use PUT ManagedAccounts/{{id}}/Credentials.");
        return AdminResults.From(state.UpdateAccount(id, values, AdminResults.Caller(context, state)), ProvisionedAccountJson.From);
    }
}
