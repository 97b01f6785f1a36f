using System;
using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The managed-account settings that New-PSManagedAccount and Set-PSManagedAccount both take, declared once so
/// their names, aliases and validation cannot drift apart (those a managed system shares come from the base); each
/// cmdlet adds its own identity and credential parameters.
/// </summary>
public abstract class ManagedAccountSettingsCmdlet : PasswordManagementSettingsCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DomainName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserPrincipalName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SamAccountName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DistinguishedName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PasswordFallbackFlag")]
    [BooleanText]
    public SwitchParameter PasswordFallback { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LoginAccountFlag")]
    [BooleanText]
    public SwitchParameter LoginAccount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter ApiEnabled { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ReleaseNotificationEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeServicesFlag")]
    [BooleanText]
    public SwitchParameter ChangeServices { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RestartServicesFlag")]
    [BooleanText]
    public SwitchParameter RestartServices { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeTasksFlag")]
    [BooleanText]
    public SwitchParameter ChangeTasks { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int MaxConcurrentRequests { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DSSAutoManagementFlag")]
    [BooleanText]
    public SwitchParameter DssAutoManagement { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTime NextChangeDate { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter UseOwnCredentials { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeIISAppPoolFlag")]
    [BooleanText]
    public SwitchParameter ChangeIisAppPool { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RestartIISAppPoolFlag")]
    [BooleanText]
    public SwitchParameter RestartIisAppPool { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int WorkgroupId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeWindowsAutoLogonFlag")]
    [BooleanText]
    public SwitchParameter ChangeWindowsAutoLogon { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeComPlusFlag")]
    [BooleanText]
    public SwitchParameter ChangeComPlus { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeDComFlag")]
    [BooleanText]
    public SwitchParameter ChangeDCom { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangeSComFlag")]
    [BooleanText]
    public SwitchParameter ChangeSCom { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ObjectId { get; set; }

    [Parameter]
    [ValidateSet("3.0", "3.1", "3.2", "3.3", "3.4", "3.5")]
    public string? ApiVersion { get; set; }
}
