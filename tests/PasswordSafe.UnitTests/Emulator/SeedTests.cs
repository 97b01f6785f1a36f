using System.Linq;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class SeedTests
{
    private const string OneRegistration = """
        { "apiregistrations": [ { "id": 7, "name": "k", "ipauthenticationrules": [ { "value": "127.0.0.1" } ] } ] }
        """;

    [Fact]
    public void DemoSeedMatchesTheDocumentedFacts()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.LoadDemo());
        Assert.Equal(DemoSeed.ApiKey, state.ReadApiKey(DemoSeed.ApiKeyRegistrationId, "test"));
        Assert.Equal(DemoSeed.MfaApiKey, state.ReadApiKey(DemoSeed.MfaApiKeyRegistrationId, "test"));
        Assert.False(state.FindApiRegistration(DemoSeed.ApiKeyRegistrationId)!.MultiFactorAuthenticationEnforced);
        Assert.True(state.FindApiRegistration(DemoSeed.MfaApiKeyRegistrationId)!.MultiFactorAuthenticationEnforced);
        var app = state.Users.Single(u => u.UserName == DemoSeed.ApplicationUser);
        Assert.Equal(DemoSeed.ClientId, app.ClientId);
        Assert.Equal(DemoSeed.ClientSecret, state.RevealClientSecret(app.UserId));
        Assert.Equal(DemoSeed.AccessPolicyRegistrationId, app.AccessPolicyId);
        Assert.Equal(DemoSeed.ChallengePrompt, state.Users.Single(u => u.UserName == DemoSeed.ChallengeUser).TwoFactor.Prompt);
        Assert.True(state.Users.Single(u => u.IsKnownAs(DemoSeed.DirectoryRunAs)).IsKnownAs(DemoSeed.DirectoryRunAsUpn));
        Assert.True(state.IsAdministrator(state.Users.Single(u => u.UserName == DemoSeed.RunAs).UserId));
        Assert.False(state.IsAdministrator(state.Users.Single(u => u.IsKnownAs(DemoSeed.DirectoryRunAs)).UserId));
    }

    [Fact]
    public void PropertyNamesAreCaseInsensitive()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(OneRegistration));
        Assert.Equal("k", state.FindApiRegistration(7)!.Name);
    }

    [Fact]
    public void A2_AbsentMfaMeansEnforced()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(OneRegistration));
        Assert.True(state.FindApiRegistration(7)!.MultiFactorAuthenticationEnforced);
    }

    [Fact]
    public void A5_AbsentKeyIsGenerated()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(OneRegistration));
        Assert.Equal(128, state.ReadApiKey(7, "test").Length);
    }

    [Fact]
    public void A3_RegistrationWithoutIpOrPsrunRuleIsRefused()
    {
        var e = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse("""{ "ApiRegistrations": [ { "Id": 1 } ] }""")));
        Assert.Contains("A3", e.Message);
    }

    [Fact]
    public void A3_PsrunRuleAloneIsEnough()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse("""{ "ApiRegistrations": [ { "Id": 1, "PSRUNRules": [ { "SystemName": "web01" } ] } ] }"""));
        Assert.Single(state.FindApiRegistration(1)!.PSRUNRules);
    }

    [Theory]
    [InlineData("""{ "ApiRegistrations": [ { "Id": 1, "Key": "too-short", "IPAuthenticationRules": [ { "Value": "127.0.0.1" } ] } ] }""")]
    [InlineData("""{ "ApiRegistrations": [ { "Id": 1, "IPAuthenticationRules": [ { "Value": "300.0.0.1" } ] } ] }""")]
    [InlineData("""{ "ApiRegistrations": [ { "Id": 1, "IPAuthenticationRules": [ { "Value": "127.0.0.1" } ] }, { "Id": 1, "IPAuthenticationRules": [ { "Value": "127.0.0.1" } ] } ] }""")]
    [InlineData("""{ "Users": [ { "UserID": 1, "UserName": "bot", "UserType": "Application" } ] }""")]
    [InlineData("""{ "Users": [ { "UserID": 1, "UserName": "x", "TwoFactor": { "Type": "Challenge" } } ] }""")]
    [InlineData("""{ "Users": [ { "UserID": 1, "UserName": "x", "UserType": "ActiveDirectory" } ] }""")]
    [InlineData("""{ "UserGroups": [ { "GroupID": 1, "Members": [ 9 ] } ] }""")]
    [InlineData("""{ "Settings": { "SessionIdleTimeoutMinutes": 0 } }""")]
    [InlineData("""{ "Settings": { "MaximumPageSize": 0 } }""")]
    [InlineData("""{ "ApiRegistrations": [ { "Id": 1, "RegistrationType": "Nonsense" } ] }""")]
    [InlineData("""not json""")]
    public void InvalidSeedsAreRefusedWithSeedException(string json)
    {
        Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(json)));
    }

    [Theory]
    [InlineData("""{ "AccessPolicies": [ { "AccessPolicyID": 1, "AccessTypes": [ { "AccessType": "Viewx" } ] } ] }""",
        "$.AccessPolicies[0].AccessTypes[0].AccessType", "must be one of View, RDP, SSH, App")]
    [InlineData("""{ "AccessPolicies": [ { "AccessPolicyID": 1, "AccessTypes": [ { "AccessType": "1" } ] } ] }""",
        "$.AccessPolicies[0].AccessTypes[0].AccessType", "must be one of View, RDP, SSH, App")]
    [InlineData("""{ "ApiRegistrations": [ { "Id": 1, "RegistrationType": "Nonsense" } ] }""",
        "$.ApiRegistrations[0].RegistrationType", "must be one of ApiKeyPolicy, ApiAccessPolicy")]
    [InlineData("""{ "UserGroups": [ { "GroupID": 1, "SmartRuleAccess": [ { "SmartRuleID": 1, "Roles": [ "Requestor", "Boss" ] } ] } ] }""",
        "$.UserGroups[0].SmartRuleAccess[0].Roles[1]", "must be one of None, Requestor, Approver, RequestorApprover, ISA, CredentialsManager, Auditor")]
    public void BadEnumValue_IsRefused_NamingWhereItIs_AndTheValuesItCanHave(string json, string path, string names)
    {
        var e = Assert.Throws<SeedException>(() => EmulatorSeed.Parse(json));

        Assert.Equal($"seed JSON, line 1: {path} {names}.", e.Message);
        Assert.DoesNotContain("could not be converted", e.Message);
    }

    [Fact]
    public void EnumValues_TakeAnyCase_FlagLists_AndNumbers_AsBefore()
    {
        var seed = EmulatorSeed.Parse("""
            { "AccessPolicies": [ { "AccessPolicyID": 1, "AccessTypes": [ { "AccessType": "rdp" }, { "AccessType": 2 } ] } ],
              "UserGroups": [ { "GroupID": 1, "SmartRuleAccess": [ { "SmartRuleID": 1, "Roles": [ "requestor, ISA" ] } ] } ] }
            """);

        Assert.Equal(new[] { AccessType.RDP, (AccessType)2 }, seed.AccessPolicies[0].AccessTypes!.Select(t => t.AccessType));
        Assert.Equal(SmartRuleRoles.Requestor | SmartRuleRoles.ISA, seed.UserGroups[0].SmartRuleAccess[0].Roles[0]);
    }

    [Fact]
    public void A4_RuleCannotSwitchBetweenIpAndXff()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.LoadDemo());
        var registration = state.FindApiRegistration(1)!;
        var ipRule = registration.IPAuthenticationRules[0];
        Assert.Throws<System.InvalidOperationException>(() =>
            state.ReplaceAuthenticationRules(1, registration.IPAuthenticationRules.Skip(1).ToList(), [ipRule]));
        var fresh = AddressRule.Parse(99, "IPAddress", "10.0.0.1");
        state.ReplaceAuthenticationRules(1, registration.IPAuthenticationRules, [fresh]);
        Assert.Single(state.FindApiRegistration(1)!.XForwardedForAuthenticationRules);
    }
}
