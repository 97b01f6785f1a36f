using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the sessions Password Safe monitors (<c>GET Sessions</c>, api-v3 §5.1) or reads some by id: who is in which
/// session to which account, and its state. Needs an Administrators group, or the ISA or Auditor role on the accounts.
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

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[] SessionId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new AccessSessionService(Connect());
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in SessionId)
            {
                TryItem(() => WriteObject(Run((log, token) => service.GetAsync(id, log, token))), id);
            }

            return;
        }

        var statuses = Status == null || Status.Length == 0
            ? new int?[] { null }
            : Status.Select(SessionStatusNames.CodeOf).Distinct().Select(code => (int?)code).ToArray();
        foreach (var status in statuses)
        {
            var userId = UserId;
            if (!TryItem(() => WriteListed(Run((log, token) => service.ListAsync(status, userId, log, token)), status), "sessions"))
            {
                return;
            }
        }
    }

    /// <summary>Writes one listing; a full one is the server's row limit, so it says the rest may be missing.</summary>
    private void WriteListed(IReadOnlyList<AccessSessionInfo> sessions, int? status)
    {
        WriteObject(sessions, enumerateCollection: true);
        if (sessions.Count >= AccessSessionService.ServerRowLimit)
        {
            var which = status == null ? "sessions" : SessionStatusNames.NameOf(status.Value) + " sessions";
            WriteWarning(string.Format(CultureInfo.InvariantCulture, "The server answered {0:N0} {1}, the most it lists in one answer: there may be more "
                + "that it did not send. Narrow the listing with -Status or -UserId.", sessions.Count, which));
        }
    }
}
