using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Lists the caller's request sets (<c>GET RequestSets</c>, api-v3 §3.4) with their requests as they stand now.</summary>
[Cmdlet(VerbsCommon.Get, "PSRequestSet")]
[OutputType(typeof(RequestSet))]
public sealed class GetPSRequestSetCommand : CheckoutCmdlet
{
    /// <summary>All: sets with an open request; Active/Pending: sets with an active/pending request.</summary>
    [Parameter]
    [ValidateSet("All", "Active", "Pending", IgnoreCase = true)]
    public string Status { get; set; } = "All";

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[]? RequestSetId { get; set; }

    /// <summary>What a failed listing names as its target: "All request sets", "Pending request sets".</summary>
    private string ListingTarget =>
        (Status.Length == 0 ? Status : char.ToUpperInvariant(Status[0]) + Status.Substring(1).ToLowerInvariant()) + " request sets";

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        IReadOnlyList<RequestSet> sets;
        try
        {
            sets = Run((log, token) => client.GetRequestSetsAsync(Status.ToLowerInvariant(), log, token));
        }
        catch (PasswordSafeException e)
        {
            // Non-terminating, like every failed listing: -ErrorAction applies and the rest of the pipeline goes on.
            WriteItemError(e, ListingTarget);
            return;
        }

        if (RequestSetId == null)
        {
            WriteObject(sets, enumerateCollection: true);
            return;
        }

        foreach (var id in RequestSetId)
        {
            var match = sets.FirstOrDefault(s => s.RequestSetId == id);
            if (match == null)
            {
                WriteItemError(CheckoutErrors.RequestSetNotFound($"A request set with that id ({Status.ToLowerInvariant()})"), "request set " + Redactor.Mask);
            }
            else
            {
                WriteObject(match);
            }
        }
    }
}
