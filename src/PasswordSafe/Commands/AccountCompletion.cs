using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>What the system and account name completers share: the session to ask and how to quote a name.</summary>
internal static class AccountCompletion
{
    /// <summary>The -Session already typed on the command line, else the runspace's default; null offers nothing.</summary>
    public static PasswordSafeSession? SessionFor(IDictionary? fakeBoundParameters)
    {
        var typed = fakeBoundParameters?["Session"];
        var unwrapped = typed is PSObject wrapped ? wrapped.BaseObject : typed;
        var session = unwrapped as PasswordSafeSession ?? SessionStore.Current.Default;
        return session != null && session.IsConnected ? session : null;
    }

    public static string? Bound(IDictionary? fakeBoundParameters, string name)
    {
        var value = fakeBoundParameters?[name];
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        return unwrapped as string;
    }

    /// <summary>Strips the quotes of a partly typed value.</summary>
    public static string Prefix(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

    public static IEnumerable<CompletionResult> Results(IEnumerable<string> names, string tooltip) =>
        names.Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, tooltip + name)).ToList();

    private static string Quote(string name) =>
        name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',', '&', '|' }) < 0
            ? name
            : "'" + name.Replace("'", "''") + "'";
}
