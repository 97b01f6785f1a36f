using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a managed account on a managed system (E5, <c>POST ManagedSystems/{id}/ManagedAccounts?version=</c>,
/// api-v3 §2.2); a piped ManagedSystem binds by ManagedSystemId. Limits are checked before sending; the password
/// is a SecureString and never logged.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSManagedAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedAccountSettings))]
public sealed class NewPSManagedAccountCommand : ManagedAccountSettingsCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SystemId")]
    public int ManagedSystemId { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string AccountName { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecureString? Password { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecureString? PrivateKey { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecureString? Passphrase { get; set; }

    /// <summary>A piped system gives its id only: its password settings are the system's, not the new account's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(ManagedSystemId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var values = BoundFields(ManagedAccountFields.All);
            ManagedAccountService.BuildForCreate(values, ParseVersion(ApiVersion));
            if (!ShouldProcess(PipedTargetName.ManagedSystemTarget(PipedObject, ManagedSystemId), $"Create managed account '{AccountName}'"))
            {
                return;
            }

            var service = new ManagedAccountService(Connect());
            WriteObject(Run((log, token) => service.CreateAsync(ManagedSystemId, values, ParseVersion(ApiVersion), log, token)));
        }, AccountName);
    }
}
