using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Changes a managed account's settings (<c>PUT ManagedAccounts/{id}</c>, api-v3 §2.2); values not given keep their
/// current value. Accounts from Get-PSManagedAccount or New-PSManagedAccount bind by AccountId. Credentials are
/// changed with Set-PSManagedAccountCredential.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PSManagedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedAccountSettings))]
public sealed class SetPSManagedAccountCommand : ManagedAccountSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "Id")]
    public int AccountId { get; set; }

    [Parameter]
    public string? AccountName { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var changes = BoundFields(ManagedAccountFields.Updatable);
            BodyBuilder.Build("managed account", ManagedAccountFields.Updatable, changes, null, ParseVersion(ApiVersion));
            if (!ShouldProcess(ManagedAccountService.Describe(AccountId), "Update"))
            {
                return;
            }

            var service = new ManagedAccountService(Connect());
            var updated = Run((log, token) => service.UpdateAsync(AccountId, changes, ParseVersion(ApiVersion), log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, AccountId);
    }
}
