using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// -TimeoutSec becomes a timer on every call. Windows PowerShell 5.1's timers take at most int.MaxValue ms (2147483 s),
/// PowerShell 7's 0xFFFFFFFE ms; a larger value used to be accepted and then crash every call of the session with an
/// unhandled ArgumentOutOfRangeException. It is now bounded where it is given, and the longest value works end to end.
/// </summary>
public sealed class TimeoutLimitTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Theory]
    [InlineData(2147484)]     // one past what Windows PowerShell 5.1 takes
    [InlineData(4294968)]     // one past what PowerShell 7 takes: used to crash every call
    [InlineData(2147483647)]
    public void TimeoutSecBeyondTheTimerLimit_RefusedWhenBound_NothingSent(int seconds)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("Seconds", seconds);
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint -TimeoutSec $Seconds");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("2147483", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }

    [Fact]
    public void TheLongestTimeoutSec_ConnectsReadsAndChecksIn()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint -TimeoutSec 2147483").AssertSuccess();

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason 'long timeout' -ScriptBlock { 'ran' }").AssertSuccess();

        Assert.Equal("ran", result.SingleValue);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }
}
