using System.Collections.Generic;
using System.Linq;
using PasswordSafe.HelpCompiler.Model;

namespace PasswordSafe.HelpCompiler.Rendering;

/// <summary>
/// Required and Position of a parameter for the PARAMETERS section of Get-Help, which shows one entry per parameter.
/// PlatyPS shows the first yaml block only, so Get-Help -Parameter told a user of one set the position or requiredness
/// of another. Where the blocks differ, Position lists each value with its sets ("2 (ByName), 0 (ById)"); Get-Help
/// shows Required only as true or false, so it is "false" (the parameter can be left out somewhere) and a sentence
/// after the description names the sets that require it.
/// </summary>
internal sealed class ParameterSetSummary
{
    private ParameterSetSummary(string required, string position, string? requiredNote)
    {
        Required = required;
        Position = position;
        RequiredNote = requiredNote;
    }

    public string Required { get; }

    public string Position { get; }

    /// <summary>"Required in the ApiKey and ApiKeyCredential parameter sets." when the sets differ; else null.</summary>
    public string? RequiredNote { get; }

    public static ParameterSetSummary Of(ParameterHelp parameter)
    {
        var blocks = parameter.Metadata;
        var position = Summarize(blocks, m => m.Position);
        if (blocks.All(m => m.Required) || blocks.All(m => !m.Required))
        {
            return new ParameterSetSummary(blocks[0].Required ? "true" : "false", position, null);
        }

        var requiring = blocks.Where(m => m.Required).SelectMany(SetNames).ToList();
        var sets = requiring.Count == 1 ? requiring[0] : string.Join(", ", requiring.Take(requiring.Count - 1)) + " and " + requiring[requiring.Count - 1];
        return new ParameterSetSummary("false", position, $"Required in the {sets} parameter set{(requiring.Count == 1 ? "" : "s")}.");
    }

    private static string Summarize(IReadOnlyList<ParameterMetadata> blocks, System.Func<ParameterMetadata, string> value)
    {
        var groups = blocks.GroupBy(value).ToList();
        if (groups.Count == 1)
        {
            return groups[0].Key;
        }

        return string.Join(", ", groups.Select(g => $"{g.Key} ({string.Join(", ", g.SelectMany(SetNames))})"));
    }

    private static IEnumerable<string> SetNames(ParameterMetadata block) =>
        block.IsInAllSets ? new[] { "other sets" } : block.ParameterSets;
}
