using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reads the fields of a versioned provisioning body (api-v3 §2.2, §6.2, §6.3) with their checks: kind, length,
/// range, choices, and whether the requested <c>?version=</c> has the field. The first problem becomes a 400 reason
/// naming the field; unknown properties are ignored as the real server does.
/// </summary>
internal static class VersionedBodyReader
{
    /// <summary>The given fields by wire name (absent and null fields are left out), or null and the reason.</summary>
    internal static Dictionary<string, object?>? Read(JsonBody body, IReadOnlyList<BodyField> fields, string version, out string? error)
    {
        error = null;
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (!body.TryGet(field.Name, out var element)) continue;
            if (!BodyVersion.Includes(version, field.Since))
            {
                error = $"{field.Name} needs ?version={field.Since} or later (this request uses {version}).";
                return null;
            }
            var value = ReadOne(field, element, out error);
            if (error is not null) return null;
            values[field.Name] = value;
        }
        return values;
    }

    private static object? ReadOne(BodyField field, JsonElement element, out string? error)
    {
        error = null;
        switch (field.Kind)
        {
            case BodyFieldKind.Flag:
                if (element.ValueKind is JsonValueKind.True or JsonValueKind.False) return element.GetBoolean();
                if (element.ValueKind == JsonValueKind.String && bool.TryParse(element.GetString(), out var flag)) return flag;
                error = $"{field.Name} must be true or false.";
                return null;
            case BodyFieldKind.Integer:
                long number;
                if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out number)) { }
                else if (element.ValueKind == JsonValueKind.String && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)) { }
                else
                {
                    error = $"{field.Name} must be a whole number.";
                    return null;
                }
                if ((field.Min is long min && number < min) || (field.Max is long max && number > max))
                {
                    error = field.Max is null
                        ? $"{field.Name} must be {field.Min} or more (got {number})."
                        : $"{field.Name} must be from {field.Min ?? 0} to {field.Max} (got {number}).";
                    return null;
                }
                return (int)Math.Clamp(number, int.MinValue, int.MaxValue);
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"{field.Name} must be text.";
            return null;
        }
        var text = element.GetString()!;
        if (field.MaxLength is int length && text.Length > length)
        {
            error = $"{field.Name} must be {length} characters or fewer (got {text.Length}).";
            return null;
        }
        switch (field.Kind)
        {
            case BodyFieldKind.Choice:
                foreach (var choice in field.Choices)
                    if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase)) return choice;
                error = $"{field.Name} must be one of {string.Join(", ", field.Choices)} (got '{text}').";
                return null;
            case BodyFieldKind.TimeOfDay:
                if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return text;
                error = $"{field.Name} must be a time of day written HH:mm, e.g. 23:30 (got '{text}').";
                return null;
            case BodyFieldKind.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return text;
                error = $"{field.Name} must be a date written yyyy-MM-dd (got '{text}').";
                return null;
            case BodyFieldKind.IPAddress:
                if (IPAddress.TryParse(text.Trim(), out var address)
                    && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Split('.').Length == 4))
                    return text.Trim();
                error = $"{field.Name} must be an IPv4 or IPv6 address (got '{text}').";
                return null;
            case BodyFieldKind.Email:
                if (text.Length == 0 || MailAddress.TryCreate(text, out _)) return text;
                error = $"{field.Name} must be an e-mail address (got '{text}').";
                return null;
            default:
                return text;
        }
    }
}
