using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
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
    public void FailedCheckIn_IsAWarning_NotAnError()
    {
        var server = new FakeCheckoutServer();
        server.Override = r => r.IsTo("/Checkin") ? FakeCheckoutServer.Json(HttpStatusCode.InternalServerError, "\"boom\"") : null;
        using var ps = new CheckoutRunspace(server);

        var (output, shell) = ps.Run("Use-PSCredential -SystemId 101 -AccountId 201 { 'ok' }");
        using (shell)
        {
            Assert.Equal("ok", Assert.Single(output).ToString());
            Assert.Empty(shell.Streams.Error);
            Assert.Contains("could not be checked in", Assert.Single(shell.Streams.Warning).Message);
        }
    }
}
