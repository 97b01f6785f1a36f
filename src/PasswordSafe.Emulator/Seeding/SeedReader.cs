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
        return Parse(reader.ReadToEnd(), "built-in demo seed", isFile: false);
    }

    internal static EmulatorSeed ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw SeedException.LocatedAt($"--seed: the file '{Path.GetFullPath(path)}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SeedException.LocatedAt($"--seed: the file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(json, path, isFile: true);
    }

    /// <summary>
    /// Reads seed JSON; a value of the wrong kind is named by its place and what it must be (<c>lab.json:4:
    /// $.Users[0].IsActive must be true or false</c>), never by .NET type names, and never repeated (it may be a secret).
    /// </summary>
    internal static EmulatorSeed Parse(string json, string name, bool isFile)
    {
        EmulatorSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize<EmulatorSeed>(json, Options);
        }
        catch (JsonException e)
        {
            throw SeedException.LocatedAt(Where(name, isFile, e.LineNumber + 1) + Describe(e), e);
        }
        if (seed is null) throw SeedException.LocatedAt(Where(name, isFile, null) + "the seed is empty (null): give a JSON object (see \"Seed format\" in the emulator README).");
        seed.IgnoredProperties = SeedPropertyCheck.UnknownProperties(json);
        seed.Origin = new SeedOrigin(name, isFile, json, seed);
        return seed;
    }

    internal static string Where(string name, bool isFile, long? line) => (line, isFile) switch
    {
        (null, _) => $"{name}: ",
        (_, true) => $"{name}:{line}: ",
        _ => $"{name}, line {line}: ",
    };

    private const string ConversionFailure = "The JSON value could not be converted to ";

    /// <summary>What is wrong, in seed terms: the path and what the value must be, or the syntax error without its position suffix.</summary>
    private static string Describe(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        if (e is SeedValueException) return $"{path} {e.Message}.";
        if (e.Message.StartsWith(ConversionFailure, StringComparison.Ordinal))
            return $"{path} {SeedValueKinds.Expectation(path)}.";
        // Syntax: the reader's own words ("'}' is invalid after a value…") without its "Path: … | LineNumber: …" tail.
        var text = e.Message;
        var tail = text.IndexOf(" Path: ", StringComparison.Ordinal);
        if (tail < 0) tail = text.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (tail >= 0) text = text[..tail];
        return $"not valid JSON{(path == "$" ? string.Empty : $" (at {path})")}: {text.TrimEnd('.', ' ')}.";
    }
}
