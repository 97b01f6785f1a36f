using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Connect-PasswordSafe -MaximumRetryCount and -RetryIntervalSec: kept on the session and used by every read of it
/// that gets 429 or 5xx; Verbose counts the retries; changes are never retried. Each test owns its emulator (refusals).
/// </summary>
public sealed class RetrySettingTests
{
    private static int CallsTo(EmulatorFixture emulator, long mark, string method, string path) =>
        emulator.State.ApiCalls.Since(mark).Count(c => c.Method == method && c.Path == path);

    [Fact]
    public async Task Default_TwoRetries_OnAServerError_VerboseCountsThem()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        Assert.Equal(new object[] { 2, 0.5 },
            shell.Run("$s = Get-PasswordSafeSession; $s.MaximumRetryCount; $s.RetryIntervalSec").AssertSuccess().Output.Select(o => o.BaseObject));
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "ManagedAccounts", 503));
        var mark = emulator.State.ApiCalls.Total;

        var result = shell.Run("Invoke-PSRestMethod -Path 'ManagedAccounts' -Verbose");

        result.AssertError("ServerError", ErrorCategory.InvalidResult);
        Assert.Equal(3, CallsTo(emulator, mark, "GET", "ManagedAccounts"));
        Assert.Contains(result.Verbose, l => l.Contains("(retry 1 of 2)", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, l => l.Contains("(retry 2 of 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaximumRetryCount3_RetryIntervalSecShort_FourAttempts_KeptOnTheSession_ForEveryCall()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-MaximumRetryCount 3 -RetryIntervalSec 0.1")).AssertSuccess();
        Assert.Equal(new object[] { 3, 0.1 },
            shell.Run("$s = Get-PasswordSafeSession; $s.MaximumRetryCount; $s.RetryIntervalSec").AssertSuccess().Output.Select(o => o.BaseObject));
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "ManagedAccounts", 429));
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "Requests", 502));

        for (var i = 0; i < 2; i++)
        {
            var mark = emulator.State.ApiCalls.Total;
            var result = shell.Run("Get-PSManagedAccount -Verbose");
            result.AssertError("Throttled", ErrorCategory.LimitsExceeded);
            Assert.Equal(4, CallsTo(emulator, mark, "GET", "ManagedAccounts"));
            Assert.Contains(result.Verbose, l => l.Contains("(retry 3 of 3)", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Verbose, l => l.Contains("retry 4", StringComparison.Ordinal));
        }

        var other = emulator.State.ApiCalls.Total;
        shell.Run("Get-PSRequest").AssertError("ServerError", ErrorCategory.InvalidResult);
        Assert.Equal(4, CallsTo(emulator, other, "GET", "Requests"));
    }

    [Fact]
    public async Task MaximumRetryCount0_OneAttempt_NoRetryLine()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-MaximumRetryCount 0")).AssertSuccess();
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "ManagedAccounts", 503));
        var mark = emulator.State.ApiCalls.Total;

        var result = shell.Run("Invoke-PSRestMethod -Path 'ManagedAccounts' -Verbose");

        result.AssertError("ServerError", ErrorCategory.InvalidResult);
        Assert.Equal(1, CallsTo(emulator, mark, "GET", "ManagedAccounts"));
        Assert.DoesNotContain(result.Verbose, l => l.Contains("Retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChange_IsNeverRetried_WhateverTheCount()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-MaximumRetryCount 5 -RetryIntervalSec 0.1")).AssertSuccess();
        emulator.State.CallRefusals.Add(new CallRefusal("POST", "Workgroups", 503));
        var mark = emulator.State.ApiCalls.Total;

        shell.Run("Invoke-PSRestMethod -Method Post -Path 'Workgroups' -Body @{ Name = 'Retry' }").AssertError("ServerError", ErrorCategory.InvalidResult);

        Assert.Equal(1, CallsTo(emulator, mark, "POST", "Workgroups"));
    }

    [Theory]
    [InlineData("-MaximumRetryCount -1")]
    [InlineData("-MaximumRetryCount 11")]
    [InlineData("-RetryIntervalSec 0")]
    [InlineData("-RetryIntervalSec 61")]
    public async Task OutOfRange_RefusedWhenBound_NothingSent(string parameter)
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", parameter));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }
}
