using System.Collections.Generic;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// The body of <c>PUT ManagedAccounts/{id}/Credentials</c> (api-v3 §4.2): no password means the server generates
/// one; a private key needs its public key when the system is updated; UpdateSystem defaults to true.
/// </summary>
internal static class CredentialBody
{
    public static string Build(string? password, string? publicKey, string? privateKey, string? passphrase, bool updateSystem)
    {
        if (!string.IsNullOrEmpty(privateKey) && string.IsNullOrWhiteSpace(publicKey) && updateSystem)
        {
            throw AdminErrors.Invalid("-PrivateKey needs -PublicKey when the system is updated (api-v3 section 4.2).",
                "Pass the matching -PublicKey, or -UpdateSystem $false to store the key in Password Safe only.");
        }

        if (!string.IsNullOrEmpty(passphrase) && string.IsNullOrEmpty(privateKey))
        {
            throw AdminErrors.Invalid("-Passphrase protects a private key, but no -PrivateKey was given.", "Pass -PrivateKey with -Passphrase.");
        }

        var body = new Dictionary<string, object?>();
        if (password != null)
        {
            body["Password"] = password;
        }

        if (!string.IsNullOrWhiteSpace(publicKey))
        {
            body["PublicKey"] = publicKey;
        }

        if (!string.IsNullOrEmpty(privateKey))
        {
            body["PrivateKey"] = privateKey;
        }

        if (!string.IsNullOrEmpty(passphrase))
        {
            body["Passphrase"] = passphrase;
        }

        body["UpdateSystem"] = updateSystem;
        return JsonBodySerializer.Serialize(body);
    }
}
