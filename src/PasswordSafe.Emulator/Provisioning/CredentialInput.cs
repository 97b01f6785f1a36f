namespace PasswordSafe.Emulator;

/// <summary>A <c>PUT ManagedAccounts/{id}/Credentials</c> body (api-v3 §4.2); UpdateSystem defaults to true.</summary>
internal sealed class CredentialInput
{
    internal string? Password { get; init; }
    internal string? PublicKey { get; init; }
    internal string? PrivateKey { get; init; }
    internal string? Passphrase { get; init; }
    internal bool UpdateSystem { get; init; } = true;
}
