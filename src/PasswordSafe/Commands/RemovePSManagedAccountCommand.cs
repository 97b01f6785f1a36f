using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Stops managing accounts (<c>DELETE ManagedAccounts/{id}</c>); accounts from Get-PSManagedAccount bind by AccountId. Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSManagedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSManagedAccountCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "Id")]
    public int[] AccountId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedAccountService(Connect());
        foreach (var id in AccountId)
        {
            if (ShouldChange(PipedTargetName.ManagedAccountTarget(PipedObject, id), "Remove", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAsync(id, log, token)), id);
            }
        }
    }
}
