using System;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

using PasswordSafe.Emulator;

/// <summary>
/// A new API key or client secret is shown once. -Debug makes PowerShell ask after each Verbose line and warning, and a
/// host that cannot ask (a scheduled task, a hosted runspace) would fail the command at its log lines or warning after
/// the server already rotated or created the secret: the result must still reach the caller, with its log lines and
/// the warning, which PowerShell writes before it asks.
/// </summary>
public sealed class OnceOnlyResultTests
{
    [Theory]
    [InlineData("Reset-PSApiRegistrationKey -RegistrationId 1 -Force -Debug", "401")]                                        // A6
    [InlineData("(Reset-PSClientSecret -UserId 10 -Force -Debug).ClientCredential", "no longer works")]                      // C5
    [InlineData("(New-PSUser -UserName 'c2-debug' -ApplicationUser -AccessPolicyId 20 -Debug).ClientCredential", "only this once")] // C2
    public async Task WithDebugInAHostThatCannotAsk_TheSecretIsStillReturned_AndTheWarningKept(string command, string warning)
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();

        var result = admin.Run($"$secret = {command}\n$secret").AssertSuccess();

        var secret = result.SingleValue is PSCredential credential ? credential.Password : Assert.IsType<SecureString>(result.SingleValue);
        Assert.True(secret.Length > 0);
        Assert.Single(result.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
        Assert.Contains(result.HostWrites, l => l.StartsWith("PROMPT: ", StringComparison.Ordinal)); // asked, and the host could not answer
        Assert.Contains(result.Verbose, l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("-> 201", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal)); // not twice
    }

    [Fact]
    public async Task WithoutDebug_TheWarningIsAWarning()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();

        var result = admin.Run("Reset-PSApiRegistrationKey -RegistrationId 1 -Force").AssertSuccess();

        Assert.IsType<SecureString>(result.SingleValue);
        Assert.Contains(result.Warnings, w => w.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Information, v => v.StartsWith("WARNING: ", StringComparison.Ordinal));
    }
}
