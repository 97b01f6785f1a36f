using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Rotates a managed account's password now, or queues the change (<c>POST ManagedAccounts/{id}/Credentials/Change</c>, api-v3 §4.2).</summary>
[Cmdlet(VerbsLifecycle.Start, "PSManagedAccountPasswordChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class StartPSManagedAccountPasswordChangeCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "Id")]
    public int[] AccountId { get; set; } = new int[0];

    /// <summary>Queue the change for the server's change agent instead of changing now.</summary>
    [Parameter]
    public SwitchParameter Queue { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedAccountService(Connect());
        foreach (var id in AccountId)
        {
            if (ShouldProcess(PipedTargetName.ManagedAccountTarget(PipedObject, id), Queue ? "Queue a password change" : "Change the password now"))
            {
                TryItem(() => Run((log, token) => service.ChangeCredentialAsync(id, Queue, log, token)), id);
            }
        }
    }
}
