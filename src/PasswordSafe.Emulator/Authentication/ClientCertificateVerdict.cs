namespace PasswordSafe.Emulator.Authentication;

/// <summary>B5: what the client certificate check concluded.</summary>
internal enum ClientCertificateVerdict
{
    Accepted,
    /// <summary>Required but none presented: 401.</summary>
    Missing,
    /// <summary>Presented but not issued by the trusted authority: 403.</summary>
    Untrusted,
}
