using System.Collections.Generic;
using System.Text.Json;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>Spec A1–A4 as the body builder enforces them before anything is sent.</summary>
public class ApiRegistrationBodyTests
{
    private static ApiRegistrationSpec KeyPolicy(params string[] ipRules)
    {
        var spec = new ApiRegistrationSpec { Name = "Runbooks" };
        foreach (var rule in ipRules)
        {
            spec.IPRules.Add(new RuleInput(rule));
        }

        return spec;
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A2_MultiFactorAuthentication_IsOnByDefault_OtherOptionsOff()
    {
        var body = Parse(ApiRegistrationBody.Build(KeyPolicy("10.0.0.0/24"), null));

        Assert.True(body.GetProperty("MultiFactorAuthenticationEnforced").GetBoolean());
        Assert.False(body.GetProperty("ClientCertificateRequired").GetBoolean());
        Assert.False(body.GetProperty("UserPasswordRequired").GetBoolean());
        Assert.False(body.GetProperty("VerifyPsrunSignature").GetBoolean());
        Assert.True(body.GetProperty("Active").GetBoolean());
        Assert.Equal("ApiKeyPolicy", body.GetProperty("RegistrationType").GetString());
        Assert.False(body.TryGetProperty("AccessTokenDuration", out _));
        var rule = body.GetProperty("IPAuthenticationRules")[0];
        Assert.Equal("CIDR", rule.GetProperty("Type").GetString());
        Assert.Equal("10.0.0.0/24", rule.GetProperty("Value").GetString());
    }

    [Fact]
    public void A1_AccessPolicy_GetsDefaultTokenDuration60_AndNoPsrunRules()
    {
        var spec = KeyPolicy("10.0.0.1");
        spec.RegistrationType = ApiRegistrationSpec.ApiAccessPolicy;

        var body = Parse(ApiRegistrationBody.Build(spec, null));

        Assert.Equal(60, body.GetProperty("AccessTokenDuration").GetInt32());
        Assert.False(body.TryGetProperty("PSRUNRules", out _));
    }

    [Fact]
    public void A1_AccessTokenDuration_OnKeyPolicy_IsRefused()
    {
        var spec = KeyPolicy("10.0.0.1");
        spec.AccessTokenDuration = 30;

        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(spec, null));
        Assert.Contains("-AccessTokenDuration applies only to ApiAccessPolicy", e.Message);
    }

    [Fact]
    public void A1_PsrunRules_OnAccessPolicy_AreRefused()
    {
        var spec = KeyPolicy("10.0.0.1");
        spec.RegistrationType = ApiRegistrationSpec.ApiAccessPolicy;
        spec.PsrunRules.Add(new Dictionary<string, object?> { ["SystemName"] = "host1" });

        Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(spec, null));
    }

    [Fact]
    public void A3_NoRuleAtAll_IsRefused()
    {
        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(KeyPolicy(), null));

        Assert.Equal("ValidationFailed", e.ErrorId);
        Assert.Contains("at least one authentication rule", e.Message);
    }

    [Fact]
    public void A3_XffRulesAlone_DoNotCount()
    {
        var spec = KeyPolicy();
        spec.XForwardedForRules.Add(new RuleInput("203.0.113.0/24"));

        Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(spec, null));
    }

    [Fact]
    public void A3_APsrunRuleAlone_Counts()
    {
        var spec = KeyPolicy();
        spec.PsrunRules.Add(new Dictionary<string, object?> { ["systemname"] = "host1", ["IPAddress"] = "10.0.0.7" });

        var body = Parse(ApiRegistrationBody.Build(spec, null));

        var rule = body.GetProperty("PSRUNRules")[0];
        Assert.Equal("host1", rule.GetProperty("SystemName").GetString());
        Assert.Equal(0, body.GetProperty("IPAuthenticationRules").GetArrayLength());
    }

    [Fact]
    public void PsrunRule_WithUnknownKeyOrBadAddress_IsRefused()
    {
        var unknown = KeyPolicy();
        unknown.PsrunRules.Add(new Dictionary<string, object?> { ["Hostname"] = "x" });
        Assert.Contains("unknown key 'Hostname'", Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(unknown, null)).Message);

        var badAddress = KeyPolicy();
        badAddress.PsrunRules.Add(new Dictionary<string, object?> { ["IPAddress"] = "10.0.0.0/8" });
        Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(badAddress, null));
    }

    [Fact]
    public void A3_OneBadRuleAmongGoodOnes_NamesTheBadOne()
    {
        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(KeyPolicy("10.0.0.1", "10.0.0.300", "fd00::/64"), null));

        Assert.Contains("'10.0.0.300'", e.Message);
    }

    [Fact]
    public void DuplicateRule_InOneList_IsRefused()
    {
        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(KeyPolicy("fd00::1", "FD00:0::1"), null));

        Assert.Contains("more than once", e.Message);
    }

    [Fact]
    public void RuleDescriptions_AreKept()
    {
        var spec = KeyPolicy();
        spec.IPRules.Add(new RuleInput("10.0.0.1", "IPAddress", "build agent"));

        var rule = Parse(ApiRegistrationBody.Build(spec, null)).GetProperty("IPAuthenticationRules")[0];

        Assert.Equal("build agent", rule.GetProperty("Description").GetString());
        Assert.Equal("IPAddress", rule.GetProperty("Type").GetString());
    }

    private static ApiRegistration Current() => new ApiRegistration
    {
        RegistrationId = 4,
        Name = "Web",
        RegistrationType = "ApiKeyPolicy",
        IPAuthenticationRules = new[] { new AddressRule { Type = "IPAddress", Value = "10.0.0.5" } },
        XForwardedForAuthenticationRules = new[] { new AddressRule { Type = "CIDR", Value = "203.0.113.0/24" } },
    };

    [Fact]
    public void A4_IpRule_CannotBecomeXffRule()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.IPRules = new List<RuleInput> { new RuleInput("10.0.0.6") };
        spec.XForwardedForRules = new List<RuleInput> { new RuleInput("10.0.0.5") };

        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(spec, Current()));

        Assert.Contains("'10.0.0.5' is an IP rule of 'Web'", e.Message);
        Assert.Contains("A4", e.Message);
    }

    [Fact]
    public void A4_XffRule_CannotBecomeIpRule()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.IPRules.Add(new RuleInput("203.0.113.0/24"));

        var e = Assert.Throws<PasswordSafeException>(() => ApiRegistrationBody.Build(spec, Current()));

        Assert.Contains("is an X-Forwarded-For rule of 'Web'", e.Message);
    }

    [Fact]
    public void A4_KeepingRulesInTheirLists_AndAddingNewOnes_IsFine()
    {
        var spec = ApiRegistrationSpec.From(Current());
        spec.IPRules.Add(new RuleInput("10.0.0.7"));
        spec.XForwardedForRules.Add(new RuleInput("198.51.100.0/24"));

        var body = Parse(ApiRegistrationBody.Build(spec, Current()));

        Assert.Equal(2, body.GetProperty("IPAuthenticationRules").GetArrayLength());
        Assert.Equal(2, body.GetProperty("XForwardedForAuthenticationRules").GetArrayLength());
    }
}
