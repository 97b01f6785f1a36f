using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// B2: the server ends a session after its own idle time, which may be shorter than the 20 minutes the module assumes.
/// Test-PasswordSafeSession judges by the local clock; -Online asks the server with one call that never signs in again,
/// and ExpiresAt shows when the session ends unless used. Each test owns its emulator (the clock moves).
/// </summary>
public sealed class OnlineSessionTestTests
{
    [Fact]
    public async Task B2_ServerIdleTimeoutShorterThanAssumed_LocalTestTrue_OnlineFalse_NoSignIn_NextCallSignsInAgain()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        emulator.State.Settings = emulator.State.Settings with { SessionIdleTimeoutMinutes = 1 };
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
        var audit = AuditCursor.Mark(emulator.State);
        var calls = emulator.State.ApiCalls.Total;

        var online = shell.Run("Test-PasswordSafeSession -Online -Verbose").AssertSuccess();

        Assert.Equal(false, online.SingleValue);
        var call = Assert.Single(emulator.State.ApiCalls.Since(calls));
        Assert.Equal(("GET", "Requests", 401), (call.Method, call.Path, call.StatusCode));
        Assert.Contains("status=active", call.Query);
        Assert.Contains(online.Verbose, l => l.Contains("answered 401", StringComparison.Ordinal)
            && l.Contains("has ended the session of demo", StringComparison.Ordinal)
            && l.Contains("The next call signs in again by itself", StringComparison.Ordinal));
        Assert.Empty(audit.NewEntries(AuditKinds.SignInSucceeded));
        Assert.Equal(true, shell.Run("(Get-PasswordSafeSession).IsConnected").AssertSuccess().SingleValue);

        // The session can sign in again: the next call does, once, and the server holds it again.
        shell.Run("$null = Invoke-PSRestMethod -Path 'ManagedAccounts'").AssertSuccess();
        Assert.Single(audit.NewEntries(AuditKinds.SignInSucceeded, "demo"));
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
    }

    [Fact]
    public async Task B2_Online_LiveSession_True_AndTheCallCountsAsActivityOnTheServer()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        var before = (DateTimeOffset)shell.Run("(Get-PasswordSafeSession).LastActivity").AssertSuccess().SingleValue!;
        emulator.Clock.Advance(TimeSpan.FromMinutes(15));
        var audit = AuditCursor.Mark(emulator.State);

        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
        var after = (DateTimeOffset)shell.Run("(Get-PasswordSafeSession).LastActivity").AssertSuccess().SingleValue!;
        Assert.True(after >= before);

        // 30 minutes after sign-in, 15 after the probe: the server's 20-minute idle timer was reset by it.
        emulator.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
        Assert.Empty(audit.NewEntries(AuditKinds.SignInSucceeded));
    }

    [Fact]
    public async Task Online_DisconnectedSession_FalseWithoutACall()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run("$s = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();
        shell.Run("Disconnect-PasswordSafe").AssertSuccess();
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run("Test-PasswordSafeSession -Session $s -Online -Verbose").AssertSuccess();

        Assert.Equal(false, result.SingleValue);
        Assert.Contains(result.Verbose, l => l.Contains("is disconnected", StringComparison.Ordinal));
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
        Assert.Equal(true, shell.Run("$null -eq $s.ExpiresAt").AssertSuccess().SingleValue);
    }

    [Fact]
    public async Task Online_ServerError_NoVerdict_ServerErrorRecordWithTheSessionAsTarget()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-MaximumRetryCount 0")).AssertSuccess();
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "Requests", 503));

        var result = shell.Run("Test-PasswordSafeSession -Online");

        var error = result.AssertError("ServerError", ErrorCategory.InvalidResult);
        Assert.Empty(result.Output);
        Assert.Equal("PasswordSafe.PasswordSafeSession", error.TargetObject?.GetType().FullName);
    }

    [Fact]
    public async Task ExpiresAt_KeySession_IdleEnd_OAuthShortToken_TokenExpiry()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run("$key = " + emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();
        shell.Run("$bot = " + emulator.ConnectWithClient(shell, "short-bot", "-PassThru")).AssertSuccess();

        Assert.Equal(true, shell.Run("$key.ExpiresAt -eq $key.LastActivity + $key.IdleTimeout").AssertSuccess().SingleValue);
        Assert.Equal(true, shell.Run("$bot.TokenExpiresAt -lt $bot.LastActivity + $bot.IdleTimeout").AssertSuccess().SingleValue);
        Assert.Equal(true, shell.Run("$bot.ExpiresAt -eq $bot.TokenExpiresAt").AssertSuccess().SingleValue);
        var minutesLeft = (double)shell.Run("($key.ExpiresAt - [DateTimeOffset]::Now).TotalMinutes").AssertSuccess().SingleValue!;
        Assert.InRange(minutesLeft, 19, 20);
    }
}
