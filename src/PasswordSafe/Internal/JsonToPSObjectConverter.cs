using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PasswordSafe.Internal;

/// <summary>
/// Turns JSON into what PowerShell users expect (like ConvertFrom-Json): PSObjects with note
/// properties, object arrays, and primitives. No JToken ever leaves: Newtonsoft stays private.
/// Dates stay strings, as the server sends them, so nothing is shifted by time-zone guessing.
/// </summary>
internal static class JsonToPSObjectConverter
{
    /// <summary>Parses and converts; throws <see cref="JsonException"/> for invalid JSON.</summary>
    public static object? Convert(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("Additional text after the JSON value.");
        }

        return ConvertToken(token);
    }

    private static object? ConvertToken(JToken token)
    {
        switch (token.Type)
        {
            case JTokenType.Object:
                var result = new PSObject();
                foreach (var property in ((JObject)token).Properties())
                {
                    var value = ConvertToken(property.Value);
                    var existing = result.Properties[property.Name];
                    if (existing != null)
                    {
                        existing.Value = value; // Names differing only in case: the last one wins, as in ConvertFrom-Json.
                    }
                    else
                    {
                        result.Properties.Add(new PSNoteProperty(property.Name, value));
                    }
                }

                return result;
            case JTokenType.Array:
                var array = (JArray)token;
                var items = new object?[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = ConvertToken(array[i]);
                }

                return items;
            case JTokenType.Integer:
                var raw = ((JValue)token).Value;
                if (raw is BigInteger big)
                {
                    return (double)big;
                }

                var number = System.Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                return number >= int.MinValue && number <= int.MaxValue ? (object)(int)number : number;
            case JTokenType.Float:
                return System.Convert.ToDouble(((JValue)token).Value, CultureInfo.InvariantCulture);
            case JTokenType.Boolean:
                return token.Value<bool>();
            case JTokenType.Null:
            case JTokenType.Undefined:
                return null;
            case JTokenType.String:
                return token.Value<string>();
            default:
                return ((JValue)token).Value?.ToString();
        }
    }
}
