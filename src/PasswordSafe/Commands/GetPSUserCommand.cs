using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists users, finds one by name, reads some by id, or lists a group's members (api-v3 §6.6). Shows ClientSecretExpiryDate (C6).</summary>
[Cmdlet(VerbsCommon.Get, "PSUser", DefaultParameterSetName = ListSet)]
[OutputType(typeof(User))]
public sealed class GetPSUserCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByGroupSet = "ByGroup";

    /// <summary><c>user</c> for BeyondInsight users, <c>domain\user</c> or the UPN for directory users.</summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? UserName { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter IncludeInactive { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] UserId { get; set; } = new int[0];

    [Parameter(ParameterSetName = ByGroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserService(Connect());
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in UserId)
                {
                    TryItem(() => WriteObject(Run((log, token) => service.GetAsync(id, log, token))), id);
                }

                break;
            case ByGroupSet:
                TryItem(() => WriteObject(Run((log, token) => service.ListGroupMembersAsync(GroupId, log, token)), enumerateCollection: true), GroupId);
                break;
            default:
                TryItem(() => WriteObject(Run((log, token) => service.ListAsync(UserName, IncludeInactive, log, token)), enumerateCollection: true), UserName);
                break;
        }
    }
}
