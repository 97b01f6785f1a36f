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
        + (runAs == null ? string.Empty : $"; '{runAs}' cannot be impersonated (it must share a group with the application user)")
        + "; the token was revoked. " + AuditHint(baseUri);

    public const string ApiKeyRejectedAction =
        "The API key may have been rotated or is wrong: run Connect-PasswordSafe again with the current key.";

    public const string ReconnectAction = "Run Connect-PasswordSafe again.";
}
