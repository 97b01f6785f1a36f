using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

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

    protected override void ProcessRecord()
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
                TryItem(() => WriteListed(Run((log, token) => service.ListAsync(UserName, IncludeInactive, log, token))), UserName);
                break;
        }
    }

    /// <summary>
    /// The server filters by name and answers an empty list when nobody has it: a name that matches nobody is
    /// ObjectNotFound, as in every other Get- cmdlet given a name, so <c>Get-PSUser -UserName x | Remove-PSUser</c> with a
    /// mistyped name does not look like a success.
    /// </summary>
    private void WriteListed(IReadOnlyList<User> users)
    {
        WriteObject(users, enumerateCollection: true);
        if (users.Count == 0 && !string.IsNullOrEmpty(UserName))
        {
            WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ObjectNotFound, $"No user named '{UserName}' was found.",
                "Check the name (domain\\user or the UPN for a directory user); add -IncludeInactive for an inactive user."), UserName));
        }
    }
}
