using System;
using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Model;

/// <summary>The contents of one parameter ```yaml block.</summary>
internal sealed class ParameterMetadata
{
    public string Type { get; set; } = "";

    /// <summary>Empty means "(All)": the parameter is in every set.</summary>
    public IReadOnlyList<string> ParameterSets { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Aliases { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> AcceptedValues { get; set; } = Array.Empty<string>();

    public bool Required { get; set; }

    /// <summary>"named" or a zero-based position, as the MAML attribute wants it.</summary>
    public string Position { get; set; } = "named";

    public string DefaultValue { get; set; } = "None";

    /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByPropertyName, ByValue)".</summary>
    public string PipelineInput { get; set; } = "False";

    public bool Globbing { get; set; }

    public bool IsSwitch =>
        Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase) ||
        Type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase) ||
        Type.Equals("switch", StringComparison.OrdinalIgnoreCase);

    public bool IsInAllSets => ParameterSets.Count == 0;
}
