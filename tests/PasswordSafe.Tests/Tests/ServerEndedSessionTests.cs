using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// B2, A6, C5, D2: when the server ends a session and refuses to sign it in again (its user removed, its key rotated,
/// its client secret recycled), the session is disconnected with the reason. Test-PasswordSafeSession then says $false
/// and why, and later calls fail at once with NotConnected instead of each signing in again, which would add a failed
/// sign-in to the user audit and a notification for the administrator every time. Each test owns its emulator.
/// </summary>
public sealed class ServerEndedSessionTests
{
    // Every call the module makes shows in Verbose as "<METHOD> <url> -> <status>".
    private static bool IsHttpCall(string verbose) =>
        verbose.StartsWith("GET ", StringComparison.Ordinal) || verbose.StartsWith("POST ", StringComparison.Ordinal);

    [Fact]
    public async Task B2_D2_UserRemoved_ReSignInRefused_SessionDisconnected_AndSaysWhy_LaterCallsSendNothing()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run("$s = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-NoDefault")).AssertSuccess();
        shell.Run("$null = Invoke-PSRestMethod -Path 'ManagedAccounts' -Session $s").AssertSuccess();
        admin.SetVariable("DemoId", emulator.Seed.UserId("demo"));
        admin.Run("Remove-PSUser -UserId $DemoId -Force").AssertSuccess();

        // The first call finds the session ended and is refused when it signs in again: every likely cause is named.
        var refused = shell.Run("Get-PSManagedAccount -Session $s").AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        var refusal = ErrorText.Shown(refused);
        foreach (var cause in new[] { "'demo' was removed, disabled or quarantined", "the API key was rotated", "deactivated or deleted", "rules", "user audit" })
        {
            Assert.Contains(cause, refusal);
        }

        var test = shell.Run("Test-PasswordSafeSession -Session $s -Verbose").AssertSuccess();
        Assert.Equal(false, test.SingleValue);
        var why = Assert.Single(test.Verbose);
        Assert.Contains("is disconnected", why);
        Assert.Contains("signing in again as 'demo' was refused (401)", why);
        Assert.Equal(new object[] { false, 401 },
            shell.Run("$s.IsConnected; $s.LastStatusCode").AssertSuccess().Output.Select(o => o.BaseObject));

        var audit = AuditCursor.Mark(emulator.State);
        var notifications = emulator.State.AdminNotifications.Count;
        for (var i = 0; i < 3; i++)
        {
            var later = shell.Run("Get-PSManagedAccount -Session $s -Verbose");
            var error = later.AssertError("NotConnected", ErrorCategory.InvalidOperation);
            var shown = ErrorText.Shown(error);
            Assert.Contains("(demo on " + emulator.Server.BaseUri.AbsoluteUri + ") is disconnected", shown);
            Assert.Contains("signing in again as 'demo' was refused (401)", shown);
            Assert.Contains("Connect-PasswordSafe", shown);
            Assert.DoesNotContain(later.Verbose, IsHttpCall);
        }

        Assert.Empty(audit.NewEntries());
        Assert.Equal(notifications, emulator.State.AdminNotifications.Count);
    }

    [Fact]
    public async Task A6_KeyRotated_DefaultSessionDisconnected_HelpExampleReconnects_AndObjectsFromTheOldSessionGoOn()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var shell = emulator.RunnerFor("demo");
        var requestId = (int)shell.Run("$r = New-PSRequest web01 Administrator -Reason 'before the rotation'; $r.RequestId").AssertSuccess().SingleValue!;
        shell.SetVariable("key", EmulatorFixture.Secure(emulator.State.RotateApiKey(1, "test-harness")));

        shell.Run("Get-PSRequest").AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        Assert.Equal(false, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);

        // Test-PasswordSafeSession's help, example 1, with this server and the rotated key.
        shell.Run(
            "if (-not (Test-PasswordSafeSession)) {\n" +
            "    Connect-PasswordSafe -Uri $Uri -ApiKey $key -RunAs demo -ServerCertificateThumbprint $Thumbprint\n" +
            "}").AssertSuccess();
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);

        // The request read with the old session is checked in through the new one: same user, same server.
        var result = shell.Run("$r | Complete-PSRequest -Reason done -Verbose").AssertSuccess();
        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(requestId).Status);
        Assert.Contains(result.Verbose, l => l.Contains("default session", StringComparison.Ordinal) && l.Contains("disconnected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A6_KeyRotated_PipedObjectOfTheEndedSession_WithNoOneToStandIn_NotConnected_SaysWhy_NothingSent()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -Reason 'before the rotation'").AssertSuccess();
        emulator.State.RotateApiKey(1, "test-harness");
        shell.Run("Get-PSRequest").AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run("$r | Complete-PSRequest -Reason done -Verbose");

        var shown = ErrorText.Shown(result.AssertError("NotConnected", ErrorCategory.InvalidOperation));
        Assert.Contains("The session this object came from (demo on " + emulator.Server.BaseUri.AbsoluteUri + ") is disconnected", shown);
        Assert.Contains("the API key was rotated", shown);
        Assert.Contains("connect as demo to " + emulator.Server.BaseUri.AbsoluteUri, shown);
        Assert.DoesNotContain(result.Verbose, IsHttpCall);
        Assert.Empty(audit.NewEntries());
    }

    [Fact]
    public async Task C5_SecretRecycled_TokenRenewalRefused_SessionDisconnected_LaterCallsSendNothing()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var bot = emulator.NewRunner(interactive: false);
        bot.Run(emulator.ConnectWithClient(bot, "short-bot")).AssertSuccess();
        emulator.State.RecycleClientSecret(emulator.Seed.UserId("short-bot"), "test-harness");
        emulator.Clock.Advance(TimeSpan.FromMinutes(2)); // past the token's lifetime: the next call needs a new token

        bot.Run("Invoke-PSRestMethod -Path 'Users'").AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
        var test = bot.Run("Test-PasswordSafeSession -Verbose").AssertSuccess();
        Assert.Equal(false, test.SingleValue);
        Assert.Contains("recycled", Assert.Single(test.Verbose));
        var audit = AuditCursor.Mark(emulator.State);

        var later = bot.Run("Invoke-PSRestMethod -Path 'Users' -Verbose");

        later.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.DoesNotContain(later.Verbose, IsHttpCall);
        Assert.Empty(audit.NewEntries());
    }

    [Fact]
    public async Task B2_IdleTimeout_SessionThatCanSignInAgain_StaysConnected()
    {
        // The other side of the rule: a session the server ended for idleness signs in again and stays connected.
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        emulator.Clock.Advance(TimeSpan.FromMinutes(21));
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run("$null = Invoke-PSRestMethod -Path 'ManagedAccounts'").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.SignInSucceeded, "demo"));
        Assert.Equal(new object[] { true, true },
            shell.Run("(Get-PasswordSafeSession).IsConnected; Test-PasswordSafeSession").AssertSuccess().Output.Select(o => o.BaseObject));
    }
}
