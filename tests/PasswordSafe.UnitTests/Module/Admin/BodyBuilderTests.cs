using System;
using System.Collections.Generic;
using System.Text.Json;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>Versioned bodies (api-v3 §0, §2.2, §6.3) and their client-side limits.</summary>
public class BodyBuilderTests
{
    private static Dictionary<string, object?> Account(params (string Key, object? Value)[] extra)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["AccountName"] = "sa", ["Password"] = "P@ss" };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return values;
    }

    [Fact]
    public void ManagedAccount_30Fields_Use30()
    {
        var body = ManagedAccountService.BuildForCreate(Account(("ApiEnabled", true)), null);

        Assert.Equal(new Version(3, 0), body.Version);
        Assert.Equal("sa", body.Fields["AccountName"]);
        Assert.Equal(true, body.Fields["ApiEnabled"]);
    }

    [Theory]
    [InlineData("UseOwnCredentials", true, "3.1")]
    [InlineData("ChangeIISAppPoolFlag", true, "3.2")]
    [InlineData("WorkgroupID", 5, "3.3")]
    [InlineData("ChangeComPlusFlag", true, "3.4")]
    [InlineData("ObjectID", "6f1e…", "3.5")]
    public void ManagedAccount_LaterField_PicksTheLowestVersionThatCarriesIt(string wire, object value, string version)
    {
        var body = ManagedAccountService.BuildForCreate(Account((wire, value)), null);

        Assert.Equal(Version.Parse(version), body.Version);
        Assert.True(body.Fields.ContainsKey(wire));
    }

    [Fact]
    public void RequestedVersion_TooLowForAField_IsRefused_NamingParameterAndVersion()
    {
        var e = Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(Account(("WorkgroupID", 5)), new Version(3, 1)));

        Assert.Equal("ValidationFailed", e.ErrorId);
        Assert.Contains("-WorkgroupId needs managed account body version 3.3", e.Message);
    }

    [Fact]
    public void RequestedVersion_Higher_IsUsed()
    {
        Assert.Equal(new Version(3, 5), ManagedAccountService.BuildForCreate(Account(), new Version(3, 5)).Version);
    }

    [Fact]
    public void ManagedAccount_WithoutPassword_NeedsAutoManagement()
    {
        var values = Account();
        values.Remove("Password");

        var e = Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(values, null));
        Assert.Contains("needs -Password unless -AutoManagement", e.Message);

        values["AutoManagementFlag"] = true;
        Assert.False(ManagedAccountService.BuildForCreate(values, null).Fields.ContainsKey("Password"));
    }

    [Theory]
    [InlineData("AccountName", 246)]
    [InlineData("DomainName", 51)]
    [InlineData("UserPrincipalName", 501)]
    [InlineData("SAMAccountName", 21)]
    [InlineData("DistinguishedName", 1001)]
    [InlineData("Description", 1025)]
    public void ManagedAccount_TextLimits(string wire, int length)
    {
        var e = Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(Account((wire, new string('x', length))), null));

        Assert.Contains($"is {length} characters long", e.Message);
        ManagedAccountService.BuildForCreate(Account((wire, new string('x', length - 1))), null);
    }

    [Theory]
    [InlineData("ReleaseDuration", 0)]
    [InlineData("ReleaseDuration", 525601)]
    [InlineData("MaxReleaseDuration", 0)]
    [InlineData("ISAReleaseDuration", 525601)]
    [InlineData("MaxConcurrentRequests", 1000)]
    [InlineData("ChangeFrequencyDays", 0)]
    public void ManagedAccount_RangeLimits(string wire, int value)
    {
        var e = Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(Account((wire, value)), null));

        Assert.Contains($"{value} is out of range", e.Message);
    }

    [Fact]
    public void ReleaseDuration_AboveMax_IsRefused()
    {
        var e = Assert.Throws<PasswordSafeException>(() =>
            ManagedAccountService.BuildForCreate(Account(("ReleaseDuration", 120), ("MaxReleaseDuration", 60)), null));

        Assert.Contains("-ReleaseDuration (120) is greater than -MaxReleaseDuration (60)", e.Message);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("7:30")]
    [InlineData("noon")]
    public void ChangeTime_MustBeHHmm(string time)
    {
        var e = Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(Account(("ChangeTime", time)), null));
        Assert.Contains("HH:mm", e.Message);
    }

    [Fact]
    public void ChoiceAndDate_AreNormalised()
    {
        var body = ManagedAccountService.BuildForCreate(Account(("ChangeFrequencyType", "XDAYS"), ("NextChangeDate", new DateTime(2026, 3, 4, 15, 0, 0))), null);

        Assert.Equal("xdays", body.Fields["ChangeFrequencyType"]);
        Assert.Equal("2026-03-04", body.Fields["NextChangeDate"]);
        Assert.Throws<PasswordSafeException>(() => ManagedAccountService.BuildForCreate(Account(("ChangeFrequencyType", "weekly")), null));
    }

    [Fact]
    public void SecretTooLong_MessageDoesNotShowTheSecret()
    {
        var spec = FieldSpec.Secret("Password", "Password", 8);

        var e = Assert.Throws<PasswordSafeException>(() => BodyBuilder.Validate(spec, "TopSecretValue!"));

        Assert.DoesNotContain("TopSecretValue", e.Message);
    }

    [Fact]
    public void ManagedSystem_RemoteClientType_Needs31_ApplicationHost_Needs32()
    {
        var values = new Dictionary<string, object?> { ["PlatformID"] = 2, ["RemoteClientType"] = "epm" };
        Assert.Equal(new Version(3, 1), BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, null).Version);
        Assert.Equal("EPM", BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, null).Fields["RemoteClientType"]);

        values["IsApplicationHost"] = true;
        Assert.Equal(new Version(3, 2), BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, null).Version);
    }

    [Theory]
    [InlineData("Port", 0)]
    [InlineData("Port", 65536)]
    [InlineData("SshKeyEnforcementMode", 3)]
    [InlineData("ReleaseDuration", 525601)]
    public void ManagedSystem_RangeLimits(string wire, int value)
    {
        var values = new Dictionary<string, object?> { ["PlatformID"] = 2, [wire] = value };

        Assert.Throws<PasswordSafeException>(() => BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, null));
    }

    [Fact]
    public void Update_KeepsBaselineValues_OnlyUpToTheChosenVersion()
    {
        var baseline = new Dictionary<string, object?> { ["AccountName"] = "sa", ["Description"] = "old", ["UseOwnCredentials"] = true, ["WorkgroupID"] = null };
        var changes = new Dictionary<string, object?> { ["Description"] = "new" };

        var body = BodyBuilder.Build("managed account", ManagedAccountFields.Updatable, changes, baseline, null);

        Assert.Equal(new Version(3, 0), body.Version);
        Assert.Equal("new", body.Fields["Description"]);
        Assert.Equal("sa", body.Fields["AccountName"]);
        Assert.False(body.Fields.ContainsKey("UseOwnCredentials"));
        Assert.False(body.Fields.ContainsKey("Password"));
    }

    [Theory]
    [InlineData("IPAddress", 47)]
    [InlineData("AssetName", 129)]
    [InlineData("DnsName", 256)]
    [InlineData("DomainName", 65)]
    [InlineData("MacAddress", 129)]
    [InlineData("AssetType", 65)]
    [InlineData("Description", 256)]
    [InlineData("OperatingSystem", 256)]
    public void Asset_TextLimits(string wire, int length)
    {
        var values = new Dictionary<string, object?> { ["IPAddress"] = "10.0.0.1", [wire] = new string('a', length) };

        Assert.Throws<PasswordSafeException>(() => BodyBuilder.Build("asset", AssetFields.All, values, null, null));
    }

    [Fact]
    public void Asset_Body_SerialisesOnlyGivenFields()
    {
        var values = new Dictionary<string, object?> { ["IPAddress"] = "10.0.0.1", ["AssetName"] = "db01" };

        var json = JsonDocument.Parse(BodyBuilder.Build("asset", AssetFields.All, values, null, null).ToJson()).RootElement;

        Assert.Equal("db01", json.GetProperty("AssetName").GetString());
        Assert.False(json.TryGetProperty("DnsName", out _));
    }
}
