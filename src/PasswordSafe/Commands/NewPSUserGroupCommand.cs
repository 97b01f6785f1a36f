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
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public string? Description { get; set; }

    /// <summary>A7: the API registrations the group's members may use.</summary>
    [Parameter]
    public int[]? ApplicationRegistrationId { get; set; }

    /// <summary>Entries such as <c>@{ PermissionID = 1; AccessLevelID = 2 }</c>.</summary>
    [Parameter]
    public object[]? Permission { get; set; }

    /// <summary>Entries such as <c>@{ SmartRuleID = 10; AccessLevelID = 1 }</c>.</summary>
    [Parameter]
    public object[]? SmartRuleAccess { get; set; }

    [Parameter]
    public SwitchParameter Inactive { get; set; }

    [Parameter(ParameterSetName = LdapSet, Mandatory = true)]
    public string GroupDistinguishedName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LdapSet)]
    public string? MembershipAttribute { get; set; }

    [Parameter(ParameterSetName = LdapSet)]
    public string? AccountAttribute { get; set; }

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
