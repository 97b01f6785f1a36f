using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Use-PSCredential through an alias (spec E1 with api-v3 §3.2 alias variant and §4.1 alias form): -AliasName, -AliasId
/// or a piped alias requests the alias's preferred account, the credential is read through the alias and carries the
/// account's user name as the server names it (no request listing needed), and the request is checked in (a throwing
/// block and Ctrl+C by alias are cases of UseCredentialTests' theories). Refusals create nothing. The seed's "runbook-pair" prefers web01\rotating-svc, "db-sa" maps
/// db01\sa (one approver), "web-admin-suspended" is unmapped.
/// </summary>
public sealed class UseCredentialAliasTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_UseCredentialByAliasName_BlockGetsThePreferredAccountsCredential_ReadThroughTheAlias_CheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("Expected", emulator.Seed.AccountPassword(CheckoutSeed.RotatingService));

        var result = shell.Run(
            "Use-PSCredential -AliasName runbook-pair -Reason 'nightly export' -Verbose -ScriptBlock {\n" +
            "  param($Credential)\n" +
            "  $Credential.UserName\n" +
            "  $Credential.GetNetworkCredential().Password -eq $Expected\n" +
            "  (Get-PSRequest -Status Active).AliasId\n" +
            "}").AssertSuccess();

        Assert.Equal(new object[] { "rotating-svc", true, 1 }, result.Output.Select(o => o.BaseObject));
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(CheckoutSeed.RotatingService, request.Account.ManagedAccountId);
        Assert.Equal(1, request.AliasId);
        Assert.Equal("nightly export", request.Reason);
        Assert.Equal(RequestStatus.CheckedIn, request.Status);
        // The alias brought its preferred account's default release duration (web01: 120 minutes).
        Assert.Equal(120, request.DurationMinutes);
        // Looked up by name, requested and read through the alias, checked in; no request listing for the user name.
        Assert.Contains(result.Verbose, l => l.Contains("GET") && l.Contains("Aliases?name=runbook-pair"));
        Assert.Contains(result.Verbose, l => l.Contains("POST") && l.Contains("Aliases/1/Requests"));
        Assert.Contains(result.Verbose, l => l.Contains("Aliases/1/Credentials/****"));
        Assert.Contains(result.Verbose, l => l.Contains("PUT") && l.Contains("Requests/****/Checkin"));
        Assert.DoesNotContain(result.Verbose, l => l.Contains("GET") && l.Contains("/Requests") && !l.Contains("Aliases"));
        var id = request.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(result.Verbose, l => l.Contains($"Credentials/{id}") || l.Contains($"Requests/{id}/"));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.CredentialRead && e.Reason!.Contains("through alias 1"));
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_UseCredentialPipedAlias_AndById_EachNamedAfterThePreferredAccount_EachCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var piped = shell.Run("Get-PSManagedAccountAlias -Name runbook-pair | Use-PSCredential -DurationMinutes 5 { $args[0].UserName }").AssertSuccess();
        var byId = shell.Run("Use-PSCredential -AliasId 1 -Reason r { param($c) $c.UserName }").AssertSuccess();

        Assert.Equal("rotating-svc", piped.SingleValue);
        Assert.Equal("rotating-svc", byId.SingleValue);
        // A typed duration wins; by id alone the alias is read for its default (its preferred account's, 120), as by name.
        Assert.Equal(new[] { 5, 120 }, emulator.State.ReleaseRequests.Select(r => r.DurationMinutes));
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(RequestStatus.CheckedIn, r.Status));
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(1, r.AliasId));
    }

    [Fact]
    public void E1_UseCredentialByAlias_PendingApproval_RequestNotApprovedNamingTheAlias_BlockNotRun_Released()
    {
        using var shell = emulator.RunnerFor("demo");

        var atOnce = shell.Run("Use-PSCredential -AliasName db-sa -Reason 'change 42' { 'ran' }");
        var waited = shell.Run("Use-PSCredential -AliasName db-sa -Reason 'change 43' -ApprovalTimeoutSec 1 { 'ran' }");

        var atOnceError = atOnce.AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);
        var error = waited.AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);
        Assert.Empty(atOnce.Output);
        Assert.Empty(waited.Output);
        Assert.Contains("The request for alias 'db-sa' needs an approver, and it was withdrawn.", atOnceError.ErrorDetails.Message);
        Assert.Contains("Pass -ApprovalTimeoutSec", atOnceError.ErrorDetails.RecommendedAction);
        Assert.Contains("The request for alias 'db-sa' was not approved within 1 seconds, and it was withdrawn.", error.ErrorDetails.Message);
        Assert.Equal("alias 'db-sa'", error.TargetObject);
        Assert.Equal(2, emulator.State.ReleaseRequests.Count);
        Assert.All(emulator.State.ReleaseRequests, r => Assert.False(r.IsOpen));
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(CheckoutSeed.DatabaseSa, r.Account.ManagedAccountId));
    }

    [Fact]
    public void E1_UseCredentialByAlias_UnknownUnmappedOrConflicting_ClearErrors_BlockNeverRuns_NothingLeftOpen()
    {
        using var shell = emulator.RunnerFor("demo");

        var unknownName = shell.Run("Use-PSCredential -AliasName nope { 'ran' }").AssertError("AliasNotFound", ErrorCategory.ObjectNotFound);
        var unknownId = shell.Run("Use-PSCredential -AliasId 99 { 'ran' }").AssertError("AliasNotFound", ErrorCategory.ObjectNotFound);
        var unmapped = shell.Run("Use-PSCredential -AliasName web-admin-suspended { 'ran' }").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Equal("alias 'nope'", unknownName.TargetObject);
        Assert.Contains("Get-PSManagedAccountAlias", ErrorText.Shown(unknownName));
        Assert.Equal("alias 99", unknownId.TargetObject);
        Assert.Contains("mapped state 0", unmapped.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);

        // The preferred account already has this user's open request: 4091, and the existing request stays as it was.
        var existing = (int)Assert.Single(shell.Run("New-PSRequest -AliasId 1 -Reason r").AssertSuccess().Output).Properties["RequestId"].Value;
        var conflict = shell.Run("Use-PSCredential -AliasName runbook-pair { 'ran' }");
        conflict.AssertError("Conflict", ErrorCategory.ResourceExists);
        Assert.Empty(conflict.Output);
        Assert.Equal(RequestStatus.Active, emulator.Request(existing).Status);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_UseCredentialByAlias_WhatIf_NamesTheAlias_RequestsNothing()
    {
        using var shell = emulator.RunnerFor("demo");

        var byName = shell.Run("Use-PSCredential -AliasName runbook-pair -WhatIf { 'ran' }").AssertSuccess();
        var piped = shell.Run("Get-PSManagedAccountAlias -Name db-sa | Use-PSCredential -WhatIf { 'ran' }").AssertSuccess();

        Assert.Contains(byName.HostWrites, l => l.Contains("What if") && l.Contains("alias 'runbook-pair'"));
        Assert.Contains(piped.HostWrites, l => l.Contains("What if") && l.Contains("alias 'db-sa'"));
        Assert.Empty(byName.Output);
        Assert.Empty(piped.Output);
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
