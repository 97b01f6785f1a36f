using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists user groups (wildcards allowed), or reads some by id (api-v3 §6.5).</summary>
[Cmdlet(VerbsCommon.Get, "PSUserGroup", DefaultParameterSetName = ListSet)]
[OutputType(typeof(UserGroup))]
public sealed class GetPSUserGroupCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserGroupNameList>))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] GroupId { get; set; } = new int[0];

    internal override string? PipedInputHint =>
        "The API has no call for a user's groups: Get-PSUser -GroupId lists a group's members.";

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());

        // A literal name uses the server's ?name= lookup; a pattern filters the full list here.
        var exact = Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) ? WildcardPattern.Unescape(Name) : null;
        WriteByIdOrMatching(GroupId, service.GetAsync, (log, token) => service.ListAsync(exact, log, token), Name, g => g.Name, "user group");
    }
}
