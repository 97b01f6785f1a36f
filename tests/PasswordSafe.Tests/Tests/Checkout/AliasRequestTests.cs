using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Requesting through managed account aliases (API reference "Aliases", api-v3 §3.2 alias variant, §4.1 alias form):
/// Get-PSManagedAccountAlias lists what the caller may request, a piped alias (or -AliasId/-AliasName) requests its
/// preferred account as an ordinary request that remembers the alias, Get-PSCredential reads it through the alias and
/// names it after the account, and every refusal creates nothing. The seed's "runbook-pair" prefers web01\rotating-svc
/// (and maps web01\runbook-svc); "web-admin-suspended" is unmapped (state 0).
/// </summary>
public sealed class AliasRequestTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_PipedAlias_RequestsThePreferredAccount_CredentialNamedAfterIt_RequestShowsItsAlias_CheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Get-PSManagedAccountAlias -Name runbook-pair | New-PSRequest -Reason 'nightly export' | Get-PSCredential -Verbose").AssertSuccess();

        var credential = Assert.IsType<PSCredential>(result.SingleValue);
        Assert.Equal("rotating-svc", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.RotatingService), credential.GetNetworkCredential().Password);
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(CheckoutSeed.RotatingService, request.Account.ManagedAccountId);
        Assert.Equal(1, request.AliasId);
        Assert.Equal(RequestStatus.Active, request.Status);
        // The alias brought its preferred account's default release duration (web01: 120 minutes).
        Assert.Equal(120, request.DurationMinutes);
        // Read through the alias form, with the request id masked in what Verbose shows.
        Assert.Contains(result.Verbose, line => line.Contains("Aliases/1/Credentials/****"));
        Assert.DoesNotContain(result.Verbose, line => line.Contains($"Credentials/{request.RequestId}"));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.CredentialRead && e.Reason!.Contains("through alias 1"));

        var listed = Assert.Single(shell.Run("Get-PSRequest").AssertSuccess().Output);
        Assert.Equal(1, listed.Properties["AliasId"].Value);
        Assert.Equal("rotating-svc", listed.Properties["AccountName"].Value);

        shell.Run("Get-PSRequest | Complete-PSRequest -Reason done").AssertSuccess();

        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(request.RequestId).Status);
        shell.Run($"Get-PSCredential -RequestId {request.RequestId}").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void E1_RequestByAliasName_OutputNamesTheAlias_RotateOnCheckinRotatesThePreferredAccount()
    {
        using var shell = emulator.RunnerFor("demo");

        var request = Assert.Single(shell.Run("$r = New-PSRequest -AliasName RUNBOOK-PAIR -DurationMinutes 15 -RotateOnCheckin -Reason r; $r").AssertSuccess().Output);

        Assert.Equal("PasswordSafe.Request", request.TypeNames[0]);
        Assert.Equal(1, request.Properties["AliasId"].Value);
        Assert.Equal("runbook-pair", request.Properties["AliasName"].Value);
        Assert.Equal("Active", request.Properties["Status"].Value);
        var stored = emulator.Request((int)request.Properties["RequestId"].Value);
        Assert.Equal(15, stored.DurationMinutes);
        Assert.True(stored.RotateOnCheckin);

        shell.Run("$r | Complete-PSRequest").AssertSuccess();

        Assert.Equal(1, emulator.State.PasswordChangeCount(CheckoutSeed.RotatingService));
        Assert.Equal(0, emulator.State.PasswordChangeCount(CheckoutSeed.RunbookService));
    }

    [Fact]
    public void E1_Listing_ShowsStatePreferredAccountAndMappings_WildcardsFilterHere_UnknownAliasNotFound_TableView()
    {
        using var shell = emulator.RunnerFor("demo");

        var aliases = shell.Run("Get-PSManagedAccountAlias").AssertSuccess().Output;

        Assert.Equal(new[] { "runbook-pair", "web-admin-suspended", "db-sa" }, aliases.Select(a => (string)a.Properties["AliasName"].Value));
        var pair = aliases[0];
        Assert.Equal("PasswordSafe.ManagedAccountAlias", pair.TypeNames[0]);
        Assert.Equal(2, pair.Properties["AliasState"].Value);
        Assert.Equal(true, pair.Properties["IsRequestable"].Value);
        Assert.Equal(CheckoutSeed.RotatingService, pair.Properties["PreferredAccountId"].Value);
        Assert.Equal("web01", pair.Properties["SystemName"].Value);
        Assert.Equal(2, ((Array)pair.Properties["MappedAccounts"].Value).Length);
        Assert.Equal(false, aliases[1].Properties["IsRequestable"].Value);

        Assert.Equal("runbook-pair", Assert.Single(shell.Run("Get-PSManagedAccountAlias -Name *PAIR").AssertSuccess().Output).Properties["AliasName"].Value);
        Assert.Empty(shell.Run("Get-PSManagedAccountAlias -Name nothing*").AssertSuccess().Output);
        var missing = shell.Run("Get-PSManagedAccountAlias -Name nope").AssertError("AliasNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("nope", missing.TargetObject);
        var byId = shell.Run("Get-PSManagedAccountAlias -AliasId 3, 99");
        Assert.Equal("db-sa", Assert.Single(byId.Output).Properties["AliasName"].Value);
        Assert.Equal("AliasNotFound,PasswordSafe.Commands.GetPSManagedAccountAliasCommand", Assert.Single(byId.Errors).FullyQualifiedErrorId);

        var table = string.Join("\n", shell.Run("Get-PSManagedAccountAlias | Out-Host").AssertSuccess().HostWrites);
        Assert.Contains("2 Highly Available", table);
        Assert.Contains("0 Unmapped", table);
        Assert.Contains(@"web01\rotating-svc", table);
    }

    [Fact]
    public void E1_UnmappedAlias_ValidationFailedNamingItsState_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("Get-PSManagedAccountAlias -Name web-admin-suspended | New-PSRequest -Reason r").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("alias 'web-admin-suspended'", error.ErrorDetails.Message);
        Assert.Contains("mapped state 0", error.ErrorDetails.Message);
        Assert.Contains("Get-PSManagedAccountAlias", ErrorText.Shown(error));
        Assert.Equal("alias 'web-admin-suspended'", error.TargetObject);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_NoRoleOnThePreferredAccount_PermissionDenied_AndNothingListed_NothingRequested()
    {
        using var shell = emulator.RunnerFor("no-role");

        Assert.Empty(shell.Run("Get-PSManagedAccountAlias").AssertSuccess().Output);
        var error = shell.Run("New-PSRequest -AliasId 1 -Reason r").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        Assert.Contains("4031", error.ErrorDetails.Message);
        Assert.Contains("preferred managed account", ErrorText.Shown(error));
        shell.Run("Get-PSManagedAccountAlias -AliasId 1").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_UnknownAlias_AliasNotFound_ById_AndByName_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");

        var byId = shell.Run("New-PSRequest -AliasId 99 -Reason r").AssertError("AliasNotFound", ErrorCategory.ObjectNotFound);
        var byName = shell.Run("New-PSRequest -AliasName nope -Reason r").AssertError("AliasNotFound", ErrorCategory.ObjectNotFound);

        Assert.Equal("alias 99", byId.TargetObject);
        Assert.Contains("Get-PSManagedAccountAlias", ErrorText.Shown(byName));
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_Conflict4091_AlsoWithADirectRequestOnThePreferredAccount_ReuseReturnsTheSameRequest()
    {
        using var shell = emulator.RunnerFor("demo");
        var first = (int)Assert.Single(shell.Run("New-PSRequest -AliasId 1 -Reason r").AssertSuccess().Output).Properties["RequestId"].Value;

        var again = shell.Run("New-PSRequest -AliasId 1 -Reason r").AssertError("Conflict", ErrorCategory.ResourceExists);
        shell.Run("New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason r").AssertError("Conflict", ErrorCategory.ResourceExists);
        var reused = Assert.Single(shell.Run("New-PSRequest -AliasName runbook-pair -ConflictOption Reuse").AssertSuccess().Output);

        Assert.Contains("4091", again.ErrorDetails.Message);
        Assert.Contains("-ConflictOption Reuse", ErrorText.Shown(again));
        Assert.Equal(first, reused.Properties["RequestId"].Value);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_WhatIf_NamesTheAlias_RequestsNothing()
    {
        using var shell = emulator.RunnerFor("demo");

        var piped = shell.Run("Get-PSManagedAccountAlias -Name runbook-pair | New-PSRequest -Reason r -WhatIf").AssertSuccess();
        var byName = shell.Run("New-PSRequest -AliasName runbook-pair -WhatIf").AssertSuccess();
        var byId = shell.Run("New-PSRequest -AliasId 1 -WhatIf").AssertSuccess();
        var byIdWithDuration = shell.Run("New-PSRequest -AliasId 1 -DurationMinutes 30 -WhatIf").AssertSuccess();

        Assert.Contains(piped.HostWrites, l => l.Contains("What if") && l.Contains("alias 'runbook-pair'") && l.Contains("120 minutes"));
        Assert.Contains(byName.HostWrites, l => l.Contains("What if") && l.Contains("alias 'runbook-pair'"));
        // A typed id is read for the alias's name and default duration; with a typed duration nothing needs reading.
        Assert.Contains(byId.HostWrites, l => l.Contains("What if") && l.Contains("alias 'runbook-pair'") && l.Contains("120 minutes"));
        Assert.Contains(byIdWithDuration.HostWrites, l => l.Contains("What if") && l.Contains("alias 1") && l.Contains("30 minutes"));
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_PipelineBinding_AliasesBindTheAliasSet_AccountsAndIdRowsKeepTheirOwnSets()
    {
        using var shell = emulator.RunnerFor("demo");

        // Each -WhatIf target shows which set bound: accounts and id rows by the account's names (an id row is looked up
        // for its default duration, which names it too), aliases by alias.
        var account = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc | New-PSRequest -WhatIf").AssertSuccess();
        var idRow = shell.Run("[pscustomobject]@{ SystemId = 1; AccountId = 12 } | New-PSRequest -WhatIf").AssertSuccess();
        var aliasRow = shell.Run("[pscustomobject]@{ AliasId = 1 } | New-PSRequest -WhatIf").AssertSuccess();
        // A row with account ids and an AliasId (a request read back from the list) stays on the default account set.
        var both = shell.Run("[pscustomobject]@{ SystemId = 1; AccountId = 12; AliasId = 1 } | New-PSRequest -WhatIf").AssertSuccess();

        Assert.Contains(account.HostWrites, l => l.Contains(@"web01\runbook-svc"));
        Assert.Contains(idRow.HostWrites, l => l.Contains(@"web01\runbook-svc") && !l.Contains("alias"));
        // The row's AliasId is read for the alias's default duration, which names it too.
        Assert.Contains(aliasRow.HostWrites, l => l.Contains("alias 'runbook-pair'"));
        Assert.Contains(both.HostWrites, l => l.Contains(@"web01\runbook-svc") && !l.Contains("alias"));
        Assert.Empty(emulator.State.ReleaseRequests);

        // And for real: a piped alias is requested through the alias, a piped account directly.
        shell.Run("Get-PSManagedAccountAlias -Name runbook-pair | New-PSRequest -Reason r").AssertSuccess();
        shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc | New-PSRequest -Reason r").AssertSuccess();
        Assert.Equal(new int?[] { 1, null }, emulator.State.ReleaseRequests.Select(r => r.AliasId));
    }

    [Fact]
    public void E1_AnAliasRowWithADuration_BindsTheAliasSet_AndRequestsForThatLong_AlsoThroughUseCredential()
    {
        using var shell = emulator.RunnerFor("demo");

        // With the by-id set as the default, PowerShell latched such a row onto it and asked for SystemId and AccountId.
        shell.Run("[pscustomobject]@{ AliasId = 1; DurationMinutes = 30 } | New-PSRequest -Reason row").AssertSuccess();
        var used = shell.Run("[pscustomobject]@{ AliasId = 1; DefaultReleaseDuration = 25 } | Use-PSCredential -Reason row -ConflictOption Renew { 'ran' }");

        Assert.Equal("ran", used.AssertSuccess().SingleValue);
        Assert.Equal(new[] { (1, 30), (1, 25) }, emulator.State.ReleaseRequests.Select(r => (r.AliasId ?? 0, r.DurationMinutes)));
    }
}
