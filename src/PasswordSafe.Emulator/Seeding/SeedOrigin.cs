using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PasswordSafe.Emulator;

/// <summary>
/// Where a seed came from — a file, the built-in demo, or JSON text — so an error can say <c>lab.json:12: …</c>. It keeps
/// the JSON to find an item's line only when an error names one (lines are 1-based, as editors count them).
/// </summary>
internal sealed class SeedOrigin
{
    private readonly string _json;
    private readonly EmulatorSeed _seed;
    private readonly Dictionary<string, object?[]> _itemsAsRead = new(StringComparer.OrdinalIgnoreCase);

    internal SeedOrigin(string name, bool isFile, string json, EmulatorSeed seed)
    {
        Name = name;
        IsFile = isFile;
        _json = json;
        _seed = seed;
        foreach (var (list, items) in Lists(seed)) _itemsAsRead[list] = items;
    }

    /// <summary>The file path as given, or a description ("seed JSON", "built-in demo seed").</summary>
    internal string Name { get; }

    internal bool IsFile { get; }

    /// <summary><c>lab.json:12: </c> for a file, <c>seed JSON, line 12: </c> otherwise; without a line, the name alone.</summary>
    internal string Prefix(long? line) => SeedReader.Where(Name, IsFile, line);

    /// <summary>
    /// The error with the file and the line of the item it names (its message starts with the item's path). An item put in
    /// after reading (a test's tweak of the demo seed) is not in the JSON: its error keeps the place alone.
    /// </summary>
    internal SeedException Locate(SeedException error)
    {
        if (error.Located) return error;
        var path = SeedPlace.PathOf(error.Message);
        if (path is null) return SeedException.LocatedAt(Prefix(null) + error.Message, error);
        return WasRead(path) ? SeedException.LocatedAt(Prefix(LineOf(path)) + error.Message, error) : error;
    }

    /// <summary>Whether the top-level item of the path (<c>$.Users[2]</c> of <c>$.Users[2].TwoFactor</c>) is still the one read.</summary>
    private bool WasRead(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(path, @"^\$\.(?<list>[A-Za-z]+)(\[(?<index>\d+)\])?");
        if (!match.Success) return true;
        var list = match.Groups["list"].Value;
        var now = Lists(_seed).FirstOrDefault(l => string.Equals(l.List, list, StringComparison.OrdinalIgnoreCase)).Items;
        if (now is null || !_itemsAsRead.TryGetValue(list, out var read)) return true;
        if (!match.Groups["index"].Success) return true;
        var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return index < now.Length && index < read.Length && ReferenceEquals(now[index], read[index]);
    }

    /// <summary>The seed's top-level lists (Users, ManagedAccounts, …) as arrays of their items.</summary>
    private static IEnumerable<(string List, object?[] Items)> Lists(EmulatorSeed seed) =>
        typeof(EmulatorSeed).GetProperties()
            .Where(p => p.PropertyType != typeof(string) && typeof(System.Collections.IList).IsAssignableFrom(p.PropertyType))
            .Select(p => (p.Name, (p.GetValue(seed) as System.Collections.IList)?.Cast<object?>().ToArray() ?? []));

    /// <summary>The line where the value at <paramref name="path"/> (e.g. <c>$.Users[2]</c>, names in any case) starts, or null.</summary>
    internal long? LineOf(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(_json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new System.Collections.Generic.List<(bool IsArray, string? Name, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }
                if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                if (string.Equals(PathOf(frames), path, StringComparison.OrdinalIgnoreCase))
                    return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, null, -1));
            }
        }
        catch (JsonException)
        {
            // The JSON was read before, so this does not happen; without a line the error still names the file.
        }
        return null;
    }

    private static string PathOf(System.Collections.Generic.List<(bool IsArray, string? Name, int Index)> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames) path.Append(frame.IsArray ? $"[{frame.Index}]" : $".{frame.Name}");
        return path.ToString();
    }
}
