using System;
using System.Management.Automation;

namespace PasswordSafe.Internal;

/// <summary>
/// Whether a name starts with what was typed to complete it, taken literally: "web[" starts "web[01]" (brackets are part of
/// names), and so does "web`[", the escaped form a completion inserted for a parameter that reads wildcards.
/// Case-insensitive, as the server compares names.
/// </summary>
internal static class TypedPrefix
{
    public static bool Starts(string? name, string? typed)
    {
        if (name == null)
        {
            return false;
        }

        var text = typed ?? string.Empty;
        return name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
               || (text.IndexOf('`') >= 0 && name.StartsWith(WildcardPattern.Unescape(text), StringComparison.OrdinalIgnoreCase));
    }
}
