using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Lists requests (<c>GET Requests</c>, api-v3 §3.1): the caller's own, or those waiting for the caller's approval.</summary>
[Cmdlet(VerbsCommon.Get, "PSRequest")]
[OutputType(typeof(Request))]
public sealed class GetPSRequestCommand : CheckoutCmdlet
{
    /// <summary>
    /// Not given: All in the Requestor queue, Pending in the Approver queue, so <c>Get-PSRequest -Queue Approver |
    /// Approve-PSRequest</c> approves what waits for the caller rather than failing on requests approved already.
    /// </summary>
    [Parameter]
    [ValidateSet("All", "Active", "Pending", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Requestor: requests you made (<c>queue=req</c>); Approver: requests you may approve (<c>queue=app</c>).</summary>
    [Parameter]
    [ValidateSet("Requestor", "Approver", IgnoreCase = true)]
    public string Queue { get; set; } = "Requestor";

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[]? RequestId { get; set; }

    private bool IsApproverQueue => Queue.Equals("Approver", StringComparison.OrdinalIgnoreCase);

    private string QueueName => IsApproverQueue ? "Approver" : "Requestor";

    /// <summary>What a failed listing names as its target: the queue that was listed.</summary>
    private string ListingTarget => QueueName + " queue";

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var queue = IsApproverQueue ? "app" : "req";
        var status = (Status ?? (IsApproverQueue ? "Pending" : "All")).ToLowerInvariant();
        IReadOnlyList<Request> requests;
        try
        {
            requests = Run((log, token) => client.GetRequestsAsync(status, queue, log, token));
        }
        catch (PasswordSafeApiException e) when (e.StatusCode == 403)
        {
            // 4032/4033: the queue asked for needs a role the caller lacks. Like every failed listing, the rest goes on.
            WriteItemError(CheckoutErrors.QueueRefused(e, QueueName), ListingTarget);
            return;
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, ListingTarget);
            return;
        }

        if (RequestId == null)
        {
            WriteRequests(client, requests);
            return;
        }

        var found = new List<Request>();
        foreach (var id in RequestId)
        {
            var match = requests.FirstOrDefault(r => r.RequestId == id);
            if (match == null)
            {
                WriteItemError(CheckoutErrors.RequestNotFound($"A request with that id ({status}, {Queue} queue)"), MaskedRequest);
            }
            else
            {
                found.Add(match);
            }
        }

        WriteRequests(client, found);
    }

    /// <summary>
    /// The requests with their alias names (one <c>GET Aliases</c> at most, only when one was made through an alias); in
    /// the Approver queue marked for the view that shows who asked and why.
    /// </summary>
    private void WriteRequests(CheckoutClient client, IReadOnlyList<Request> requests)
    {
        Run((log, token) => client.NameAliasesAsync(requests, AliasNamesExplained, log, token));
        foreach (var request in requests)
        {
            WriteObject(IsApproverQueue ? ApproverQueueView.Mark(request) : request);
        }
    }
}
