namespace PasswordSafe.Internal;

/// <summary>
/// The stable error ids of ARCHITECTURE.md ("Error ids"). Scripts match on them
/// (<c>FullyQualifiedErrorId</c>), so they never change once shipped.
/// </summary>
internal static class ErrorIds
{
    public const string NotConnected = "NotConnected";
    public const string InvalidUri = "InvalidUri";
    public const string HttpsRequired = "HttpsRequired";
    public const string InvalidApiKey = "InvalidApiKey";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string ApiKeyRejected = "ApiKeyRejected";
    public const string SessionExpired = "SessionExpired";
    public const string TwoFactorRequired = "TwoFactorRequired";
    public const string TwoFactorFailed = "TwoFactorFailed";
    public const string OAuthClientRejected = "OAuthClientRejected";
    public const string LicenseInvalid = "LicenseInvalid";
    public const string PermissionDenied = "PermissionDenied";
    public const string ApiDisabled = "ApiDisabled";
    public const string ObjectNotFound = "ObjectNotFound";
    public const string ValidationFailed = "ValidationFailed";
    public const string Conflict = "Conflict";
    public const string ServerError = "ServerError";
    public const string InvalidServerResponse = "InvalidServerResponse";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string ServerCertificateUntrusted = "ServerCertificateUntrusted";
    public const string Timeout = "Timeout";
    public const string CertificateNotFound = "CertificateNotFound";

    // 429: the server (or a gateway in front of it) limits the call rate.
    public const string Throttled = "Throttled";

    // A piped record the cmdlet can use nothing of (only its session), which would otherwise run as if nothing were piped.
    public const string InputNotUsable = "InputNotUsable";

    // Checkout (issue 3, spec E1–E4).
    public const string AccountNotFound = "AccountNotFound";
    public const string AmbiguousAccount = "AmbiguousAccount";
    public const string RequestNotFound = "RequestNotFound";
    public const string RequestNotApproved = "RequestNotApproved";
    public const string RequestNotActive = "RequestNotActive";
    public const string OutFileRequired = "OutFileRequired";
    public const string AliasNotFound = "AliasNotFound";
    public const string CheckInFailed = "CheckInFailed";

    // Import-Module on a PowerShell the module cannot run on (PowerShell 7.0/7.1: see RuntimeRequirement).
    public const string UnsupportedPowerShell = "UnsupportedPowerShell";
}
