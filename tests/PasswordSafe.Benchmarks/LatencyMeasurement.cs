namespace PasswordSafe.Benchmarks;

/// <summary>Checkout-cycle latency of one side over all measured cycles, with CPU per cycle on both ends.</summary>
internal sealed record LatencyMeasurement(string Side, int Cycles, double MedianMs, double P90Ms, double MeanMs, CpuUse CpuPerCycle);
