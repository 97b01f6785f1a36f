using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Approve-PSRequest approves a pending request (`PUT Requests/{id}/Approve`, api-v3 §3.3) as an approver.</summary>
[Cmdlet(VerbsLifecycle.Approve, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class ApprovePSRequestCommand : RequestActionCmdlet
{
    [Parameter(Position = 1)]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    internal override string Queue => "app";

    internal override string Action => "Approve";

    internal override Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, CancellationToken token) =>
        client.ApproveAsync(requestId, Reason, log, token, about);
}
