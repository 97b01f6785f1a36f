using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the sessions Password Safe monitors (<c>GET Sessions</c>, api-v3 §5.1) or reads some by id: who is in which
/// session to which account, and its state. Needs an Administrators group, or the ISA or Auditor role on the accounts.
/// A piped account lists the sessions on it and a piped user that user's: through parameters typed as those objects,
/// because a by-property-name AccountId or UserId in the default set would also take a piped session, which must bind by
/// its id. They are not hidden plumbing: what they bind is what the listing is about.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSAccessSession", DefaultParameterSetName = ListSet)]
[OutputType(typeof(AccessSessionInfo))]
public sealed class GetPSAccessSessionCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>Only sessions in these states (each state is one server-side filtered call).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("NotStarted", "InProgress", "Completed", "Locked", "Terminated", "LoggedOff", "Disconnected", IgnoreCase = true)]
    public string[]? Status { get; set; }

    /// <summary>Only the sessions of this user (the server's <c>userID</c> filter).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public int? UserId { get; set; }

    /// <summary>Only the sessions on these managed accounts. GET Sessions has no such filter: the listing is filtered here.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("AccountId")]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, int.MaxValue)]
    public int[]? ManagedAccountId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[] SessionId { get; set; } = new int[0];

    /// <summary>An account from Get-PSManagedAccount, usually piped: lists the sessions on it.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipeline = true)]
    public ManagedAccount? InputAccount { get; set; }

    /// <summary>The provisioning view of an account, usually piped: lists the sessions on it.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipeline = true)]
    public ManagedAccountSettings? InputAccountSettings { get; set; }

    /// <summary>A user from Get-PSUser, usually piped: lists that user's sessions.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipeline = true)]
    public User? InputUser { get; set; }

    // One listing per session, status and user serves every piped account: each account filters the same rows.
    private readonly Dictionary<(PasswordSafeSession Session, int? Status, int? UserId), IReadOnlyList<AccessSessionInfo>> _listings =
        new Dictionary<(PasswordSafeSession, int?, int?), IReadOnlyList<AccessSessionInfo>>();

    protected override void ProcessItem()
    {
        var session = ResolveSession(Session);
        var service = new AccessSessionService(new AdminClient(session));
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in SessionId)
            {
                TryItem(() => WriteObject(Run((log, token) => service.GetAsync(id, log, token))), id);
            }

            return;
        }

        var piped = (object?)InputAccount ?? (object?)InputAccountSettings ?? InputUser;
        (HashSet<int>? Accounts, int? UserId) filters = default;
        if (!TryItem(() => filters = Filters(), piped ?? "sessions"))
        {
            return;
        }

        var (accountIds, userId) = filters;
        var statuses = Status == null || Status.Length == 0
            ? new int?[] { null }
            : Status.Select(SessionStatusNames.CodeOf).Distinct().Select(code => (int?)code).ToArray();
        foreach (var status in statuses)
        {
            if (!TryItem(() => WriteListed(List(service, session, status, userId, accountIds), accountIds), piped ?? "sessions"))
            {
                return;
            }
        }
    }

    /// <summary>
    /// The accounts and user to keep: typed, or those of the piped object. Both for one thing would keep nothing, or
    /// keep the piped one against what was typed, so that is refused instead.
    /// </summary>
    private (HashSet<int>? Accounts, int? UserId) Filters()
    {
        var userId = UserId;
        var accountIds = ManagedAccountId == null ? null : new HashSet<int>(ManagedAccountId);
        var pipedAccount = InputAccount?.AccountId ?? InputAccountSettings?.AccountId;
        if (pipedAccount is int account)
        {
            if (accountIds != null && !accountIds.Contains(account))
            {
                throw new PasswordSafeException(ErrorIds.ValidationFailed,
                    $"The piped account {account} is not among -ManagedAccountId {string.Join(", ", ManagedAccountId!)}: its sessions would all be left out.",
                    "Pipe the accounts, or give -ManagedAccountId, not both.");
            }

            accountIds = new HashSet<int> { account };
        }

        if (InputUser != null)
        {
            if (userId != null && userId != InputUser.UserId)
            {
                throw new PasswordSafeException(ErrorIds.ValidationFailed,
                    $"The piped user {InputUser.UserId} is not -UserId {userId}: the listing would be empty.",
                    "Pipe the users, or give -UserId, not both.");
            }

            userId = InputUser.UserId;
        }

        return (accountIds, userId);
    }

    /// <summary>The sessions in one status, read once per session, status and user for all the accounts piped in.</summary>
    private IReadOnlyList<AccessSessionInfo> List(AccessSessionService service, PasswordSafeSession session, int? status, int? userId, HashSet<int>? accountIds)
    {
        var key = (session, status, userId);
        if (accountIds != null && _listings.TryGetValue(key, out var listed))
        {
            return listed;
        }

        listed = Run((log, token) => service.ListAsync(status, userId, log, token));
        if (accountIds != null)
        {
            _listings[key] = listed;
        }

        WarnWhenFull(listed, status);
        return listed;
    }

    /// <summary>Writes the listed sessions on the accounts asked for (all of them when none were).</summary>
    private void WriteListed(IReadOnlyList<AccessSessionInfo> sessions, HashSet<int>? accountIds)
    {
        foreach (var listed in sessions)
        {
            if (accountIds == null || accountIds.Contains(listed.AccountId))
            {
                WriteObject(listed);
            }
        }
    }

    /// <summary>A full listing is the server's row limit: it says the rest may be missing (once per listing read).</summary>
    private void WarnWhenFull(IReadOnlyList<AccessSessionInfo> sessions, int? status)
    {
        if (sessions.Count >= AccessSessionService.ServerRowLimit)
        {
            var which = status == null ? "sessions" : SessionStatusNames.NameOf(status.Value) + " sessions";
            WriteWarning(string.Format(CultureInfo.InvariantCulture, "The server answered {0:N0} {1}, the most it lists in one answer: there may be more "
                + "that it did not send. Narrow the listing with -Status or -UserId.", sessions.Count, which));
        }
    }
}
