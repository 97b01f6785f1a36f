using System;
using System.Net.Http;
using System.Text;

namespace PasswordSafe.Http;

/// <summary>
/// How an answer's body is decoded. JSON is UTF-8 (RFC 8259) and nearly every server says so or says nothing: that
/// case costs a string comparison and no encoding lookup. A server (or a proxy re-encoding it) that declares another
/// charset is honoured on every path, buffered or streamed; a byte order mark wins over the declared charset, as it is
/// the stronger evidence; a charset no encoding is known by (<c>charset=klingon</c>) is read as UTF-8, the encoding
/// JSON is meant to have, instead of failing the call.
/// </summary>
internal static class BodyEncoding
{
    /// <summary>The declared charset's encoding, or null for UTF-8 (declared, absent, or unknown).</summary>
    public static Encoding? DeclaredOtherThanUtf8(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', '\'', ' ');
        if (string.IsNullOrEmpty(charset)
            || charset!.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            // Looks the name up through every registered provider (PowerShell registers the code pages one).
            var encoding = Encoding.GetEncoding(charset);
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The text of a whole body: its byte order mark's encoding, else the declared one, else UTF-8.</summary>
    public static string Decode(byte[] bytes, Encoding? declared)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            && !(declared is UTF32Encoding))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        return (declared ?? Encoding.UTF8).GetString(bytes);
    }
}
