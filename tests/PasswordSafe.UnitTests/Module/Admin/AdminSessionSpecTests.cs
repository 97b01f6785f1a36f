using Newtonsoft.Json.Linq;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>New-PSAdminSession's body (api-v3 §5.1 POST Sessions/Admin): the credential split, optional fields left out, the password masked.</summary>
public class AdminSessionSpecTests
{
    [Theory]
    [InlineData(@"CONTOSO\operator", null, "CONTOSO", "operator")]
    [InlineData("operator@contoso.test", null, "contoso.test", "operator")]
    [InlineData("root", null, null, "root")]
    [InlineData(@"CONTOSO\operator", "FABRIKAM", "FABRIKAM", @"CONTOSO\operator")]
    [InlineData("operator@contoso.test", "FABRIKAM", "FABRIKAM", "operator@contoso.test")]
    [InlineData(@"\operator", null, null, @"\operator")]
    [InlineData("operator@", null, null, "operator@")]
    public void CredentialName_SplitIntoDomainAndUser_UnlessADomainIsGiven(string name, string? domain, string? expectedDomain, string expectedUser)
    {
        var (domainName, userName) = HostUserName.Split(name, domain);
        Assert.Equal(expectedDomain, domainName);
        Assert.Equal(expectedUser, userName);
    }

    [Fact]
    public void Body_HasTheRequiredFields_AndOnlyTheOptionalOnesGiven()
    {
        var spec = new AdminSessionSpec { SessionType = "RDP", HostName = "srv42", UserName = "operator", Password = "p@ss", SmartSizing = false, Port = 3390 };

        var body = JObject.Parse(spec.ToJson());

        Assert.Equal(new[] { "SessionType", "HostName", "UserName", "Password", "Port", "SmartSizing" }, Names(body));
        Assert.Equal(3390, (int)body["Port"]!);
        Assert.False((bool)body["SmartSizing"]!);
    }

    [Fact]
    public void DebugRedaction_MasksThePasswordOfTheBody()
    {
        var spec = new AdminSessionSpec { SessionType = "SSH", HostName = "srv42", UserName = "operator", Password = "Very-Secret-1" };

        var redacted = Redactor.RedactJson(spec.ToJson());

        Assert.DoesNotContain("Very-Secret-1", redacted);
        Assert.Contains("\"Password\":\"***\"", redacted);
        Assert.Contains("\"HostName\":\"srv42\"", redacted);
    }

    private static string[] Names(JObject body)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (var property in body.Properties()) names.Add(property.Name);
        return names.ToArray();
    }
}
