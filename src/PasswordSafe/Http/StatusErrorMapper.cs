using System;
using System.Globalization;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>Turns an error status of an ordinary API call (not sign-in) into a <see cref="PasswordSafeApiException"/>.</summary>
internal static class StatusErrorMapper
{
    public static string ErrorIdFor(int statusCode)
    {
        switch (statusCode)
        {
            case 400: return ErrorIds.ValidationFailed;
            case 401: return ErrorIds.SessionExpired;
            case 403: return ErrorIds.PermissionDenied;
            case 404: return ErrorIds.ObjectNotFound;
            case 408: return ErrorIds.Timeout;
            case 409: return ErrorIds.Conflict;
            case 410: return ErrorIds.ApiDisabled;
            case 422: return ErrorIds.ValidationFailed;
            case 429: return ErrorIds.Throttled;
            default:
                // A 3xx is no refusal of the call's path or body: something in front of the API sent it elsewhere.
                return statusCode >= 500 ? ErrorIds.ServerError
                    : RedirectAnswer.Applies(statusCode) ? ErrorIds.InvalidServerResponse
                    : ErrorIds.ValidationFailed;
        }
    }

    public static string RecommendedActionFor(int statusCode, int? reasonCode, CallIdentity? caller = null)
    {
        switch (statusCode)
        {
            case 400: return "Check the parameters and the request body against the API reference; the server message says what it refused.";
            case 401: return "Run Connect-PasswordSafe again.";
            case 403:
                return reasonCode == 4034
                    ? "Wait until the request is approved, then retry."
                    : $"Ask a Password Safe administrator to grant {caller?.UserName ?? "the signed-in user"} the role or group permission this call needs, "
                      + "or run it with the session of a user who has it (-Session; a piped object uses the session it was read with).";
            case 404: return "Check the id or name; the object does not exist or is not visible to the signed-in user.";
            case 408: return "Retry later, or raise -TimeoutSec on Connect-PasswordSafe.";
            case 409: return "Reuse or check in the existing request, or pass a conflict option where the cmdlet offers one.";
            case 410: return "The API is disabled on the server; ask an administrator to enable it.";
            case 429: return "The server is throttling calls; wait as long as it asked (or a minute), then retry, and spread out the calls of loops and parallel runs.";
            default:
                return statusCode >= 500 ? "The server failed unexpectedly; retry later and check the server's logs."
                    : RedirectAnswer.Applies(statusCode) ? RedirectAnswer.Action
                    : "Check the call's path, method and body.";
        }
    }

    public static PasswordSafeApiException ToException(ApiResponse response)
    {
        if (RedirectAnswer.Applies(response.StatusCode))
        {
            return RedirectAnswer.ToException(response);
        }

        if (FrontEndAuthentication.ForeignScheme(response) is { } scheme)
        {
            return FrontEndAuthentication.ToException(response, scheme);
        }

        var parsed = response.Error;
        var status = response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase;
        // The server's own words as they came; a bare reason code explained, as a sentence.
        var detail = parsed.Message ?? (ReasonCodes.Describe(parsed.ReasonCode) is { } explained ? explained + "." : null);
        // A refusal says whom it refused: the session in use may not be the default one.
        var caller = response.Caller;
        var who = response.StatusCode == 403 && caller != null ? " for " + caller : string.Empty;
        var message = $"{response.Method} {response.RedactedUri} failed with {status.Trim()}{who}"
                      + (detail == null ? "." : ": " + detail)
                      // The module's own words about an HTML page end as a sentence; the server's are shown as they came.
                      + (parsed.IsHtml && detail != null && !detail.EndsWith(".", StringComparison.Ordinal) ? "." : string.Empty);
        if (response.StatusCode == 429)
        {
            message += (message.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".") + AskedWait(response.RetryAfter);
        }

        return new PasswordSafeApiException(ErrorIdFor(response.StatusCode), message,
            RecommendedActionFor(response.StatusCode, parsed.ReasonCode, caller), response.StatusCode,
            response.Method, response.RedactedUri, parsed.ReasonCode, parsed.Message).MadeBy(caller);
    }

    /// <summary>How long a throttling server asked to wait (Retry-After), as a sentence; empty when it did not say.</summary>
    internal static string AskedWait(TimeSpan? retryAfter)
    {
        if (retryAfter == null)
        {
            return " The server did not say how long to wait.";
        }

        var seconds = Math.Max(0, Math.Ceiling(retryAfter.Value.TotalSeconds));
        var shown = seconds < 120
            ? seconds.ToString("0", CultureInfo.InvariantCulture) + " s"
            : Math.Ceiling(seconds / 60).ToString("0", CultureInfo.InvariantCulture) + " min";
        return $" The server asked to wait {shown} before the next call (Retry-After).";
    }
}
