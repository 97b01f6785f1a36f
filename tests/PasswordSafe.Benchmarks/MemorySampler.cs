using System;
using System.Threading;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Peak managed-heap growth during a measurement: a forced full GC sets the baseline, then a timer thread samples
/// <see cref="GC.GetTotalMemory(bool)"/> every ~5 ms. Growth includes garbage not yet collected, which is the
/// point: a listing that streams keeps it bounded, one that accumulates does not.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private const int IntervalMilliseconds = 5;

    private readonly Thread _thread;
    private readonly long _baseline;
    private readonly long _allocatedBefore;
    private readonly int _gen2Before;
    private volatile bool _stopping;
    private long _peak;
    private int _gen0Before;

    private MemorySampler()
    {
        _baseline = CollectedHeapSize();
        _peak = _baseline;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _gen2Before = GC.CollectionCount(2);
        _gen0Before = GC.CollectionCount(0);
        _thread = new Thread(Sample) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "memory sampler" };
        _thread.Start();
    }

    public static MemorySampler Start() => new();

    /// <summary>A full, blocking, compacting collection, twice (finalizers in between): the quietest heap size we can get.</summary>
    public static long CollectedHeapSize()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(false);
    }

    /// <summary>Stops sampling; returns peak growth over the baseline, bytes allocated meanwhile, gen-2 collections, and what survives a full GC.</summary>
    public MemoryUse Stop()
    {
        _stopping = true;
        _thread.Join();
        Record(GC.GetTotalMemory(false));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        var gen2 = GC.CollectionCount(2) - _gen2Before;
        var gen0 = GC.CollectionCount(0) - _gen0Before;
        return new MemoryUse(Interlocked.Read(ref _peak) - _baseline, allocated, gen2, CollectedHeapSize() - _baseline, gen0);
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Record(GC.GetTotalMemory(false));
            Thread.Sleep(IntervalMilliseconds);
        }
    }

    private void Record(long size)
    {
        long peak;
        while (size > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, size, peak) != peak)
        {
        }
    }
}
