using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Deny-PSRequest denies a pending request or cancels an active one (`PUT Requests/{id}/Deny`, api-v3 §3.3).</summary>
[Cmdlet(VerbsLifecycle.Deny, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class DenyPSRequestCommand : RequestActionCmdlet
{
    [Parameter(Position = 1)]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    internal override string Queue => "app";

    internal override bool EndsRequest => true;

    internal override string ClosedStatus(string? before) => "Denied";

    internal override string Action => "Deny";

    internal override Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, CancellationToken token) =>
        client.DenyAsync(requestId, Reason, log, token, about);
}
