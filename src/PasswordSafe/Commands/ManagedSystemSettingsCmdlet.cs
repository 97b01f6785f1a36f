using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The managed-system settings that New-PSManagedSystem and Set-PSManagedSystem both take, declared once so
/// their names, aliases and validation cannot drift apart (those a managed account shares come from the base);
/// each cmdlet adds its own identity parameters.
/// </summary>
public abstract class ManagedSystemSettingsCmdlet : PasswordManagementSettingsCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ContactEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int Port { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int Timeout { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int SshKeyEnforcementMode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int DssKeyRuleId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int LoginAccountId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int FunctionalAccountId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ElevationCommand { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListedValueCompleter))] // None or EPM, checked before sending
    public string? RemoteClientType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int ApplicationHostId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter IsApplicationHost { get; set; }

    [Parameter]
    [ValidateSet("3.0", "3.1", "3.2", "3.3")]
    public string? ApiVersion { get; set; }
}
