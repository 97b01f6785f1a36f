using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A cookie session (B2). Pending sessions only wait for a challenge answer (B4) and grant no API access.
/// Key sessions die when their registration's key is rotated (A6); token sessions die with the token (C3, C7).
/// </summary>
internal sealed class ApiSession
{
    internal ApiSession(string id, int userId, int? registrationId, int keyGeneration, string? accessTokenHash,
        bool pendingChallenge, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        RegistrationId = registrationId;
        KeyGeneration = keyGeneration;
        AccessTokenHash = accessTokenHash;
        PendingChallenge = pendingChallenge;
        StartedAt = now;
        LastActivityAt = now;
    }

    internal string Id { get; }
    internal int UserId { get; }
    internal int? RegistrationId { get; }
    internal int KeyGeneration { get; }
    internal string? AccessTokenHash { get; }
    internal bool PendingChallenge { get; }
    internal DateTimeOffset StartedAt { get; }
    internal DateTimeOffset LastActivityAt { get; set; }
}
