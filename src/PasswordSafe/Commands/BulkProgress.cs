using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// Progress for a cmdlet that acts on items arriving through the pipeline (check in, approve, request…). The total
/// is unknown while items still arrive, so it says how many are done and which one is current. It appears only once
/// the run has taken a second, so a handful of items never flashes a bar, and changes at most four times a second.
/// Descriptions name accounts, never request ids (those are masked like in URLs).
/// </summary>
internal sealed class BulkProgress
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan UpdateEvery = TimeSpan.FromMilliseconds(250);

    private readonly int _activityId;
    private readonly string _activity;
    private readonly Action<ProgressRecord> _write;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastShown;
    private int _done;
    private bool _shown;

    /// <param name="write">The cmdlet's WriteProgress (called on the pipeline thread only).</param>
    public BulkProgress(int activityId, string activity, Action<ProgressRecord> write)
    {
        _activityId = activityId;
        _activity = activity;
        _write = write;
    }

    /// <summary>Before an item: shows it as current, unless the run is still short or the last update recent.</summary>
    public void Starting(string current)
    {
        var elapsed = _watch.Elapsed;
        if (elapsed < ShowAfter || (_shown && elapsed - _lastShown < UpdateEvery))
        {
            return;
        }

        _shown = true;
        _lastShown = elapsed;
        _write(new ProgressRecord(_activityId, _activity, Status()) { CurrentOperation = current });
    }

    /// <summary>After an item, whether it succeeded or not.</summary>
    public void Finished() => _done++;

    /// <summary>At the end: removes the bar, if one was shown.</summary>
    public void Complete()
    {
        if (_shown)
        {
            _write(new ProgressRecord(_activityId, _activity, Status()) { RecordType = ProgressRecordType.Completed });
        }
    }

    private string Status() => _done.ToString("N0", CultureInfo.CurrentCulture) + (_done == 1 ? " done" : " done so far");
}
