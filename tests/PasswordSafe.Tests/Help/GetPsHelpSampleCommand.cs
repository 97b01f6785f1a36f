using System.Management.Automation;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// Never run: its metadata is what the help compiler's --module check reads from this test assembly,
/// so that check is tested without depending on the module's cmdlets of the day.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PsHelpSample", SupportsShouldProcess = true, DefaultParameterSetName = "ByName")]
public sealed class GetPsHelpSampleCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SampleName")]
    [SupportsWildcards]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = "ById")]
    public int Id { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }
}
