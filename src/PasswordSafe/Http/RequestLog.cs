using System;
using System.Collections.Generic;
using System.Threading;

namespace PasswordSafe.Http;

/// <summary>
/// Collects Verbose and Debug lines while a call runs on pool threads; the cmdlet drains and writes
/// them on the pipeline thread, the only thread allowed to write to PowerShell streams.
/// A stream nobody will see is switched off, and then its text is never built: the Debug text of a
/// listing page means redacting half a megabyte of JSON, which cost more than the listing itself.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new object();
    private readonly List<KeyValuePair<bool, string>> _lines = new List<KeyValuePair<bool, string>>();
    private int _changedState;
    private System.Management.Automation.ProgressRecord? _progress;

    /// <summary>A log with both streams on (unit tests, and callers that decide later what to show).</summary>
    public RequestLog()
        : this(verboseEnabled: true, debugEnabled: true)
    {
    }

    public RequestLog(bool verboseEnabled, bool debugEnabled)
    {
        VerboseEnabled = verboseEnabled;
        DebugEnabled = debugEnabled;
    }

    /// <summary>A log that drops everything and builds no text (module cleanup, background cache fills).</summary>
    public static RequestLog Discard => new RequestLog(verboseEnabled: false, debugEnabled: false);

    /// <summary>False when Verbose lines would be thrown away: callers then skip building them.</summary>
    public bool VerboseEnabled { get; }

    /// <summary>False when Debug lines would be thrown away: the redacted header and body text is then not built at all.</summary>
    public bool DebugEnabled { get; }

    public void Verbose(string line)
    {
        if (VerboseEnabled)
        {
            Add(true, line);
        }
    }

    /// <summary>Builds the line only when Verbose is on (the text often needs a redacted URI).</summary>
    public void Verbose(Func<string> line)
    {
        if (VerboseEnabled)
        {
            Add(true, line());
        }
    }

    public void Debug(string line)
    {
        if (DebugEnabled)
        {
            Add(false, line);
        }
    }

    /// <summary>
    /// True once a call logged here changed something on the server (a POST, PUT, DELETE or PATCH answered with
    /// success), whether or not either stream is on: the cmdlet then must not lose the result to a failing log write.
    /// </summary>
    public bool ChangedState => Volatile.Read(ref _changedState) != 0;

    public void NoteStateChange() => Volatile.Write(ref _changedState, 1);

    /// <summary>
    /// For a call that waits long on purpose (an approval): the latest state of its wait, which the waiting pipeline
    /// thread shows as progress (<see cref="TakeProgress"/>); a newer one replaces one not yet shown.
    /// </summary>
    public void Progress(System.Management.Automation.ProgressRecord record) => Interlocked.Exchange(ref _progress, record);

    /// <summary>The progress posted since the last look, or null; forgets it.</summary>
    public System.Management.Automation.ProgressRecord? TakeProgress() => Interlocked.Exchange(ref _progress, null);

    /// <summary>Returns the lines collected so far (Key true = Verbose) and forgets them.</summary>
    public IReadOnlyList<KeyValuePair<bool, string>> Drain()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return Array.Empty<KeyValuePair<bool, string>>();
            }

            var copy = _lines.ToArray();
            _lines.Clear();
            return copy;
        }
    }

    private void Add(bool isVerbose, string line)
    {
        lock (_gate)
        {
            _lines.Add(new KeyValuePair<bool, string>(isVerbose, line));
        }
    }
}
