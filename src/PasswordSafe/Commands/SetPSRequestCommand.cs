using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>Set-PSRequest marks a request so the password is rotated when it is checked in or expires (<c>PUT Requests/{id}/RotateOnCheckin</c>).</summary>
[Cmdlet(VerbsCommon.Set, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Request))]
public sealed class SetPSRequestCommand : RequestActionCmdlet
{
    /// <summary>The only setting the API offers; mandatory so the command never does nothing silently.</summary>
    [Parameter(Mandatory = true)]
    public SwitchParameter RotateOnCheckin { get; set; }

    internal override string Queue => "req";

    internal override string Action => "Rotate the password on check-in";

    internal override Task SendAsync(CheckoutClient client, int requestId, string? about, RequestLog log, CancellationToken token) =>
        client.SetRotateOnCheckinAsync(requestId, log, token, about);
}
