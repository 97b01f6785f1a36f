using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Bodies of the control endpoints: one JSON object whose keys (any case) are properties of <typeparamref name="T"/>.
/// A key the emulator does not know is a 400 naming it, so a typo never looks like a change that was made; a value of the
/// wrong type is a 400 naming its key, what it must be and an example (never a .NET type name).
/// </summary>
internal static class ControlBody<T>
    where T : class
{
    private static readonly PropertyInfo[] Properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
    private static readonly string[] Known = Properties.Select(p => p.Name).ToArray();
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The body read as <typeparamref name="T"/>, or the 400 to answer instead.</summary>
    internal static async Task<(T? Value, IResult? Refusal)> ReadAsync(HttpContext context, string what, string example)
    {
        // Read whole first (control bodies are small; Kestrel caps any body) so an empty one can be told from bad JSON.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        // A UTF-8 byte order mark is allowed, as the stream parser allows it.
        if (bytes.Span.StartsWith(Utf8ByteOrderMark)) bytes = bytes[Utf8ByteOrderMark.Length..];
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
            return (null, ApiResults.BadRequest($"The body is empty: send {what} as a JSON object, e.g. {example}."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, ApiResults.BadRequest($"The body is not valid JSON for {what}: {Describe(e)} Send e.g. {example}."));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ApiResults.BadRequest($"Send {what} as a JSON object, e.g. {example}."));
            if (JsonTextCheck.Problem(document.RootElement) is { } notText) return (null, ApiResults.BadRequest(notText));
            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name)
                .Where(name => !Known.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                return (null, ApiResults.BadRequest($"Unknown {(unknown.Count == 1 ? "key" : "keys")} in {what}: {string.Join(", ", unknown)}. " +
                    $"Known keys: {string.Join(", ", Known)}."));
            }
            foreach (var sent in document.RootElement.EnumerateObject())
            {
                var property = Properties.First(p => string.Equals(p.Name, sent.Name, StringComparison.OrdinalIgnoreCase));
                if (WrongType(property, sent.Value) is { } expected)
                    return (null, ApiResults.BadRequest($"The body is not valid for {what}: {expected} Send e.g. {ExampleFor(property, example)}."));
            }
            try
            {
                return (document.RootElement.Deserialize<T>(ApiJson.Options), null);
            }
            catch (JsonException e)
            {
                // Not expected after the checks above; still a 400 in plain words, never the serializer's type names.
                var key = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "a key";
                return (null, ApiResults.BadRequest($"The body is not valid for {what}: {key} has a value of the wrong type. Send e.g. {example}."));
            }
        }
    }

    /// <summary>Null when <paramref name="value"/> fits the property (null always does); else what it must be, and what it is.</summary>
    private static string? WrongType(PropertyInfo property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = property.Name;
        if (type == typeof(string))
            return value.ValueKind == JsonValueKind.String ? null : $"{name} must be text (a JSON string), not {JsonBody.Describe(value.ValueKind)}.";
        if (type == typeof(bool))
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{name} must be true or false, not {JsonBody.Describe(value.ValueKind)}.";
        if (type == typeof(int))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _)) return null;
            if (value.ValueKind != JsonValueKind.Number) return $"{name} must be a whole number, not {JsonBody.Describe(value.ValueKind)}.";
            return JsonBody.IsWholeOutsideInt32(value) ? JsonBody.OutOfRange(name) : $"{name} must be a whole number, not a number with a fraction.";
        }
        // Any number reads as a double (one too large for it as infinity, which the range checks refuse by name).
        if (type == typeof(double))
            return value.ValueKind == JsonValueKind.Number ? null : $"{name} must be a number, not {JsonBody.Describe(value.ValueKind)}.";
        return null;
    }

    /// <summary>The endpoint's example when it shows the key; else one of just that key.</summary>
    private static string ExampleFor(PropertyInfo property, string example)
    {
        if (example.Contains($"\"{property.Name}\"", StringComparison.Ordinal)) return example;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var sample = type == typeof(bool) ? "true" : type == typeof(string) ? "\"text\"" : "5";
        return $"{{\"{property.Name}\": {sample}}}";
    }

    /// <summary>The parser's reason without its .NET position suffix ("LineNumber: 0 | BytePositionInLine: 4"), and where, counted from 1.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix < 0) suffix = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (suffix >= 0) message = message[..suffix];
        message = message.TrimEnd();
        if (!message.EndsWith('.')) message += ".";
        return e.LineNumber is long line && e.BytePositionInLine is long column
            ? $"{message[..^1]} (line {line + 1}, byte {column + 1})."
            : message;
    }
}
