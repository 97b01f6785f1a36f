using System;
using System.Globalization;

namespace PasswordSafe.Emulator;

/// <summary>The <c>?version=</c> body-model selector (api-v3 §0): 3.0 when absent; each endpoint has its own newest version.</summary>
internal static class BodyVersion
{
    internal const string Default = "3.0";

    /// <summary>Null (and a reason) when the text is not a version from 3.0 to <paramref name="newest"/>.</summary>
    internal static string? Parse(string? text, string newest, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return Default;
        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= 3.0m && value <= decimal.Parse(newest, CultureInfo.InvariantCulture) && decimal.Round(value, 1) == value)
            return value.ToString("0.0", CultureInfo.InvariantCulture);
        error = $"version must be a body-model version from 3.0 to {newest}, e.g. ?version=3.1.";
        return null;
    }

    internal static bool Includes(string version, string since) =>
        decimal.Parse(version, CultureInfo.InvariantCulture) >= decimal.Parse(since, CultureInfo.InvariantCulture);
}
