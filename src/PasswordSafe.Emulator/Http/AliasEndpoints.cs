using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Requestable managed account aliases (BeyondTrust API reference "Aliases"; api-v3 §3.2 alias variant, §4.1 alias
/// form): GET Aliases[?name=], GET Aliases/{id}, POST Aliases/{id}/Requests, GET Aliases/{id}/Credentials/{requestId}.
/// Every call needs the Requestor (or Requestor/Approver) role on the alias's preferred account; a request through an
/// alias is an ordinary request on that account that remembers the alias.
/// </summary>
internal static class AliasEndpoints
{
    private const string NotFoundReason = "Alias not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/Aliases", List);
        signedIn.MapGet("/Aliases/{id:int}", Read);
        signedIn.MapPost("/Aliases/{id:int}/Requests", CreateRequestAsync);
        signedIn.MapGet("/Aliases/{id:int}/Credentials/{requestId:int}", ReadCredential);
    }

    /// <summary>
    /// The aliases whose preferred account the caller may request, by id, in every state (the reference's note that
    /// only states 1 and 2 can be requested implies the others are listed [I]); <c>?name=</c> answers that one alias,
    /// or 404 [I].
    /// </summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var view = state.CheckoutView(caller.User.UserId);
        var name = context.Request.Query["name"].FirstOrDefault();
        if (name is not null)
        {
            var named = state.Aliases.FirstOrDefault(a => string.Equals(a.AliasName, name, StringComparison.OrdinalIgnoreCase));
            return named is not null && PreferredRequestable(view, named) is { } account
                ? ApiResults.Json(AliasJson.From(named, account, view.FindAccount))
                : ApiResults.NotFound(NotFoundReason);
        }
        var listed = state.Aliases
            .Select(alias => (alias, account: PreferredRequestable(view, alias)))
            .Where(found => found.account is not null)
            .Select(found => AliasJson.From(found.alias, found.account, view.FindAccount))
            .ToList();
        return ApiResults.Json(listed);
    }

    /// <summary>404 for an unknown id; 403 4031 when the caller may not request its preferred account.</summary>
    private static IResult Read(int id, HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        if (state.FindAlias(id) is not { } alias) return ApiResults.NotFound(NotFoundReason);
        var view = state.CheckoutView(caller.User.UserId);
        return PreferredRequestable(view, alias) is { } account ? ApiResults.Json(AliasJson.From(alias, account, view.FindAccount)) : ApiResults.NoPermission();
    }

    /// <summary>
    /// The body of POST Requests minus SystemID, AccountID and ApplicationID (api-v3 §3.2): 404 unknown alias, 403 4031
    /// no role on the preferred account, 400 when the alias is not in state 1 or 2 [I: the status], then exactly what
    /// POST Requests answers for the preferred account (201/200 bare id, 400, 409 4091). App access uses the
    /// account's own application [I].
    /// </summary>
    private static async Task<IResult> CreateRequestAsync(int id, HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        if (state.FindAlias(id) is not { } alias) return ApiResults.NotFound(NotFoundReason);
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        var view = state.CheckoutView(caller.User.UserId);
        if (PreferredRequestable(view, alias) is not { } account) return ApiResults.NoPermission();
        if (!alias.IsRequestable)
            return ApiResults.BadRequest($"The alias '{alias.AliasName}' is in mapped state {(int)alias.State} ({alias.State}): only aliases in mapped state 1 (Mapped) or 2 (Highly Available) can be requested. Request one of its managed accounts directly, or ask an administrator to map the alias.");
        NewRequestBody request;
        try
        {
            // The alias decides the account: ids a body sends anyway (not part of the alias form) are overridden.
            request = RequestEndpoints.ReadNewRequest(body) with
            {
                SystemId = account.System.ManagedSystemId,
                AccountId = account.ManagedAccountId,
                ApplicationId = account.ApplicationId,
                AliasId = alias.AliasId,
            };
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        var outcome = state.Ledger.Create(caller, request);
        return outcome.Succeeded ? ApiResults.Json(outcome.Value, outcome.StatusCode) : RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
    }

    /// <summary>The object of api-v3 §4.1's alias form; 404/403 4031/403 4034 exactly as GET Credentials/{id}.</summary>
    private static IResult ReadCredential(int id, int requestId, HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        if (state.FindAlias(id) is not { } alias) return ApiResults.NotFound(NotFoundReason);
        var outcome = state.Ledger.ReadAliasCredential(caller, alias.AliasId, requestId, context.Request.Query["type"].FirstOrDefault());
        if (!outcome.Succeeded) return RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
        var (request, type, secret) = outcome.Value;
        var account = request.Account;
        context.Response.Headers.CacheControl = "no-store";
        return ApiResults.Json(new AliasCredentialJson(alias.AliasId, alias.AliasName, account.System.ManagedSystemId, account.System.SystemName,
            account.ManagedAccountId, account.AccountName, account.DomainName,
            type == CredentialType.Password ? secret : null,
            type == CredentialType.DssKey ? secret : null,
            type == CredentialType.Passphrase ? secret : null));
    }

    /// <summary>The alias's preferred account when it is API-enabled and the caller holds a requestor role on it, else null.</summary>
    private static ManagedAccount? PreferredRequestable(AccountView view, ManagedAccountAlias alias) =>
        alias.PreferredAccountId is int accountId && view.FindAccount(accountId) is { ApiEnabled: true } account && view.RequestPolicyFor(account) is not null
            ? account
            : null;
}
