using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.HelpCompiler.Model;

namespace PasswordSafe.HelpCompiler.Verification;

/// <summary>
/// Compares the help with the module DLL: every parameter documented, nothing documented that is gone.
/// A cmdlet with no help file at all is only a warning, so the build keeps working while a new
/// cmdlet's help is being written; the help tests fail on it.
/// </summary>
internal static class HelpCoverageChecker
{
    /// <summary>PowerShell adds these to every cmdlet and Get-Help describes them itself.</summary>
    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

    private static readonly string[] PagingParameters = { "First", "Skip", "IncludeTotalCount" };

    public static void Check(IReadOnlyList<CmdletSignature> cmdlets, IReadOnlyList<CommandHelp> help, string assemblyPath, HelpDiagnostics diagnostics)
    {
        var helpByName = help.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        foreach (var cmdlet in cmdlets)
        {
            if (!helpByName.TryGetValue(cmdlet.Name, out var commandHelp))
            {
                diagnostics.Warning("PSHELP020", assemblyPath, 0,
                    $"cmdlet '{cmdlet.Name}' ({cmdlet.TypeName}) has no help; add en-US/{cmdlet.Name}.md.");
                continue;
            }

            var expected = new HashSet<string>(cmdlet.Parameters.Where(p => !CommonParameters.Contains(p)), StringComparer.OrdinalIgnoreCase);
            if (cmdlet.SupportsShouldProcess)
            {
                expected.UnionWith(ShouldProcessParameters);
            }

            if (cmdlet.SupportsPaging)
            {
                expected.UnionWith(PagingParameters);
            }

            foreach (var missing in expected.Where(name => !commandHelp.Parameters.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Error("PSHELP022", commandHelp.FilePath, 0,
                    $"PARAMETERS: '-{missing}' of {cmdlet.Name} is not documented; add '### -{missing}' with a description and a ```yaml block.");
            }

            foreach (var extra in commandHelp.Parameters.Where(p => !expected.Contains(p.Name) && !CommonParameters.Contains(p.Name)))
            {
                diagnostics.Error("PSHELP023", commandHelp.FilePath, extra.Line,
                    $"PARAMETERS: '-{extra.Name}' is documented but {cmdlet.Name} has no such parameter; remove it or fix its name.");
            }
        }

        foreach (var orphan in help.Where(h => !cmdlets.Any(c => c.Name.Equals(h.Name, StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Warning("PSHELP021", orphan.FilePath, 0,
                $"'{orphan.Name}' is documented but the module has no such cmdlet; its help is compiled but unused.");
        }
    }
}
