namespace PasswordSafe.Emulator;

/// <summary>Server-wide settings in a seed or a PUT /emulator/settings body; absent values keep their default.</summary>
public sealed class SeedSettings
{
    public int? SessionIdleTimeoutMinutes { get; set; }
    public int? ClientSecretExpiryDays { get; set; }
    public bool? LicenseValid { get; set; }
    public bool? ApiEnabled { get; set; }
    public int? ResponseDelayMilliseconds { get; set; }
    public int? MaximumPageSize { get; set; }
}
