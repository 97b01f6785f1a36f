using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>GET/POST /emulator/clock: the emulator's time and how far it runs ahead of real time.</summary>
internal sealed record EmulatorClockJson(DateTimeOffset Now, TimeSpan Offset, double OffsetMinutes)
{
    internal static EmulatorClockJson From(EmulatorClock clock)
    {
        var offset = clock.Offset;
        return new EmulatorClockJson(clock.GetUtcNow(), offset, offset.TotalMinutes);
    }
}
