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
/// Ending access by target (api-v3 §3.3 Requests/Terminate by managed account, managed system and user; §5.1
/// Sessions/Lock|Terminate by managed account and managed system): what ends, what is left alone, the rotation a
/// check-in would do, 204 also when nothing is open, 404 for unknown ids, and the "Password Safe API Global
/// Quarantine" permission the API reference names (an Administrators group holds it).
/// </summary>
public class QuarantineHttpTests
{
    private const int Win = DemoSeed.WindowsSystemId;
    private const int WinAdmin = DemoSeed.WindowsAccountId;

    [Fact]
    public async Task TerminateRequests_ByManagedAccount_EndsEveryonesOpenRequestsOnIt_AsACheckInWould()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var flagged = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, ",\"AccessType\":\"RDP\",\"RotateOnCheckin\":true");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{flagged}/Sessions", "{\"SessionType\":\"RDP\"}");
        var others = await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin);
        var elsewhere = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);

        await CheckoutHttp.AssertStatusAsync(
            await CheckoutHttp.PostJsonAsync(demo, $"ManagedAccounts/{WinAdmin}/Requests/Terminate", "{\"Reason\":\"incident 42\"}"), HttpStatusCode.NoContent);

        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(flagged)!.Status);
        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(others)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(elsewhere)!.Status);
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"Credentials/{flagged}"), HttpStatusCode.NotFound);
        await CheckoutHttp.AssertStatusAsync(await jdoe.GetAsync($"Credentials/{others}"), HttpStatusCode.NotFound);
        Assert.Equal(new[] { elsewhere }, await OpenRequestIdsAsync(demo, "active"));
        Assert.Empty(await OpenRequestIdsAsync(jdoe, "all"));
        // Rotation as at check-in: once, for the flagged request.
        Assert.Equal(1, emulator.State.PasswordChangeCount(WinAdmin));
        Assert.NotEqual(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(WinAdmin));
        Assert.Equal(SessionStatus.Completed, Assert.Single(emulator.State.AccessSessions).Status);
        var terminated = emulator.State.Audit.Where(e => e.Kind == AuditKinds.RequestTerminated).ToList();
        Assert.Equal(2, terminated.Count);
        Assert.All(terminated, e => Assert.Equal(DemoSeed.RunAs, e.UserName));
        Assert.All(terminated, e => Assert.Contains("incident 42", e.Reason));
    }

    [Fact]
    public async Task TerminateRequests_ByManagedAccount_EndsAPendingRequest_AndNothingOpenIsStill204()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var pending = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(pending)!.Status);

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Requests/Terminate", null), HttpStatusCode.NoContent);
        var auditCount = emulator.State.Audit.Count;
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Requests/Terminate", null), HttpStatusCode.NoContent);

        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(pending)!.Status);
        Assert.Empty(await OpenRequestIdsAsync(demo, "pending"));
        Assert.Equal(0, emulator.State.PasswordChangeCount(DemoSeed.DatabaseAccountId));
        Assert.Equal(auditCount, emulator.State.Audit.Count);
    }

    [Fact]
    public async Task TerminateRequests_ByManagedSystem_EndsTheRequestsOnEveryAccountOfThatSystemOnly()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        // A second requestable account on web01, so the system holds two open requests.
        var secondId = (await AdminHttp.ExpectAsync(AdminHttp.PostAsync(admin, $"ManagedSystems/{Win}/ManagedAccounts?version=3.0",
            """{"AccountName":"svc-second","Password":"Second-Passw0rd!","ApiEnabled":true}"""), HttpStatusCode.Created))
            .GetProperty("ManagedAccountID").GetInt32();
        var ruleId = (await AdminHttp.ExpectAsync(AdminHttp.PostAsync(admin, "QuickRules",
            $$"""{"AccountIDs":[{{secondId}}],"Title":"second","Category":"test"}"""), HttpStatusCode.Created)).GetProperty("SmartRuleID").GetInt32();
        await AdminHttp.ExpectAsync(AdminHttp.PostAsync(admin, $"UserGroups/{DemoSeed.ApiUsersGroupId}/SmartRules/{ruleId}/Roles",
            """{"Roles":[{"RoleID":1}],"AccessPolicyID":1}"""), HttpStatusCode.NoContent);
        var onWeb = await CheckoutHttp.RequestAsync(admin, Win, WinAdmin);
        var onWebToo = await CheckoutHttp.RequestAsync(admin, Win, secondId);
        var elsewhere = await CheckoutHttp.RequestAsync(admin, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);

        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"ManagedSystems/{Win}/Requests/Terminate", null), HttpStatusCode.NoContent);

        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(onWeb)!.Status);
        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(onWebToo)!.Status);
        Assert.Equal(new[] { elsewhere }, await OpenRequestIdsAsync(admin, "all"));
    }

    [Fact]
    public async Task TerminateRequests_ByUser_EndsOnlyThatUsersRequests()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var jdoeId = emulator.State.Users.Single(u => u.UserName == "jdoe").UserId;
        var jdoeActive = await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin);
        var jdoePending = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        var demos = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Users/{jdoeId}/Requests/Terminate", null), HttpStatusCode.NoContent);

        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(jdoeActive)!.Status);
        Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(jdoePending)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(demos)!.Status);
        Assert.Empty(await OpenRequestIdsAsync(jdoe, "all"));
    }

    [Theory]
    [InlineData("ManagedAccounts/999/Requests/Terminate", "Managed Account not found")]
    [InlineData("ManagedSystems/999/Requests/Terminate", "Managed System not found")]
    [InlineData("Users/999/Requests/Terminate", "User not found")]
    [InlineData("ManagedAccounts/999/Sessions/Lock", "Managed Account not found")]
    [InlineData("ManagedAccounts/999/Sessions/Terminate", "Managed Account not found")]
    [InlineData("ManagedSystems/999/Sessions/Lock", "Managed System not found")]
    [InlineData("ManagedSystems/999/Sessions/Terminate", "Managed System not found")]
    public async Task UnknownId_404WithTheReason(string path, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        var response = await demo.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(reason), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ManagedAccounts/1/Requests/Terminate")]
    [InlineData("ManagedSystems/1/Requests/Terminate")]
    [InlineData("Users/2/Requests/Terminate")]
    [InlineData("ManagedAccounts/1/Sessions/Lock")]
    [InlineData("ManagedAccounts/1/Sessions/Terminate")]
    [InlineData("ManagedSystems/1/Sessions/Lock")]
    [InlineData("ManagedSystems/1/Sessions/Terminate")]
    public async Task WithoutGlobalQuarantine_403_4031_NothingEnds_WithItTheCallWorks(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var request = await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(jdoe, $"Requests/{request}/Sessions", "{\"SessionType\":\"RDP\"}");
        var quarantineUser = await AdminHttp.NewApiUserAsync(admin, "responder", "Responder-Passw0rd!");
        await AdminHttp.NewGroupAsync(admin, "Incident response", new[] { quarantineUser }, new[] { DemoSeed.ApiKeyRegistrationId },
            $$"""[{"PermissionID":{{Permissions.PasswordSafeApiGlobalQuarantine}},"AccessLevelID":2}]""");
        var responder = await AdminHttp.SignInAsync(emulator, DemoSeed.ApiKey, "responder");

        // A requestor, and an ISA holder on this very account (enough for one session by its id), are both refused.
        await AdminHttp.ExpectForbiddenAsync(jdoe.PostAsync(path, null));
        await AdminHttp.ExpectForbiddenAsync(isa.PostAsync(path, null));
        await AdminHttp.ExpectForbiddenAsync(jdoe.PostAsync(path.Replace("/1/", "/999/").Replace("/2/", "/999/"), null));
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(request)!.Status);
        Assert.Equal(SessionStatus.NotStarted, Assert.Single(emulator.State.AccessSessions).Status);

        await CheckoutHttp.AssertStatusAsync(await responder.PostAsync(path, null), HttpStatusCode.NoContent);
        if (path.Contains("/Requests/"))
            Assert.Equal(RequestStatus.Terminated, emulator.State.FindRequest(request)!.Status);
        else
            Assert.Equal(path.EndsWith("Lock") ? SessionStatus.Locked : SessionStatus.Completed, emulator.State.AccessSessions[0].Status);
    }

    [Fact]
    public async Task Sessions_ByManagedAccount_LockThenTerminate_EveryOpenSessionOfTheAccount_OthersUntouched()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var demoRdp = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{demoRdp}/Sessions", "{\"SessionType\":\"RDP\"}");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{demoRdp}/Sessions", "{\"SessionType\":\"rdpticket\"}");
        var jdoeRdp = await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(jdoe, $"Requests/{jdoeRdp}/Sessions", "{\"SessionType\":\"RDP\"}");
        var linux = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{linux}/Sessions", "{\"SessionType\":\"SSH\"}");
        var ended = emulator.State.AccessSessions.First().SessionId;
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{ended}/Terminate", null), HttpStatusCode.NoContent);
        var audit = emulator.State.Audit.Count;

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{WinAdmin}/Sessions/Lock", null), HttpStatusCode.NoContent);

        Assert.Equal(new[] { SessionStatus.Completed, SessionStatus.Locked, SessionStatus.Locked, SessionStatus.NotStarted }, Statuses(emulator));
        Assert.Equal(2, emulator.State.Audit.Skip(audit).Count(e => e.Kind == AuditKinds.SessionLocked));
        // Locking again locks nothing new.
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{WinAdmin}/Sessions/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(2, emulator.State.Audit.Skip(audit).Count(e => e.Kind == AuditKinds.SessionLocked));

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{WinAdmin}/Sessions/Terminate", null), HttpStatusCode.NoContent);

        Assert.Equal(new[] { SessionStatus.Completed, SessionStatus.Completed, SessionStatus.Completed, SessionStatus.NotStarted }, Statuses(emulator));
        Assert.All(emulator.State.AccessSessions.Where(s => s.AccountId == WinAdmin), s => Assert.NotNull(s.EndTime));
        Assert.Equal(2, emulator.State.Audit.Skip(audit).Count(e => e.Kind == AuditKinds.SessionTerminated));
        // Sessions end; their requests stay open (ending requests is Requests/Terminate).
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(jdoeRdp)!.Status);
    }

    [Fact]
    public async Task Sessions_ByManagedSystem_ReachEveryAccountOfTheSystem_IsaSessionsToo()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var root = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{root}/Sessions", "{\"SessionType\":\"SSH\"}");
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(isa, "ISASessions",
            "{\"SessionType\":\"SSH\",\"SystemID\":4,\"AccountID\":7,\"DurationMinutes\":30}"), HttpStatusCode.Created);
        var web = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{web}/Sessions", "{\"SessionType\":\"RDP\"}");

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}/Sessions/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(new[] { SessionStatus.Locked, SessionStatus.Locked, SessionStatus.NotStarted }, Statuses(emulator));

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}/Sessions/Terminate", null), HttpStatusCode.NoContent);
        Assert.Equal(new[] { SessionStatus.Completed, SessionStatus.Completed, SessionStatus.NotStarted }, Statuses(emulator));
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}/Sessions/Terminate", null), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task GlobalQuarantine_AlsoLocksAndTerminatesOneSessionById()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var request = await CheckoutHttp.RequestAsync(admin, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        await CheckoutHttp.PostJsonAsync(admin, $"Requests/{request}/Sessions", "{\"SessionType\":\"SSH\"}");
        var id = Assert.Single(emulator.State.AccessSessions).SessionId;
        var user = await AdminHttp.NewApiUserAsync(admin, "responder", "Responder-Passw0rd!");
        await AdminHttp.NewGroupAsync(admin, "Incident response", new[] { user }, new[] { DemoSeed.ApiKeyRegistrationId },
            $$"""[{"PermissionID":{{Permissions.PasswordSafeApiGlobalQuarantine}},"AccessLevelID":2}]""");
        var responder = await AdminHttp.SignInAsync(emulator, DemoSeed.ApiKey, "responder");

        await CheckoutHttp.AssertStatusAsync(await responder.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await responder.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.NoContent);

        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions[0].Status);
    }

    private static SessionStatus[] Statuses(TestEmulator emulator) =>
        emulator.State.AccessSessions.OrderBy(s => s.SessionId).Select(s => s.Status).ToArray();

    private static async Task<int[]> OpenRequestIdsAsync(HttpClient client, string status)
    {
        var list = await CheckoutHttp.ReadJsonAsync(await client.GetAsync($"Requests?status={status}"));
        return list.EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()).ToArray();
    }
}
