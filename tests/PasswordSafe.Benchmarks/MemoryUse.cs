namespace PasswordSafe.Benchmarks;

/// <summary>
/// What <see cref="MemorySampler"/> saw: peak heap growth over a collected baseline, total allocation, full GCs, and
/// what was still alive after a forced collection at the end (growth that is garbage vs growth that is kept), and
/// gen-0 collections: allocation per gen-0 collection is the young-generation budget the runtime chose, which caps
/// how much short-lived garbage can pile up before it is collected.
/// </summary>
internal readonly record struct MemoryUse(long PeakGrowthBytes, long AllocatedBytes, int Gen2Collections, long RetainedBytes, int Gen0Collections)
{
    /// <summary>Bytes allocated per gen-0 collection (all of it when none ran).</summary>
    public long AllocatedPerGen0Collection => Gen0Collections == 0 ? AllocatedBytes : AllocatedBytes / Gen0Collections;
}
