using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>Probe cmdlet; replaced by the real one.</summary>
[Cmdlet(VerbsCommon.Get, "PasswordSafeSession")]
[OutputType(typeof(string))]
public sealed class GetPasswordSafeSessionCommand : PSCmdlet
{
    protected override void ProcessRecord() => WriteObject("probe");
}
