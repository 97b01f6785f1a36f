using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Builds a versioned body (api-v3 §0 <c>?version=</c>, §2.2, §6.2, §6.3) from the values a cmdlet was given:
/// every given value is checked against its limits before anything is sent, the version is the lowest one
/// that carries every given field (or the one asked for, if it does), and values read from the server
/// (<paramref name="baseline"/> of an update) are kept where the version carries them.
/// </summary>
internal static class BodyBuilder
{
    private static readonly Regex TimeOfDay = new Regex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant);

    /// <param name="objectName">For messages, e.g. <c>managed account</c>.</param>
    /// <param name="specs">The field table, in body order.</param>
    /// <param name="changes">JSON key → value the user gave (validated).</param>
    /// <param name="baseline">JSON key → value read back from the server (not validated), or null when creating.</param>
    /// <param name="requestedVersion">An explicit <c>-ApiVersion</c>, or null.</param>
    public static VersionedBody Build(string objectName, IReadOnlyList<FieldSpec> specs, IDictionary<string, object?> changes,
        IDictionary<string, object?>? baseline, Version? requestedVersion)
    {
        var byWire = specs.ToDictionary(s => s.WireName, StringComparer.OrdinalIgnoreCase);
        var normalized = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var needed = ApiBodyVersion.Default;
        FieldSpec? neededBy = null;
        foreach (var change in changes)
        {
            if (!byWire.TryGetValue(change.Key, out var spec))
            {
                throw new ArgumentException($"'{change.Key}' is not a field of a {objectName} body.", nameof(changes));
            }

            normalized[spec.WireName] = Validate(spec, change.Value);
            if (change.Value != null && spec.MinVersion > needed)
            {
                needed = spec.MinVersion;
                neededBy = spec;
            }
        }

        var version = needed;
        if (requestedVersion != null)
        {
            if (requestedVersion < needed)
            {
                throw AdminErrors.Invalid(
                    $"-{neededBy!.ParameterName} needs {objectName} body version {ApiBodyVersion.Format(needed)} or later, but -ApiVersion {ApiBodyVersion.Format(requestedVersion)} was given.",
                    $"Pass -ApiVersion {ApiBodyVersion.Format(needed)} (or later), or leave -ApiVersion out to use the lowest version that carries every value.");
            }

            version = requestedVersion;
        }

        var body = new Dictionary<string, object?>();
        foreach (var spec in specs.Where(s => s.MinVersion <= version))
        {
            if (normalized.TryGetValue(spec.WireName, out var value))
            {
                body[spec.WireName] = value;
            }
            else if (baseline != null && baseline.TryGetValue(spec.WireName, out var current) && current != null)
            {
                body[spec.WireName] = current;
            }
        }

        return new VersionedBody(version, body);
    }

    /// <summary>Checks one value against its field's limits and returns it in wire form.</summary>
    public static object? Validate(FieldSpec spec, object? value)
    {
        if (value == null)
        {
            return null;
        }

        switch (spec.Kind)
        {
            case FieldKind.Text:
            case FieldKind.Secret:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                if (text.Length > spec.MaxLength)
                {
                    var shown = spec.Kind == FieldKind.Secret ? "The value" : $"'{Shorten(text)}'";
                    throw AdminErrors.Invalid(
                        $"-{spec.ParameterName} is {text.Length} characters long; at most {spec.MaxLength} are allowed. {shown} is too long.",
                        $"Shorten -{spec.ParameterName} to {spec.MaxLength} characters or fewer.");
                }

                return text;
            case FieldKind.Integer:
                long number;
                try
                {
                    number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
                {
                    throw AdminErrors.Invalid($"-{spec.ParameterName} '{value}' is not a whole number.", $"Pass a number from {spec.Min} to {spec.Max}.");
                }

                if (number < spec.Min || number > spec.Max)
                {
                    throw AdminErrors.Invalid($"-{spec.ParameterName} {number} is out of range: it must be from {spec.Min} to {spec.Max}.",
                        $"Pass a number from {spec.Min} to {spec.Max}.");
                }

                return number <= int.MaxValue && number >= int.MinValue ? (object)(int)number : number;
            case FieldKind.Flag:
                return value is bool flag ? flag : Convert.ToBoolean(value, CultureInfo.InvariantCulture);
            case FieldKind.Choice:
                var choice = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                var match = spec.Choices.FirstOrDefault(c => c.Equals(choice.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match == null)
                {
                    throw AdminErrors.Invalid($"-{spec.ParameterName} '{choice}' is not one of: {string.Join(", ", spec.Choices)}.",
                        $"Pass one of: {string.Join(", ", spec.Choices)}.");
                }

                return match;
            case FieldKind.TimeOfDay:
                var time = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
                if (!TimeOfDay.IsMatch(time))
                {
                    throw AdminErrors.Invalid($"-{spec.ParameterName} '{time}' is not a time of day in the form HH:mm (24-hour).",
                        "Pass a time such as 23:30.");
                }

                return time;
            case FieldKind.Date:
                if (value is DateTime date)
                {
                    return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                if (value is DateTimeOffset offset)
                {
                    return offset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                var dateText = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                if (!DateTime.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    throw AdminErrors.Invalid($"-{spec.ParameterName} '{dateText}' is not a date in the form yyyy-MM-dd.", "Pass a date such as 2026-12-31.");
                }

                return dateText.Trim();
            default:
                throw new ArgumentOutOfRangeException(nameof(spec));
        }
    }

    /// <summary>Minimum ≤ maximum, checked on the merged body so an update cannot break it either.</summary>
    public static void RequireNotAbove(VersionedBody body, string lowerWire, string lowerParameter, string upperWire, string upperParameter)
    {
        if (body.Fields.TryGetValue(lowerWire, out var lower) && body.Fields.TryGetValue(upperWire, out var upper)
            && lower != null && upper != null
            && Convert.ToInt64(lower, CultureInfo.InvariantCulture) > Convert.ToInt64(upper, CultureInfo.InvariantCulture))
        {
            throw AdminErrors.Invalid($"-{lowerParameter} ({lower}) is greater than -{upperParameter} ({upper}).",
                $"Make -{lowerParameter} at most -{upperParameter}. On a change, one you did not pass is the object's current value: pass both to change them together.");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : TextPreview.Prefix(text, 40) + "...";
}
