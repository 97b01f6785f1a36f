using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// D1 (400 validation failure) as a module user meets it on the emulator: a number where the API expects text, and an
/// id that names nothing, are ValidationFailed with the server's reason, and the emulator keeps what it had.
/// </summary>
public sealed class EmulatorBodyValidationTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private static string Stored(PowerShellRunner admin, int accountId) =>
        (string)admin.Run($"Invoke-PSRestMethod -Path 'ManagedAccounts/{accountId}/Credentials'").AssertSuccess().SingleValue!;

    [Fact]
    public void D1_NumberSentAsAPassword_ValidationFailed_PasswordMustBeText_TheStoredPasswordStays()
    {
        using var admin = emulator.RunnerFor("admin");

        var result = admin.Run($"Invoke-PSRestMethod -Method PUT -Path 'ManagedAccounts/{CheckoutSeed.RotatingService}/Credentials' -Body @{{ Password = 123 }} -Confirm:$false");

        Assert.Contains("Password must be text", result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).ToString());
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.RotatingService), Stored(admin, CheckoutSeed.RotatingService));
    }

    [Fact]
    public void D1_SetPSManagedSystem_ApplicationHostIdOfNoSystem_ValidationFailed_NothingChanged()
    {
        using var admin = emulator.RunnerFor("admin");

        var result = admin.Run("Set-PSManagedSystem -ManagedSystemId 1 -ApplicationHostId 999 -Confirm:$false");

        Assert.Contains("ApplicationHostID 999 is not a managed system", result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).ToString());
        Assert.False(emulator.State.FindManagedSystem(1)!.Settings.ContainsKey("ApplicationHostID"));
    }

    [Fact]
    public void D1_NewPSUser_RefusedByTheServer_UsesUpNoUserId()
    {
        using var admin = emulator.RunnerFor("admin");
        var next = emulator.State.Users.Max(u => u.UserId) + 1;

        admin.Run("New-PSUser -UserName 'bound-to-a-key' -ApplicationUser -AccessPolicyId 1").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        var made = admin.Run("(New-PSUser -UserName 'next-bot' -ApplicationUser -AccessPolicyId 20 -WarningAction SilentlyContinue).UserId").AssertSuccess();

        Assert.Equal(next, made.SingleValue);
    }

    [Fact]
    public void D1_SetPSManagedAccount_WorkgroupIdOfNoWorkgroup_ValidationFailed()
    {
        using var admin = emulator.RunnerFor("admin");

        var result = admin.Run($"Set-PSManagedAccount -AccountId {CheckoutSeed.RotatingService} -WorkgroupId 99 -Confirm:$false");

        Assert.Contains("WorkgroupID 99 is not a workgroup", result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).ToString());
    }
}
