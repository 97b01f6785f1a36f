using System.IO;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// A complete PlatyPS-format help set for one sample command (Get-PsHelpSample) and its about topic,
/// plus a script module whose function uses the compiled MAML. Tests break one piece at a time.
/// </summary>
public static class SampleHelp
{
    public const string Synopsis = "Gets sample things by name or id.";

    public const string Markdown = """
        ---
        external help file: PsHelpSample.psm1-Help.xml
        Module Name: PsHelpSample
        online version: https://example.test/get-pshelpsample
        schema: 2.0.0
        ---

        # Get-PsHelpSample

        ## SYNOPSIS
        Gets sample things by name or id.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-PsHelpSample [-Name] <String> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
        ```

        ### ById
        ```
        Get-PsHelpSample -Id <Int32> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
        ```

        ## DESCRIPTION
        The **Get-PsHelpSample** cmdlet gets sample things,
        one per name or id.

        - It accepts names from the pipeline.
        - It never changes anything.

        ## EXAMPLES

        ### Example 1: Get a thing by name
        ```powershell
        Get-PsHelpSample -Name alpha
        ```

        Gets the thing called alpha.

        ### Example 2: Get a thing by id
        ```powershell
        Get-PsHelpSample -Id 42
        ```

        Gets thing 42.

        ## PARAMETERS

        ### -Name
        The name of the thing; wildcards allowed.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases: SampleName

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: True
        ```

        ### -Id
        The id of the thing.

        ```yaml
        Type: Int32
        Parameter Sets: ById
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Force
        Gets the thing even when it is hidden.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -WhatIf
        Shows what would happen if the cmdlet runs.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases: wi

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Confirm
        Prompts you for confirmation before running the cmdlet.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases: cf

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).

        ## INPUTS

        ### System.String
        A name.

        ## OUTPUTS

        ### System.Management.Automation.PSObject
        The thing.

        ## NOTES
        Sample notes.

        ## RELATED LINKS

        [Online version](https://example.test/get-pshelpsample)

        [about_PsHelpSample](about_PsHelpSample.md)
        """;

    public const string AboutTopic = """
        # about_PsHelpSample

        ## about_PsHelpSample

        # SHORT DESCRIPTION
        Explains the sample module.

        # LONG DESCRIPTION
        The sample module exists so the help compiler can be tested without the real module; this sentence is long enough to be wrapped at eighty columns.

        - First point.
        - Second point.

        ```powershell
        Get-PsHelpSample -Name alpha
        ```
        """;

    /// <summary>A script function with the same parameters as the markdown, using the compiled MAML.</summary>
    public const string ScriptModule = """
        function Get-PsHelpSample {
            # .ExternalHelp PsHelpSample.psm1-Help.xml
            [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ByName')]
            param(
                [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName', ValueFromPipeline, ValueFromPipelineByPropertyName)]
                [Alias('SampleName')]
                [SupportsWildcards()]
                [string] $Name,

                [Parameter(Mandatory, ParameterSetName = 'ById')]
                [int] $Id,

                [switch] $Force
            )
        }
        """;

    /// <summary>Writes the sample (optionally changed) into a fresh folder and returns it.</summary>
    public static string WriteSource(string root, string? markdown = null, string? aboutTopic = null)
    {
        var source = Path.Combine(root, "source");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "Get-PsHelpSample.md"), markdown ?? Markdown);
        File.WriteAllText(Path.Combine(source, "about_PsHelpSample.md"), aboutTopic ?? AboutTopic);
        return source;
    }
}
