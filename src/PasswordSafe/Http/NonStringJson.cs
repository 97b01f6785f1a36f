using System.IO;
using Newtonsoft.Json;

namespace PasswordSafe.Http;

/// <summary>
/// Whether a body is a whole JSON value other than a string: <c>null</c>, <c>true</c>, a number. Under a JSON
/// content type such a body is the server's JSON, not a secret written as bare text, so a reader expecting a secret
/// (a JSON string) must refuse it rather than hand on "null" as a password or a key.
/// </summary>
internal static class NonStringJson
{
    public static bool IsScalar(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            if (!reader.Read())
            {
                return false;
            }

            var scalar = reader.TokenType == JsonToken.Null || reader.TokenType == JsonToken.Boolean
                || reader.TokenType == JsonToken.Integer || reader.TokenType == JsonToken.Float || reader.TokenType == JsonToken.Undefined;
            return scalar && !reader.Read();
        }
        catch (JsonException)
        {
            // Not JSON at all: text a server sent unquoted, which readers still take as it is.
            return false;
        }
    }

    public static bool IsJsonMediaType(string? mediaType) =>
        mediaType != null && (mediaType.Equals("application/json", System.StringComparison.OrdinalIgnoreCase)
                              || mediaType.EndsWith("+json", System.StringComparison.OrdinalIgnoreCase));
}
