using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Get-PSManagedAccount (spec E1, api-v3 §2.1): every filter, paging that streams across pages and is never
/// capped, -First/-Skip, the single-object answer for both names, and name resolution that refuses to guess.
/// Read-only, so one emulator serves the class.
/// </summary>
public sealed class ManagedAccountListingTests : IClassFixture<CheckoutEmulator>
{
    // What demo (group Requestors) may request: the hand-written API-enabled accounts of smart rules 1 and 2 plus the 25 generated ones.
    private static readonly string[] HandWrittenVisible =
        { "Administrator", "rotating-svc", "runbook-svc", "sa", "svc-backup", "root", "payroll-api", "operator", "operator", "cloud-admin" };

    private readonly CheckoutEmulator emulator;

    public ManagedAccountListingTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Fact]
    public void E1_NoFilter_ListsEveryRequestableAccount_NeverTheApiDisabledOne()
    {
        using var shell = emulator.RunnerFor("demo");

        var accounts = shell.Run("Get-PSManagedAccount").AssertSuccess().Output;

        Assert.Equal(HandWrittenVisible.Length + CheckoutSeed.GeneratedAccountCount, accounts.Count);
        Assert.All(accounts, a => Assert.Equal("ManagedAccount", a.BaseObject.GetType().Name));
        var names = accounts.Select(a => (string)a.Properties["AccountName"].Value).ToList();
        Assert.DoesNotContain("legacy-svc", names);
        Assert.DoesNotContain("deploy", names); // ISA-only for isa-user
        // Ordered by system id then account id, like the server.
        var keys = accounts.Select(a => ((int)a.Properties["SystemId"].Value, (int)a.Properties["AccountId"].Value)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2), keys);
    }

    [Theory]
    [InlineData("-SystemName web01", "Administrator,rotating-svc,runbook-svc")]
    [InlineData("-AccountName operator", "operator,operator")]
    [InlineData("-SystemId 4", "root")]
    [InlineData("-WorkgroupName East", "operator")]
    [InlineData("-Type domainlinked", "svc-backup")]
    [InlineData("-Type database", "sa")]
    [InlineData("-Type cloud", "cloud-admin")]
    [InlineData("-Type application", "payroll-api")]
    [InlineData("-IPAddress 10.0.0.13", "root")]
    [InlineData("-ApplicationDisplayName Payroll", "payroll-api")]
    [InlineData("-SystemName web01 -Type system", "Administrator,rotating-svc,runbook-svc")]
    [InlineData("-WorkgroupName West -AccountName operator", "operator")]
    public void E1_EachFilter_ListsExactlyTheMatchingAccounts(string filter, string expected)
    {
        using var shell = emulator.RunnerFor("demo");

        var names = shell.Run($"Get-PSManagedAccount {filter}").AssertSuccess().Output
            .Select(a => (string)a.Properties["AccountName"].Value);

        Assert.Equal(expected.Split(','), names);
    }

    [Fact]
    public void E1_TypeSystem_IncludesTheGeneratedAccounts()
    {
        using var shell = emulator.RunnerFor("demo");

        var count = shell.Run("@(Get-PSManagedAccount -Type system).Count").AssertSuccess().SingleValue;

        // Administrator, rotating-svc, runbook-svc, root, both operators + the generated ones.
        Assert.Equal(6 + CheckoutSeed.GeneratedAccountCount, count);
    }

    [Fact]
    public void E1_Paging_PageSize7_StreamsAllPagesWithoutGapsOrRepeats()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        var result = shell.Run("Get-PSManagedAccount -SystemName $GeneratedSystem -PageSize 7 -Verbose").AssertSuccess();

        var names = result.Output.Select(a => (string)a.Properties["AccountName"].Value).ToList();
        Assert.Equal(Enumerable.Range(1, CheckoutSeed.GeneratedAccountCount).Select(n => $"gen-acct-{n:D4}"), names);
        // 25 accounts in pages of 7: four GETs (7, 7, 7, 4), each with limit=7.
        var pageCalls = result.Verbose.Where(l => l.Contains("ManagedAccounts", StringComparison.Ordinal) && l.Contains("GET", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, pageCalls.Count);
        Assert.All(pageCalls, l => Assert.Contains("limit=7", l));
        Assert.Contains(result.HostWrites, l => l.StartsWith("PROGRESS:", StringComparison.Ordinal) && l.Contains("Listing managed accounts"));
    }

    [Fact]
    public void E1_Paging_PageSizeDividesTheTotal_StillEndsCleanly()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        var count = shell.Run("@(Get-PSManagedAccount -SystemName $GeneratedSystem -PageSize 5).Count").AssertSuccess().SingleValue;

        Assert.Equal(CheckoutSeed.GeneratedAccountCount, count);
    }

    [Fact]
    public void E1_FirstAndSkip_AcrossPageBoundaries()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        var result = shell.Run("Get-PSManagedAccount -SystemName $GeneratedSystem -PageSize 4 -Skip 5 -First 10 -Verbose").AssertSuccess();

        var names = result.Output.Select(a => (string)a.Properties["AccountName"].Value);
        Assert.Equal(Enumerable.Range(6, 10).Select(n => $"gen-acct-{n:D4}"), names);
        // Nothing beyond -First is fetched: 10 accounts in pages of 4 is three GETs.
        Assert.Equal(3, result.Verbose.Count(l => l.Contains("ManagedAccounts", StringComparison.Ordinal) && l.Contains("GET", StringComparison.Ordinal)));
    }

    [Fact]
    public void E1_IncludeTotalCount_ReportsTheTotalAfterTheAccounts()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        var result = shell.Run(
            "$all = @(Get-PSManagedAccount -SystemName $GeneratedSystem -PageSize 10 -IncludeTotalCount)\n" +
            "$all.Count; [string]$all[-1]").AssertSuccess();

        Assert.Equal(CheckoutSeed.GeneratedAccountCount + 1, result.Output[0].BaseObject);
        Assert.Contains(CheckoutSeed.GeneratedAccountCount.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)result.Output[1].BaseObject);
    }

    [Theory]
    [InlineData("-Skip 10", 15)]
    [InlineData("-Skip 99999", 0)]
    [InlineData("-Skip 25", 0)]             // the skip lands exactly on the end
    [InlineData("-First 3", 3)]             // stopped early: the rest is counted, not read
    [InlineData("-Skip 5 -First 7 -PageSize 4", 7)]
    [InlineData("-First 0", 0)]
    public void E1_IncludeTotalCount_IsHowManyMatch_WhateverSkipAndFirstLeaveOut(string paging, int listed)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        var result = shell.Run($"$all = @(Get-PSManagedAccount -SystemName $GeneratedSystem {paging} -IncludeTotalCount)\n" +
                               "$all.Count - 1; $all[-1].ToString()").AssertSuccess();

        Assert.Equal(listed, result.Output[0].BaseObject);
        Assert.Equal($"Total count: {CheckoutSeed.GeneratedAccountCount}", result.Output[1].BaseObject);
    }

    [Fact]
    public void E1_IncludeTotalCount_WholeListing_SkipPastTheEnd_CountsWhatTheServerHas()
    {
        using var shell = emulator.RunnerFor("demo");

        // The total-count object's ToString is a script method, so it is read inside the runspace.
        var total = shell.Run("(Get-PSManagedAccount -Skip 10000 -IncludeTotalCount -Verbose).ToString()").AssertSuccess();

        Assert.Equal($"Total count: {HandWrittenVisible.Length + CheckoutSeed.GeneratedAccountCount}", total.SingleValue);
        // Found by a few one-account reads and one page, not by listing everything again.
        Assert.InRange(total.Verbose.Count(l => l.Contains("ManagedAccounts", StringComparison.Ordinal) && l.Contains("GET", StringComparison.Ordinal)), 2, 16);
    }

    [Theory]
    [InlineData("-SystemName web01 -AccountName Administrator -Skip 4", 0, 1)]
    [InlineData("-SystemName web01 -AccountName Administrator", 1, 1)]
    [InlineData("-SystemName web01 -AccountName nobody", 0, 0)]
    [InlineData("-SystemName twin01 -AccountName operator -Skip 1", 1, 2)]
    public void E1_BothNames_SkipAppliesToTheAnswer_AndTheTotalIsWhatMatches(string lookup, int listed, int matching)
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run($"$all = @(Get-PSManagedAccount {lookup} -IncludeTotalCount)\n" +
                               "$all.Count - 1; $all[-1].ToString()").AssertSuccess();

        Assert.Equal(listed, result.Output[0].BaseObject);
        Assert.Equal($"Total count: {matching}", result.Output[1].BaseObject);
    }

    [Theory]
    [InlineData("-AccountId 1", 1, 1)]
    [InlineData("-AccountId 1, 2, 4 -Skip 1", 2, 3)]
    [InlineData("-ManagedSystemId 1", 4, 4)]
    [InlineData("-ManagedSystemId 1 -Skip 1 -First 2", 2, 4)]
    [InlineData("-ManagedSystemId 1 -First 0", 0, 4)]
    public void E5_ProvisioningView_IncludeTotalCount_IsTheAccountsReturned(string selection, int listed, int total)
    {
        using var shell = emulator.RunnerFor("admin");

        var result = shell.Run($"$all = @(Get-PSManagedAccount {selection} -IncludeTotalCount)\n" +
                               "$all.Count - 1; $all[-1].ToString()").AssertSuccess();

        Assert.Equal(listed, result.Output[0].BaseObject);
        Assert.Equal($"Total count: {total}", result.Output[1].BaseObject);
    }

    [Fact]
    public void E5_ProvisioningView_PipedSystems_SkipFirstAndTotalSpanThemAll()
    {
        using var shell = emulator.RunnerFor("admin");

        // System 1 has four accounts, system 4 two (root, deploy): one total for the six, -First across both.
        var result = shell.Run("$all = @([pscustomobject]@{ ManagedSystemId = 1 }, [pscustomobject]@{ ManagedSystemId = 4 } |\n" +
                               "    Get-PSManagedAccount -Skip 3 -First 2 -IncludeTotalCount)\n" +
                               "$all[0..1] | ForEach-Object AccountName; $all[-1].ToString(); $all.Count").AssertSuccess();

        Assert.Equal(new object[] { "runbook-svc", "root", "Total count: 6", 3 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void E1_BothNames_SingleObjectAnswer_IsOneAccount()
    {
        using var shell = emulator.RunnerFor("demo");

        var account = Assert.Single(shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator").AssertSuccess().Output);

        Assert.Equal("web01", account.Properties["SystemName"].Value);
        Assert.Equal("Administrator", account.Properties["AccountName"].Value);
        Assert.Equal(1, account.Properties["SystemId"].Value);
        Assert.Equal(CheckoutSeed.WebAdministrator, account.Properties["AccountId"].Value);
        Assert.Equal("Administrator", account.Properties["UserName"].Value);
    }

    [Fact]
    public void E1_DomainAccountListed_UserNameIsDomainBackslashName()
    {
        using var shell = emulator.RunnerFor("demo");

        var account = Assert.Single(shell.Run("Get-PSManagedAccount -Type domainlinked").AssertSuccess().Output);

        Assert.Equal(@"CONTOSO\svc-backup", account.Properties["UserName"].Value);
        Assert.Equal("CONTOSO", account.Properties["DomainName"].Value);
        Assert.Equal("svc-backup@contoso.test", account.Properties["UserPrincipalName"].Value);
    }

    [Fact]
    public void E1_NamesMatchSeveralAccounts_NewRequestAll_RequestsEach_NamedByItsIds()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run("New-PSRequest -SystemName twin01 -AccountName operator -All -Reason both -WhatIf").AssertSuccess();
        Assert.Empty(emulator.State.ReleaseRequests);
        var requested = shell.Run("New-PSRequest -SystemName twin01 -AccountName operator -All -Reason both | ForEach-Object { $_.AccountId }").AssertSuccess();
        var again = shell.Run("New-PSRequest -SystemName twin01 -AccountName operator -All -Reason again");
        var none = shell.Run("New-PSRequest -SystemName twin01 -AccountName nobody -All -Reason x").AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);

        var targets = whatIf.HostWrites.Where(l => l.Contains("What if", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, targets.Count);
        Assert.Contains(targets, l => l.Contains($@"twin01\operator (SystemId 6, AccountId {CheckoutSeed.TwinEastOperator})"));
        Assert.Contains(targets, l => l.Contains($@"twin01\operator (SystemId 7, AccountId {CheckoutSeed.TwinWestOperator})"));
        Assert.Equal(new object[] { CheckoutSeed.TwinEastOperator, CheckoutSeed.TwinWestOperator }, requested.Output.Select(o => o.BaseObject).OrderBy(i => i).ToArray());
        Assert.Equal(2, emulator.State.ReleaseRequests.Count(r => r.Account.AccountName == "operator" && r.IsOpen));
        // A second run conflicts on each account separately: two errors, each naming its own account.
        Assert.Equal(2, again.Errors.Count);
        Assert.All(again.Errors, e => Assert.StartsWith("Conflict,", e.FullyQualifiedErrorId));
        Assert.Contains(again.Errors, e => (string)e.TargetObject == $@"twin01\operator (SystemId 6, AccountId {CheckoutSeed.TwinEastOperator})");
        Assert.Contains("nobody", none.ErrorDetails.Message);
    }

    [Fact]
    public void E1_NamesMatchSeveralAccounts_ListingShowsThemAll_AndSaysSo()
    {
        using var shell = emulator.RunnerFor("demo");

        var both = shell.Run("Get-PSManagedAccount -SystemName twin01 -AccountName operator").AssertSuccess();
        var one = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator").AssertSuccess();
        var bySystem = shell.Run("Get-PSManagedAccount -SystemName twin01").AssertSuccess();

        Assert.Equal(2, both.Output.Count);
        var warning = Assert.Single(both.Warnings);
        Assert.Contains("2 managed accounts match", warning);
        Assert.Contains($"AccountId {CheckoutSeed.TwinEastOperator}", warning);
        Assert.Contains($"AccountId {CheckoutSeed.TwinWestOperator}", warning);
        Assert.Contains("-SystemId", warning);
        // One match, or a listing that is not a lookup of one account, has nothing to warn about.
        Assert.Single(one.Output);
        Assert.Empty(one.Warnings);
        Assert.True(bySystem.Output.Count >= 2);
        Assert.Empty(bySystem.Warnings);
    }

    [Fact]
    public void E1_NamesMatchSeveralAccounts_NewRequestIsAmbiguousAccount_ListingThem()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequest -SystemName twin01 -AccountName operator -Reason which")
            .AssertError("AmbiguousAccount", ErrorCategory.InvalidArgument);

        var message = ErrorText.Shown(error);
        Assert.Contains("2 managed accounts", message);
        Assert.Contains($"AccountId {CheckoutSeed.TwinEastOperator}", message);
        Assert.Contains($"AccountId {CheckoutSeed.TwinWestOperator}", message);
        Assert.Contains("-SystemId", message);
        Assert.DoesNotContain(emulator.State.ReleaseRequests, r => r.Account.AccountName == "operator");
        // The listing itself shows both, so the user can pick.
        Assert.Equal(2, shell.Run("@(Get-PSManagedAccount -SystemName twin01 -AccountName operator).Count").AssertSuccess().SingleValue);
    }

    [Theory]
    [InlineData("New-PSRequest -SystemName web01 -AccountName nobody -Reason x")]
    [InlineData("New-PSRequest -SystemName web01 -AccountName legacy-svc -Reason x")]
    [InlineData("New-PSRequest -SystemName contoso.test -AccountName svc-backup -Reason x")]
    [InlineData("Use-PSCredential -SystemName nosuch -AccountName nobody -ScriptBlock { 'never runs' }")]
    [InlineData("Get-PSIsaCredential -SystemName web01 -AccountName nobody")]
    public void E1_NoAccountMatches_AccountNotFound(string script)
    {
        // legacy-svc is not enabled for API access; a domain account is never named by its bare name (§2.1).
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(script);

        var error = result.AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("Get-PSManagedAccount", ErrorText.Shown(error));
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("New-PSRequest -SystemName contoso.test -AccountName svc-backup -Reason x")]
    [InlineData("Use-PSCredential -SystemName contoso.test -AccountName SVC-BACKUP -ScriptBlock { 'never runs' }")]
    public void E1_BareNameOfADirectoryAccount_AccountNotFound_AsksDidYouMeanTheDomainForm(string script)
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run(script).AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);

        Assert.Contains(@"Did you mean CONTOSO\svc-backup?", ErrorText.Shown(error));
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Theory]
    [InlineData("Get-PSManagedAccount -SystemName contoso.test -AccountName svc-backup")]
    [InlineData("Get-PSManagedAccount contoso.test SVC-BACKUP -Type domainlinked")]
    public void E1_ListingByTheBareNameOfADirectoryAccount_IsEmpty_WithADidYouMeanWarning(string script)
    {
        // Scripts test the listing for emptiness, so it stays empty; the same hint New-PSRequest gives comes as a warning.
        using var shell = emulator.RunnerFor("demo");

        var mark = emulator.State.ApiCalls.Total;
        var result = shell.Run(script).AssertSuccess();

        Assert.Empty(result.Output);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(@"Did you mean CONTOSO\svc-backup?", warning);
        Assert.StartsWith("No managed account matches system 'contoso.test'", warning);
        // The miss, then one listing of the system for the hint.
        Assert.Equal(2, emulator.State.ApiCalls.Since(mark).Count);
    }

    [Theory]
    [InlineData("Get-PSManagedAccount -SystemName web01 -AccountName svc-backup", 2)]
    [InlineData(@"Get-PSManagedAccount -SystemName contoso.test -AccountName 'CONTOSO\nobody'", 1)]
    [InlineData(@"Get-PSManagedAccount -SystemName contoso.test -AccountName 'CONTOSO\svc-backup'", 1)]
    public void E1_ListingThatFindsOrMissesOtherwise_HasNoHint_AndAsksNoMore(string script, int calls)
    {
        using var shell = emulator.RunnerFor("demo");

        var mark = emulator.State.ApiCalls.Total;
        var result = shell.Run(script).AssertSuccess();

        Assert.Empty(result.Warnings);
        Assert.Equal(calls, emulator.State.ApiCalls.Since(mark).Count);
    }

    [Fact]
    public void E1_NameOnNoSystem_AccountNotFound_HasNoDidYouMean()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName svc-backup -Reason x").AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);

        Assert.DoesNotContain("Did you mean", ErrorText.Shown(error));
    }

    [Fact]
    public void E1_ListingWithBothNamesMatchingNothing_IsEmpty_AndPipesNothingOn()
    {
        // Get-PSManagedAccount filters (the server's exact-lookup 404 is "no match", like any other filter); the commands
        // that resolve names to one account say AccountNotFound instead (E1_NoAccountMatches_AccountNotFound).
        using var shell = emulator.RunnerFor("demo");

        Assert.Empty(shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName nobody").AssertSuccess().Output);
        shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName nobody | New-PSRequest -Reason x").AssertSuccess();
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_FilterMatchingNothing_IsAnEmptyListNotAnError()
    {
        using var shell = emulator.RunnerFor("demo");

        Assert.Empty(shell.Run("Get-PSManagedAccount -WorkgroupName 'No such workgroup'").AssertSuccess().Output);
    }

    [Theory]
    [InlineData("-SystemName 'web*'", "Administrator,rotating-svc,runbook-svc")]
    [InlineData("-SystemName 'TWIN*' -AccountName 'OP*'", "operator,operator")]
    [InlineData(@"-AccountName 'CONTOSO\svc-*'", "svc-backup")]
    [InlineData("-AccountName 'svc-b?ckup'", "svc-backup")]
    [InlineData("-SystemName web01 -AccountName '*svc'", "rotating-svc,runbook-svc")]
    [InlineData("-SystemName 'gen-sys-*' -AccountName 'gen-acct-000[1-3]'", "gen-acct-0001,gen-acct-0002,gen-acct-0003")]
    [InlineData("-SystemName 'nosuch*'", "")]
    public void E1_NamesWithWildcards_AreMatchedHere_AndNeverSentToTheServer(string filter, string expected)
    {
        // The API's name filters are exact (api-v3 §2.1): a name with wildcards is left out of the query and matched
        // against each listed account, case-insensitively, an account name by its bare and its DOMAIN\name form.
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run($"Get-PSManagedAccount {filter} -Verbose").AssertSuccess();

        var names = result.Output.Select(a => (string)a.Properties["AccountName"].Value);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names);
        var queries = result.Verbose.Where(l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedAccounts", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.DoesNotContain("*", q));
        Assert.All(queries, q => Assert.DoesNotContain("%2A", q, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void E1_NamesWithWildcards_SkipFirstAndTotalCountTheMatches_AndReadNoFurtherThanNeeded()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("GeneratedSystem", CheckoutSeed.GeneratedSystem);

        // The even-numbered of the 25 generated accounts: 12 match. Skip 2 and take 3: 0006, 0008, 0010.
        var paged = shell.Run("Get-PSManagedAccount -SystemName $GeneratedSystem -AccountName '*[02468]' -PageSize 4 -Skip 2 -First 3 -Verbose").AssertSuccess();
        var counted = shell.Run("$all = @(Get-PSManagedAccount -SystemName $GeneratedSystem -AccountName '*[02468]' -PageSize 4 -Skip 2 -First 3 -IncludeTotalCount)\n" +
                                "$all[-1].ToString(); $all.Count").AssertSuccess();

        Assert.Equal(new[] { "gen-acct-0006", "gen-acct-0008", "gen-acct-0010" }, paged.Output.Select(a => (string)a.Properties["AccountName"].Value));
        var pageCalls = paged.Verbose.Where(l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedAccounts", StringComparison.Ordinal)).ToList();
        // The fifth match (0010) is on the third page of 4; pages are read whole from offset 0, the exact system name sent.
        Assert.Equal(3, pageCalls.Count);
        Assert.All(pageCalls, l => Assert.Contains("limit=4", l));
        Assert.Contains("offset=0", pageCalls[0]);
        Assert.All(pageCalls, l => Assert.Contains("systemName=gen-sys-00001", l));
        Assert.All(pageCalls, l => Assert.DoesNotContain("accountName", l, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new object[] { "Total count: 12", 4 }, counted.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async System.Threading.Tasks.Task E1_NamesWithWildcards_ResolveToTheOneMatch_OrAmbiguousAccount_OrEveryMatchWithAll()
    {
        // It creates a request: an emulator of its own, so the class's read-only tests see none.
        await using var own = await CheckoutEmulator.StartAsync();
        using var shell = own.RunnerFor("demo");

        var one = shell.Run("New-PSRequest -SystemName 'web*' -AccountName 'admin*' -Reason wildcard").AssertSuccess();
        var several = shell.Run("Use-PSCredential -SystemName 'twin*' -AccountName operator -ScriptBlock { 'never runs' }");
        var all = shell.Run("New-PSRequest -SystemName 'twin*' -AccountName 'oper*' -All -Reason both -WhatIf").AssertSuccess();
        var none = shell.Run("New-PSRequest -SystemName 'nosuch*' -AccountName root -Reason x");

        var request = Assert.Single(one.Output);
        Assert.Equal(CheckoutSeed.WebAdministrator, request.Properties["AccountId"].Value);
        Assert.Equal(CheckoutSeed.WebAdministrator, Assert.Single(own.State.ReleaseRequests, r => r.IsOpen).Account.ManagedAccountId);
        var ambiguous = several.AssertError("AmbiguousAccount", ErrorCategory.InvalidArgument);
        Assert.Contains("2 managed accounts match system 'twin*', account 'operator'", ErrorText.Shown(ambiguous));
        Assert.Empty(several.Output);
        Assert.Equal(2, all.HostWrites.Count(l => l.Contains("What if", StringComparison.OrdinalIgnoreCase) && l.Contains(@"twin01\operator")));
        var notFound = none.AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("system 'nosuch*'", ErrorText.Shown(notFound));
        Assert.Single(own.State.ReleaseRequests);
    }

    [Fact]
    public void E5_ProvisioningView_AccountNameWithWildcards_IsMatchedHere()
    {
        using var shell = emulator.RunnerFor("admin");

        var result = shell.Run("$all = @(Get-PSManagedAccount -ManagedSystemId 1 -AccountName '*SVC' -IncludeTotalCount -Verbose)\n" +
                               "$all[0..($all.Count - 2)] | ForEach-Object AccountName; $all[-1].ToString()").AssertSuccess();

        // The provisioning view lists the API-disabled legacy-svc too; the total counts the matches.
        Assert.Equal(new object[] { "legacy-svc", "rotating-svc", "runbook-svc", "Total count: 3" }, result.Output.Select(o => o.BaseObject));
        Assert.DoesNotContain(result.Verbose, l => l.Contains("name=", StringComparison.Ordinal));
    }
}
