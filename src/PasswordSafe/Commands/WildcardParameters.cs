using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PasswordSafe.Commands;

/// <summary>
/// Which of this module's parameters read their value as a wildcard pattern: those marked [SupportsWildcards] (the help's
/// "Accept wildcard characters") or [WildcardSyntax]. A completer asks so it inserts a name there escaped
/// (<see cref="AccountCompletion.CompletionText"/>), and elsewhere as it is.
/// </summary>
internal static class WildcardParameters
{
    private static readonly Lazy<Dictionary<string, Type>> s_cmdlets = new Lazy<Dictionary<string, Type>>(() =>
        typeof(WildcardParameters).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null)
            .ToDictionary(t => t.GetCustomAttribute<CmdletAttribute>()!.VerbName + "-" + t.GetCustomAttribute<CmdletAttribute>()!.NounName,
                StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True when <paramref name="parameterName"/> (or one of its aliases) of the command takes wildcards. PowerShell passes
    /// the cmdlet's own name; a module-qualified name (<c>PasswordSafe\Get-PSUser</c>) is found too; a name this module
    /// does not know (a user's alias) takes the parameter as literal, which is what the completers did before.
    /// </summary>
    public static bool TakesWildcards(string? commandName, string? parameterName)
    {
        if (string.IsNullOrEmpty(commandName) || string.IsNullOrEmpty(parameterName))
        {
            return false;
        }

        var name = commandName!.Substring(commandName.LastIndexOf('\\') + 1);
        if (!s_cmdlets.Value.TryGetValue(name, out var cmdlet))
        {
            return false;
        }

        var property = cmdlet.GetProperties().FirstOrDefault(p => p.GetCustomAttributes<ParameterAttribute>().Any()
            && (string.Equals(p.Name, parameterName, StringComparison.OrdinalIgnoreCase)
                || p.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).Contains(parameterName, StringComparer.OrdinalIgnoreCase)));
        return property != null && Reads(property);
    }

    /// <summary>Whether the parameter reads wildcard syntax: [SupportsWildcards] or [WildcardSyntax].</summary>
    public static bool Reads(PropertyInfo property) =>
        property.GetCustomAttribute<SupportsWildcardsAttribute>() != null || property.GetCustomAttribute<WildcardSyntaxAttribute>() != null;

    /// <summary>
    /// The name as a wildcard pattern that matches only itself: <c>* ? [ ]</c> and the backtick escaped with a backtick,
    /// as WildcardPattern.Escape does on PowerShell 7 (Windows PowerShell 5.1's leaves the backtick alone).
    /// </summary>
    public static string Escape(string name)
    {
        var escaped = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '`')
            {
                escaped.Append('`');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
