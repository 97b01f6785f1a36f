using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// -Debug in a host that cannot ask (a scheduled task: pwsh -NonInteractive). PowerShell 7.6 writes Debug lines as they
/// come but writes each Verbose and Warning line and then asks whether to continue; such a host fails the command at that
/// question. Once a call has changed something on the server, the command must not fail there: the change is made, and
/// the caller would lose its result and retry it as a duplicate. Every line is still written. Each test owns its emulator.
/// </summary>
public sealed class DebugAfterChangeTests
{
    private static bool IsQuestion(string hostLine) => hostLine.StartsWith("PROMPT: ", StringComparison.Ordinal);

    [Fact]
    public async Task Create_WithDebugInAHostThatCannotAsk_ReturnsTheNewObject_NoError_EveryLineWritten()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();

        var result = admin.Run("New-PSWorkgroup -Name Dbg -Debug").AssertSuccess();

        Assert.Equal("Dbg", Assert.Single(result.Output).Properties["Name"].Value);
        Assert.Single(emulator.State.Workgroups, w => w.Name == "Dbg");
        Assert.Contains(result.Verbose, l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("/Workgroups -> 201", StringComparison.Ordinal));
        Assert.Contains(result.Debug, l => l.StartsWith("HTTP request: POST ", StringComparison.Ordinal) && l.Contains("{\"Name\":\"Dbg\"}", StringComparison.Ordinal));
        Assert.Contains(result.Debug, l => l.StartsWith("HTTP response: 201", StringComparison.Ordinal));
        Assert.Contains(result.HostWrites, IsQuestion); // PowerShell did ask, and this host could not answer
        // A scheduled task that retries only on error does not retry: a second run would be a duplicate.
        Assert.NotEmpty(admin.Run("New-PSWorkgroup -Name Dbg").Errors);
    }

    [Fact]
    public async Task Remove_WithDebugInAHostThatCannotAsk_NoError()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();
        admin.SetVariable("OutsiderId", emulator.Seed.UserId("outsider"));

        var result = admin.Run("Remove-PSUser -UserId $OutsiderId -Force -Debug").AssertSuccess();

        Assert.DoesNotContain(emulator.State.Users, u => u.UserName == "outsider");
        Assert.Contains(result.Verbose, l => l.StartsWith("DELETE ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_WithDebugInAHostThatCannotAsk_SignsIn_AndKeepsTheSession()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru -Debug")).AssertSuccess();

        Assert.Equal("demo", Assert.Single(result.Output).Properties["UserName"].Value);
        Assert.Contains(result.Verbose, l => l.StartsWith("Connected to ", StringComparison.Ordinal));
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
    }

    [Fact]
    public async Task PendingRequest_WithDebugInAHostThatCannotAsk_IsReturned_WithItsWarning_NoError()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo");

        shell.Run("$account = Get-PSManagedAccount -SystemName db01 -AccountName sa").AssertSuccess();

        var result = shell.Run("$account | New-PSRequest -Reason 'needs approval' -Debug").AssertSuccess();

        Assert.Equal("Pending", Assert.Single(result.Output).Properties["Status"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("waiting for approval", StringComparison.Ordinal));
        Assert.Single(emulator.State.ReleaseRequests, r => r.Status == RequestStatus.Pending);
        // The request's read-back (a GET after the POST) is logged too.
        Assert.Contains(result.Verbose, l => l.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Control_ARead_WithDebugInTheSameHost_StillFailsAtItsFirstQuestion_AsPowerShellHasIt()
    {
        // Before anything changed, nothing is lost by failing: PowerShell's rule stands, and its error says why.
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();

        var result = admin.Run("Get-PSWorkgroup -Debug");

        var error = Assert.Single(result.Errors);
        Assert.Contains("NonInteractive", error.ToString(), StringComparison.Ordinal);
    }
}
