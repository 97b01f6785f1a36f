using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace PasswordSafe.Emulator;

/// <summary>
/// Finds the properties of seed JSON that no seed type has (a typo such as "Userz" or "SessionIdleTimeout"), by path.
/// The seed format ignores them, so older emulators read newer seeds; the CLI warns with this list so a typo does not go
/// unnoticed. Names are compared in any case, as the reader compares them.
/// </summary>
internal static class SeedPropertyCheck
{
    internal static IReadOnlyList<string> UnknownProperties(string json)
    {
        var unknown = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            Walk(document.RootElement, typeof(EmulatorSeed), "$", unknown);
        }
        catch (JsonException)
        {
            // Not JSON: the reader says so with the position; there is nothing to list.
        }
        return unknown;
    }

    private static void Walk(JsonElement element, Type type, string path, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (element.ValueKind == JsonValueKind.Array && ItemType(type) is { } itemType)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, itemType, $"{path}[{index++}]", unknown);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object || !IsSeedObject(type)) return;
        var properties = PropertiesOf(type);
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.TryGetValue(property.Name, out var known)) unknown.Add($"{path}.{property.Name}");
            else Walk(property.Value, known.PropertyType, $"{path}.{property.Name}", unknown);
        }
    }

    /// <summary>The settable properties of a seed type by name, any case (a 50,000-user seed asks for the same few types).</summary>
    private static Dictionary<string, PropertyInfo> PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();

    /// <summary>Seed types are this assembly's classes; strings, numbers, dates and enums are leaves.</summary>
    private static bool IsSeedObject(Type type) => type.IsClass && type != typeof(string) && type.Assembly == typeof(EmulatorSeed).Assembly;

    private static Type? ItemType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;
}
