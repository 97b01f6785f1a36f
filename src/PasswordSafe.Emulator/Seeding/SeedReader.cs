using System;
using System.IO;
using System.Text.Json;

namespace PasswordSafe.Emulator;

/// <summary>Reads seed JSON with case-insensitive names, comments and trailing commas allowed.</summary>
internal static class SeedReader
{
    internal const string DemoResourceName = "PasswordSafe.Emulator.Seeds.demo.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new SeedEnumConverterFactory() },
    };

    /// <summary>Seed JSON that <see cref="Parse"/> reads back to the same seed (a reset builds from it).</summary>
    internal static string Serialize(EmulatorSeed seed) => JsonSerializer.Serialize(seed, WriteOptions);

    private static readonly JsonSerializerOptions WriteOptions = new(Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    internal static EmulatorSeed ReadDemo()
    {
        using var stream = typeof(SeedReader).Assembly.GetManifestResourceStream(DemoResourceName)
            ?? throw new InvalidOperationException("The demo seed resource is missing from the emulator assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in demo seed");
    }

    internal static EmulatorSeed ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedException($"Cannot read the seed file '{path}': {e.Message}", e);
        }
        return Parse(json, $"seed file '{path}'");
    }

    internal static EmulatorSeed Parse(string json, string source)
    {
        try
        {
            var seed = JsonSerializer.Deserialize<EmulatorSeed>(json, Options)
                ?? throw new SeedException($"The {source} is empty: give a JSON object (see the emulator README).");
            seed.IgnoredProperties = SeedPropertyCheck.UnknownProperties(json);
            return seed;
        }
        catch (SeedValueException e)
        {
            // Named by its path (e.g. $.AccessPolicies[0].AccessTypes[0].AccessType) and line, never by its value.
            throw new SeedException($"The {source} is not valid seed JSON: the value at {e.Path} (line {(e.LineNumber ?? 0) + 1}) {e.Message}.", e);
        }
        catch (JsonException e)
        {
            // JsonException messages carry the path and position, never the value.
            throw new SeedException($"The {source} is not valid seed JSON: {e.Message}", e);
        }
    }
}
