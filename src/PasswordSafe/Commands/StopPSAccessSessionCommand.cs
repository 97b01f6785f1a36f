using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Terminates sessions (<c>POST Sessions/{id}/Terminate</c>, or all of an account or system:
/// <c>POST ManagedAccounts|ManagedSystems/{id}/Sessions/Terminate</c>, api-v3 §5.1): the connection is closed.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "PSAccessSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(AccessSessionInfo))]
public sealed class StopPSAccessSessionCommand : AccessSessionActionCmdlet
{
    internal override string Action => "Terminate";

    internal override Task SendAsync(AccessSessionService service, int sessionId, RequestLog log, CancellationToken token) =>
        service.TerminateAsync(sessionId, log, token);

    internal override Task SendAllAsync(AccessSessionService service, AccessTarget target, RequestLog log, CancellationToken token) =>
        service.TerminateAllAsync(target, log, token);
}
