namespace PasswordSafe.Benchmarks;

/// <summary>Checkout-cycle latency of one side over all measured cycles, with CPU per cycle on both ends and the methods JIT-compiled meanwhile (any process-wide).</summary>
internal sealed record LatencyMeasurement(string Side, int Cycles, double MedianMs, double P90Ms, double MeanMs, CpuUse CpuPerCycle, long JitCompiled);
