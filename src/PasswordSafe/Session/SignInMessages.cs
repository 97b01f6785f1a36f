using System;

namespace PasswordSafe.Session;

/// <summary>The long sign-in failure texts: they name D1's causes and where the exact reason is recorded (D2).</summary>
internal static class SignInMessages
{
    public static string AuditHint(Uri baseUri)
    {
        var root = new UriBuilder(baseUri.Scheme, baseUri.Host, baseUri.Port).Uri;
        return "The BeyondInsight user audit (Configuration > User Audits) records the exact reason; "
            + $"on the emulator: {new Uri(root, "emulator/audit")}.";
    }

    public static string ApiKeyRefused(Uri baseUri, string? runAs) =>
        $"Sign-in to {baseUri.Host} as '{runAs}' was refused (401). Possible causes: the API key is wrong or was rotated; "
        + $"'{runAs}' is not allowed to use this API registration (none of its groups lists it); the run-as password is wrong, "
        + "or missing while the registration requires it; this machine's address (or its X-Forwarded-For header) does not match "
        + "the registration's IP rules; the registration requires a client certificate and none, or an untrusted one, was sent; "
        + "a two-factor check failed. " + AuditHint(baseUri);

    public static string OAuthSignInRefused(Uri baseUri, string? runAs) =>
        $"Sign-in to {baseUri.Host} with the access token was refused (401). Possible causes: the application user is not in a group "
        + "that grants its API access policy registration; this machine's address does not match the registration's IP rules"
        + (runAs == null ? string.Empty : $"; '{runAs}' was removed or disabled, or cannot be impersonated (it must share a group with the application user)")
        + "; the token was revoked. " + AuditHint(baseUri);

    /// <summary>
    /// A working key session that the server ended and then refused to sign in again (A6, D1). The server does not say
    /// why (D2), so the message names every likely cause instead of guessing one.
    /// </summary>
    public static string ApiKeyRenewalRefused(Uri baseUri, string? runAs) =>
        $"The session with {baseUri.Host} ended and signing in again as '{runAs}' was refused (401). Likely causes: '{runAs}' was "
        + "removed, disabled or quarantined, or is no longer in a group that grants this API registration; the API key was rotated, "
        + "or the registration was deactivated or deleted; the registration's rules no longer admit this sign-in (source address or "
        + "X-Forwarded-For rules, client certificate), or the run-as password it requires is now wrong (changed since). " + AuditHint(baseUri);

    public const string ApiKeyRejectedAction =
        "Fix the cause the user audit names (after a key rotation, use the current key), then run Connect-PasswordSafe again; until then this session stays disconnected.";

    public const string ReconnectAction = "Run Connect-PasswordSafe again.";
}
