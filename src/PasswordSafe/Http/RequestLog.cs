using System.Collections.Generic;

namespace PasswordSafe.Http;

/// <summary>
/// Collects Verbose and Debug lines while a call runs on pool threads; the cmdlet drains and writes
/// them on the pipeline thread, the only thread allowed to write to PowerShell streams.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new object();
    private readonly List<KeyValuePair<bool, string>> _lines = new List<KeyValuePair<bool, string>>();

    /// <summary>A log that drops everything (module cleanup, unit tests that do not care).</summary>
    public static RequestLog Discard => new RequestLog();

    public void Verbose(string line) => Add(true, line);

    public void Debug(string line) => Add(false, line);

    /// <summary>Returns the lines collected so far (Key true = Verbose) and forgets them.</summary>
    public IReadOnlyList<KeyValuePair<bool, string>> Drain()
    {
        lock (_gate)
        {
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
