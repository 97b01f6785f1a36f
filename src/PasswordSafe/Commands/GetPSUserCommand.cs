using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists users, finds them by name (wildcards matched here, a literal name that finds nobody is ObjectNotFound), reads
/// some by id, or lists a group's members (api-v3 §6.6). Shows ClientSecretExpiryDate (C6).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSUser", DefaultParameterSetName = ListSet)]
[OutputType(typeof(User))]
public sealed class GetPSUserCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByGroupSet = "ByGroup";

    /// <summary>
    /// <c>user</c> for BeyondInsight users, <c>domain\user</c> or the UPN for directory users; a name with wildcards is
    /// not sent (the API matches exact names) but matched here against the user name and its <c>domain\user</c> form.
    /// </summary>
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserNameList>))]
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
                // A failed listing names what was listed: the name given, or "users".
                TryItem(() => WriteUsers(service, NameWildcard.From(UserName)), UserName ?? "users");
                break;
        }
    }

    /// <summary>As the other name lookups: wildcards match here, a literal name that finds nobody is ObjectNotFound.</summary>
    private void WriteUsers(UserService service, NameWildcard? name)
    {
        var users = Run((log, token) => service.ListAsync(name?.Exact, IncludeInactive, log, token));
        if (name == null)
        {
            WriteObject(users, enumerateCollection: true);
            return;
        }

        // The server's answer to a literal name is its match, whichever form (name, domain\user, UPN) was given.
        var found = false;
        foreach (var user in users.Where(u => !name.HasWildcards || name.IsMatch(u.UserName)
                                              || (!string.IsNullOrEmpty(u.DomainName) && name.IsMatch(u.DomainName + "\\" + u.UserName))))
        {
            found = true;
            WriteObject(user);
        }

        if (!found && !name.HasWildcards)
        {
            var inactive = IncludeInactive ? string.Empty : " Inactive users are found only with -IncludeInactive.";
            throw new PasswordSafeException(ErrorIds.ObjectNotFound, $"No user named '{name.Exact ?? name.Text}' was found.",
                $"Check the name: a directory user as domain\\user or its UPN.{inactive} Run Get-PSUser without -UserName to list them all.");
        }
    }
}
