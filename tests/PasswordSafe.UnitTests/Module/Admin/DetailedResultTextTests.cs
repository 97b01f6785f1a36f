using System.Security;
using PasswordSafe.Commands;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// The text of the -Detailed results (what a transcript, Write-Host or string interpolation shows): the account or
/// registration they are about, never the key.
/// </summary>
public class DetailedResultTextTests
{
    [Fact]
    public void CredentialTestResult_NamesSystemAndAccount_OrTheirIds()
    {
        var named = new CredentialTestResult { SystemId = 1, SystemName = "web01", AccountId = 12, AccountName = "runbook-svc", Outcome = CredentialTestOutcome.Failed };
        var systemIdOnly = new CredentialTestResult { SystemId = 1, AccountId = 12, AccountName = "runbook-svc", Outcome = CredentialTestOutcome.Passed };
        var unknown = new CredentialTestResult { AccountId = 9999, Outcome = CredentialTestOutcome.NotTested };

        Assert.Equal(@"web01\runbook-svc: Failed", named.ToString());
        Assert.Equal(@"system 1\runbook-svc: Passed", systemIdOnly.ToString());
        Assert.Equal("account 9999: NotTested", unknown.ToString());
    }

    [Fact]
    public void ApiRegistrationKey_NamesTheRegistration_NeverTheKey()
    {
        const string text = "k3y-Th4t-Must-N0t-Sh0w";
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        var asSecureString = (ApiRegistrationKey)ApiRegistrationKeyOutput.Of(3, "Demo key", secure, asPlainText: false, detailed: true, session: null!);
        var asText = (ApiRegistrationKey)ApiRegistrationKeyOutput.Of(4, null, secure, asPlainText: true, detailed: true, session: null!);

        Assert.Equal("API registration 3 'Demo key'", asSecureString.ToString());
        Assert.Same(secure, asSecureString.Key);
        Assert.Equal("API registration 4", asText.ToString());
        Assert.Equal(text, asText.Key);
        Assert.Same(secure, ApiRegistrationKeyOutput.Of(3, "Demo key", secure, asPlainText: false, detailed: false, session: null!));
        Assert.Equal(text, ApiRegistrationKeyOutput.Of(3, "Demo key", secure, asPlainText: true, detailed: false, session: null!));
    }
}
