namespace PasswordSafe.Emulator;

/// <summary>A user's second factor (B4), used when the registration enforces MFA.</summary>
public sealed class SeedTwoFactor
{
    public TwoFactorType Type { get; set; } = TwoFactorType.None;
    public string? Prompt { get; set; }
    public string? Answer { get; set; }
    /// <summary>Push: false makes the push "denied", so sign-in fails with 401.</summary>
    public bool? PushApproved { get; set; }
}
