using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PasswordSafe.Emulator;

/// <summary>
/// What the value at a seed path must be, in the words of the seed format ("must be true or false"), found by walking
/// the seed types along the path: the serializer's own text names .NET types (<c>System.Nullable`1[System.Boolean]</c>).
/// </summary>
internal static partial class SeedValueKinds
{
    internal static string Expectation(string path)
    {
        var type = TypeAt(path);
        if (type is null) return "is not a value of the kind the seed format expects there (see \"Seed format\" in the emulator README)";
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return "must be true or false";
        if (type == typeof(int) || type == typeof(long)) return "must be a whole number";
        if (type == typeof(double) || type == typeof(decimal)) return "must be a number";
        if (type == typeof(string)) return "must be text (a JSON string)";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "must be a date and time as text, e.g. \"2027-01-31T00:00:00Z\"";
        if (type.IsEnum) return $"must be one of {string.Join(", ", Enum.GetNames(type))}";
        if (ItemType(type) is not null) return "must be a list ([ … ])";
        return "must be an object ({ … })";
    }

    /// <summary>The seed type of the value at the path, e.g. bool? for <c>$.Users[0].IsActive</c>; null when the path leaves the seed types.</summary>
    private static Type? TypeAt(string path)
    {
        Type? type = typeof(EmulatorSeed);
        foreach (Match step in Step().Matches(path))
        {
            if (type is null) return null;
            if (step.Groups["index"].Success)
            {
                type = ItemType(type);
                continue;
            }
            var name = step.Groups["name"].Value;
            type = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }
        return type;
    }

    private static Type? ItemType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
