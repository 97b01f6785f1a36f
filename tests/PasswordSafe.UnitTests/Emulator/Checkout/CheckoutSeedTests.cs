using System.IO;
using System.Threading.Tasks;
using PasswordSafe.Emulator.Cli;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>The checkout part of the seed format, the CLI's --generate-accounts and the banner's hints.</summary>
public class CheckoutSeedTests
{
    [Theory]
    [InlineData("{\"ManagedSystems\":[{\"ManagedSystemID\":1,\"SystemName\":\"s\"}],\"ManagedAccounts\":[{\"ManagedAccountID\":1,\"ManagedSystemID\":9,\"AccountName\":\"a\",\"Password\":\"p\"}]}", "ManagedSystemID 9")]
    [InlineData("{\"ManagedSystems\":[{\"ManagedSystemID\":1,\"SystemName\":\"s\"}],\"ManagedAccounts\":[{\"ManagedAccountID\":1,\"ManagedSystemID\":1,\"AccountName\":\"a\"}]}", "Password")]
    [InlineData("{\"ManagedSystems\":[{\"ManagedSystemID\":1,\"SystemName\":\"s\",\"ReleaseDuration\":600,\"MaxReleaseDuration\":60}]}", "MaxReleaseDuration")]
    [InlineData("{\"ManagedSystems\":[{\"ManagedSystemID\":1,\"SystemName\":\"s\"}],\"ManagedAccounts\":[{\"ManagedAccountID\":1,\"ManagedSystemID\":1,\"AccountName\":\"a\",\"Type\":\"domainlinked\",\"Password\":\"p\"}]}", "DomainName")]
    [InlineData("{\"SmartRules\":[{\"SmartRuleID\":1,\"ManagedAccountIDs\":[5]}]}", "ManagedAccountIDs lists 5")]
    [InlineData("{\"AccessPolicies\":[{\"AccessPolicyID\":1}]}", "AccessTypes")]
    [InlineData("{\"SmartRules\":[{\"SmartRuleID\":1}],\"UserGroups\":[{\"GroupID\":1,\"SmartRuleAccess\":[{\"SmartRuleID\":1,\"Roles\":[\"Requestor\"]}]}]}", "AccessPolicyID")]
    [InlineData("{\"UserGroups\":[{\"GroupID\":1,\"SmartRuleAccess\":[{\"SmartRuleID\":3,\"Roles\":[\"ISA\"]}]}]}", "SmartRuleID 3")]
    [InlineData("{\"Generate\":{\"ManagedSystems\":1,\"AccountsPerSystem\":0}}", "AccountsPerSystem")]
    [InlineData("{\"AccessPolicies\":[{\"AccessPolicyID\":1,\"RequireTicketSystem\":true,\"AccessTypes\":[{\"AccessType\":\"View\"}]}]}", "TicketSystemID")]
    [InlineData("{\"AccessPolicies\":[{\"AccessPolicyID\":1,\"ScheduleID\":0,\"AccessTypes\":[{\"AccessType\":\"View\"}]}]}", "ScheduleID must be a positive number")]
    [InlineData("{\"AccessPolicies\":[{\"AccessPolicyID\":1,\"ScheduleID\":5,\"AccessTypes\":[{\"AccessType\":\"View\"}]},{\"AccessPolicyID\":2,\"ScheduleID\":5,\"AccessTypes\":[{\"AccessType\":\"View\"}]}]}", "$.AccessPolicies[1] (AccessPolicyID 2): ScheduleID 5 is already a schedule of AccessPolicyID 1; give each schedule its own ScheduleID.")]
    public void BadCheckoutSeedsStopWithAMessageNamingTheItem(string json, string mentioned)
    {
        var error = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(json)));
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void DemoSeedHasTheDocumentedCheckoutData()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.LoadDemo());
        Assert.Equal(7, state.ManagedAccountCount);
        var domain = state.FindManagedAccount(DemoSeed.DomainSystemName, DemoSeed.DomainAccountQualifiedName)!;
        Assert.Equal(DemoSeed.DomainAccountId, domain.ManagedAccountId);
        Assert.Equal(ManagedAccountType.DomainLinked, domain.Type);
        Assert.True(state.FindManagedAccount(DemoSeed.LinuxAccountId)!.HasDssKey);
        Assert.False(state.FindManagedAccount(DemoSeed.NotApiEnabledAccountId)!.ApiEnabled);
        Assert.Equal(1, Assert.Single(state.AccessPolicies[1].Schedules).AccessTypes[AccessType.View].MinApprovers);
    }

    [Fact]
    public void GenerateAccountsOptionMakesExactlyNAccounts()
    {
        var line = CommandLine.Parse(["--generate-accounts", "1050"]);
        Assert.Equal(1050, line.GenerateAccounts);
        var seed = EmulatorSeed.LoadDemo();
        seed.Generate = line.Generate;
        Assert.Equal(1050 + 7, EmulatorState.FromSeed(seed).ManagedAccountCount);
        Assert.Throws<System.ArgumentException>(() => CommandLine.Parse(["--generate-accounts", "0"]));
    }

    [Fact]
    public async Task DemoBannerSaysWhatToTry()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var text = new StringWriter();
        ConnectionBanner.Write(text, server, isDemoSeed: true);
        var banner = text.ToString();
        Assert.Contains("Get-PSManagedAccount", banner);
        Assert.Contains("New-PSRequest", banner);
        Assert.Contains("Get-PSCredential", banner);
        Assert.Contains("/emulator/requests", banner);
        Assert.Contains(DemoSeed.ApproverUser, banner);
        Assert.Contains(DemoSeed.IsaUser, banner);
        Assert.DoesNotContain(DemoSeed.WindowsAccountPassword, banner);
        Assert.DoesNotContain(DemoSeed.ApproverPassword, banner);
    }
}
