using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a user group (api-v3 §6.5, spec E5): BeyondInsight, ActiveDirectory or LDAP, with the API
/// registrations its members may use (A7), feature permissions and smart-rule access levels.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSUserGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = BeyondInsightSet)]
[OutputType(typeof(UserGroup))]
public sealed class NewPSUserGroupCommand : DirectoryPrincipalCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("GroupName")]
    public string Name { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>A7: the API registrations the group's members may use.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ApplicationRegistrationIds")]
    public int[]? ApplicationRegistrationId { get; set; }

    /// <summary>Entries such as <c>@{ PermissionID = 1; AccessLevelID = 2 }</c>.</summary>
    [Parameter]
    public object[]? Permission { get; set; }

    /// <summary>Entries such as <c>@{ SmartRuleID = 10; AccessLevelID = 1 }</c>.</summary>
    [Parameter]
    public object[]? SmartRuleAccess { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter Inactive { get; set; }

    [Parameter(ParameterSetName = LdapSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string GroupDistinguishedName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LdapSet, ValueFromPipelineByPropertyName = true)]
    public string? MembershipAttribute { get; set; }

    [Parameter(ParameterSetName = LdapSet, ValueFromPipelineByPropertyName = true)]
    public string? AccountAttribute { get; set; }

    /// <summary>Objects the module returned give no group settings: their values are theirs, not the new group's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new string[0];

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var spec = new UserGroupSpec
            {
                GroupType = ParameterSetName == ActiveDirectorySet ? UserBody.ActiveDirectory : ParameterSetName == LdapSet ? UserBody.Ldap : UserBody.BeyondInsight,
                Name = Name,
                Description = Description,
                IsActive = !Inactive,
                ApplicationRegistrationIds = ApplicationRegistrationId ?? new int[0],
                Permissions = AdminInputConverter.ToEntryList(Permission, "-Permission"),
                SmartRuleAccess = AdminInputConverter.ToEntryList(SmartRuleAccess, "-SmartRuleAccess"),
                ForestName = ForestName,
                DomainName = ParameterSetName == ActiveDirectorySet ? DomainName : null,
                GroupDistinguishedName = ParameterSetName == LdapSet ? GroupDistinguishedName : null,
                HostName = ParameterSetName == LdapSet ? HostName : null,
                Port = PortIfGiven,
                MembershipAttribute = MembershipAttribute,
                AccountAttribute = AccountAttribute,
                BindUser = BindUser,
                BindPassword = BindPassword,
                UseSsl = UseSsl,
            };
            spec.ToJson();
            if (!ShouldProcess($"{spec.GroupType} user group '{Name}'", "Create"))
            {
                return;
            }

            var service = new UserGroupService(Connect());
            WriteObject(Run((log, token) => service.CreateAsync(spec, log, token)));
        }, Name);
    }
}
