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
/// Use-PSCredential, the runbook pattern of spec E1: request, read, run the block, and always check in — on
/// success, when the block throws, on Ctrl+C while it runs, and when a downstream command ends the pipeline.
/// Every test ends by asking the emulator whether anything is still open.
/// </summary>
public sealed class UseCredentialTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_UseCredential_Success_BlockGetsTheCredential_OutputStreams_AndTheRequestIsCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("Expected", emulator.Seed.AccountPassword(CheckoutSeed.RunbookService));

        var result = shell.Run(
            "Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason 'nightly job' -ScriptBlock {\n" +
            "  param($Credential)\n" +
            "  $Credential.UserName\n" +
            "  $Credential.GetNetworkCredential().Password -eq $Expected\n" +
            "  (Get-PSRequest -Status Active).Count\n" +
            "}").AssertSuccess();

        Assert.Equal(new object[] { "runbook-svc", true, 1 }, result.Output.Select(o => o.BaseObject));
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.CheckedIn, request.Status);
        Assert.Equal("nightly job", request.Reason);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_DebugInAHostThatCannotAsk_RunsTheBlock_AndChecksIn()
    {
        // -Debug makes PowerShell ask after each Verbose line, and a host that cannot ask fails at the first question,
        // which comes after the request was created: the command goes on (DebugAfterChangeTests), runs the block, checks in.
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo");

        shell.Run("$account = Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc").AssertSuccess();

        var result = shell.Run("$account | Use-PSCredential -Reason 'debugging' -Debug -ScriptBlock { 'ran' }").AssertSuccess();

        Assert.Equal("ran", result.SingleValue);
        Assert.Contains(result.Verbose, l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains("/Checkin", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_HaltAnsweredAtADebugQuestion_StopsBeforeTheBlock_AndStillChecksIn()
    {
        // The first question -Debug raises comes after the request was created; "Halt Command" ends the command there,
        // and the request must be checked in all the same.
        using var shell = emulator.NewRunner(interactive: true);
        emulator.Connect(shell, "demo");
        shell.Run("$account = Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc").AssertSuccess();
        shell.Answer("Halt Command");

        var result = shell.Run("$account | Use-PSCredential -Reason 'debugging' -Debug -ScriptBlock { 'ran' }");

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain("ran", result.Output.Select(o => o.BaseObject));
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_PipedAccount_ArgsForm_AndTheCallersVariablesAreVisible()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "$suffix = '!'\n" +
            "Get-PSManagedAccount -SystemName contoso.test -AccountName 'CONTOSO\\svc-backup' | Use-PSCredential -Reason backup -ScriptBlock { $args[0].UserName + $suffix }")
            .AssertSuccess();

        Assert.Equal(@"CONTOSO\svc-backup!", result.SingleValue);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredential_ByIdsOnly_TheCredentialCarriesTheAccountsOwnUserName_ReadFromItsRequest()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run($"Use-PSCredential -SystemId 3 -AccountId {CheckoutSeed.DomainServiceAccount} -DurationMinutes 30 -Reason backup -Verbose {{ param($c) $c.UserName }}")
            .AssertSuccess();

        // Not "account 3 on system 3": a runbook hands this credential to Invoke-Command or New-PSDrive.
        Assert.Equal(@"CONTOSO\svc-backup", result.SingleValue);
        Assert.Contains(result.Verbose, line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("/Requests?", StringComparison.Ordinal));
        Assert.Empty(result.Warnings);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredential_ByIdsWithoutDuration_TheAccountIsLookedUp_ItsDefaultDurationAndItsUserName_NoRequestListing()
    {
        // The same account by ids or by names gets the same default duration (120 minutes for CONTOSO\svc-backup, not the
        // module's fallback of 60); the lookup that finds the duration also names the credential.
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run($"Use-PSCredential -SystemId 3 -AccountId {CheckoutSeed.DomainServiceAccount} -Reason backup -Verbose {{ param($c) $c.UserName }}")
            .AssertSuccess();

        Assert.Equal(@"CONTOSO\svc-backup", result.SingleValue);
        Assert.Contains(result.Verbose, line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("/ManagedAccounts?systemID=3", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verbose, line => line.Contains("/Requests?", StringComparison.Ordinal));
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(120, request.DurationMinutes);
        Assert.Equal(RequestStatus.CheckedIn, request.Status);
    }

    [Fact]
    public void E1_UseCredential_ByIdsWithUserName_NamesTheCredentialSo_AndListsNoRequests()
    {
        using var shell = emulator.RunnerFor("demo");

        // With -DurationMinutes nothing is looked up: the request, the credential and the check-in are the only calls.
        var result = shell.Run($"Use-PSCredential -SystemId 3 -AccountId {CheckoutSeed.DomainServiceAccount} -UserName 'svc-backup@contoso.test' -DurationMinutes 30 -Reason backup -Verbose {{ param($c) $c.UserName }}")
            .AssertSuccess();

        Assert.Equal("svc-backup@contoso.test", result.SingleValue);
        Assert.DoesNotContain(result.Verbose, line => line.Contains("/Requests?", StringComparison.Ordinal));
        Assert.Equal(3, result.Verbose.Count(line => line.Contains(" -> ", StringComparison.Ordinal)));
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredential_ByIdsWithUserName_WithoutDuration_TheTypedNameStillWinsOverTheAccountsOwnForm()
    {
        using var shell = emulator.RunnerFor("demo");

        // Without -DurationMinutes the account is looked up for its default, which also brings its CONTOSO\svc-backup form.
        var result = shell.Run($"Use-PSCredential -SystemId 3 -AccountId {CheckoutSeed.DomainServiceAccount} -UserName 'svc-backup@contoso.test' -Reason backup {{ param($c) $c.UserName }}")
            .AssertSuccess();

        Assert.Equal("svc-backup@contoso.test", result.SingleValue);
        Assert.Equal(120, Assert.Single(emulator.State.ReleaseRequests).DurationMinutes);
    }

    [Fact]
    public void E1_UseCredential_CsvRowsOfIds_EachCredentialIsNamedAfterItsOwnAccount()
    {
        using var shell = emulator.RunnerFor("demo");

        // Import-Csv gives strings; they bind by property name like any row.
        var result = shell.Run(
            $"[pscustomobject]@{{ SystemId = '1'; AccountId = '{CheckoutSeed.WebAdministrator}' }}, [pscustomobject]@{{ SystemId = '3'; AccountId = '{CheckoutSeed.DomainServiceAccount}' }} |\n" +
            "  Use-PSCredential -Reason csv { param($c) $c.UserName }").AssertSuccess();

        Assert.Equal(new object[] { "Administrator", @"CONTOSO\svc-backup" }, result.Output.Select(o => o.BaseObject));
        Assert.All(emulator.State.ReleaseRequests, request => Assert.Equal(RequestStatus.CheckedIn, request.Status));
        Assert.Equal(2, emulator.State.ReleaseRequests.Count);
    }

    [Theory]
    [InlineData("Use-PSCredential web01 runbook-svc { param($c) $c.UserName }")]
    [InlineData("Use-PSCredential { param($c) $c.UserName } -SystemName web01 -AccountName runbook-svc")]
    [InlineData("Use-PSCredential -SystemName web01 -AccountName runbook-svc { param($c) $c.UserName }")]
    [InlineData("Use-PSCredential -ScriptBlock { param($c) $c.UserName } web01 runbook-svc")]
    [InlineData("Get-PSManagedAccount web01 runbook-svc | Use-PSCredential { param($c) $c.UserName }")]
    public void E1_UseCredential_NamesAndBlockBindByPositionOrName_AsTyped(string script)
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(script).AssertSuccess();

        Assert.Equal("runbook-svc", result.SingleValue);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredential_CheckInImpossible_AfterTheBlock_CheckInFailedError_ARunbookCanCatch_OutputKept()
    {
        // The block signs the session out, so the check-in cannot be sent: the credential stays released, and a
        // runbook must be able to notice (a warning would not stop it, nor be in $Error).
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "try { Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason x -ErrorAction Stop { 'work done'; Disconnect-PasswordSafe } }\n" +
            "catch { 'caught ' + $_.FullyQualifiedErrorId.Split(',')[0] + ': ' + $_.ErrorDetails.RecommendedAction }");

        var lines = result.AssertSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Equal("work done", lines[0]);
        Assert.StartsWith("caught CheckInFailed: Check it in by hand once the server answers: Get-PSRequest | Complete-PSRequest", lines[1]);
        Assert.Equal(1, emulator.OpenRequestCount);
    }

    [Theory]
    [InlineData("-SystemName web01 -AccountName runbook-svc")]
    [InlineData("-AliasName runbook-pair")]
    public void E1_UseCredential_BlockThrows_ErrorSurfaces_AndTheRequestIsCheckedIn(string target)
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            $"Use-PSCredential {target} -Reason fails -ScriptBlock {{ 'before'; throw 'the deployment failed' }}");

        Assert.True(result.Errors.Any(e => e.ToString().Contains("the deployment failed", StringComparison.Ordinal)),
            "The block's error must surface; got: " + string.Join(" | ", result.Errors.Select(PowerShellResult.Describe)));
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);

        // A runbook catching it sees the block's output so far and the block's own error, and again nothing stays open.
        var caught = shell.Run(
            $"try {{ Use-PSCredential {target} -Reason again -ScriptBlock {{ 'before'; throw 'the deployment failed' }} }}\n" +
            "catch { \"caught: $($_.Exception.Message)\" }").AssertSuccess();
        Assert.Equal(new[] { "before", "caught: the deployment failed" }, caught.Output.Select(o => o.ToString()));
        Assert.Equal(2, emulator.State.ReleaseRequests.Count(r => r.Status == RequestStatus.CheckedIn));
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_NonTerminatingErrorInTheBlock_StillChecksIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason x -ScriptBlock { Get-PSRequest -RequestId 999999; 'after' }");

        result.AssertError("RequestNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("after", result.Output.Single().BaseObject);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Theory]
    [InlineData("-SystemName web01 -AccountName runbook-svc")]
    [InlineData("-AliasId 1")]
    public void E1_UseCredential_CtrlCWhileTheBlockRuns_ChecksIn(string target)
    {
        using var shell = emulator.RunnerFor("demo");
        using var started = new ManualResetEventSlim();
        shell.SetVariable("Started", started);

        using var running = shell.Begin(
            $"Use-PSCredential {target} -Reason long -ScriptBlock {{\n" +
            "  $Started.Set()\n" +
            "  while ($true) { [System.Threading.Thread]::Sleep(20) }\n" +
            "}");
        Assert.True(started.Wait(TimeSpan.FromSeconds(15)), "The block never started.");
        Assert.Equal(1, emulator.OpenRequestCount);

        running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(15));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Errors);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_DownstreamBreakEndsThePipeline_ChecksIn()
    {
        // Without Select-Object in the hosted engine, `ForEach-Object { …; break }` is the way a user stops upstream early.
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason first -ScriptBlock { 1; 2; 3 } | ForEach-Object { $_; break }");

        Assert.Empty(result.Errors);
        Assert.Equal(1, result.Output.Single().BaseObject);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredential_TwoAccountsPiped_EachRunsAndEachIsCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "Get-PSManagedAccount -SystemName web01 | Use-PSCredential -Reason batch -ScriptBlock { param($c) $c.UserName + ':' + (Get-PSRequest -Status Active).Count }")
            .AssertSuccess();

        Assert.Equal(new[] { "Administrator:1", "rotating-svc:1", "runbook-svc:1" }, result.Output.Select(o => o.ToString()));
        Assert.Equal(3, emulator.State.ReleaseRequests.Count);
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(RequestStatus.CheckedIn, r.Status));
    }

    [Fact]
    public void E1_UseCredential_ConflictingOpenRequest_BlockDoesNotRun_ExistingRequestUntouched()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason mine).RequestId").AssertSuccess().SingleValue!;

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason x -ScriptBlock { 'ran' }");

        result.AssertError("Conflict", ErrorCategory.ResourceExists);
        Assert.Empty(result.Output);
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void E1_UseCredential_WhatIf_RunsNothingAndRequestsNothing()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -ScriptBlock { 'ran' } -WhatIf").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
