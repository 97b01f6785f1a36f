namespace PasswordSafe.Emulator;

/// <summary>The values of <see cref="AuditEntry.Kind"/>.</summary>
public static class AuditKinds
{
    public const string SignInSucceeded = "SignInSucceeded";
    public const string SignInFailed = "SignInFailed";
    public const string ChallengeIssued = "ChallengeIssued";
    public const string SignedOut = "SignedOut";
    public const string TokenIssued = "TokenIssued";
    public const string TokenRejected = "TokenRejected";
    public const string TokenRevoked = "TokenRevoked";
    public const string ApiKeyRead = "ApiKeyRead";
    public const string ApiKeyRotated = "ApiKeyRotated";
    public const string ClientSecretRecycled = "ClientSecretRecycled";
    // Checkout (E1–E4): who did what to which request or account; never a credential.
    public const string RequestCreated = "RequestCreated";
    public const string RequestReused = "RequestReused";
    public const string RequestApproved = "RequestApproved";
    public const string RequestDenied = "RequestDenied";
    public const string RequestCanceled = "RequestCanceled";
    public const string RequestCheckedIn = "RequestCheckedIn";
    public const string RequestExpired = "RequestExpired";
    public const string RotateOnCheckinSet = "RotateOnCheckinSet";
    public const string CredentialRead = "CredentialRead";
    public const string PasswordRotated = "PasswordRotated";
    public const string SessionCreated = "SessionCreated";
    public const string IsaCredentialRead = "IsaCredentialRead";
    public const string IsaSessionCreated = "IsaSessionCreated";
}
