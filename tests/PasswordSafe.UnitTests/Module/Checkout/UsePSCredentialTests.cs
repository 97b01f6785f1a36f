using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>E1 in one command: Use-PSCredential always checks in — on success, on throw, and when the pipeline is stopped.</summary>
public class UsePSCredentialTests
{
    [Fact]
    public void E1_Success_RunsTheBlockWithTheCredential_StreamsOutput_AndChecksIn()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke(
            "$suffix = '!'; Get-PSManagedAccount -SystemName srv1 -AccountName admin1 | Use-PSCredential { param($Credential) $Credential.UserName + $suffix; $args.Count } -Reason job");

        Assert.Equal(new object[] { @"CONTOSO\admin1!", 0 }, output.Select(o => o.BaseObject));
        var checkin = Assert.Single(ps.Server.Calls("PUT", "/Checkin"));
        Assert.Equal("{\"Reason\":\"job\"}", checkin.Body);
        Assert.Equal("Released", ps.Server.Requests.Single()["Status"]);
    }

    [Fact]
    public void E1_ScriptBlockThrows_StillChecksIn_AndTheErrorIsTheBlocksOwn()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("try { Use-PSCredential -SystemId 101 -AccountId 201 -ScriptBlock { throw 'runbook failed' } } catch { $_.Exception.Message }");

        Assert.Equal("runbook failed", Assert.Single(output).ToString());
        Assert.Single(ps.Server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void E1_PipelineStopped_StillChecksIn()
    {
        var server = new FakeCheckoutServer();
        using var ps = new CheckoutRunspace(server);
        using var shell = PowerShell.Create();
        shell.Runspace = ps.Runspace;
        shell.AddScript("Use-PSCredential -SystemId 101 -AccountId 201 -ScriptBlock { 'started'; while ($true) { [System.Threading.Thread]::Sleep(20) } }");
        var output = new PSDataCollection<PSObject>();
        var started = new System.Threading.ManualResetEventSlim();
        output.DataAdded += (_, _) => started.Set();

        var async = shell.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(started.Wait(TimeSpan.FromSeconds(20)), "the script block did not start");
        shell.Stop(); // what Ctrl+C does

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Single(server.Calls("PUT", "/Checkin"));
        Assert.Equal("Released", server.Requests.Single()["Status"]);
    }

    [Fact]
    public void E1_DownstreamStops_StillChecksIn()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        // Select-Object is not in this host; a break out of the pipeline stops it mid-stream the same way.
        var output = ps.Invoke("do { Use-PSCredential -SystemId 101 -AccountId 201 { 1; 2; 3 } | ForEach-Object { $_; if ($_ -eq 1) { break } } } while ($false); 'after'");

        Assert.Equal(new[] { "1", "after" }, output.Select(o => o.ToString()));
        Assert.Single(ps.Server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void E1_NotApproved_IsRequestNotApproved_AndThePendingRequestIsReleased()
    {
        var server = new FakeCheckoutServer { RequireApproval = true };
        using var ps = new CheckoutRunspace(server);

        var output = ps.Invoke("Use-PSCredential -SystemId 101 -AccountId 201 { 'never' } 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }");

        Assert.Equal("RequestNotApproved,PasswordSafe.Commands.UsePSCredentialCommand", output[0].ToString());
        Assert.Equal("ResourceUnavailable", output[1].ToString());
        Assert.Single(server.Calls("PUT", "/Checkin"));
    }

    [Fact]
    public void WhatIf_RequestsNothing_AndRunsNothing()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        var output = ps.Invoke("Use-PSCredential -SystemId 101 -AccountId 201 { 'ran' } -WhatIf");

        Assert.Empty(output);
        Assert.Empty(ps.Server.Calls("POST", "Requests"));
    }

    [Fact]
    public void FailedCheckIn_AfterTheBlockFinished_IsANonTerminatingCheckInFailedError_SayingHowToCheckIn_OutputKept()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.InternalServerError, "\"boom\"") : null;
        using var ps = new CheckoutRunspace(server);

        var (output, shell) = ps.Run("Use-PSCredential -SystemId 101 -AccountId 201 { 'ok' }; 'next statement ran'");
        using (shell)
        {
            Assert.Equal(new[] { "ok", "next statement ran" }, output.Select(o => o.ToString()));
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("CheckInFailed,PasswordSafe.Commands.UsePSCredentialCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.CloseError, error.CategoryInfo.Category);
            Assert.Contains("could not be checked in", error.ErrorDetails.Message);
            Assert.Contains("stays released until the request expires", error.ErrorDetails.Message);
            Assert.Contains("Get-PSRequest | Complete-PSRequest", error.ErrorDetails.RecommendedAction);
            Assert.IsType<PasswordSafeApiException>(error.Exception.InnerException);
            Assert.Empty(shell.Streams.Warning);
        }
    }

    [Fact]
    public void FailedCheckIn_AfterTheBlockThrew_IsAWarning_AndTheBlocksOwnErrorGoesOn()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.InternalServerError, "\"boom\"") : null;
        using var ps = new CheckoutRunspace(server);

        var (output, shell) = ps.Run("try { Use-PSCredential -SystemId 101 -AccountId 201 { throw 'the job failed' } } catch { 'caught: ' + $_.Exception.Message }");
        using (shell)
        {
            Assert.Equal("caught: the job failed", Assert.Single(output).ToString());
            var warning = Assert.Single(shell.Streams.Warning).Message;
            Assert.Contains("could not be checked in", warning);
            Assert.Contains("Get-PSRequest | Complete-PSRequest", warning);
        }
    }

    [Fact]
    public void PendingRequest_CouldNotBeWithdrawn_TheErrorSaysSo_AndHowToCheckItIn()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.Method == "GET" && r.Uri.AbsolutePath.Contains("/Credentials/") ? FakeCheckoutServer.Json(HttpStatusCode.Forbidden, "4034")
            : r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.InternalServerError, "\"boom\"") : null;
        using var ps = new CheckoutRunspace(server);

        var (_, shell) = ps.Run("Use-PSCredential -SystemId 101 -AccountId 201 { 'never' }");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("RequestNotApproved,PasswordSafe.Commands.UsePSCredentialCommand", error.FullyQualifiedErrorId);
            Assert.Contains("needs an approver, and it could not be withdrawn", error.ErrorDetails.Message);
            Assert.Contains("-ApprovalTimeoutSec", error.ErrorDetails.RecommendedAction);
            Assert.Contains("Get-PSRequest | Complete-PSRequest", error.ErrorDetails.RecommendedAction);
        }
    }
}
