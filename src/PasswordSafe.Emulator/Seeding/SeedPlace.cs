using System.Text.RegularExpressions;

namespace PasswordSafe.Emulator;

/// <summary>
/// How a seed error names an item: its JSON path and, when it has one, its name — <c>$.Users[2] 'alice'</c> — or else its
/// id. Messages start with the place, so <see cref="SeedReader"/> can find the item's line in the file.
/// </summary>
internal static partial class SeedPlace
{
    /// <summary><c>$.List[index] 'name'</c>, or <c>$.List[index] (fallback)</c> for an item without a name.</summary>
    internal static string Of(string list, int index, string? name, string? fallback = null) =>
        At($"$.{list}[{index}]", name, fallback);

    /// <summary>A place below another: <c>$.AccessPolicies[0].Schedules[1] (ScheduleID 10)</c>.</summary>
    internal static string At(string path, string? name, string? fallback = null) =>
        !string.IsNullOrWhiteSpace(name) ? $"{path} '{name}'" : !string.IsNullOrEmpty(fallback) ? $"{path} ({fallback})" : path;

    /// <summary>The JSON path a message starts with (<c>$.Users[2]</c>), or null.</summary>
    internal static string? PathOf(string message) => LeadingPath().Match(message) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"^\$(\.[A-Za-z0-9_]+|\[\d+\])+")]
    private static partial Regex LeadingPath();
}
