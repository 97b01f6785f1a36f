using System.Management.Automation;

namespace PasswordSafe.Checkout;

/// <summary>
/// A system or account name as the user typed it. The API matches names exactly and takes no wildcards, so a name
/// with wildcards is not sent: each listed account is matched against it here instead (case-insensitive, as the server
/// compares names). A name without wildcards is sent as is, with PowerShell's backtick escapes removed.
/// </summary>
internal sealed class NameWildcard
{
    private readonly WildcardPattern? _pattern;

    private NameWildcard(string text)
    {
        Text = text;
        if (WildcardPattern.ContainsWildcardCharacters(text))
        {
            _pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        }
        else
        {
            Exact = WildcardPattern.Unescape(text);
        }
    }

    /// <summary>The name as typed, for messages.</summary>
    public string Text { get; }

    /// <summary>The name the server is asked for; null when the name has wildcards.</summary>
    public string? Exact { get; }

    public bool HasWildcards => _pattern != null;

    /// <summary>Null for no name (not filtered).</summary>
    public static NameWildcard? From(string? text) => string.IsNullOrEmpty(text) ? null : new NameWildcard(text!);

    public bool IsMatch(string? name) => name != null && (_pattern?.IsMatch(name) ?? string.Equals(name, Exact, System.StringComparison.OrdinalIgnoreCase));
}
