namespace PasswordSafe.Emulator.Http.Json;

/// <summary>The answer of POST ManagedAccounts/{id}/Credentials/Test (api-v3 §4.2).</summary>
internal sealed record CredentialTestJson(bool Success);
