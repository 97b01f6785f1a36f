using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// The API calls the emulator answered, newest last, for tests and runbook authors who check what a client sent and
/// how often (a cache that should spare the server a call). Keeps the latest <see cref="Capacity"/> calls, so a
/// long-running emulator does not grow without end; <see cref="Total"/> counts every call.
/// </summary>
public sealed class ApiCallLog
{
    public const int Capacity = 10_000;

    private readonly object _gate = new();
    private readonly Queue<ApiCall> _calls = new();
    private long _total;

    /// <summary>Calls answered since the emulator started, including those no longer kept.</summary>
    public long Total { get { lock (_gate) return _total; } }

    /// <summary>The kept calls, oldest first.</summary>
    public IReadOnlyList<ApiCall> All { get { lock (_gate) return _calls.ToList(); } }

    /// <summary>The calls after <paramref name="mark"/> (a <see cref="Total"/> read earlier) that are still kept.</summary>
    public IReadOnlyList<ApiCall> Since(long mark)
    {
        lock (_gate)
        {
            var skip = mark - (_total - _calls.Count);
            return _calls.Skip((int)Math.Max(0, skip)).ToList();
        }
    }

    internal void Add(ApiCall call)
    {
        lock (_gate)
        {
            _calls.Enqueue(call);
            _total++;
            if (_calls.Count > Capacity) _calls.Dequeue();
        }
    }
}
