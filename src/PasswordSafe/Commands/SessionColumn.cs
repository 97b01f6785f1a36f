using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// A row's Session column as Export-Csv writes it: the text of the session an object came from
/// (<c>demo @ https://pws/BeyondTrust/api/public/v3/ (ApiKey)</c>), which PowerShell cannot bind to -Session. The open
/// session of this runspace that the text names (same user, same server) is taken for the row; with none open, the row
/// is refused rather than sent through whatever session is the default, which may be another server's.
/// </summary>
internal static class SessionColumn
{
    private static readonly Regex SessionLike = new Regex(@"^\s*\S.* @ https?://\S+ \(.+\)\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Binds the open session a row's Session text names and returns null; returns the text when no open session has it
    /// (or null when the row has no Session text to read).
    /// </summary>
    public static string? TakeOpenSession(PipelineInput input)
    {
        var parameter = input.Parameter("Session");
        if (parameter == null || input.Bound.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase) || input.BoundBeforeInput(parameter.Name))
        {
            return null;
        }

        var source = input.SourceOf(parameter);
        var bare = source?.Value is PSObject wrapped ? wrapped.BaseObject : source?.Value;
        if (!(bare is string text) || !SessionLike.IsMatch(text))
        {
            // Not a session's text: the row is refused as any value that does not convert.
            return null;
        }

        var named = SessionStore.Current.All.FirstOrDefault(s => Names(text, s));
        if (named == null)
        {
            return text;
        }

        input.Bind(parameter, named);
        return null;
    }

    public static PasswordSafeException NoOpenSession(string command, string text) =>
        new PasswordSafeException(ErrorIds.ValidationFailed,
            $"The piped row's Session column holds the text of a session, '{Shorten(text)}', as Export-Csv writes it, and no open "
            + $"session of this PowerShell session is that one, so {command} cannot tell which server and user the row is for. The row was skipped.",
            "Connect to that server as that user first (Connect-PasswordSafe), or leave the Session column out of the rows "
            + "(Select-Object -ExcludeProperty Session) to use the default session or -Session.");

    /// <summary>The text a session shows (<see cref="PasswordSafeSession.ToString"/>): its user and base URI before the method.</summary>
    private static bool Names(string text, PasswordSafeSession session) =>
        text.Trim().StartsWith($"{session.UserName ?? "?"} @ {session.BaseUri} (", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 120 ? text : text.Substring(0, 117) + "...";
}
