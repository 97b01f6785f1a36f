using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// api-v3 §4.1/§4.2 credential calls that have no cmdlet, as a runbook makes them through Invoke-PSRestMethod against
/// the emulator: read by account, set by workgroup/asset/account names, change every account of a system. Each works as
/// the reference describes, and the credentials stay out of every stream but the output.
/// </summary>
public sealed class AccountCredentialCallTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void Api41_ReadByAccount_IsaHolderGetsThePassword_ARequestorWithoutAnActiveRequestIsRefused4031()
    {
        using var isa = emulator.RunnerFor("isa-user");
        using var requestor = emulator.RunnerFor("demo");
        var password = emulator.Seed.AccountPassword(CheckoutSeed.IsaDeploy);

        var read = isa.Run($"Invoke-PSRestMethod -Path 'ManagedAccounts/{CheckoutSeed.IsaDeploy}/Credentials' -Verbose -Debug").AssertSuccess();
        var refused = requestor.Run($"Invoke-PSRestMethod -Path 'ManagedAccounts/{CheckoutSeed.WebAdministrator}/Credentials'");

        Assert.Equal(password, read.SingleValue);
        SecretScanner.AssertNoSecrets(string.Join("\n", read.Verbose.Concat(read.Debug)), new[] { password }, "read by account");
        Assert.Contains("4031", refused.AssertError("PermissionDenied", ErrorCategory.PermissionDenied).ErrorDetails.Message);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.CredentialRead && e.UserName == "isa-user" && e.Reason!.Contains("ISA role"));
    }

    /// <summary>The stored password, read as an administrator through GET ManagedAccounts/{id}/Credentials.</summary>
    private static string Stored(PowerShellRunner admin, int accountId) =>
        (string)admin.Run($"Invoke-PSRestMethod -Path 'ManagedAccounts/{accountId}/Credentials'").AssertSuccess().SingleValue!;

    [Fact]
    public void Api42_SetByNames_ThenChangeEveryAccountOfTheSystem_AsAnAdministrator()
    {
        using var admin = emulator.RunnerFor("admin");

        admin.Run("Invoke-PSRestMethod -Method PUT -Path 'Credentials' -Query @{ workgroupName = 'Default Workgroup'; assetName = 'lnx01'; accountName = 'deploy' } " +
                  "-Body @{ Password = 'Set-By-Names-1!' } -Confirm:$false").AssertSuccess();
        Assert.Equal("Set-By-Names-1!", Stored(admin, CheckoutSeed.IsaDeploy));
        var missing = admin.Run("Invoke-PSRestMethod -Method PUT -Path 'Credentials' -Query @{ workgroupName = 'Default Workgroup'; assetName = 'lnx01'; accountName = 'nobody' } " +
                                "-Body @{ Password = 'x' } -Confirm:$false");
        Assert.Contains("Managed Account not found", missing.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).ToString());

        var changes = emulator.State.PasswordChangeCount(CheckoutSeed.LinuxRoot);
        admin.Run("Invoke-PSRestMethod -Method POST -Path 'ManagedSystems/4/ManagedAccounts/Credentials/Change' -Confirm:$false").AssertSuccess();

        Assert.Equal(changes + 1, emulator.State.PasswordChangeCount(CheckoutSeed.LinuxRoot));
        Assert.NotEqual("Set-By-Names-1!", Stored(admin, CheckoutSeed.IsaDeploy));
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), Stored(admin, CheckoutSeed.WebAdministrator));
    }
}
