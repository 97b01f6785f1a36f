using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PasswordSafe.Admin;

/// <summary>
/// Which of the values given to a Set- cmdlet differ from the object's current ones, compared as the server means them
/// (a number read back as a long, a listed value in any case, a date with or without its time), so a value that is
/// already in place is not sent again: re-applying the same CSV every night changes and audits nothing.
/// </summary>
internal static class ChangedFields
{
    /// <param name="specs">The field table.</param>
    /// <param name="changes">JSON key → value the user gave (not yet validated).</param>
    /// <param name="baseline">JSON key → value the server has now.</param>
    /// <returns>The fields among <paramref name="changes"/> whose value is not the current one, in table order.</returns>
    public static IReadOnlyList<FieldSpec> Of(IEnumerable<FieldSpec> specs, IDictionary<string, object?> changes, IDictionary<string, object?> baseline)
    {
        var given = new Dictionary<string, object?>(changes, StringComparer.OrdinalIgnoreCase);
        var current = new Dictionary<string, object?>(baseline, StringComparer.OrdinalIgnoreCase);
        return specs
            .Where(spec => given.TryGetValue(spec.WireName, out var value)
                           && !Same(spec, BodyBuilder.Validate(spec, value), current.TryGetValue(spec.WireName, out var now) ? now : null))
            .ToList();
    }

    /// <summary>Whether a validated value given for <paramref name="spec"/> is what the server holds now.</summary>
    public static bool Same(FieldSpec spec, object? given, object? current)
    {
        switch (spec.Kind)
        {
            case FieldKind.Secret:
                // The server never shows a secret, so a given one is always sent.
                return false;
            case FieldKind.Text:
            case FieldKind.TimeOfDay:
                return string.Equals(Text(given), Text(current), StringComparison.Ordinal);
            case FieldKind.Choice:
                return string.Equals(Text(given), Text(current), StringComparison.OrdinalIgnoreCase);
            case FieldKind.Integer:
                return given == null ? current == null : Number(current) is long now && Convert.ToInt64(given, CultureInfo.InvariantCulture) == now;
            case FieldKind.Flag:
                return given == null ? current == null : Flag(current) is bool flag && (bool)given == flag;
            case FieldKind.Date:
                return string.Equals(Text(given), Day(current), StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>Empty and absent text are the same: clearing a value that is not set changes nothing.</summary>
    private static string Text(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Trim().Length == 0 ? string.Empty : text;
    }

    private static long? Number(object? value)
    {
        try
        {
            return value == null || value is bool ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
        {
            return null;
        }
    }

    private static bool? Flag(object? value) => value switch
    {
        bool flag => flag,
        string text when bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The server's date as <c>yyyy-MM-dd</c>, the form a given date is sent in; the time of day it may carry does not count.</summary>
    private static string Day(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case DateTime date:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case DateTimeOffset offset:
                return offset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Length >= 10 && DateTime.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text.Substring(0, 10)
            : text;
    }
}
