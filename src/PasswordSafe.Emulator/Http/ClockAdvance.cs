namespace PasswordSafe.Emulator.Http;

/// <summary>The body of POST /emulator/clock: how many minutes to move the emulator clock forward.</summary>
internal sealed class ClockAdvance
{
    /// <summary>Ten years: far beyond any expiry the API knows (secrets default to 365 days), short of overflow.</summary>
    internal const double MaxMinutes = 10 * 366 * 24 * 60;

    public double? AdvanceMinutes { get; set; }
}
