using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Reads admin answers (api-v3 §2.2, §6) into the public models by property name, without regard to case
/// (the server mixes <c>UserID</c>, <c>DnsName</c>/<c>DNSName</c>…), using <see cref="WireNameAttribute"/> where a
/// model renames a key. Unknown keys (among them <c>ClientSecret</c>, which no model has) are ignored.
/// </summary>
internal static class AdminJson
{
    public static JToken Parse(ApiResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return JValue.CreateNull();
        }

        if (ErrorBodyParser.LooksLikeHtml(response.Body))
        {
            throw Unexpected(response, "JSON", "an HTML page");
        }

        try
        {
            // Dates stay text here and are parsed per property, so no local-time conversion sneaks in.
            using var reader = new JsonTextReader(new StringReader(response.Body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            throw Unexpected(response, "JSON", "a body that is not valid JSON");
        }
    }

    /// <summary>
    /// A JSON string (the key of <c>GET ApiRegistrations/{id}/Key</c> and of its rotation); a bare text body is accepted
    /// as well, but never an empty one, nor under a JSON content type JSON that is not a string (<c>null</c> is no key).
    /// </summary>
    public static string ReadString(ApiResponse response)
    {
        var body = response.Body.Trim();
        if (body.StartsWith("\"", StringComparison.Ordinal))
        {
            var token = Parse(response);
            if (token.Type == JTokenType.String)
            {
                return token.Value<string>() ?? string.Empty;
            }
        }

        if (body.Length == 0)
        {
            throw NoSecretIn(response, "an empty body");
        }

        if (NonStringJson.IsJsonMediaType(response.ContentType) && NonStringJson.IsScalar(body))
        {
            throw NoSecretIn(response, "JSON that is not a string");
        }

        if (body.StartsWith("{", StringComparison.Ordinal) || body.StartsWith("[", StringComparison.Ordinal) || ErrorBodyParser.LooksLikeHtml(body))
        {
            throw NoSecretIn(response, "something else");
        }

        return body;
    }

    public static T ReadObject<T>(ApiResponse response, PasswordSafeSession? session) where T : class, new()
    {
        var token = Parse(response);
        if (token is JObject item)
        {
            return ToModel<T>(item, session);
        }

        if (token is JArray array && array.Count == 1 && array[0] is JObject only)
        {
            return ToModel<T>(only, session);
        }

        throw Unexpected(response, "a JSON object", token.Type.ToString().ToLowerInvariant());
    }

    /// <summary>An array, a <c>{TotalCount, Data}</c> envelope (§0), a single object, or nothing.</summary>
    public static IReadOnlyList<T> ReadList<T>(ApiResponse response, PasswordSafeSession? session) where T : class, new() =>
        ReadPage<T>(response, session).Items;

    /// <summary>As <see cref="ReadList{T}"/>, keeping the envelope's <c>TotalCount</c> when there is one.</summary>
    public static ListPage<T> ReadPage<T>(ApiResponse response, PasswordSafeSession? session) where T : class, new()
    {
        var token = Parse(response);
        long? total = null;
        if (token is JObject envelope && Property(envelope, "Data") is JArray data)
        {
            total = Property(envelope, "TotalCount") is JValue { Type: JTokenType.Integer } count ? count.Value<long>() : null;
            token = data;
        }

        return new ListPage<T>(ReadItems<T>(response, token, session), total);
    }

    private static IReadOnlyList<T> ReadItems<T>(ApiResponse response, JToken token, PasswordSafeSession? session) where T : class, new()
    {
        switch (token)
        {
            case JArray array:
                return array.OfType<JObject>().Select(o => ToModel<T>(o, session)).ToList();
            case JObject single:
                return new[] { ToModel<T>(single, session) };
            default:
                if (token.Type == JTokenType.Null)
                {
                    return new T[0];
                }

                throw Unexpected(response, "a JSON array", token.Type.ToString().ToLowerInvariant());
        }
    }

    public static T ToModel<T>(JObject json, PasswordSafeSession? session) where T : class, new() =>
        (T)ToModel(typeof(T), json, session);

    public static JToken? Property(JObject json, string name) =>
        json.Properties().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static object ToModel(Type type, JObject json, PasswordSafeSession? session)
    {
        var model = Activator.CreateInstance(type, nonPublic: true)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.GetSetMethod(nonPublic: true);
            if (setter == null)
            {
                continue;
            }

            if (property.PropertyType == typeof(PasswordSafeSession))
            {
                property.SetValue(model, session);
                continue;
            }

            var wireName = property.GetCustomAttribute<WireNameAttribute>()?.Name ?? property.Name;
            var token = Property(json, wireName);
            if (token == null || token.Type == JTokenType.Null)
            {
                continue;
            }

            var value = Convert(token, property.PropertyType, session);
            if (value != null)
            {
                property.SetValue(model, value);
            }
        }

        return model;
    }

    private static object? Convert(JToken token, Type target, PasswordSafeSession? session)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            if (type == typeof(string))
            {
                return token.Type == JTokenType.Object || token.Type == JTokenType.Array ? token.ToString(Formatting.None) : token.Value<string>();
            }

            if (type == typeof(int))
            {
                return token.Type == JTokenType.String ? int.Parse(token.Value<string>()!, NumberStyles.Integer, CultureInfo.InvariantCulture) : token.Value<int>();
            }

            if (type == typeof(bool))
            {
                return token.Type == JTokenType.String ? bool.Parse(token.Value<string>()!) : token.Value<bool>();
            }

            if (type == typeof(DateTimeOffset))
            {
                var text = token.Value<string>();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var date) ? date : (object?)null;
            }

            if (type.IsArray && token is JArray array)
            {
                var elementType = type.GetElementType()!;
                var items = array.Where(i => i.Type != JTokenType.Null)
                    .Select(i => elementType.IsClass && elementType != typeof(string) && i is JObject o ? ToModel(elementType, o, session) : Convert(i, elementType, session))
                    .Where(i => i != null)
                    .ToArray();
                var result = Array.CreateInstance(elementType, items.Length);
                Array.Copy(items, result, items.Length);
                return result;
            }
        }
        catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException || e is ArgumentException)
        {
            // A value of an unexpected shape leaves the property at its default instead of failing the whole read.
            return null;
        }

        return null;
    }

    /// <summary>
    /// A secret's answer without the secret. For a change (a key rotation) the change was made all the same, and the
    /// new secret was only in this answer: the error says so, and how to read it back, as for a lost answer.
    /// </summary>
    private static PasswordSafeException NoSecretIn(ApiResponse response, string got)
    {
        var plain = Unexpected(response, "a JSON string", got);
        return response.RelativePath == null || !ChangeReadBack.IsChange(response.Method, response.RelativePath)
            ? plain
            : UnansweredChange.AnsweredWithout(new ApiRequest(new HttpMethod(response.Method), response.RelativePath), plain);
    }

    private static PasswordSafeException Unexpected(ApiResponse response, string expected, string got) =>
        new PasswordSafeException(ErrorIds.InvalidServerResponse,
            $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with {got} where {expected} was expected.",
            "Check that -Uri points at the Password Safe API and not at a proxy or login page. " + response.SeeTheAnswerHint);
}
