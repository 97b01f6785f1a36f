using System.Linq;
using PasswordSafe.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>The POST Requests and POST RequestSets body keys exactly as api-v3 §3.2 and §3.4 name them.</summary>
public class RequestBodyTests
{
    [Fact]
    public void AllParameters_MapToTheDocumentedKeys()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        ps.Invoke("New-PSRequest -SystemId 101 -AccountId 201 -DurationMinutes 15 -Reason r -AccessType App -ApplicationId 9 " +
                  "-TicketSystemId 3 -TicketNumber T-1 -AccessPolicyScheduleId 4 -RotateOnCheckin -ConflictOption Renew");

        Assert.Equal("{\"SystemID\":101,\"AccountID\":201,\"DurationMinutes\":15,\"AccessType\":\"App\",\"ApplicationID\":9,\"Reason\":\"r\"," +
                     "\"AccessPolicyScheduleID\":4,\"ConflictOption\":\"renew\",\"TicketSystemID\":3,\"TicketNumber\":\"T-1\",\"RotateOnCheckin\":true}",
            ps.Server.Calls("POST", "Requests").Single().Body);
    }

    [Fact]
    public void Defaults_SendOnlyWhatIsRequired()
    {
        Assert.Equal("{\"SystemID\":1,\"AccountID\":2,\"DurationMinutes\":60,\"AccessType\":\"View\"}",
            new NewRequestSpec { SystemId = 1, AccountId = 2, DurationMinutes = 60, AccessType = "View", ApplicationId = 7 }.ToJson());
    }

    [Fact]
    public void RequestSet_AllFields_MapToTheDocumentedKeys()
    {
        var spec = new NewRequestSetSpec
        {
            AccessTypes = new[] { "View", "App" }, SystemId = 101, AccountId = 201, ApplicationId = 9, DurationMinutes = 15,
            Reason = "r", TicketSystemId = 3, TicketNumber = "T-1",
        };

        Assert.Equal("{\"AccessTypes\":[\"View\",\"App\"],\"SystemID\":101,\"AccountID\":201,\"ApplicationID\":9,\"DurationMinutes\":15," +
                     "\"Reason\":\"r\",\"TicketSystemID\":3,\"TicketNumber\":\"T-1\"}", spec.ToJson());
    }

    [Fact]
    public void RequestSet_WithoutApp_SendsNoApplicationId_AndLeavesOutWhatIsNotGiven()
    {
        var spec = new NewRequestSetSpec { AccessTypes = new[] { "View", "RDP" }, SystemId = 1, AccountId = 2, ApplicationId = 7, DurationMinutes = 60, Reason = "" };

        Assert.Equal("{\"AccessTypes\":[\"View\",\"RDP\"],\"SystemID\":1,\"AccountID\":2,\"DurationMinutes\":60}", spec.ToJson());
    }

    [Fact]
    public void PipedAccount_BringsItsDefaultDuration_ATypedOneWins()
    {
        using var ps = new CheckoutRunspace(new FakeCheckoutServer());

        ps.Invoke("Get-PSManagedAccount -First 1 | New-PSRequest; Get-PSManagedAccount -Skip 1 -First 1 | New-PSRequest -DurationMinutes 7");

        var bodies = ps.Server.Calls("POST", "Requests").Select(r => r.Body).ToList();
        Assert.Contains("\"DurationMinutes\":30", bodies[0]);
        Assert.Contains("\"DurationMinutes\":7", bodies[1]);
    }

    [Theory]
    [InlineData("CONTOSO", "jdoe", null, @"CONTOSO\jdoe")]
    [InlineData("CONTOSO", "jdoe", "jdoe@contoso.test", @"CONTOSO\jdoe")]
    [InlineData(null, "jdoe", "jdoe@contoso.test", "jdoe@contoso.test")]
    [InlineData(null, "root", null, "root")]
    [InlineData("", "root", "", "root")]
    [InlineData("CONTOSO", @"OTHER\svc", null, @"OTHER\svc")]
    [InlineData("CONTOSO", "svc@contoso.test", null, "svc@contoso.test")]
    public void CredentialUserName_IsInTheAccountsOwnForm(string? domain, string account, string? upn, string expected) =>
        Assert.Equal(expected, CredentialUserName.For(domain, account, upn));
}
