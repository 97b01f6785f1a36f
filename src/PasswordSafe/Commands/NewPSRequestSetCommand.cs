using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Requests several access types to one account as one set (<c>POST RequestSets</c>, api-v3 §3.4), typically View and
/// RDP: the password and a session, approved together. Takes accounts like New-PSRequest. A set waiting for approval
/// is a warning, not an error; its requests pipe on to Get-PSCredential, New-PSAccessSession, Wait-PSRequest and
/// Complete-PSRequest.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSRequestSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RequestSet))]
public sealed class NewPSRequestSetCommand : RequestOptionsCmdlet
{
    /// <summary>One request per type; one type is allowed, so a list built by a script may hold a single type.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet("View", "RDP", "SSH", "App", IgnoreCase = true)]
    [ValidateCount(1, 4)]
    public string[] AccessType { get; set; } = new string[0];

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? ApplicationId { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var target = DescribeTarget();
        try
        {
            var account = TargetAccount(client);
            if (account != null)
            {
                target = Describe(account.SystemName, account.AccountName);
            }

            var spec = new NewRequestSetSpec
            {
                AccessTypes = AccessType,
                SystemId = account?.SystemId ?? SystemId,
                AccountId = account?.AccountId ?? AccountId,
                // An application account brings its application id; a typed one wins.
                ApplicationId = ApplicationId ?? account?.ApplicationId,
                DurationMinutes = DurationFor(account),
                Reason = Reason,
                TicketSystemId = TicketSystemId,
                TicketNumber = TicketNumber,
            };
            var types = string.Join(", ", AccessType);
            if (!ShouldProcess(target, $"Request {types} access as one set for {spec.DurationMinutes} minutes"))
            {
                return;
            }

            var description = target;
            var set = Run((log, token) => client.CreateRequestSetAsync(spec, description, log, token));
            if (string.Equals(set.Status, "Pending", StringComparison.OrdinalIgnoreCase))
            {
                WriteWarning($"The request set for {target} ({types}) is waiting for approval. Pipe its requests to Wait-PSRequest "
                    + "($set.Requests | Wait-PSRequest) to wait for the approver; Get-PSCredential and New-PSAccessSession work once it is approved.");
            }

            WriteObject(set);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }
}
