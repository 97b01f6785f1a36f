using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Complete-PSRequest checks in a request (`PUT Requests/{id}/Checkin`, spec E1): the credential is released and, if marked, rotated.</summary>
[Cmdlet(VerbsLifecycle.Complete, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class CompletePSRequestCommand : RequestActionCmdlet
{
    [Parameter(Position = 1)]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    internal override string Queue => "req";

    internal override bool EndsRequest => true;

    /// <summary>The emulator's and server's words: an active request is checked in, a pending one canceled.</summary>
    internal override string ClosedStatus(string? before) =>
        string.Equals(before, "Pending", System.StringComparison.OrdinalIgnoreCase) ? "Canceled" : "CheckedIn";

    internal override string Action => "Check in";

    internal override Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, CancellationToken token) =>
        client.CheckInAsync(requestId, Reason, log, token, about);
}
