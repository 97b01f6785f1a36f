namespace PasswordSafe.Checkout;

/// <summary><c>GET Aliases/{id}/Credentials/{requestId}</c> (api-v3 §4.1 alias form): the account's names and the secret asked for.</summary>
internal sealed class AliasCredential
{
    public string Secret { get; set; } = string.Empty;

    public string? SystemName { get; set; }

    public string? AccountName { get; set; }

    public string? DomainName { get; set; }
}
