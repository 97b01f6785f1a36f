namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// GET Aliases/{aliasId}/Credentials/{requestId} (api-v3 §4.1 alias form): the account's names and the credential;
/// only the field of the type asked for is filled, the others are null [I].
/// </summary>
internal sealed record AliasCredentialJson(
    int AliasID, string AliasName, int SystemID, string SystemName, int AccountID, string AccountName, string? DomainName,
    string? Password, string? PrivateKey, string? Passphrase);
