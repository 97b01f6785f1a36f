using System;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// A request's JSON object read with case-insensitive property names (§0: clients send SystemId, SystemID, systemid).
/// Numbers may come as JSON numbers or numeric strings; text must be a JSON string (D1: a number or a flag where text is
/// expected is a 400, never turned into text). Every API body reader reads its text through here, nested objects too
/// (<see cref="TextOf"/>), so the rule is the same everywhere. A body whose names and strings are not all text (not
/// UTF-8, or an escaped lone surrogate) is refused as it is read (<see cref="JsonTextCheck"/>).
/// </summary>
internal sealed class JsonBody
{
    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    /// <summary>An empty body is an empty object when <paramref name="optional"/>; otherwise, and for non-objects, a 400 reason.</summary>
    internal static async Task<(JsonBody? Body, string? Error)> ReadAsync(HttpRequest request, bool optional)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            }, request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, "The body must be a JSON object.");
            // Before any value is read, so a body is refused whole or read whole (D1: never a 500, never half-applied).
            if (JsonTextCheck.Problem(document.RootElement) is { } notText) return (null, notText);
            return (new JsonBody(document.RootElement.Clone()), null);
        }
        catch (JsonException) when (optional && (request.ContentLength ?? 0) == 0)
        {
            return (new JsonBody(JsonDocument.Parse("{}").RootElement.Clone()), null);
        }
        catch (JsonException)
        {
            return (null, optional ? "The body must be a JSON object (or empty)." : "Send a JSON object body with Content-Type: application/json.");
        }
    }

    internal bool TryGet(string name, out JsonElement value)
    {
        foreach (var property in _root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Null when absent or null; throws <see cref="FormatException"/> naming the property when not an integer.</summary>
    internal int? Int(string name) => TryGet(name, out var value) ? WholeNumber(value, name) : null;

    /// <summary>
    /// A whole number from a JSON number or a numeric string; else a <see cref="FormatException"/> naming the property, which
    /// says so when the number is whole but outside the range of the API's ids and counts (Int32).
    /// </summary>
    internal static int WholeNumber(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)) return number;
        if (IsWholeOutsideInt32(value)) throw new FormatException(OutOfRange(name));
        throw new FormatException($"{name} must be a whole number.");
    }

    /// <summary>A whole number too large or too small for Int32 (99999999999, "2147483648"), so the refusal can say it is out of range.</summary>
    internal static bool IsWholeOutsideInt32(JsonElement value) => value.ValueKind switch
    {
        // Beyond decimal's range (about 7.9e28, or 1e400) is far outside Int32's; within it, whole and past either end.
        JsonValueKind.Number => !value.TryGetDecimal(out var number)
            || (number == decimal.Truncate(number) && (number < int.MinValue || number > int.MaxValue)),
        JsonValueKind.String => BigInteger.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    internal static string OutOfRange(string name) => $"{name} is out of range: it must be a whole number from {int.MinValue} to {int.MaxValue}.";

    /// <summary>Null when absent or null; throws <see cref="FormatException"/> naming the property when not a JSON string.</summary>
    internal string? Text(string name) => TryGet(name, out var value) ? TextOf(value, name) : null;

    /// <summary>A value that must be text, wherever it sits (a nested rule's field too): null stays null, a string is read, anything else is refused.</summary>
    internal static string? TextOf(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new FormatException($"{name} must be text (a JSON string), not {Describe(value.ValueKind)}."),
    };

    /// <summary>What a JSON value is, in words for a refusal ("not a number"): shared by every body reader.</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    internal bool? Bool(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var flag)) return flag;
        throw new FormatException($"{name} must be true or false.");
    }
}
