using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PasswordSafe.Emulator.Http;

/// <summary>Wires the emulated API under both base paths (B3) plus the control endpoints. Routing ignores case (§0).</summary>
internal static class ApiRoutes
{
    internal static void MapEmulator(this WebApplication app, DateTimeOffset startedAt)
    {
        foreach (var prefix in new[] { ApiPaths.Current, ApiPaths.Legacy })
        {
            var api = app.MapGroup(prefix);
            AuthEndpoints.Map(api);
            var signedIn = api.MapGroup(string.Empty).AddEndpointFilter<SessionRequiredFilter>().AddEndpointFilter<CallRefusalFilter>()
                .AddEndpointFilter<LateAnswerFilter>();
            // Administration (A1–A7, C2, C5, C6, E5): each group of endpoints names the feature permission it needs.
            UserEndpoints.Map(signedIn);
            UserGroupEndpoints.Map(signedIn);
            RoleEndpoints.Map(signedIn);
            ApiRegistrationEndpoints.Map(signedIn);
            WorkgroupEndpoints.Map(signedIn);
            AssetEndpoints.Map(signedIn);
            ManagedSystemEndpoints.Map(signedIn);
            ProvisionedAccountEndpoints.Map(signedIn);
            CredentialEndpoints.Map(signedIn);
            SmartRuleEndpoints.Map(signedIn);
            ManagedAccountEndpoints.Map(signedIn);
            RequestEndpoints.Map(signedIn);
            RequestSetEndpoints.Map(signedIn);
            AliasEndpoints.Map(signedIn);
            IsaEndpoints.Map(signedIn);
            SessionEndpoints.Map(signedIn);
            AdminSessionEndpoints.Map(signedIn);
            QuarantineEndpoints.Map(signedIn);
        }
        ControlEndpoints.Map(app, startedAt);
    }

    internal const string UnknownResource = "The requested API resource was not found";

    private static string UnknownControlResource(HttpContext context) =>
        $"The emulator has no control endpoint {context.Request.Path}. GET /emulator/status shows the emulator is running; the others are " +
        "/emulator/audit, calls, clock, late-answers, notifications, refusals, requests, reset, sessions/{id}/connect or logoff, " +
        "and settings (the emulator's README says what each takes).";

    private static string ControlMethodNotAllowed(HttpContext context)
    {
        var allowed = context.Response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal);
        return $"The emulator control endpoint {context.Request.Path} does not support http method '{context.Request.Method}'; " +
            $"it takes {string.Join(" or ", allowed)}.";
    }

    private static string UnreadableRequestReason(HttpContext context, BadHttpRequestException e)
    {
        if (e.StatusCode != StatusCodes.Status413PayloadTooLarge) return $"The request could not be read: {e.Message}";
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is long bytes
            ? $"The request body is too large: the server reads at most {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes."
            : "The request body is too large.";
    }

    /// <summary>
    /// Routing's endpoint for a path that exists under other methods only. A real server (ASP.NET Web API) answers 405 with
    /// an Allow header there [I: api-v3 documents 405 only for the PRA configuration API; Web API's own rule].
    /// </summary>
    private static bool IsMethodNotAllowed(Endpoint? endpoint) =>
        endpoint is not null && string.Equals(endpoint.DisplayName, "405 HTTP Method Not Supported", StringComparison.Ordinal);

    /// <summary>
    /// D1: API disabled → 410 on every API call; a request Kestrel will not read (a body over its size limit) → its own
    /// status (413) with the reason; unexpected failures → 500 without internals. The configured
    /// response delay (a realistic server's latency) is spent first, on API calls only, never on /emulator. Every API
    /// call answered goes to the call log (<see cref="EmulatorState.ApiCalls"/>).
    /// </summary>
    internal static void UseEmulatorGuards(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var state = context.RequestServices.GetRequiredService<EmulatorState>();
            var isApi = ApiPaths.IsApi(context.Request.Path);
            if (isApi)
            {
                // Logged as the answer starts, before the client can read it, so a test that looks right after a call sees it.
                context.Response.OnStarting(() =>
                {
                    state.ApiCalls.Add(ApiPaths.CallOf(context, state.Clock.GetUtcNow()));
                    return Task.CompletedTask;
                });
            }

            if (isApi && state.Settings.ResponseDelayMilliseconds > 0)
            {
                await Task.Delay(state.Settings.ResponseDelayMilliseconds, context.RequestAborted);
            }

            if (isApi && !state.Settings.ApiEnabled)
            {
                await ApiResults.Message(StatusCodes.Status410Gone, "The Password Safe API is disabled").ExecuteAsync(context);
                return;
            }
            // D1: a path no endpoint has is a 404 with the reason; a path whose endpoints take other methods a 405 [I].
            // The control endpoints answer the same way, in their own words, so a typo there is never an empty answer.
            var isControl = context.Request.Path.StartsWithSegments(ApiPaths.Control, StringComparison.OrdinalIgnoreCase);
            if ((isApi || isControl) && context.GetEndpoint() is null)
            {
                await ApiResults.NotFound(isApi ? UnknownResource : UnknownControlResource(context)).ExecuteAsync(context);
                return;
            }
            if ((isApi || isControl) && IsMethodNotAllowed(context.GetEndpoint()))
            {
                await next(context);  // routing's own 405 endpoint: the status and the Allow header
                if (!context.Response.HasStarted)
                {
                    await ApiResults.Message(StatusCodes.Status405MethodNotAllowed, isApi
                        ? $"The requested resource does not support http method '{context.Request.Method}'."
                        : ControlMethodNotAllowed(context)).ExecuteAsync(context);
                }
                return;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                // Kestrel would not read the request (a body over its size limit: 413); a refusal with its own status, not a 500.
                context.Response.Clear();
                await ApiResults.Message(e.StatusCode, UnreadableRequestReason(context, e)).ExecuteAsync(context);
            }
            catch (Exception) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ApiResults.Message(StatusCodes.Status500InternalServerError, "An unexpected error occurred").ExecuteAsync(context);
            }
        });
    }
}
