using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

using PasswordSafe.Emulator;

/// <summary>
/// A new API key or client secret is shown once. -Debug makes PowerShell ask before each warning, and a host that
/// cannot ask (a scheduled task, a hosted runspace) would fail the command at its log lines or warning after the server
/// already rotated or created the secret: the result must still reach the caller, with the warning on the Information stream.
/// </summary>
public sealed class OnceOnlyResultTests
{
    [Fact]
    public async Task A6_ResetKey_WithDebugInAHostThatCannotAsk_StillReturnsTheNewKey()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run("$key = Reset-PSApiRegistrationKey -RegistrationId 1 -Force -Debug\n$key").AssertSuccess();

        Assert.IsType<SecureString>(result.SingleValue);
        Assert.Single(admin.Run("[System.Net.NetworkCredential]::new('', $key).Password").AssertSuccess().Output,
            o => ((string)o.BaseObject).Length == 128);
        Assert.Contains(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal) && v.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task C5_ResetClientSecret_WithDebugInAHostThatCannotAsk_StillReturnsTheNewSecret()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run("$user = Reset-PSClientSecret -UserId 10 -Force -Debug\n$user").AssertSuccess();

        Assert.IsType<PSCredential>(result.Output.Single().Properties["ClientCredential"].Value);
        Assert.Contains(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal) && v.Contains("no longer works", StringComparison.Ordinal));
    }

    [Fact]
    public async Task C2_NewApplicationUser_WithDebugInAHostThatCannotAsk_StillReturnsItsSecret()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run("$user = New-PSUser -UserName 'c2-debug' -ApplicationUser -AccessPolicyId 20 -Debug\n$user").AssertSuccess();

        Assert.IsType<PSCredential>(result.Output.Single().Properties["ClientCredential"].Value);
        Assert.Contains(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal) && v.Contains("only this once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutDebug_TheWarningIsAWarning()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run("Reset-PSApiRegistrationKey -RegistrationId 1 -Force").AssertSuccess();

        Assert.IsType<SecureString>(result.SingleValue);
        Assert.Contains(result.Warnings, w => w.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal));
    }

    private static PowerShellRunner AdminShell(EmulatorFixture emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        return admin;
    }
}
