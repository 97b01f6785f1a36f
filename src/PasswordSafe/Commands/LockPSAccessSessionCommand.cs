using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Locks sessions (<c>POST Sessions/{id}/Lock</c>, or all of an account or system: <c>POST ManagedAccounts|ManagedSystems/{id}/Sessions/Lock</c>,
/// api-v3 §5.1): the user stays connected but can do nothing.
/// </summary>
[Cmdlet(VerbsCommon.Lock, "PSAccessSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(AccessSessionInfo))]
public sealed class LockPSAccessSessionCommand : AccessSessionActionCmdlet
{
    internal override string Action => "Lock";

    internal override Task SendAsync(AccessSessionService service, int sessionId, RequestLog log, CancellationToken token) =>
        service.LockAsync(sessionId, log, token);

    internal override Task SendAllAsync(AccessSessionService service, AccessTarget target, RequestLog log, CancellationToken token) =>
        service.LockAllAsync(target, log, token);
}
