namespace PasswordSafe.Emulator;

/// <summary>B4: the style of a user's second factor.</summary>
public enum TwoFactorType
{
    None,
    /// <summary>Approved out of band: the first sign-in succeeds (or fails when the push is denied).</summary>
    Push,
    /// <summary>First sign-in gets 401 + WWW-Authenticate-2FA; the second sends challenge=answer on the same cookie.</summary>
    Challenge,
}
