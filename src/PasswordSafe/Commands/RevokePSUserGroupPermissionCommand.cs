using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Takes feature permissions away from a user group: the named ones, or every one with -All
/// (<c>DELETE UserGroups/{id}/Permissions</c>, then <c>POST</c> of those it keeps). Security-relevant, so it asks first
/// unless -Force.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "PSUserGroupPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
    DefaultParameterSetName = GroupIdPermissionSet)]
[OutputType(typeof(void))]
public sealed class RevokePSUserGroupPermissionCommand : GroupPermissionChangeCmdlet
{
    private const string GroupIdAllSet = "GroupIdAll";
    private const string GroupNameAllSet = "GroupNameAll";

    /// <summary>The group's id; groups and permission grants piped in bind by it.</summary>
    [Parameter(ParameterSetName = GroupIdPermissionSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = GroupIdPermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = GroupIdAllSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    /// <summary>The group's exact name (any case).</summary>
    [Parameter(ParameterSetName = GroupNamePermissionSet, Mandatory = true)]
    [Parameter(ParameterSetName = GroupNamePermissionIdSet, Mandatory = true)]
    [Parameter(ParameterSetName = GroupNameAllSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserGroupNameList>))]
    public string GroupName { get; set; } = string.Empty;

    /// <summary>Permission names as Get-PSPermission lists them.</summary>
    [Parameter(ParameterSetName = GroupIdPermissionSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = GroupNamePermissionSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string[] Permission { get; set; } = new string[0];

    /// <summary>Permission ids; the objects Get-PSUserGroupPermission writes bind by it (with their GroupId).</summary>
    [Parameter(ParameterSetName = GroupIdPermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = GroupNamePermissionIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public int[] PermissionId { get; set; } = new int[0];

    /// <summary>Every permission the group holds.</summary>
    [Parameter(ParameterSetName = GroupIdAllSet, Mandatory = true)]
    [Parameter(ParameterSetName = GroupNameAllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override int TypedGroupId => GroupId;

    private protected override string? TypedGroupName =>
        ParameterSetName == GroupNamePermissionSet || ParameterSetName == GroupNamePermissionIdSet || ParameterSetName == GroupNameAllSet ? GroupName : null;

    private protected override string[]? TypedPermissionNames =>
        ParameterSetName == GroupIdPermissionSet || ParameterSetName == GroupNamePermissionSet ? Permission : null;

    private protected override int[]? TypedPermissionIds =>
        ParameterSetName == GroupIdPermissionIdSet || ParameterSetName == GroupNamePermissionIdSet ? PermissionId : null;

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new PermissionService(client);
        if (!TryNamedPermissions(service, out var ids))
        {
            return;
        }

        Change(client, service, held => GroupPermissionChange.Revoke(held, All ? null : ids), Force);
    }

    private protected override string Action(GroupPermissionChange change, PermissionWords words)
    {
        var revoked = change.Removed.Count == change.Held.Count && change.Held.Count > 1
            ? "every permission: " + words.List(change.Removed, change.Held)
            : words.List(change.Removed, change.Held);
        return "Revoke " + revoked + (change.Kept.Count > 0 ? ", keeping " + words.List(change.Kept, change.Held) : string.Empty);
    }

    private protected override string NothingToChange(GroupPermissionChange change, PermissionWords words) =>
        All
            ? "holds no permission: nothing to revoke."
            : "holds none of " + string.Join(", ", change.NotHeld.Select(words.Permission)) + ": nothing to revoke.";
}
