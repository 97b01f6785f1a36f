using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Sessions (api-v3 §5.1, spec E2) and ISA retrieval and sessions (§5.2, §5.3, spec E3/E4).</summary>
public class SessionAndIsaHttpTests
{
    [Fact]
    public async Task E2_SshSessionAnswers201WithTicketHostStringPortAndCommand()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        var response = await CheckoutHttp.PostJsonAsync(demo, $"Requests/{id}/Sessions", "{\"SessionType\":\"sshticket\"}");
        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var json = await CheckoutHttp.ReadJsonAsync(response);
        Assert.Equal(new[] { "ID", "Ticket", "Host", "Port", "TicketAtHost", "Link", "Command" }, json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.String, json.GetProperty("Port").ValueKind);
        Assert.Equal("4422", json.GetProperty("Port").GetString());
        var ticket = json.GetProperty("Ticket").GetString()!;
        Assert.Equal($"{ticket}@127.0.0.1", json.GetProperty("TicketAtHost").GetString());
        Assert.Equal($"ssh {ticket}@127.0.0.1 -p 4422", json.GetProperty("Command").GetString());
        Assert.DoesNotContain(DemoSeed.LinuxAccountPassword, json.GetRawText());
        Assert.Single(emulator.State.AccessSessions);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionCreated);
    }

    [Fact]
    public async Task E2_RdpTicketHasIdTicketHostPortOnly()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        var json = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, $"Requests/{id}/Sessions", "{\"SessionType\":\"RDP\",\"NodeID\":\"node-1\"}"));
        Assert.Equal(new[] { "ID", "Ticket", "Host", "Port" }, json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("4489", json.GetProperty("Port").GetString());
    }

    [Theory]
    [InlineData("rdpfile", "RDP", 1, 1, 0)]
    [InlineData("appfile", "App", 5, 5, 1)]
    public async Task E2_FileSessionTypesReturnAnRdpAttachment(string sessionType, string accessType, int systemId, int accountId, int applicationId)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var extra = $",\"AccessType\":\"{accessType}\"" + (applicationId > 0 ? $",\"ApplicationID\":{applicationId}" : "");
        var id = await CheckoutHttp.RequestAsync(demo, systemId, accountId, extra);
        var response = await CheckoutHttp.PostJsonAsync(demo, $"Requests/{id}/Sessions", $"{{\"SessionType\":\"{sessionType}\"}}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/x-rdp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".rdp", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var file = await response.Content.ReadAsStringAsync();
        Assert.Contains("full address:s:127.0.0.1:4489", file);
        Assert.DoesNotContain("Passw0rd", file);
    }

    [Theory]
    [InlineData("View", "RDP", "View request has no sessions")]
    [InlineData("RDP", "SSH", "does not fit")]
    [InlineData("RDP", "vnc", "is not one of the accepted values: SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile.")]
    [InlineData("RDP", "", "SessionType is required: SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile.")]
    public async Task E2_SessionTypeMustFitTheAccessType(string accessType, string sessionType, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, $",\"AccessType\":\"{accessType}\"");
        var response = await CheckoutHttp.PostJsonAsync(demo, $"Requests/{id}/Sessions", $"{{\"SessionType\":\"{sessionType}\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task E2_SessionsNeedTheOwnersActiveRequest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var rdp = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(jdoe, $"Requests/{rdp}/Sessions", "{\"SessionType\":\"RDP\"}"), HttpStatusCode.Forbidden, "4031");
        var pending = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(demo, $"Requests/{pending}/Sessions", "{\"SessionType\":\"RDP\"}"), HttpStatusCode.Forbidden, "4034");
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{rdp}/Checkin");
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PostJsonAsync(demo, $"Requests/{rdp}/Sessions", "{\"SessionType\":\"RDP\"}")).StatusCode);
    }

    [Fact]
    public async Task E3_IsaRequestAnswers201CredentialsObjectWithoutARequest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var response = await CheckoutHttp.PostJsonAsync(isa, "ISARequests", "{\"SystemID\":4,\"AccountID\":7,\"Reason\":\"outage\"}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await CheckoutHttp.ReadJsonAsync(response);
        Assert.Equal(DemoSeed.IsaOnlyAccountPassword, json.GetProperty("Credentials").GetString());
        Assert.Empty(emulator.State.ReleaseRequests);
        var entry = Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.IsaCredentialRead);
        Assert.Equal(DemoSeed.IsaUser, entry.UserName);
        Assert.DoesNotContain(DemoSeed.IsaOnlyAccountPassword, entry.Reason);
        Assert.Contains("120 min", entry.Reason); // no DurationMinutes: the account's ISA release duration
    }

    [Fact]
    public async Task E3_IsaNeedsTheIsaRole_4031_AndValidatesTheBody()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(demo, "ISARequests", "{\"SystemID\":1,\"AccountID\":1}"), HttpStatusCode.Forbidden, "4031");
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(isa, "ISARequests", "{\"SystemID\":2,\"AccountID\":2}"), HttpStatusCode.Forbidden, "4031");
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckoutHttp.PostJsonAsync(isa, "ISARequests", "{\"AccountID\":7}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckoutHttp.PostJsonAsync(isa, "ISARequests", "{\"SystemID\":4,\"AccountID\":7,\"DurationMinutes\":0}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckoutHttp.PostJsonAsync(isa, "ISARequests?type=certificate", "{\"SystemID\":4,\"AccountID\":7}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PostJsonAsync(isa, "ISARequests?type=dsskey", "{\"SystemID\":4,\"AccountID\":7}")).StatusCode);
    }

    [Theory]
    [InlineData(",\"SessionType\":\"bogus\"", "SessionType 'bogus' is not one of the accepted values: SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile.")]
    [InlineData("", "SessionType is required: SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile.")]
    [InlineData(",\"SessionType\":null", "SessionType is required: SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile.")]
    public async Task E4_AnIsaSessionType_IsRequired_AndMustBeAnAcceptedValue(string sessionType, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);

        var response = await CheckoutHttp.PostJsonAsync(isa, "ISASessions", "{\"SystemID\":4,\"AccountID\":7" + sessionType + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, System.Text.Json.JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public async Task E4_IsaSessionAnswers201Ticket()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var response = await CheckoutHttp.PostJsonAsync(isa, "ISASessions", "{\"SessionType\":\"SSH\",\"SystemID\":4,\"AccountID\":7,\"DurationMinutes\":30,\"Reason\":\"fix\"}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await CheckoutHttp.ReadJsonAsync(response);
        Assert.StartsWith("ssh ", json.GetProperty("Command").GetString());
        Assert.Null(Assert.Single(emulator.State.AccessSessions).RequestId);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.IsaSessionCreated && e.UserName == DemoSeed.IsaUser);

        var file = await CheckoutHttp.PostJsonAsync(isa, "ISASessions", "{\"SessionType\":\"rdpfile\",\"SystemID\":1,\"AccountID\":1}");
        Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        Assert.Equal("application/x-rdp", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckoutHttp.PostJsonAsync(isa, "ISASessions", "{\"SessionType\":\"app\",\"SystemID\":1,\"AccountID\":1}")).StatusCode);
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(demo, "ISASessions", "{\"SessionType\":\"SSH\",\"SystemID\":4,\"AccountID\":7}"), HttpStatusCode.Forbidden, "4031");
    }
}
