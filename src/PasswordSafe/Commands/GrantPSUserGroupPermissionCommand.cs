using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Grants a user group feature permissions at an access level (<c>POST UserGroups/{id}/Permissions</c>). The permissions
/// the group already holds are kept: they are read first and sent along. -Replace leaves the group only these.
/// Security-relevant (a permission opens administration calls to every member), so it asks first unless -Force.
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "PSUserGroupPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
    DefaultParameterSetName = GroupIdPermissionSet)]
[OutputType(typeof(void))]
public sealed class GrantPSUserGroupPermissionCommand : GroupPermissionChangeCmdlet
{
    /// <summary>The group's id; groups and permission grants piped in bind by it.</summary>
    [Parameter(ParameterSetName = GroupIdPermissionSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = GroupIdPermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    /// <summary>The group's exact name (any case).</summary>
    [Parameter(ParameterSetName = GroupNamePermissionSet, Mandatory = true)]
    [Parameter(ParameterSetName = GroupNamePermissionIdSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserGroupNameList>))]
    public string GroupName { get; set; } = string.Empty;

    /// <summary>Permission names as Get-PSPermission lists them, such as "User Accounts Management".</summary>
    [Parameter(ParameterSetName = GroupIdPermissionSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = GroupNamePermissionSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string[] Permission { get; set; } = new string[0];

    /// <summary>Permission ids; permissions from Get-PSPermission and Get-PSUserGroupPermission bind by it.</summary>
    [Parameter(ParameterSetName = GroupIdPermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = GroupNamePermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public int[] PermissionId { get; set; } = new int[0];

    /// <summary>
    /// The level, by the name the server lists (Get-PSAccessLevel), the console's name (Read Only, Full Control) or id.
    /// Binds by property name, so a group's permissions piped from Get-PSUserGroupPermission keep their level.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string AccessLevel { get; set; } = string.Empty;

    /// <summary>Leave the group only the permissions given, removing the others it holds.</summary>
    [Parameter]
    public SwitchParameter Replace { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override int TypedGroupId => GroupId;

    private protected override string? TypedGroupName => ByGroupName ? GroupName : null;

    private protected override string[]? TypedPermissionNames => ByPermissionName ? Permission : null;

    private protected override int[]? TypedPermissionIds => ByPermissionName ? null : PermissionId;

    private bool ByGroupName => ParameterSetName == GroupNamePermissionSet || ParameterSetName == GroupNamePermissionIdSet;

    private bool ByPermissionName => ParameterSetName == GroupIdPermissionSet || ParameterSetName == GroupNamePermissionSet;

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new PermissionService(client);
        if (!TryNamedPermissions(service, out var ids))
        {
            return;
        }

        PasswordSafe.AccessLevel? level = null;
        if (!TryItem(() => level = PermissionResolver.ResolveLevel(AccessLevel, KnownLevels(service)), AccessLevel))
        {
            return;
        }

        Change(client, service, held => GroupPermissionChange.Grant(held, ids!, level!.AccessLevelId, Replace), Force);
    }

    private protected override string Action(GroupPermissionChange change, PermissionWords words)
    {
        var result = Levels(change.Result);
        var granted = change.Granted.Select(id => words.Permission(id) + " (" + words.Level(result[id]) +
                                                  (change.Held.TryGetValue(id, out var was) ? ", was " + words.Level(was) : string.Empty) + ")");
        return "Grant " + string.Join(", ", granted) +
               (change.Kept.Count > 0 ? ", keeping " + words.List(change.Kept, result) : string.Empty) +
               (change.Removed.Count > 0 ? ", removing " + words.List(change.Removed, change.Held) : string.Empty);
    }

    private protected override string NothingToChange(GroupPermissionChange change, PermissionWords words) =>
        "already holds " + words.List(change.Unchanged, change.Held) + ": nothing to change.";
}
