using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Model;

/// <summary>One "### -Name" entry: its description and one metadata block per group of parameter sets.</summary>
internal sealed class ParameterHelp
{
    public ParameterHelp(string name, int line)
    {
        Name = name;
        Line = line;
    }

    public string Name { get; }

    public int Line { get; }

    public List<string> Description { get; } = new();

    /// <summary>PlatyPS writes several yaml blocks when a parameter differs between sets (e.g. Required).</summary>
    public List<ParameterMetadata> Metadata { get; } = new();

    /// <summary>What the PARAMETERS section of the MAML shows: the first block, as PlatyPS does.</summary>
    public ParameterMetadata Primary => Metadata[0];
}
