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
}
