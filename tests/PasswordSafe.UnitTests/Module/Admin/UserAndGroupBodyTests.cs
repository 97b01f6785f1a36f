using System.Collections.Generic;
using System.Text.Json;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>api-v3 §6.5/§6.6 bodies per user and group type, with the §6.6 length limits; roles and credentials bodies.</summary>
public class UserAndGroupBodyTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void BeyondInsightUser_Body()
    {
        var body = Parse(UserBody.ForBeyondInsight("jsmith", "Jane", "Smith", "jane@example.test", "pw"));

        Assert.Equal("BeyondInsight", body.GetProperty("UserType").GetString());
        Assert.Equal("pw", body.GetProperty("Password").GetString());
        Assert.Equal("Jane", body.GetProperty("FirstName").GetString());
    }

    [Fact]
    public void C2_ApplicationUser_Body_CarriesTheAccessPolicy()
    {
        var body = Parse(UserBody.ForApplication("ci-bot", 2));

        Assert.Equal("Application", body.GetProperty("UserType").GetString());
        Assert.Equal(2, body.GetProperty("AccessPolicyID").GetInt32());
        Assert.False(body.TryGetProperty("Password", out _));
    }

    [Fact]
    public void DirectoryUser_Bodies()
    {
        var ad = Parse(UserBody.ForActiveDirectory("jdoe", "contoso.test", "CONTOSO", "svc-bind", "bindpw", useSsl: true));
        Assert.Equal("ActiveDirectory", ad.GetProperty("UserType").GetString());
        Assert.Equal("CONTOSO", ad.GetProperty("DomainName").GetString());
        Assert.True(ad.GetProperty("UseSSL").GetBoolean());

        var ldap = Parse(UserBody.ForLdap("ldap.test", "cn=jdoe,dc=test", "uid", null, null, 636, useSsl: false));
        Assert.Equal("LDAP", ldap.GetProperty("UserType").GetString());
        Assert.Equal(636, ldap.GetProperty("Port").GetInt32());
        Assert.False(ldap.TryGetProperty("BindUser", out _));
    }

    [Theory]
    [InlineData(65, 1, 1, 1)]
    [InlineData(1, 65, 1, 1)]
    [InlineData(1, 1, 65, 1)]
    [InlineData(1, 1, 1, 256)]
    public void UserLengthLimits(int userName, int firstName, int lastName, int email)
    {
        var e = Assert.Throws<PasswordSafeException>(() => UserBody.ForBeyondInsight(new string('u', userName), new string('f', firstName),
            new string('l', lastName), new string('e', email), "pw"));

        Assert.Equal("ValidationFailed", e.ErrorId);
        UserBody.ForBeyondInsight(new string('u', 64), new string('f', 64), new string('l', 64), new string('e', 255), "pw");
    }

    [Fact]
    public void Update_ApplicationUser_RefusesBeyondInsightFields()
    {
        var app = new User { UserId = 3, UserName = "ci-bot", UserType = "Application", AccessPolicyId = 2 };

        Assert.Throws<PasswordSafeException>(() => UserBody.ForUpdate(app, null, "Jane", null, null, null, null));
        var body = Parse(UserBody.ForUpdate(app, null, null, null, null, null, 5));
        Assert.Equal("ci-bot", body.GetProperty("UserName").GetString());
        Assert.Equal(5, body.GetProperty("AccessPolicyID").GetInt32());
    }

    [Fact]
    public void Update_DirectoryUser_IsRefused()
    {
        var ad = new User { UserId = 2, UserName = "jdoe", UserType = "ActiveDirectory" };

        Assert.Contains("come from the directory", Assert.Throws<PasswordSafeException>(() => UserBody.ForUpdate(ad, null, null, null, "x@y", null, null)).Message);
    }

    [Fact]
    public void Update_BeyondInsightUser_KeepsCurrentValues()
    {
        var user = new User { UserId = 1, UserName = "jsmith", UserType = "BeyondInsight", FirstName = "Jane", LastName = "Smith", EmailAddress = "a@b" };

        var body = Parse(UserBody.ForUpdate(user, null, null, null, "new@b", null, null));

        Assert.Equal("Jane", body.GetProperty("FirstName").GetString());
        Assert.Equal("new@b", body.GetProperty("EmailAddress").GetString());
        Assert.False(body.TryGetProperty("Password", out _));
    }

    [Fact]
    public void GroupBodies_PerType_UseLowerCamelBaseKeys()
    {
        var bi = Parse(new UserGroupSpec { Name = "API users", ApplicationRegistrationIds = new[] { 1, 2, 2 } }.ToJson());
        Assert.Equal("BeyondInsight", bi.GetProperty("groupType").GetString());
        Assert.Equal("API users", bi.GetProperty("groupName").GetString());
        Assert.Equal(2, bi.GetProperty("ApplicationRegistrationIDs").GetArrayLength());
        Assert.True(bi.GetProperty("isActive").GetBoolean());

        var ad = Parse(new UserGroupSpec { GroupType = "ActiveDirectory", Name = "PAM", DomainName = "contoso.test", BindUser = "b", BindPassword = "p" }.ToJson());
        Assert.Equal("contoso.test", ad.GetProperty("domainName").GetString());
        Assert.Equal("b", ad.GetProperty("bindUser").GetString());

        var ldap = Parse(new UserGroupSpec { GroupType = "LDAP", Name = "L", GroupDistinguishedName = "cn=g", HostName = "ldap", Port = 389 }.ToJson());
        Assert.Equal("cn=g", ldap.GetProperty("groupDistinguishedName").GetString());
        Assert.Equal(389, ldap.GetProperty("port").GetInt32());

        Assert.Throws<PasswordSafeException>(() => new UserGroupSpec { GroupType = "LDAP", Name = "L" }.ToJson());
    }

    [Fact]
    public void GroupPermissions_NeedWholeNumberIds()
    {
        var spec = new UserGroupSpec { Name = "G" };
        spec.Permissions.Add(new Dictionary<string, object?> { ["permissionid"] = 5, ["AccessLevelID"] = "2" });
        Assert.Equal(5, Parse(spec.ToJson()).GetProperty("Permissions")[0].GetProperty("PermissionID").GetInt32());

        spec.SmartRuleAccess.Add(new Dictionary<string, object?> { ["SmartRuleID"] = "x", ["AccessLevelID"] = 1 });
        Assert.Contains("SmartRuleID", Assert.Throws<PasswordSafeException>(() => spec.ToJson()).Message);
    }

    private static readonly IReadOnlyList<Role> Roles = new[]
    {
        new Role { RoleId = 1, Name = "Requestor" }, new Role { RoleId = 2, Name = "Approver" },
        new Role { RoleId = 3, Name = "Requestor/Approver" }, new Role { RoleId = 6, Name = "Credentials Manager" },
    };

    [Fact]
    public void RoleNames_ResolveCaseAndPunctuationInsensitively()
    {
        Assert.Equal(new[] { 1, 2 }, RoleResolver.Resolve(new[] { "requestor", "APPROVER", "Requestor" }, Roles));
        Assert.Equal(new[] { 3, 6 }, RoleResolver.Resolve(new[] { "RequestorApprover", "credentials manager" }, Roles));
    }

    [Fact]
    public void UnknownRole_ListsTheKnownOnes()
    {
        var e = Assert.Throws<PasswordSafeException>(() => RoleResolver.Resolve(new[] { "Owner" }, Roles));

        Assert.Contains("'Owner'", e.Message);
        Assert.Contains("Requestor/Approver", e.RecommendedAction);
    }

    [Fact]
    public void GrantBody_ListsRoleIds_AndTheAccessPolicy()
    {
        var json = Parse(PasswordSafe.Internal.JsonBodySerializer.Serialize(RoleResolver.GrantBody(new[] { 1, 2 }, 7)));

        Assert.Equal(2, json.GetProperty("Roles")[1].GetProperty("RoleID").GetInt32());
        Assert.Equal(7, json.GetProperty("AccessPolicyID").GetInt32());
        Assert.False(Parse(PasswordSafe.Internal.JsonBodySerializer.Serialize(RoleResolver.GrantBody(new[] { 1 }, null))).TryGetProperty("AccessPolicyID", out _));
    }

    [Fact]
    public void CredentialBody_Rules()
    {
        var generated = Parse(CredentialBody.Build(null, null, null, null, updateSystem: true));
        Assert.False(generated.TryGetProperty("Password", out _));
        Assert.True(generated.GetProperty("UpdateSystem").GetBoolean());

        Assert.Contains("-PrivateKey needs -PublicKey", Assert.Throws<PasswordSafeException>(() => CredentialBody.Build(null, null, "KEY", null, true)).Message);
        Assert.Equal("KEY", Parse(CredentialBody.Build(null, null, "KEY", null, false)).GetProperty("PrivateKey").GetString());
        Assert.Throws<PasswordSafeException>(() => CredentialBody.Build(null, null, null, "phrase", true));
    }

    [Fact]
    public void QuickRuleBody_NeedsAccounts()
    {
        var json = Parse(QuickRuleBody.Build("db01", new[] { 5, 5, 6 }, null, null));
        Assert.Equal(2, json.GetProperty("AccountIDs").GetArrayLength());
        Assert.False(json.TryGetProperty("Category", out _));
        Assert.Throws<PasswordSafeException>(() => QuickRuleBody.Build("db01", new int[0], null, null));
    }
}
