namespace PasswordSafe.Benchmarks;

/// <summary>CPU milliseconds spent by the benchmark process (the side being measured) and by the emulator.</summary>
internal readonly record struct CpuUse(double ClientMs, double EmulatorMs)
{
    public static CpuUse operator +(CpuUse a, CpuUse b) => new(a.ClientMs + b.ClientMs, a.EmulatorMs + b.EmulatorMs);

    public CpuUse Per(double count) => new(ClientMs / count, EmulatorMs / count);
}
