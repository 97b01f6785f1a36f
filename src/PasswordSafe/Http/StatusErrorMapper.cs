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
            default:
                return statusCode >= 500 || statusCode == 429 ? ErrorIds.ServerError : ErrorIds.ValidationFailed;
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
            case 429: return "The server is throttling calls; wait and retry.";
            default:
                return statusCode >= 500
                    ? "The server failed unexpectedly; retry later and check the server's logs."
                    : "Check the call's path, method and body.";
        }
    }

    public static PasswordSafeApiException ToException(ApiResponse response)
    {
        var parsed = response.Error;
        var status = response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase;
        // The server's own words as they came; a bare reason code explained, as a sentence.
        var detail = parsed.Message ?? (ReasonCodes.Describe(parsed.ReasonCode) is { } explained ? explained + "." : null);
        // A refusal says whom it refused: the session in use may not be the default one.
        var caller = response.Caller;
        var who = response.StatusCode == 403 && caller != null ? " for " + caller : string.Empty;
        var message = $"{response.Method} {response.RedactedUri} failed with {status.Trim()}{who}"
                      + (detail == null ? "." : ": " + detail);
        return new PasswordSafeApiException(ErrorIdFor(response.StatusCode), message,
            RecommendedActionFor(response.StatusCode, parsed.ReasonCode, caller), response.StatusCode,
            response.Method, response.RedactedUri, parsed.ReasonCode, parsed.Message).MadeBy(caller);
    }
}
