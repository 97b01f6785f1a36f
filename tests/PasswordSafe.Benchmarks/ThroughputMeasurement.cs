namespace PasswordSafe.Benchmarks;

/// <summary>Parallel checkouts of one side: how many, how long, checkouts per second, CPU per checkout (medians over repeats).</summary>
internal sealed record ThroughputMeasurement(string Side, int Checkouts, int Workers, double WallMs, double PerSecond, CpuUse CpuPerCheckout);
