using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The managed-system settings that New-PSManagedSystem and Set-PSManagedSystem both take, declared once so
/// their names, aliases and validation cannot drift apart (those a managed account shares come from the base);
/// each cmdlet adds its own identity parameters.
/// </summary>
public abstract class ManagedSystemSettingsCmdlet : PasswordManagementSettingsCmdlet
{
    [Parameter]
    public string? ContactEmail { get; set; }

    [Parameter]
    public int Port { get; set; }

    [Parameter]
    public int Timeout { get; set; }

    [Parameter]
    public int SshKeyEnforcementMode { get; set; }

    [Parameter]
    public int DssKeyRuleId { get; set; }

    [Parameter]
    public int LoginAccountId { get; set; }

    [Parameter]
    public int FunctionalAccountId { get; set; }

    [Parameter]
    public string? ElevationCommand { get; set; }

    [Parameter]
    [ValidateSet("None", "EPM")]
    public string? RemoteClientType { get; set; }

    [Parameter]
    public int ApplicationHostId { get; set; }

    [Parameter]
    public SwitchParameter IsApplicationHost { get; set; }

    [Parameter]
    [ValidateSet("3.0", "3.1", "3.2", "3.3")]
    public string? ApiVersion { get; set; }
}
