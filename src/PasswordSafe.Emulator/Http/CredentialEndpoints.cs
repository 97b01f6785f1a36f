using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// A managed account's credentials (api-v3 §4.1, §4.2): read by account (GET, a JSON string), set (PUT by id or by
/// workgroup/asset/account names, 204), change now or queued (POST …/Change, for one account or every account of a
/// system, 204), test (POST …/Test, <c>{ "Success": bool }</c>). Setting, changing and testing one account are allowed
/// with "Password Safe Account Management" at Read/Write, or the ISA or Credentials Manager role on the account; others
/// get 403 4031, also for ids that do not exist.
/// </summary>
internal static class CredentialEndpoints
{
    private const string NotFoundReason = "Managed Account not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/ManagedAccounts/{id:int}/Credentials", ReadByAccount);
        signedIn.MapPut("/ManagedAccounts/{id:int}/Credentials", (int id, HttpContext context, EmulatorState state) => SetAsync(id, context, state));
        signedIn.MapPut("/Credentials", SetByNamesAsync);
        signedIn.MapPost("/ManagedAccounts/{id:int}/Credentials/Change", ChangeAsync);
        signedIn.MapPost("/ManagedAccounts/{id:int}/Credentials/Test", (int id, HttpContext context, EmulatorState state) =>
            Allowed(id, context, state) is { } denied
                ? denied
                : AdminResults.From(state.TestCredentials(id, AdminResults.Caller(context, state)), success => new CredentialTestJson(success)));
        signedIn.MapGroup(string.Empty).Requires(Permissions.PasswordSafeAccountManagement)
            .MapPost("/ManagedSystems/{id:int}/ManagedAccounts/Credentials/Change", ChangeSystemAsync);
    }

    /// <summary>
    /// GET ManagedAccounts/{id}/Credentials[?type=password|dsskey|passphrase]: the credential as a JSON string, like
    /// GET Credentials/{requestId} but by account. Allowed [I: api-v3 §4.1 says "credentials-manager/ISA-type access";
    /// the API reference lists Administrators, ISA, and a requestor with an active request for the account] to members
    /// of an Administrators group, holders of the ISA or Credentials Manager role on the account, and a requestor with
    /// an active request of their own for it. The account must be API-enabled (§4.1: 403 otherwise). 403 4031 for
    /// anyone else and, for non-administrators, for ids that do not exist; 404 for an administrator's unknown id.
    /// </summary>
    private static IResult ReadByAccount(int id, HttpContext context, EmulatorState state)
    {
        var caller = AdminResults.Caller(context, state);
        var userId = caller.User.UserId;
        var administrator = state.IsAdministrator(userId);
        var view = state.CheckoutView(userId);
        if (view.FindAccount(id) is not { } account) return administrator ? ApiResults.NotFound(NotFoundReason) : ApiResults.NoPermission();
        string? why = administrator ? "administrator"
            : view.IsIsa(account) ? "ISA role"
            : view.Has(account, SmartRuleRoles.CredentialsManager) ? "Credentials Manager role"
            : state.Ledger.HasActiveRequest(userId, id) ? "active request"
            : null;
        if (why is null || !account.ApiEnabled) return ApiResults.NoPermission();
        var outcome = state.Ledger.ReadAccountCredential(caller, account, context.Request.Query["type"].FirstOrDefault(), why);
        if (!outcome.Succeeded) return ApiResults.Message(outcome.StatusCode, outcome.Error!);
        // §4.1: a credential must not linger in any cache.
        context.Response.Headers.CacheControl = "no-store";
        return ApiResults.Json(outcome.Value!);
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

    /// <summary>
    /// PUT Credentials?workgroupName=&amp;assetName=&amp;accountName= (§4.2): the same body, permissions and answers as
    /// by id, the account found by its names (EmulatorState.FindAccountByNames). A missing name is a 400 naming it; names
    /// that find nothing are 404 for a caller with the permission and 403 4031 for others (nothing is revealed).
    /// </summary>
    private static async Task<IResult> SetByNamesAsync(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        var names = new[] { "workgroupName", "assetName", "accountName" }.Select(n => (Name: n, Value: query[n].FirstOrDefault())).ToArray();
        if (names.FirstOrDefault(n => string.IsNullOrWhiteSpace(n.Value)) is { Name: { } missing })
            return ApiResults.BadRequest($"{missing} is required: PUT Credentials?workgroupName=…&assetName=…&accountName=… names the account.");
        var account = state.FindAccountByNames(names[0].Value!, names[1].Value!, names[2].Value!, out var notFound);
        if (account is null)
        {
            var permitted = state.HasPermission(RequestFacts.Session(context).UserId, Permissions.PasswordSafeAccountManagement, write: true);
            return permitted ? ApiResults.NotFound(notFound!) : ApiResults.NoPermission();
        }
        return await SetAsync(account.ManagedAccountId, context, state);
    }

    /// <summary>Optional body <c>{ "Queue": bool }</c>: false (default) rotates now, true queues the change.</summary>
    private static async Task<IResult> ChangeAsync(int id, HttpContext context, EmulatorState state)
    {
        if (Allowed(id, context, state) is { } denied) return denied;
        var queue = await QueueAsync(context);
        if (queue.Error is not null) return ApiResults.BadRequest(queue.Error);
        return AdminResults.From(state.ChangePassword(id, queue.Value, AdminResults.Caller(context, state)), _ => new object());
    }

    /// <summary>
    /// POST ManagedSystems/{id}/ManagedAccounts/Credentials/Change (§4.2): every account of the system, with the
    /// optional body <c>{ "Queue": bool }</c> → 204. Needs "Password Safe Account Management" at Read/Write [I: as the
    /// per-account change; roles on single accounts do not reach a whole system]; 404 unknown system.
    /// </summary>
    private static async Task<IResult> ChangeSystemAsync(int id, HttpContext context, EmulatorState state)
    {
        if (state.FindManagedSystem(id) is null) return ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason);
        var queue = await QueueAsync(context);
        if (queue.Error is not null) return ApiResults.BadRequest(queue.Error);
        return AdminResults.From(state.ChangeSystemPasswords(id, queue.Value, AdminResults.Caller(context, state)), _ => new object());
    }

    private static async Task<(bool Value, string? Error)> QueueAsync(HttpContext context)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: true);
        if (body is null) return (false, error);
        try
        {
            return (body.Bool("Queue") ?? false, null);
        }
        catch (FormatException e)
        {
            return (false, e.Message);
        }
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
