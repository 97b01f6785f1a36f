using System;

namespace PasswordSafe.Benchmarks;

/// <summary>How a warm-up ended: rounds run, time taken, methods compiled in its last round, and whether the JIT settled before the time cap.</summary>
internal sealed record WarmupResult(int Rounds, TimeSpan Elapsed, long CompiledInLastRound, bool Settled)
{
    public string Describe(string roundDescription) =>
        $"{Rounds} warm-up rounds of {roundDescription} ({Elapsed.TotalSeconds:F0} s): "
        + (Settled ? $"JIT settled ({CompiledInLastRound} methods compiled in the last round)" : $"NOT settled within the cap ({CompiledInLastRound} methods compiled in the last round)");
}
