namespace PasswordSafe.Benchmarks;

/// <summary>One listing run: items seen, wall time, first object and last page (ms from the start), memory, CPU.</summary>
internal sealed record ListingMeasurement(string Side, long Items, double WallMs, double FirstObjectMs, double LastPageMs, MemoryUse Memory, CpuUse Cpu);
