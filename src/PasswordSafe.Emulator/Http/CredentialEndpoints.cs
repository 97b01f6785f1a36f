using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// A managed account's credentials (api-v3 §4.2): set (PUT, 204), change now or queued (POST …/Change, 204), test
/// (POST …/Test, <c>{ "Success": bool }</c>). Allowed with "Password Safe Account Management" at Read/Write, or the
/// ISA or Credentials Manager role on the account; others get 403 4031, also for ids that do not exist.
/// </summary>
internal static class CredentialEndpoints
{
    private const string NotFoundReason = "Managed Account not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapPut("/ManagedAccounts/{id:int}/Credentials", SetAsync);
        signedIn.MapPost("/ManagedAccounts/{id:int}/Credentials/Change", ChangeAsync);
        signedIn.MapPost("/ManagedAccounts/{id:int}/Credentials/Test", (int id, HttpContext context, EmulatorState state) =>
            Allowed(id, context, state) is { } denied
                ? denied
                : AdminResults.From(state.TestCredentials(id, AdminResults.Caller(context, state)), success => new CredentialTestJson(success)));
    }

    /// <summary>Body <c>{ Password?, PublicKey?, PrivateKey?, Passphrase?, UpdateSystem? }</c>; no password and no key → a generated password.</summary>
    private static async Task<IResult> SetAsync(int id, HttpContext context, EmulatorState state)
    {
        if (Allowed(id, context, state) is { } denied) return denied;
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: true);
        if (body is null) return ApiResults.BadRequest(error!);
        CredentialInput input;
        try
        {
            input = new CredentialInput
            {
                Password = body.Text("Password"),
                PublicKey = body.Text("PublicKey"),
                PrivateKey = body.Text("PrivateKey"),
                Passphrase = body.Text("Passphrase"),
                UpdateSystem = body.Bool("UpdateSystem") ?? true,
            };
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        if (input.Password is { Length: 0 }) return ApiResults.BadRequest("Password must not be empty: leave it out to have one generated.");
        return AdminResults.From(state.SetCredentials(id, input, AdminResults.Caller(context, state)), _ => new object());
    }

    /// <summary>Optional body <c>{ "Queue": bool }</c>: false (default) rotates now, true queues the change.</summary>
    private static async Task<IResult> ChangeAsync(int id, HttpContext context, EmulatorState state)
    {
        if (Allowed(id, context, state) is { } denied) return denied;
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: true);
        if (body is null) return ApiResults.BadRequest(error!);
        bool queue;
        try
        {
            queue = body.Bool("Queue") ?? false;
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return AdminResults.From(state.ChangePassword(id, queue, AdminResults.Caller(context, state)), _ => new object());
    }

    /// <summary>Null when the caller may manage this account's credentials; else 403 4031 (or 404 for a permitted caller and an unknown id).</summary>
    private static IResult? Allowed(int id, HttpContext context, EmulatorState state)
    {
        var userId = RequestFacts.Session(context).UserId;
        var permitted = state.HasPermission(userId, Permissions.PasswordSafeAccountManagement, write: true);
        if (permitted) return state.FindManagedAccount(id) is null ? ApiResults.NotFound(NotFoundReason) : null;
        // The account and the roles on it come from one catalog snapshot (E5 may swap in another meanwhile).
        var view = state.CheckoutView(userId);
        return view.FindAccount(id) is { } account && (view.Has(account, SmartRuleRoles.CredentialsManager) || view.IsIsa(account))
            ? null
            : ApiResults.NoPermission();
    }
}
