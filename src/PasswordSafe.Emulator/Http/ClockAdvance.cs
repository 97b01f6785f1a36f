namespace PasswordSafe.Emulator.Http;

/// <summary>The body of POST /emulator/clock: how many minutes to move the emulator clock forward.</summary>
internal sealed class ClockAdvance
{
    /// <summary>
    /// Ten years a move: far beyond any expiry the API knows (secrets default to 365 days). Moves add up; the clock's own
    /// limit (<see cref="EmulatorClock.MaxOffset"/>) caps the total.
    /// </summary>
    internal const double MaxMinutes = 10 * 366 * 24 * 60;

    public double? AdvanceMinutes { get; set; }
}
