using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Authentication;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>Auth/…: sign-in (B1–B6, C3, C4), sign-out (B2), OAuth token (C2–C6) and revocation (C7).</summary>
internal static class AuthEndpoints
{
    private const string TwoFactorHeader = "WWW-Authenticate-2FA";

    internal static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/Auth/SignAppIn", SignAppInAsync);
        api.MapPost("/Auth/Signout", Signout);
        api.MapPost("/Auth/connect/token", TokenAsync);
        api.MapPost("/Auth/connect/revocation", RevokeAsync);
    }

    private static async Task<IResult> SignAppInAsync(HttpContext context, SignInService signIn)
    {
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var request = new SignInRequest(
            headers.Authorization.FirstOrDefault(),
            headers[RequestFacts.RunAsHeader].FirstOrDefault(),
            SessionCookie.Read(context),
            RequestFacts.Peer(context),
            headers[RequestFacts.ForwardedForHeader],
            certificate);
        var outcome = signIn.SignIn(request);
        if (outcome.Session is not null) SessionCookie.Write(context, outcome.Session.Id);
        if (outcome.ChallengePrompt is not null) context.Response.Headers[TwoFactorHeader] = outcome.ChallengePrompt;
        return outcome.StatusCode switch
        {
            StatusCodes.Status200OK => ApiResults.Json(SignAppInJson.From(outcome.User!)),
            StatusCodes.Status401Unauthorized => ApiResults.Unauthorized(),
            StatusCodes.Status403Forbidden => ApiResults.Message(StatusCodes.Status403Forbidden, outcome.RefusalText ?? "Forbidden"),
            var other => ApiResults.Message(other, "Sign-in failed"),
        };
    }

    private static IResult Signout(HttpContext context, EmulatorState state)
    {
        state.EndSession(SessionCookie.Read(context));
        SessionCookie.Clear(context);
        return Results.Ok();
    }

    private static async Task<IResult> TokenAsync(HttpContext context, OAuthTokenIssuer issuer)
    {
        if (!context.Request.HasFormContentType) return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        if (await ReadFormAsync(context) is not { } form) return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        var outcome = issuer.Issue(form["grant_type"].FirstOrDefault(), form["client_id"].FirstOrDefault(),
            form["client_secret"].FirstOrDefault(), RequestFacts.Peer(context), context.Request.Headers[RequestFacts.ForwardedForHeader]);
        if (outcome.AccessToken is null) return OAuthError(outcome.StatusCode, outcome.Error!);
        // Tokens must not be cached by anything between client and server (RFC 6749 §5.1).
        context.Response.Headers.CacheControl = "no-store";
        return ApiResults.Json(new TokenJson(outcome.AccessToken, outcome.ExpiresInSeconds, "Bearer", "publicapi"));
    }

    /// <summary>C7, shaped like RFC 7009: unknown tokens still answer 200 so the endpoint reveals nothing.</summary>
    private static async Task<IResult> RevokeAsync(HttpContext context, EmulatorState state)
    {
        if (!context.Request.HasFormContentType) return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        if (await ReadFormAsync(context) is not { } form) return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        var token = form["token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token)) return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");

        var clientId = form["client_id"].FirstOrDefault();
        EmulatorUser? client = null;
        if (!string.IsNullOrEmpty(clientId))
        {
            client = state.FindApplicationUserByClientId(clientId);
            if (client?.ClientSecret is null || !client.ClientSecret.Matches(form["client_secret"].FirstOrDefault()))
            {
                state.RecordFailedFactor(AuditKinds.TokenRejected, client?.UserName, client?.AccessPolicyId,
                    RequestFacts.Peer(context)?.ToString(), "token revocation with a wrong client id or secret");
                return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client");
            }
        }
        var stored = state.FindToken(token);
        // A client may revoke only its own tokens; another client's token is left alone, silently.
        if (stored is not null && (client is null || stored.ApplicationUserId == client.UserId)) state.RevokeToken(token);
        return Results.Ok();
    }

    /// <summary>
    /// The form, or null when the form reader refuses it (a value over its 4 MB limit, too many values): a malformed
    /// request in RFC 6749's terms, answered invalid_request like the endpoints' other refusals, not a 500.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static IResult OAuthError(int statusCode, string error) => ApiResults.Json(new OAuthErrorJson(error), statusCode);
}
