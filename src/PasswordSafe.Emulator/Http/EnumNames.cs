using System;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Enum values in bodies and queries are taken by name only (any case): Enum.TryParse alone would also accept a
/// number such as "3", which the real API does not document for these fields.
/// </summary>
internal static class EnumNames
{
    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && !int.TryParse(text, out _);
}
