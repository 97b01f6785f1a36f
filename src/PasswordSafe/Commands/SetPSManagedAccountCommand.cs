using System.Collections.Generic;
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

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AccountName { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A piped account gives its id only: its other properties are its current values, not changes.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(AccountId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var what = ManagedAccountService.Describe(AccountId);
            RequireASetting(what);
            var changes = BoundFields(ManagedAccountFields.Updatable);
            BodyBuilder.Build("managed account", ManagedAccountFields.Updatable, changes, null, ParseVersion(ApiVersion));
            var service = new ManagedAccountService(Connect());
            var plan = Run((log, token) => service.PlanUpdateAsync(AccountId, changes, ParseVersion(ApiVersion), log, token));
            if (!ShouldUpdate(PipedTargetName.Describe(what, plan.Current.AccountName), plan.Changed, plan.Current, PassThru))
            {
                return;
            }

            var updated = Run((log, token) => service.SendUpdateAsync(plan, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, AccountId);
    }
}
