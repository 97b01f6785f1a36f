using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Admin sessions (api-v3 §5.1 <c>POST Sessions/Admin</c>): a proxied SSH or RDP session to any host with credentials the
/// caller supplies. The "Password Safe Admin Session" permission the API reference names (an Administrators group holds
/// it), the ticket and file shapes of request sessions, the field rules (400 naming the field), and the session in
/// GET Sessions / Lock / Terminate without a managed account. The supplied password is never answered or audited.
/// </summary>
public class AdminSessionHttpTests
{
    private const string HostPassword = "Host-Supplied-Passw0rd!";

    private static string Body(string sessionType, string extra = "") =>
        $$"""{"SessionType":"{{sessionType}}","HostName":"srv42.contoso.test","UserName":"operator","DomainName":"CONTOSO","Password":"{{HostPassword}}"{{extra}}}""";

    [Fact]
    public async Task Ssh_Answers201WithTheRequestSessionTicketShape_AndTheSessionHasNoAccount()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("SSH", ",\"Port\":2222,\"Reason\":\"patching\",\"NodeID\":\"node-1\""));

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var json = await CheckoutHttp.ReadJsonAsync(response);
        Assert.Equal(new[] { "ID", "Ticket", "Host", "Port", "TicketAtHost", "Link", "Command" }, json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("4422", json.GetProperty("Port").GetString());
        var ticket = json.GetProperty("Ticket").GetString()!;
        Assert.Equal($"ssh {ticket}@127.0.0.1 -p 4422", json.GetProperty("Command").GetString());
        Assert.DoesNotContain(HostPassword, json.GetRawText());

        var session = Assert.Single(emulator.State.AccessSessions);
        Assert.Equal(json.GetProperty("ID").GetString(), session.SessionId.ToString());
        Assert.True(session.IsAdminSession);
        Assert.Null(session.Account);
        Assert.Null(session.RequestId);
        Assert.Equal(AccessType.SSH, session.Protocol);
        Assert.Equal("srv42.contoso.test", session.AdminTarget!.HostName);
        Assert.Equal(2222, session.AdminTarget.Port);
        Assert.Equal(@"CONTOSO\operator", session.AdminTarget.LogOnName);
        Assert.True(session.AdminTarget.PasswordMatches(HostPassword));
        Assert.True(session.AdminTarget.Record);
        var entry = Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.AdminSessionCreated);
        Assert.Equal(DemoSeed.RunAs, entry.UserName);
        Assert.Contains("srv42.contoso.test:2222", entry.Reason);
        Assert.Contains("patching", entry.Reason);
        Assert.DoesNotContain(HostPassword, string.Join("\n", emulator.State.Audit.Select(e => e.Reason)));
    }

    [Fact]
    public async Task Rdp_TicketHasIdTicketHostPortOnly_AndThePortDefaultsTo3389()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);

        var json = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("rdpticket")));

        Assert.Equal(new[] { "ID", "Ticket", "Host", "Port" }, json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("4489", json.GetProperty("Port").GetString());
        Assert.Equal(3389, Assert.Single(emulator.State.AccessSessions).AdminTarget!.Port);
    }

    [Fact]
    public async Task RdpFile_IsAnAttachment_CarryingTheDisplayOptions_AndNeverThePassword()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin",
            Body("rdpfile", ",\"Resolution\":\"1280x1024\",\"SmartSizing\":true,\"RDPAdminSwitch\":true,\"Record\":false"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/x-rdp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("srv42.contoso.test-operator.rdp", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var file = await response.Content.ReadAsStringAsync();
        Assert.Contains("full address:s:127.0.0.1:4489", file);
        Assert.Contains("screen mode id:i:1\r\ndesktopwidth:i:1280\r\ndesktopheight:i:1024", file);
        Assert.Contains("smart sizing:i:1", file);
        Assert.Contains("administrative session:i:1", file);
        Assert.DoesNotContain(HostPassword, file);
        Assert.False(Assert.Single(emulator.State.AccessSessions).AdminTarget!.Record);
    }

    [Fact]
    public async Task RdpFile_WithoutOptions_IsFullScreenWithoutSmartSizingOrAdminSwitch()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);

        var file = await (await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("rdpfile", ",\"Resolution\":\"Maximized\""))).Content.ReadAsStringAsync();

        Assert.Contains("screen mode id:i:2", file);
        Assert.DoesNotContain("smart sizing", file);
        Assert.DoesNotContain("administrative session", file);
    }

    [Theory]
    [InlineData("""{"HostName":"h","UserName":"u","Password":"p"}""", "SessionType is required")]
    [InlineData("""{"SessionType":" ","HostName":"h","UserName":"u","Password":"p"}""", "SessionType is required")]
    [InlineData("""{"SessionType":"app","HostName":"h","UserName":"u","Password":"p"}""", "not available for admin sessions")]
    [InlineData("""{"SessionType":"appfile","HostName":"h","UserName":"u","Password":"p"}""", "not available for admin sessions")]
    [InlineData("""{"SessionType":"vnc","HostName":"h","UserName":"u","Password":"p"}""", "not available for admin sessions")]
    [InlineData("""{"SessionType":"SSH","UserName":"u","Password":"p"}""", "HostName is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"  ","UserName":"u","Password":"p"}""", "HostName is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","Password":"p"}""", "UserName is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"","Password":"p"}""", "UserName is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"u"}""", "Password is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"u","Password":""}""", "Password is required")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"u","Password":"p","Port":0}""", "Port must be from 1 to 65535")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"u","Password":"p","Port":65536}""", "Port must be from 1 to 65535")]
    [InlineData("""{"SessionType":"SSH","HostName":"h","UserName":"u","Password":"p","Port":"ssh"}""", "Port must be a whole number")]
    [InlineData("""{"SessionType":"RDP","HostName":"h","UserName":"u","Password":"p","Resolution":"big"}""", "Resolution must be")]
    [InlineData("""{"SessionType":"RDP","HostName":"h","UserName":"u","Password":"p","SmartSizing":"maybe"}""", "SmartSizing must be true or false")]
    public async Task BadBody_400_NamesTheField_AndNoSessionIsMade(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);

        await AdminHttp.ExpectBadRequestAsync(CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", body), reason);

        Assert.Empty(emulator.State.AccessSessions);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.AdminSessionCreated);
    }

    [Theory]
    [InlineData("HostName", 129, "HostName must be 128")]
    [InlineData("DomainName", 51, "DomainName must be 50")]
    [InlineData("UserName", 201, "UserName must be 200")]
    [InlineData("Reason", 1001, "Reason must be 1000")]
    public async Task OverlongField_400_AtTheLimitAccepted(string field, int length, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        string With(int n) => JsonSerializer.Serialize(new System.Collections.Generic.Dictionary<string, object>
        {
            ["SessionType"] = "SSH", ["HostName"] = "h", ["UserName"] = "u", ["Password"] = "p", [field] = new string('a', n),
        });

        await AdminHttp.ExpectBadRequestAsync(CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", With(length)), reason);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", With(length - 1)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task WithoutAdminSessionPermission_403_4031_BeforeTheBody_WithItTheCallWorks()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var operatorId = await AdminHttp.NewApiUserAsync(admin, "host-operator", "HostOperator-Passw0rd!");
        await AdminHttp.NewGroupAsync(admin, "Host operators", new[] { operatorId }, new[] { DemoSeed.ApiKeyRegistrationId },
            $$"""[{"PermissionID":{{Permissions.PasswordSafeAdminSession}},"AccessLevelID":2}]""");
        var hostOperator = await AdminHttp.SignInAsync(emulator, DemoSeed.ApiKey, "host-operator");

        await AdminHttp.ExpectForbiddenAsync(CheckoutHttp.PostJsonAsync(jdoe, "Sessions/Admin", Body("SSH")));
        await AdminHttp.ExpectForbiddenAsync(CheckoutHttp.PostJsonAsync(isa, "Sessions/Admin", Body("SSH")));
        await AdminHttp.ExpectForbiddenAsync(CheckoutHttp.PostJsonAsync(jdoe, "Sessions/Admin", "{}"));
        Assert.Empty(emulator.State.AccessSessions);

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(hostOperator, "Sessions/Admin", Body("SSH")), HttpStatusCode.Created);
        Assert.Equal("host-operator", Assert.Single(emulator.State.AccessSessions).UserName);
    }

    [Fact]
    public async Task GetSessions_ListsTheAdminSession_WithTheHostAsAssetAndNoAccount()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var ticket = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("RDP")));
        var id = ticket.GetProperty("ID").GetString();

        var listed = Assert.Single((await CheckoutHttp.ReadJsonAsync(await admin.GetAsync("Sessions"))).EnumerateArray());
        var single = await CheckoutHttp.ReadJsonAsync(await admin.GetAsync($"Sessions/{id}"));

        foreach (var json in new[] { listed, single })
        {
            Assert.Equal(int.Parse(id!), json.GetProperty("SessionID").GetInt32());
            Assert.Equal("srv42.contoso.test", json.GetProperty("AssetName").GetString());
            Assert.Equal(JsonValueKind.Null, json.GetProperty("ManagedAccountID").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("ManagedAccountName").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("ManagedSystemID").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("RequestID").ValueKind);
            Assert.Equal(0, json.GetProperty("Protocol").GetInt32());
            Assert.Equal("RDP", json.GetProperty("SessionType").GetString());
            Assert.Equal(0, json.GetProperty("Status").GetInt32());
            Assert.DoesNotContain(HostPassword, json.GetRawText());
        }
    }

    [Fact]
    public async Task LockThenTerminate_ById_EndTheAdminSession_Audited_AByTargetCallSkipsIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var id = (await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("SSH")))).GetProperty("ID").GetString();

        // Ending every session of a managed account or system never reaches a session that has none.
        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}/Sessions/Terminate", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"ManagedSystems/{DemoSeed.WindowsSystemId}/Sessions/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.NotStarted, Assert.Single(emulator.State.AccessSessions).Status);

        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Locked, emulator.State.AccessSessions[0].Status);
        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions[0].Status);
        Assert.NotNull(emulator.State.AccessSessions[0].EndTime);
        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.BadRequest);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionLocked && e.Reason!.Contains("srv42.contoso.test:22"));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionTerminated && e.Reason!.Contains("srv42.contoso.test:22"));
    }

    [Fact]
    public async Task TheOwnerWithThePermission_SeesAndEndsOnlyTheirOwnAdminSession_OthersAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var operatorId = await AdminHttp.NewApiUserAsync(admin, "host-operator", "HostOperator-Passw0rd!");
        await AdminHttp.NewGroupAsync(admin, "Host operators", new[] { operatorId }, new[] { DemoSeed.ApiKeyRegistrationId },
            $$"""[{"PermissionID":{{Permissions.PasswordSafeAdminSession}},"AccessLevelID":2}]""");
        var hostOperator = await AdminHttp.SignInAsync(emulator, DemoSeed.ApiKey, "host-operator");
        var adminsOwn = (await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(admin, "Sessions/Admin", Body("SSH")))).GetProperty("ID").GetString();
        var operatorsOwn = (await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(hostOperator, "Sessions/Admin", Body("RDP")))).GetProperty("ID").GetString();

        var listed = (await CheckoutHttp.ReadJsonAsync(await hostOperator.GetAsync("Sessions"))).EnumerateArray().Select(s => s.GetProperty("SessionID").GetInt32().ToString()).ToArray();

        Assert.Equal(new[] { operatorsOwn }, listed);
        await AdminHttp.ExpectForbiddenAsync(hostOperator.GetAsync($"Sessions/{adminsOwn}"));
        await AdminHttp.ExpectForbiddenAsync(hostOperator.PostAsync($"Sessions/{adminsOwn}/Terminate", null));
        // An ISA holder may list sessions on its accounts, but an admin session is no account's.
        Assert.Empty((await CheckoutHttp.ReadJsonAsync(await isa.GetAsync("Sessions"))).EnumerateArray());
        await AdminHttp.ExpectForbiddenAsync(isa.PostAsync($"Sessions/{operatorsOwn}/Lock", null));
        await CheckoutHttp.AssertStatusAsync(await hostOperator.PostAsync($"Sessions/{operatorsOwn}/Terminate", null), HttpStatusCode.NoContent);
        Assert.Equal(new[] { SessionStatus.NotStarted, SessionStatus.Completed },
            emulator.State.AccessSessions.OrderBy(s => s.SessionId).Select(s => s.Status).ToArray());
    }
}
