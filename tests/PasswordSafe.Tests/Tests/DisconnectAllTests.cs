using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Disconnect-PasswordSafe -All signs out of every session of the runspace (B2), with -WhatIf naming each; the default
/// session is marked (IsDefault, and a * before its Id in the table). Each test owns its emulator (audit counts).
/// </summary>
public sealed class DisconnectAllTests
{
    [Fact]
    public async Task B2_DisconnectAll_SignsOutOfEverySession_TheDefaultToo_AndForgetsThem()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run("$admin = " + emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-NoDefault")).AssertSuccess();
        shell.Run("$demo = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();
        var before = emulator.State.ActiveSessionCount;
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run("Disconnect-PasswordSafe -All").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.SignedOut, "admin"));
        Assert.Single(audit.NewEntries(AuditKinds.SignedOut, "demo"));
        Assert.Equal(before - 2, emulator.State.ActiveSessionCount);
        Assert.Empty(shell.Run("Get-PasswordSafeSession -All").AssertSuccess().Output);
        Assert.Equal(new object[] { false, false }, shell.Run("$admin.IsConnected; $demo.IsConnected").AssertSuccess().Output.Select(o => o.BaseObject));
        shell.Run("Invoke-PSRestMethod -Path 'ManagedAccounts'").AssertError("NotConnected", System.Management.Automation.ErrorCategory.InvalidOperation);
    }

    [Fact]
    public async Task DisconnectAll_WhatIf_NamesEachSession_ChangesNothing()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-NoDefault")).AssertSuccess();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run("Disconnect-PasswordSafe -All -WhatIf").AssertSuccess();

        var whatIf = result.HostWrites.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, whatIf.Count);
        Assert.Contains(whatIf, l => l.Contains("admin @ ", StringComparison.Ordinal));
        Assert.Contains(whatIf, l => l.Contains("demo @ ", StringComparison.Ordinal));
        Assert.Empty(audit.NewEntries(AuditKinds.SignedOut));
        Assert.Equal(2, shell.Run("(Get-PasswordSafeSession -All).Count").AssertSuccess().SingleValue);
    }

    [Fact]
    public async Task DisconnectAll_WithNoSession_IsNoError()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);

        var result = shell.Run("Disconnect-PasswordSafe -All -Verbose").AssertSuccess();

        Assert.Contains(result.Verbose, l => l.Contains("no Password Safe session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IsDefault_MarksTheDefaultSession_FollowsUsePasswordSafeSession_AndTheTableStarsItsId()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run("$admin = " + emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-NoDefault")).AssertSuccess();
        shell.Run("$demo = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();
        Assert.Equal(new object[] { false, true }, shell.Run("$admin.IsDefault; $demo.IsDefault").AssertSuccess().Output.Select(o => o.BaseObject));

        var table = ConsoleTable.Render(shell, 80, "Get-PasswordSafeSession -All");
        Assert.Contains(table, l => Regex.IsMatch(l, @"^\s*\*\d+\s+demo\s"));
        Assert.Contains(table, l => Regex.IsMatch(l, @"^\s*\d+\s+admin\s"));

        shell.Run("$admin | Use-PasswordSafeSession").AssertSuccess();

        Assert.Equal(new object[] { true, false }, shell.Run("$admin.IsDefault; $demo.IsDefault").AssertSuccess().Output.Select(o => o.BaseObject));
        // Another runspace has no default: the property answers for the runspace that reads it.
        using var other = emulator.NewRunner(interactive: false);
        other.SetVariable("Shared", shell.Run("$admin").AssertSuccess().Output[0]);
        Assert.Equal(false, other.Run("$Shared.IsDefault").AssertSuccess().SingleValue);
    }
}
