using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// A POST Requests whose answer is lost after the server made the request (the session's -TimeoutSec runs out, Ctrl+C,
/// a cut connection): E1's "always checks in" must hold, and a runbook's next run must not meet 409 4091 over a request
/// nobody knew of. The emulator's late-answer rule carries the call out at once and holds back only its answer; a
/// Disconnect-PasswordSafe from another runspace cuts calls off mid-flight.
/// </summary>
public sealed class LostAnswerTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_UseCredential_PostAnswerLostToTheTimeout_TheRequestItMadeIsCheckedIn_TheErrorSaysSo()
    {
        using var shell = ShortTimeoutRunner();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 3000));

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason nightly -ScriptBlock { 'ran' }");

        var error = result.AssertError("Timeout", ErrorCategory.OperationTimeout);
        Assert.Contains("it was found and checked in", error.ToString());
        Assert.Empty(result.Output);
        var made = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.CheckedIn, made.Status);
        Assert.Equal(0, emulator.OpenRequestCount);

        // The next scheduled run is not refused over the lost one.
        emulator.State.LateAnswers.Clear();
        Assert.Equal("ran", shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason nightly -ScriptBlock { 'ran' }")
            .AssertSuccess().Output.Single().BaseObject);
    }

    [Fact]
    public void E1_UseCredential_CtrlCWhileThePostIsUnanswered_TheRequestItMadeIsCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 10_000));

        using var running = shell.Begin("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason stopped -ScriptBlock { 'never' }");
        Assert.True(SpinWait.SpinUntil(() => emulator.State.ReleaseRequests.Count == 1, TimeSpan.FromSeconds(15)), "The request was never made.");
        running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(30));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Output);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredential_ReuseAndALostAnswer_NothingIsCheckedIn_TheErrorSaysWhereToLook()
    {
        using var shell = ShortTimeoutRunner();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 3000));

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason r -ConflictOption Reuse -ScriptBlock { 'ran' }");

        var error = result.AssertError("Timeout", ErrorCategory.OperationTimeout);
        Assert.Contains("Get-PSRequest -Status Active", error.ToString());
        // After Reuse the request found could be an older one that was reused: not this run's to check in.
        Assert.Equal(1, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequest_PostAnswerLostToTheTimeout_TheRequestItMadeIsWrittenWithAWarning()
    {
        using var shell = ShortTimeoutRunner();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 3000));

        var result = shell.Run("$request = New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason lost; $request");

        Assert.Empty(result.Errors);
        var request = Assert.Single(result.Output);
        var made = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(made.RequestId, request.Properties["RequestId"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("was lost", StringComparison.Ordinal) && w.Contains("the server had made it", StringComparison.Ordinal));
        // The object is usable: the runbook checks it in as usual.
        emulator.State.LateAnswers.Clear();
        shell.Run("$request | Complete-PSRequest").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequestSet_PostAnswerLostToTheTimeout_TheSetItMadeIsWrittenWithAWarning_AndChecksIn()
    {
        using var shell = ShortTimeoutRunner();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "RequestSets", 3000));

        var result = shell.Run("$set = New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason lost; $set");

        Assert.Empty(result.Errors);
        var set = Assert.Single(result.Output);
        Assert.Equal(2, emulator.State.ReleaseRequests.Count);
        Assert.Equal(emulator.State.ReleaseRequests.Select(r => r.RequestId).OrderBy(i => i),
            ((System.Collections.IEnumerable)set.Properties["Requests"].Value).Cast<object>().Select(r => (int)PSObject.AsPSObject(r).Properties["RequestId"].Value).OrderBy(i => i));
        Assert.Contains(result.Warnings, w => w.Contains("request set for web01\\Administrator was lost", StringComparison.Ordinal)
                                              && w.Contains("the server had made it", StringComparison.Ordinal));
        emulator.State.LateAnswers.Clear();
        shell.Run("$set.Requests | Complete-PSRequest").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequestSet_CtrlCWhileThePostIsUnanswered_EveryRequestOfTheSetIsWithdrawn()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "RequestSets", 10_000));

        using var running = shell.Begin("New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason stopped");
        Assert.True(SpinWait.SpinUntil(() => emulator.State.ReleaseRequests.Count == 2, TimeSpan.FromSeconds(15)), "The set was never made.");
        running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(30));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Output);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequest_CtrlCWhileThePostIsUnanswered_TheRequestItMadeIsWithdrawn()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 10_000));

        using var running = shell.Begin("New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason stopped");
        Assert.True(SpinWait.SpinUntil(() => emulator.State.ReleaseRequests.Count == 1, TimeSpan.FromSeconds(15)), "The request was never made.");
        running.Stop();
        running.Wait(TimeSpan.FromSeconds(30));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequest_ReadBackFails_TheRequestIsStillWritten_WithAWarning()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "Requests", 503));

        var result = shell.Run("New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason readback");

        Assert.Empty(result.Errors);
        var request = Assert.Single(result.Output);
        Assert.Equal(Assert.Single(emulator.State.ReleaseRequests).RequestId, request.Properties["RequestId"].Value);
        Assert.Equal("Unknown", request.Properties["Status"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("reading it back failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisconnectFromAnotherRunspaceMidCall_NotConnected_NotARawCancellation()
    {
        using var shell = emulator.RunnerFor("demo");
        using var other = emulator.NewRunner();
        other.SetVariable("Shared", shell.Run("Get-PasswordSafeSession").AssertSuccess().Output.Single());
        emulator.State.LateAnswers.Add(new LateAnswer("GET", "ManagedAccounts", 5000));

        var running = Task.Run(() => shell.Run("Get-PSManagedAccount -SystemName web01"));
        await Task.Delay(700);
        other.Run("Disconnect-PasswordSafe -Session $Shared -Confirm:$false").AssertSuccess();
        var result = await running;

        var error = result.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.Contains("disconnected while GET", error.ToString());
    }

    [Theory]
    [InlineData("Use-PSCredential -SystemName web01 -AccountName runbook-svc")]
    // A piped account binds its Session to -Session: that is still not a session the user chose.
    [InlineData("Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc | Use-PSCredential")]
    public void E1_UseCredential_TheBlockSignsInAgain_TheNewDefaultChecksTheRequestIn(string command)
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            command + " -Reason relogin -Verbose -ScriptBlock {\n" +
            "  Disconnect-PasswordSafe -Confirm:$false\n" +
            "  Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint\n" +
            "  'done'\n" +
            "}");

        result.AssertSuccess();
        Assert.Equal("done", result.Output.Single().BaseObject);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Contains(result.Verbose, l => l.StartsWith("The session the request was made in (demo on ", StringComparison.Ordinal)
                                             && l.Contains("checking it in with this runspace's default session", StringComparison.Ordinal));
    }

    [Fact]
    public void E1_UseCredential_WithSessionGiven_TheBlockSignsInAgain_NoOtherSessionChecksIn_CheckInFailedSaysSo()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "$s = Get-PasswordSafeSession\n" +
            "Use-PSCredential -SystemName web01 -AccountName runbook-svc -Session $s -Reason relogin -ScriptBlock {\n" +
            "  Disconnect-PasswordSafe -Confirm:$false\n" +
            "  Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint\n" +
            "  'done'\n" +
            "}");

        Assert.Equal("done", result.Output.Single().BaseObject);
        result.AssertError("CheckInFailed", ErrorCategory.CloseError);
        Assert.Equal(RequestStatus.Active, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    private PowerShellRunner ShortTimeoutRunner()
    {
        // RunnerFor leaves $CheckoutApiKey set; the same user signs in again with a short -TimeoutSec.
        var shell = emulator.RunnerFor("demo");
        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint -TimeoutSec 1").AssertSuccess();
        return shell;
    }
}
