using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1 (400 validation failure): a number, a flag, an array or an object where a body expects text is refused with a
/// reason naming the field, by every body reader (one shared rule), and nothing changes; it used to be stored as text.
/// </summary>
public class StrictTextBodyHttpTests
{
    /// <summary>Calls any signed-in administrator may make, each with a non-text value in a text field.</summary>
    public static TheoryData<string, string, string, string> NonTextValues() => new()
    {
        { "PUT", $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials", """{"Password":123}""", "Password" },
        { "PUT", $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials", """{"Password":true}""", "Password" },
        { "PUT", $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials", """{"PrivateKey":["a"]}""", "PrivateKey" },
        { "POST", "Requests", """{"SystemID":1,"AccountID":1,"DurationMinutes":30,"Reason":5}""", "Reason" },
        { "POST", "Requests", """{"SystemID":1,"AccountID":1,"DurationMinutes":30,"TicketNumber":4711}""", "TicketNumber" },
        { "POST", "Requests", """{"SystemID":1,"AccountID":1,"DurationMinutes":30,"AccessType":1}""", "AccessType" },
        { "POST", "Users", """{"UserName":42,"Password":"Passw0rd-42!"}""", "UserName" },
        { "POST", "Workgroups", """{"Name":7}""", "Name" },
        { "POST", "ApiRegistrations", """{"Name":"n","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Value":"127.0.0.1","Description":5}]}""", "IPAuthenticationRules[1].Description" },
        { "POST", "ApiRegistrations", """{"Name":"n","RegistrationType":"ApiKeyPolicy","PSRUNRules":[{"SystemName":1}]}""", "PSRUNRules[1].SystemName" },
        { "POST", "UserGroups", """{"groupName":{"a":1}}""", "groupName" },
        { "POST", "QuickRules", """{"AccountIDs":[1],"Title":3}""", "Title" },
        { "POST", "ISARequests", """{"SystemID":1,"AccountID":1,"Reason":false}""", "Reason" },
    };

    [Theory]
    [MemberData(nameof(NonTextValues))]
    public async Task D1_NonTextWhereTextIsExpected_400_NamingTheField(string method, string path, string json, string field)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);
        var audited = emulator.State.Audit.Count;

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = CheckoutHttp.Json(json) });

        var reason = await AdminHttp.ExpectBadRequestAsync(Task.FromResult(response), field);
        Assert.Contains("must be text", reason);
        Assert.Equal(audited, emulator.State.Audit.Count);
        Assert.Equal(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(DemoSeed.WindowsAccountId));
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task D1_ApproveWithANumericReason_400_TheRequestStaysPending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var id = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);

        await AdminHttp.ExpectBadRequestAsync(CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Approve", """{"Reason":5}"""), "Reason must be text");

        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(id)!.Status);
        await AdminHttp.ExpectAsync(CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Approve", """{"Reason":"5"}"""), HttpStatusCode.NoContent);
    }
}
