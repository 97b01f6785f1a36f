using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>How sessions behave for the user: -Session, per-runspace defaults, sharing, cleanup, Verbose, Ctrl+C, -WhatIf.</summary>
public sealed class SessionBehaviourTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public SessionBehaviourTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void Session_TwoSessionsTwoUsers_EachCallUsesItsOwn()
    {
        using var shell = emulator.NewRunner();
        shell.Run("$admin = " + emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-NoDefault -PassThru")).AssertSuccess();
        shell.Run("$demo = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-NoDefault -PassThru")).AssertSuccess();

        shell.Run("$null = Invoke-PSRestMethod -Method Get -Path 'Users' -Session $admin").AssertSuccess();
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users' -Session $demo").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.Equal(new[] { "admin", "demo" },
            shell.Run("(Get-PasswordSafeSession -All).UserName").AssertSuccess().Output.Select(o => o.ToString()).OrderBy(n => n));
    }

    [Fact]
    public void Session_UseSession_SwitchesTheDefault()
    {
        using var shell = emulator.NewRunner();
        shell.Run("$admin = " + emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-PassThru")).AssertSuccess();
        shell.Run("$demo = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();
        Assert.Equal("demo", shell.Run("(Get-PasswordSafeSession).UserName").AssertSuccess().SingleValue);

        shell.Run("$admin | Use-PasswordSafeSession").AssertSuccess();

        Assert.Equal("admin", shell.Run("(Get-PasswordSafeSession).UserName").AssertSuccess().SingleValue);
        shell.Run("$null = Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();
    }

    [Fact]
    public void Session_DefaultIsPerRunspace()
    {
        using var first = emulator.NewRunner();
        using var second = emulator.NewRunner();

        first.Run(emulator.ConnectWithKey(first, TestSeed.AdminKey, "admin")).AssertSuccess();

        Assert.Empty(second.Run("Get-PasswordSafeSession").AssertSuccess().Output);
        second.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertError("NotConnected", ErrorCategory.InvalidOperation);
        first.Run("$null = Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();
    }

    [Fact]
    public async Task Session_SharedByEightRunspacesTwentyCallsEach_AllSucceedOnOneServerSession()
    {
        using var owner = emulator.NewRunner();
        var session = owner.Run(emulator.ConnectWithKey(owner, TestSeed.AdminKey, "admin", "-PassThru")).AssertSuccess().Output[0];
        var sessionsBefore = emulator.State.ActiveSessionCount;
        var audit = AuditCursor.Mark(emulator.State);

        var results = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var worker = emulator.NewRunner();
            worker.SetVariable("Shared", session);
            return worker.Run("1..20 | ForEach-Object { (Invoke-PSRestMethod -Method Get -Path 'Users/2' -Session $Shared).UserName }");
        })).ToArray();
        foreach (var result in await Task.WhenAll(results))
        {
            result.AssertSuccess();
            Assert.Equal(20, result.Output.Count(o => o.ToString() == "demo"));
        }

        Assert.Equal(sessionsBefore, emulator.State.ActiveSessionCount);
        Assert.Empty(audit.NewEntries(AuditKinds.SignInSucceeded));
    }

    [Fact]
    public void Session_RemoveModule_SignsOut()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);
        var before = emulator.State.ActiveSessionCount;

        shell.Run("Remove-Module PasswordSafe").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.SignedOut, "admin"));
        Assert.Equal(before - 1, emulator.State.ActiveSessionCount);
    }

    [Fact]
    public void Verbose_ShowsMethodPathStatusAndTime()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run("$null = Invoke-PSRestMethod -Method Get -Path 'Users' -Verbose").AssertSuccess();

        var line = Assert.Single(result.Verbose, l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("/Users", StringComparison.Ordinal));
        Assert.Contains("200", line);
        Assert.Matches(@"\d+(\.\d+)? ?(ms|s)\b", line);
    }

    [Theory]
    [InlineData("Credentials/4815162342")]
    [InlineData("Requests/4815162342")]
    [InlineData("Requests/4815162342/Checkin")]
    public void Verbose_MasksCredentialAndRequestIds(string path)
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        shell.SetVariable("SensitivePath", path);

        var result = shell.Run("Invoke-PSRestMethod -Method Get -Path $SensitivePath -Verbose -Debug");

        Assert.NotEmpty(result.Verbose);
        Assert.Contains(result.Verbose, l => l.Contains(path.Split('/')[0] + "/", StringComparison.Ordinal));
        Assert.DoesNotContain("4815162342", string.Join("\n", result.Verbose.Concat(result.Debug).Concat(result.HostWrites)));
        foreach (var error in result.Errors) Assert.DoesNotContain("4815162342", PowerShellResult.Describe(error));
    }

    [Fact]
    public void CtrlC_WhileTheServerHangs_ReturnsPromptlyWithoutAnErrorRecord()
    {
        using var silent = new SilentTcpListener();
        using var shell = emulator.NewRunner();
        shell.SetVariable("SilentUri", silent.Uri.ToString());
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        using var running = shell.Begin("Connect-PasswordSafe -Uri $SilentUri -ApiKey $ApiKey -RunAs demo -SkipCertificateCheck -TimeoutSec 100");
        SpinWait.SpinUntil(() => silent.AcceptedConnections > 0 || running.IsCompleted, TimeSpan.FromSeconds(10));
        Thread.Sleep(200);
        Assert.False(running.IsCompleted, "The call should still be waiting on the silent server.");

        var stopping = running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(10));

        Assert.InRange(stopping, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void WhatIf_OnDisconnect_ChangesNothing()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);
        var before = emulator.State.ActiveSessionCount;

        shell.Run("Disconnect-PasswordSafe -WhatIf").AssertSuccess();

        Assert.Empty(audit.NewEntries(AuditKinds.SignedOut));
        Assert.Equal(before, emulator.State.ActiveSessionCount);
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
        shell.Run("$null = Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();
    }

    [Fact]
    public void WhatIf_OnANonGetCall_SendsNothing()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run("Invoke-PSRestMethod -Method Post -Path 'ApiRegistrations/1/Rotate' -WhatIf").AssertSuccess();

        Assert.Empty(audit.NewEntries(AuditKinds.ApiKeyRotated));
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
    }

    [Fact]
    public void TestSession_FalseWithoutAConnection_TrueWithOne()
    {
        using var shell = emulator.NewRunner();
        Assert.Equal(false, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
    }
}
