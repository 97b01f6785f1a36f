using System;
using System.Collections.Generic;

namespace PasswordSafe.Http;

/// <summary>
/// Keeps a path given relative to the API base under that base, so the session cookie and token never go to another
/// path of the server (the emulator's /emulator/ pages, another application on the same host). A server undoes
/// percent-encoding and may take a backslash for a slash (IIS does both) before it resolves dot segments, so
/// <c>%2e%2e/</c>, <c>..%2f</c> and <c>..\</c> climb as <c>../</c> does; all of them are counted here.
/// </summary>
internal static class ApiPath
{
    private static readonly char[] QueryStart = { '?', '#' };

    /// <summary>
    /// The path with backslashes turned into slashes and its <c>.</c> and <c>..</c> segments (encoded or not) resolved;
    /// the query is kept as given. Null when the path climbs above the base. A path with nothing to resolve is returned
    /// as given, less any leading slash.
    /// </summary>
    public static string? Normalize(string relativePath)
    {
        SplitQuery(relativePath, out var path, out var query);
        if (!MayClimb(path))
        {
            return relativePath.TrimStart('/');
        }

        if (Climbs(path))
        {
            return null;
        }

        var kept = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            var decoded = FullyDecoded(segment);
            if (segment.Length == 0 || decoded == ".")
            {
                continue;
            }

            if (decoded == "..")
            {
                // Climbs() allowed it, so there is a segment to go back over.
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        return string.Join("/", kept) + query;
    }

    /// <summary>True when the path climbs above the base however a server reads it (the check before any call is sent).</summary>
    public static bool LeavesBase(string relativePath)
    {
        SplitQuery(relativePath, out var path, out _);
        return MayClimb(path) && Climbs(path);
    }

    // Only these can make a segment climb; most paths have none of them and are left alone.
    private static bool MayClimb(string path) =>
        path.IndexOf("..", StringComparison.Ordinal) >= 0 || path.IndexOf('%') >= 0 || path.IndexOf('\\') >= 0;

    /// <summary>
    /// Walks the fully decoded path, with encoded slashes and backslashes as separators too, the strictest way a server
    /// could read it: true when a <c>..</c> would go above the base. Empty segments add no depth (servers merge them).
    /// </summary>
    private static bool Climbs(string path)
    {
        var depth = 0;
        foreach (var segment in FullyDecoded(path).Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                depth++;
            }
        }

        return false;
    }

    // Decoded until nothing changes (each pass shortens the text), so a double-encoded %252e%252e counts as .. for a
    // server that decodes twice.
    private static string FullyDecoded(string text)
    {
        while (text.IndexOf('%') >= 0)
        {
            var decoded = Uri.UnescapeDataString(text);
            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        return text;
    }

    private static void SplitQuery(string relativePath, out string path, out string query)
    {
        var start = relativePath.IndexOfAny(QueryStart);
        path = start < 0 ? relativePath : relativePath.Substring(0, start);
        query = start < 0 ? string.Empty : relativePath.Substring(start);
    }
}
