using System.Diagnostics;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Counts items as they are consumed and keeps only timestamps, never the items, so it measures streaming
/// without holding the listing in memory. Shared by the plain loop and the PowerShell sink.
/// </summary>
public sealed class StreamProbe
{
    private readonly int _pageSize;

    public StreamProbe(int pageSize) => _pageSize = pageSize;

    /// <summary>Items seen; one pipeline (or loop) writes it, the benchmark reads it afterwards.</summary>
    public long Count { get; private set; }

    /// <summary>Stopwatch timestamp of the first item; 0 until one arrives.</summary>
    public long FirstItemTimestamp { get; private set; }

    /// <summary>Stopwatch timestamp of the first item of the most recent page: for the last page, an upper bound of its arrival.</summary>
    public long PageStartTimestamp { get; private set; }

    /// <summary>When the plain loop finished reading the last page's body (the cmdlet side leaves it 0).</summary>
    public long LastPageReceivedTimestamp { get; set; }

    public void Observe()
    {
        var index = Count;
        if (index % _pageSize == 0)
        {
            var now = Stopwatch.GetTimestamp();
            if (index == 0) FirstItemTimestamp = now;
            PageStartTimestamp = now;
        }

        Count = index + 1;
    }
}
