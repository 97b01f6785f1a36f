namespace PasswordSafe.Internal;

/// <summary>
/// The start of a text for a shortened preview in messages and logs. It never ends in half of a character made of two
/// UTF-16 units (emoji, rare CJK): half of one is not valid text, shows as a replacement mark, and strict UTF-8 log
/// writers reject it.
/// </summary>
internal static class TextPreview
{
    /// <summary>The first <paramref name="length"/> UTF-16 units of <paramref name="text"/>, one fewer when the last would be the first half of a pair.</summary>
    public static string Prefix(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]))
        {
            length--;
        }

        return text.Substring(0, length);
    }
}
