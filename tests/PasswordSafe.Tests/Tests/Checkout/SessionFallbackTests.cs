using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Objects carry the session they were read with (users.md #1, re-login in long runs): after Disconnect-PasswordSafe
/// and Connect-PasswordSafe as the same user to the same server, old request, account and session objects piped into
/// the cmdlets use the new default session; as another user, with no default, or with -Session typed, nothing is sent
/// and NotConnected names whose session it was and what to do. A live session an object carries still wins.
/// </summary>
public sealed class SessionFallbackTests : IAsyncLifetime
{
    // Every call the module makes shows in Verbose as "<METHOD> <url> → <status>".
    private static readonly Regex HttpCall = new(@"^(GET|POST|PUT|DELETE) ", RegexOptions.CultureInvariant);

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>demo holds an active request for web01\Administrator in $r (id returned) and the lnx01\root account in $a, then signs out.</summary>
    private int RequestThenSignOut(PowerShellRunner shell)
    {
        var id = (int)shell.Run(
            "$r = New-PSRequest web01 Administrator -Reason 'before re-login'\n" +
            "$a = Get-PSManagedAccount -SystemName lnx01 -AccountName root\n" +
            "Disconnect-PasswordSafe\n" +
            "$r.RequestId").AssertSuccess().SingleValue!;
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
        return id;
    }

    [Fact]
    public void Reconnected_SameUser_PipedRequest_CompletePSRequest_ChecksIn_WithAVerboseNote()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        var result = shell.Run("$r | Complete-PSRequest -Reason done -Verbose").AssertSuccess();

        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(id).Status);
        var note = Assert.Single(result.Verbose, l => l.Contains("default session", StringComparison.Ordinal));
        Assert.Contains("disconnected", note);
        Assert.Contains("demo on " + emulator.Server.BaseUri.AbsoluteUri, note);
        Assert.Contains(result.Verbose, l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains("/Requests/****/Checkin", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconnected_SameUser_PipedRequest_GetPSCredential_ReadsThePassword()
    {
        using var shell = emulator.RunnerFor("demo");
        RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        var credential = Assert.IsType<PSCredential>(shell.Run("$r | Get-PSCredential").AssertSuccess().SingleValue);

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), credential.GetNetworkCredential().Password);
    }

    [Fact]
    public void Reconnected_SameUser_PipedAccount_UsePSCredential_RunsTheBlock_AndChecksIn()
    {
        using var shell = emulator.RunnerFor("demo");
        RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        var result = shell.Run("$a | Use-PSCredential -Reason 'after re-login' { param($c) 'ran as ' + $c.UserName }").AssertSuccess();

        Assert.Equal("ran as root", result.SingleValue);
        var used = Assert.Single(emulator.State.ReleaseRequests, r => r.Account.AccountName == "root");
        Assert.Equal(RequestStatus.CheckedIn, used.Status);
    }

    [Fact]
    public void Reconnected_SameUser_PipedAccount_NewPSRequest_Requests_AndTheNewRequestCarriesTheLiveSession()
    {
        using var shell = emulator.RunnerFor("demo");
        RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        var result = shell.Run(
            "$new = $a | New-PSRequest -Reason 'after re-login'\n" +
            "$new.Status; $new.Session.IsConnected; [object]::ReferenceEquals($new.Session, (Get-PasswordSafeSession))").AssertSuccess();

        Assert.Equal(new object[] { "Active", true, true }, result.Output.Select(o => o.BaseObject));
        Assert.Single(emulator.State.ReleaseRequests, r => r.Account.AccountName == "root" && r.Status == RequestStatus.Active);
        // The follow-on pipeline goes on with the live session, with no note about a stand-in.
        Assert.DoesNotContain(shell.Run("$new | Complete-PSRequest -Verbose").AssertSuccess().Verbose,
            l => l.Contains("default session", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconnected_SameUser_AdminCmdletsToo_PipedSessionListing_StopPSAccessSession()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("$null = New-PSRequest web01 Administrator -AccessType RDP -Reason watch | New-PSAccessSession -SessionType rdpticket").AssertSuccess();
        shell.Run("$listed = Get-PSAccessSession -Session $Admin; Disconnect-PasswordSafe -Session $Admin").AssertSuccess();
        emulator.Connect(shell, "admin");

        shell.Run("$listed | Stop-PSAccessSession -Force").AssertSuccess();

        // Terminated sessions show as Completed (as in AccessSessionMonitoringTests).
        Assert.Equal(SessionStatus.Completed, Assert.Single(emulator.State.AccessSessions).Status);
    }

    [Fact]
    public void Reconnected_AsAnotherUser_PipedRequest_NotConnected_NamingTheOwner_NothingSent()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = RequestThenSignOut(shell);
        emulator.Connect(shell, "requestor2");

        var result = shell.Run("$r | Complete-PSRequest -Verbose");

        var error = result.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        var shown = ErrorText.Shown(error);
        Assert.Contains("demo on " + emulator.Server.BaseUri.AbsoluteUri, shown);
        Assert.Contains("default session is connected as requestor2", shown);
        Assert.Contains($"Connect as demo to {emulator.Server.BaseUri.AbsoluteUri}", error.ErrorDetails.RecommendedAction);
        Assert.Contains("-Session", error.ErrorDetails.RecommendedAction);
        Assert.Equal("PasswordSafe.Request", Assert.IsType<PSObject>(PSObject.AsPSObject(error.TargetObject)).TypeNames[0]);
        Assert.DoesNotContain(result.Verbose, l => HttpCall.IsMatch(l));
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Theory]
    [InlineData("$r | Complete-PSRequest")]
    [InlineData("$r | Get-PSCredential")]
    [InlineData("$a | New-PSRequest -Reason again")]
    [InlineData("$a | Use-PSCredential -Reason again { 'ran' }")]
    public void Disconnected_NoDefault_PipedObject_NotConnected_SaysConnectAsTheOwnerToTheServer_OrPassSession_NothingSent(string script)
    {
        using var shell = emulator.RunnerFor("demo");
        var id = RequestThenSignOut(shell);
        var requestsBefore = emulator.State.ReleaseRequests.Count;

        var result = shell.Run(script + " -Verbose");

        var error = result.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.Contains("no default session", error.Exception.Message);
        Assert.Equal($"Connect as demo to {emulator.Server.BaseUri.AbsoluteUri} with Connect-PasswordSafe (objects from the old session then use the new one), or pass -Session.",
            error.ErrorDetails.RecommendedAction);
        Assert.Contains("Connect as demo to", ErrorText.Shown(error));
        Assert.NotNull(error.TargetObject);
        Assert.DoesNotContain(result.Verbose, l => HttpCall.IsMatch(l));
        Assert.DoesNotContain("ran", result.Output.Select(o => o.BaseObject));
        Assert.Equal(requestsBefore, emulator.State.ReleaseRequests.Count);
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void ExplicitDisconnectedSession_DoesNotFallBack_NotConnected_SaysLeaveSessionOut_NothingSent()
    {
        using var shell = emulator.NewRunner();
        emulator.Connect(shell, "demo", sessionVariable: "Old");
        var id = RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        var result = shell.Run("$r | Complete-PSRequest -Session $Old -Verbose");

        var error = result.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.Contains("passed with -Session", error.Exception.Message);
        Assert.Contains("leave -Session out", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(result.Verbose, l => HttpCall.IsMatch(l));
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
        // Left out, the default is used.
        shell.Run("Complete-PSRequest -RequestId $r.RequestId").AssertSuccess();
        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(id).Status);
    }

    [Fact]
    public void LiveSessionCarriedByAnObject_WinsOverTheDefault_ApproverApprovesThroughThePipedRequests()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        var id = (int)shell.Run("$p = New-PSRequest db01 sa -Reason audit; $p.RequestId").AssertSuccess().SingleValue!;
        Assert.Equal(RequestStatus.Pending, emulator.Request(id).Status);

        // The queue's objects carry $Approver; the default (demo, the requestor) could not approve its own request (4033).
        shell.Run("$queue = Get-PSRequest -Queue Approver -Status Pending -Session $Approver; $queue | Approve-PSRequest -Reason ok -Verbose")
            .AssertSuccess();

        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void PipedObjectWithADisconnectedSession_DisconnectPasswordSafe_SignsOutThatSessionOnly_TheDefaultStaysConnected()
    {
        using var shell = emulator.RunnerFor("demo");
        RequestThenSignOut(shell);
        emulator.Connect(shell, "demo");

        shell.Run("$r | Disconnect-PasswordSafe").AssertSuccess();

        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
        shell.Run("$r | Complete-PSRequest").AssertSuccess();
    }
}
