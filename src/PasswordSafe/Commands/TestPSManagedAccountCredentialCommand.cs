using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Checks that the stored credential still works on the system (<c>POST ManagedAccounts/{id}/Credentials/Test</c>,
/// api-v3 §4.2): $true or $false per account. Changes nothing, so it does not ask for confirmation.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "PSManagedAccountCredential")]
[OutputType(typeof(bool))]
public sealed class TestPSManagedAccountCredentialCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "Id")]
    public int[] AccountId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new ManagedAccountService(Connect());
        foreach (var id in AccountId)
        {
            TryItem(() => WriteObject(Run((log, token) => service.TestCredentialAsync(id, log, token))), id);
        }
    }
}
