namespace PasswordSafe.Emulator;

/// <summary>Server-wide settings; immutable, swapped whole through <see cref="EmulatorState.Settings"/>.</summary>
public sealed record EmulatorSettings
{
    /// <summary>B2: sessions end after this much idle time (default 20, like the real server).</summary>
    public int SessionIdleTimeoutMinutes { get; init; } = 20;
    /// <summary>C6: lifetime of new and recycled client secrets.</summary>
    public int ClientSecretExpiryDays { get; init; } = 365;
    /// <summary>D1: false makes SignAppIn answer 403.</summary>
    public bool LicenseValid { get; init; } = true;
    /// <summary>D1: false makes every API call answer 410.</summary>
    public bool ApiEnabled { get; init; } = true;
    /// <summary>
    /// Extra time every API call waits before it is handled (0–60000 ms): a LAN or WAN server's latency, so runbook
    /// timeouts (-TimeoutSec) and the module's overhead can be judged against something realer than loopback.
    /// </summary>
    public int ResponseDelayMilliseconds { get; init; }

    /// <summary>
    /// The most items one <c>GET ManagedAccounts</c> or <c>GET ManagedSystems</c> page holds whatever <c>limit</c> asks
    /// (null: as asked): a server that caps its page size without saying so, as other vendors' servers do [I]; for trying
    /// that a client never mistakes such a page for the last one.
    /// </summary>
    public int? MaximumPageSize { get; init; }

    /// <summary>
    /// The longest secret lifetime accepted (100 years): a secret's expiry is "now" plus this, which must still be a date
    /// with the emulator clock at its limit (<see cref="EmulatorClock.MaxOffset"/>).
    /// </summary>
    public const int MaxClientSecretExpiryDays = 36_500;

    /// <summary>The largest delay the emulator accepts (one minute).</summary>
    public const int MaxResponseDelayMilliseconds = 60_000;

    /// <summary>Applies the values a seed or PUT body gives; throws ArgumentException for out-of-range values.</summary>
    public EmulatorSettings With(SeedSettings? change)
    {
        if (change is null) return this;
        if (change.SessionIdleTimeoutMinutes is < 1)
            throw new System.ArgumentException("SessionIdleTimeoutMinutes must be 1 or more.");
        if (change.ClientSecretExpiryDays is < 1 or > MaxClientSecretExpiryDays)
            throw new System.ArgumentException($"ClientSecretExpiryDays must be from 1 to {MaxClientSecretExpiryDays} (100 years).");
        if (change.ResponseDelayMilliseconds is < 0 or > MaxResponseDelayMilliseconds)
            throw new System.ArgumentException($"ResponseDelayMilliseconds must be between 0 and {MaxResponseDelayMilliseconds}.");
        if (change.MaximumPageSize is < 1)
            throw new System.ArgumentException("MaximumPageSize must be 1 or more (leave it out for no cap).");
        return this with
        {
            SessionIdleTimeoutMinutes = change.SessionIdleTimeoutMinutes ?? SessionIdleTimeoutMinutes,
            ClientSecretExpiryDays = change.ClientSecretExpiryDays ?? ClientSecretExpiryDays,
            LicenseValid = change.LicenseValid ?? LicenseValid,
            ApiEnabled = change.ApiEnabled ?? ApiEnabled,
            ResponseDelayMilliseconds = change.ResponseDelayMilliseconds ?? ResponseDelayMilliseconds,
            MaximumPageSize = change.MaximumPageSize ?? MaximumPageSize,
        };
    }
}
