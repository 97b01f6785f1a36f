using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Tab completion of -SystemName, -AccountName and -AliasName (issue 3: names from the server, cached briefly per session),
/// through TabExpansion2 exactly as the console asks for it.
/// </summary>
public sealed class NameCompletionTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public NameCompletionTests(CheckoutEmulator emulator) => this.emulator = emulator;

    private static string[] Complete(PowerShellRunner shell, string line) =>
        shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
            .AssertSuccess().Output.Select(o => o.ToString()!).ToArray();

    [Fact]
    public void E1_SystemName_CompletesRequestableSystemsByPrefix()
    {
        using var shell = emulator.RunnerFor("demo");

        var matches = Complete(shell, "Get-PSManagedAccount -SystemName web");

        Assert.Contains("web01", matches);
        Assert.All(matches, m => Assert.StartsWith("web", m.Trim('\'')));
    }

    [Fact]
    public void E1_AccountName_CompletesWithinTheGivenSystem()
    {
        using var shell = emulator.RunnerFor("demo");

        var matches = Complete(shell, "New-PSRequest -SystemName web01 -AccountName r");

        Assert.Equal(new[] { "rotating-svc", "runbook-svc" }, matches.OrderBy(m => m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("contoso\\s")]
    [InlineData("svc")]
    public void E1_AccountName_DirectoryAccount_OffersTheDomainForm_ByEitherPrefix_AndItRequests(string typed)
    {
        // A directory account is found by DOMAIN\name or its UPN, never by its bare name (§2.1), so that is what Tab offers.
        using var shell = emulator.RunnerFor("demo");

        var match = Assert.Single(Complete(shell, "New-PSRequest -SystemName contoso.test -AccountName " + typed));

        Assert.Equal(@"CONTOSO\svc-backup", match);
        var whatIf = shell.Run($"New-PSRequest -SystemName contoso.test -AccountName {match} -Reason x -WhatIf").AssertSuccess();
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if", System.StringComparison.Ordinal));
    }

    [Fact]
    public void E1_AccountName_TypedUpn_OffersTheUpn_Unquoted()
    {
        using var shell = emulator.RunnerFor("demo");

        Assert.Equal(new[] { "svc-backup@contoso.test" }, Complete(shell, "Get-PSManagedAccount -SystemName contoso.test -AccountName svc-backup@"));
        Assert.Single(shell.Run("Get-PSManagedAccount -SystemName contoso.test -AccountName svc-backup@contoso.test").AssertSuccess().Output);
    }

    [Fact]
    public void E1_AliasName_CompletesRequestableAliases_OnBothRequestingCommands_EveryAliasWhenListing()
    {
        using var shell = emulator.RunnerFor("demo");

        // "web-admin-suspended" is unmapped (state 0): it cannot be requested, so it is not offered.
        Assert.Equal(new[] { "runbook-pair" }, Complete(shell, "Use-PSCredential -AliasName r"));
        Assert.Equal(new[] { "db-sa", "runbook-pair" }, Complete(shell, "New-PSRequest -AliasName "));
        Assert.Empty(Complete(shell, "New-PSRequest -AliasName web"));
        // Listing offers every alias, the unmapped one too.
        Assert.Equal(new[] { "web-admin-suspended" }, Complete(shell, "Get-PSManagedAccountAlias -Name web"));
    }

    [Fact]
    public void E1_WithoutASession_CompletionOffersNothingAndNeverThrows()
    {
        using var shell = emulator.NewRunner();

        const string line = "Get-PSManagedAccount -SystemName web";
        var result = shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.Count");

        Assert.Empty(result.Errors);
        Assert.Equal(0, (int)result.Output.Single().BaseObject);
    }
}
