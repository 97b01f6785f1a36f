using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.HelpCompiler.Markdown;
using PasswordSafe.HelpCompiler.Model;

namespace PasswordSafe.HelpCompiler.Parsing;

/// <summary>Reads a parameter's ```yaml block (PlatyPS schema 2.0.0 keys only) and rejects anything else.</summary>
internal static class ParameterMetadataParser
{
    private static readonly string[] KnownKeys =
    {
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position",
        "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    private static readonly Regex PipelineInput = new(
        @"^(False|True(\s*\(\s*(ByValue|ByPropertyName)\s*(,\s*(ByValue|ByPropertyName)\s*)?\))?)$",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public static ParameterMetadata Parse(string parameterName, MarkdownBlock yaml)
    {
        var values = ReadKeyValues(parameterName, yaml);
        var metadata = new ParameterMetadata();

        metadata.Type = Get(values, "Type") ?? "";
        if (metadata.Type.Length == 0)
        {
            throw Malformed(parameterName, yaml, "has no 'Type:' value");
        }

        var sets = SplitList(Get(values, "Parameter Sets"));
        metadata.ParameterSets = sets.Any(s => s.Equals("(All)", StringComparison.OrdinalIgnoreCase)) ? Array.Empty<string>() : sets;
        metadata.Aliases = SplitList(Get(values, "Aliases"));
        metadata.AcceptedValues = SplitList(Get(values, "Accepted values"));
        metadata.Required = ParseBoolean(parameterName, yaml, values, "Required");
        metadata.Globbing = ParseBoolean(parameterName, yaml, values, "Accept wildcard characters");

        var position = Get(values, "Position") ?? "Named";
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
        {
            throw Malformed(parameterName, yaml, $"has 'Position: {position}'; use Named or a number");
        }

        metadata.Position = position.ToLowerInvariant();

        var pipeline = Get(values, "Accept pipeline input") ?? "False";
        if (!PipelineInput.IsMatch(pipeline))
        {
            throw Malformed(parameterName, yaml,
                $"has 'Accept pipeline input: {pipeline}'; use False or True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue)");
        }

        metadata.PipelineInput = pipeline;
        var defaultValue = Get(values, "Default value");
        metadata.DefaultValue = string.IsNullOrEmpty(defaultValue) || defaultValue!.Equals("None", StringComparison.OrdinalIgnoreCase)
            ? (metadata.IsSwitch ? "False" : "None")
            : defaultValue;
        return metadata;
    }

    private static Dictionary<string, string> ReadKeyValues(string parameterName, MarkdownBlock yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < yaml.Lines.Count; i++)
        {
            var line = yaml.Lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var key = colon > 0 ? line.Substring(0, colon).Trim() : "";
            if (!KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new HelpSchemaException("PSHELP008", yaml.Line + 1 + i,
                    $"PARAMETERS: the yaml block of '-{parameterName}' has an unknown line '{line.Trim()}'. Expected 'Key: value' with one of: {string.Join(", ", KnownKeys)}.");
            }

            values[key] = line.Substring(colon + 1).Trim();
        }

        return values;
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? value : null;

    private static bool ParseBoolean(string parameterName, MarkdownBlock yaml, Dictionary<string, string> values, string key)
    {
        var value = Get(values, key);
        if (string.IsNullOrEmpty(value) || value!.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw Malformed(parameterName, yaml, $"has '{key}: {value}'; use True or False");
    }

    private static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value!.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    private static HelpSchemaException Malformed(string parameterName, MarkdownBlock yaml, string problem) =>
        new("PSHELP008", yaml.Line, $"PARAMETERS: the yaml block of '-{parameterName}' {problem}.");
}
