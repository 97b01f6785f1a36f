namespace PasswordSafe.Benchmarks;

/// <summary>
/// What <see cref="MemorySampler"/> saw: peak heap growth over a collected baseline, total allocation, full GCs, and
/// what was still alive after a forced collection at the end (growth that is garbage vs growth that is kept).
/// </summary>
internal readonly record struct MemoryUse(long PeakGrowthBytes, long AllocatedBytes, int Gen2Collections, long RetainedBytes);
