using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// The values the emulator made up for what a seed left out (API keys, client ids, client secrets), by the id of their
/// registration or user. A reset builds the seed again with these same values, so a suite that read a generated key
/// from the start banner keeps signing in with it. Secrets stay encrypted (<see cref="ProtectedSecret"/>).
/// </summary>
internal sealed class GeneratedSeedValues
{
    private readonly Dictionary<int, ProtectedSecret> _keys = new();
    private readonly Dictionary<int, string> _clientIds = new();
    private readonly Dictionary<int, ProtectedSecret> _clientSecrets = new();

    internal ProtectedSecret ApiKey(int registrationId)
    {
        if (!_keys.TryGetValue(registrationId, out var key))
        {
            key = ProtectedSecret.Protect(SecretGenerator.NewApiKey());
            _keys[registrationId] = key;
        }
        return key;
    }

    internal string ClientId(int userId)
    {
        if (!_clientIds.TryGetValue(userId, out var id))
        {
            id = SecretGenerator.NewClientId();
            _clientIds[userId] = id;
        }
        return id;
    }

    internal ProtectedSecret ClientSecret(int userId)
    {
        if (!_clientSecrets.TryGetValue(userId, out var secret))
        {
            secret = ProtectedSecret.Protect(SecretGenerator.NewClientSecret());
            _clientSecrets[userId] = secret;
        }
        return secret;
    }
}
