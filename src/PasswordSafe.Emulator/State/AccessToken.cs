using System;

namespace PasswordSafe.Emulator;

/// <summary>C3: an issued bearer token, stored by the SHA-256 of its value so the state never holds usable tokens.</summary>
internal sealed class AccessToken
{
    internal AccessToken(string hash, int applicationUserId, int registrationId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Hash = hash;
        ApplicationUserId = applicationUserId;
        RegistrationId = registrationId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    internal string Hash { get; }
    internal int ApplicationUserId { get; }
    internal int RegistrationId { get; }
    internal DateTimeOffset IssuedAt { get; }
    internal DateTimeOffset ExpiresAt { get; }
    internal bool Revoked { get; set; }

    internal bool IsValidAt(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
