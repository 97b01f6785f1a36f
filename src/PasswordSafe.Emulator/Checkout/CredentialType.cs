namespace PasswordSafe.Emulator;

/// <summary>The <c>type</c> query of GET Credentials and POST ISARequests (api-v3 §4.1, §5.2).</summary>
internal enum CredentialType
{
    Password,
    DssKey,
    Passphrase,
}
