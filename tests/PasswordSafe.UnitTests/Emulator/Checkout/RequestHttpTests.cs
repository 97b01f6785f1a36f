using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>The request state machine (api-v3 §3–4, spec E1): create, approve/deny, credentials, check-in, expiry, conflicts.</summary>
public class RequestHttpTests
{
    private static readonly int Win = DemoSeed.WindowsSystemId;
    private static readonly int WinAdmin = DemoSeed.WindowsAccountId;

    [Fact]
    public async Task E1_RequestCredentialCheckinEndToEnd()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await CheckoutHttp.PostJsonAsync(client, "Requests",
            "{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"Reason\":\"maintenance\",\"ConflictOption\":\"reuse\"}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("^[0-9]+$", text);
        var id = int.Parse(text);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(id)!.Status);
        Assert.Equal(1, emulator.State.ActiveRequestCount);

        var credential = await client.GetAsync($"Credentials/{id}");
        Assert.Equal(HttpStatusCode.OK, credential.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.WindowsAccountPassword), await credential.Content.ReadAsStringAsync());

        var checkin = await CheckoutHttp.PutJsonAsync(client, $"Requests/{id}/Checkin", "{\"Reason\":\"done\"}");
        Assert.Equal(HttpStatusCode.NoContent, checkin.StatusCode);
        Assert.Equal(RequestStatus.CheckedIn, emulator.State.FindRequest(id)!.Status);
        Assert.Equal(0, emulator.State.ActiveRequestCount);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"Credentials/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(client, $"Requests/{id}/Checkin")).StatusCode);
        Assert.Equal(0, emulator.State.PasswordChangeCount(WinAdmin));
    }

    [Fact]
    public async Task JsonPropertyNamesAreCaseInsensitive_XsoarSendsSystemIdAccountId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await CheckoutHttp.PostJsonAsync(client, "requests", "{\"SystemId\":1,\"accountid\":1,\"durationminutes\":\"30\"}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"AccountID\":1,\"DurationMinutes\":60}", "SystemID")]
    [InlineData("{\"SystemID\":1,\"DurationMinutes\":60}", "AccountID")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1}", "DurationMinutes")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":0}", "DurationMinutes")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":525601}", "DurationMinutes")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":1441}", "maximum release duration")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"AccessType\":\"Telnet\"}", "AccessType")]
    [InlineData("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"AccessType\":\"SSH\",\"ConflictOption\":\"merge\"}", "ConflictOption")]
    [InlineData("{\"SystemID\":5,\"AccountID\":5,\"DurationMinutes\":60,\"AccessType\":\"App\"}", "ApplicationID")]
    [InlineData("{\"SystemID\":5,\"AccountID\":5,\"DurationMinutes\":60,\"AccessType\":\"App\",\"ApplicationID\":9}", "ApplicationID")]
    [InlineData("{\"SystemID\":\"one\",\"AccountID\":1,\"DurationMinutes\":60}", "SystemID")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("not json", "JSON object")]
    public async Task Validation_BadBodiesAnswer400NamingTheProblem(string body, string mentioned)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await CheckoutHttp.PostJsonAsync(client, "Requests", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync());
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task Validation_ReasonLongerThan1000Characters()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await CheckoutHttp.PostJsonAsync(client, "Requests",
            $"{{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"Reason\":\"{new string('r', 1001)}\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CheckoutHttp.PostJsonAsync(client, "Requests",
            $"{{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"Reason\":\"{new string('r', 1000)}\"}}")).StatusCode);
    }

    [Fact]
    public async Task Validation_AccessTypeNotAllowedByThePolicyAndMissingRequiredReason()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        // Policy 2 (db01 sa) allows View and RDP only, and requires a reason.
        var ssh = await CheckoutHttp.PostJsonAsync(client, "Requests", "{\"SystemID\":2,\"AccountID\":2,\"DurationMinutes\":60,\"Reason\":\"r\",\"AccessType\":\"SSH\"}");
        Assert.Equal(HttpStatusCode.BadRequest, ssh.StatusCode);
        Assert.Contains("does not allow SSH", await ssh.Content.ReadAsStringAsync());
        var noReason = await CheckoutHttp.PostJsonAsync(client, "Requests", "{\"SystemID\":2,\"AccountID\":2,\"DurationMinutes\":60}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("requires a Reason", await noReason.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(DemoSeed.ApproverUser, 1, 1)]      // approver only: cannot request
    [InlineData(DemoSeed.IsaUser, 4, 7)]           // ISA only: no request lifecycle
    [InlineData(DemoSeed.RunAs, 4, 7)]             // no role on the account
    [InlineData(DemoSeed.RunAs, 1, 6)]             // not API-enabled
    [InlineData(DemoSeed.RunAs, 1, 999)]           // does not exist
    [InlineData(DemoSeed.RunAs, 2, 1)]             // account not on that system
    public async Task Permission_NoRequestorRoleAnswers403_4031(string runAs, int systemId, int accountId)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator, runAs);
        var response = await CheckoutHttp.PostJsonAsync(client, "Requests", $"{{\"SystemID\":{systemId},\"AccountID\":{accountId},\"DurationMinutes\":60}}");
        await CheckoutHttp.AssertCodeAsync(response, HttpStatusCode.Forbidden, "4031");
    }

    [Fact]
    public async Task Conflict_SecondRequestWithoutConflictOptionIs409_4091_ReuseReturnsTheSameId200_RenewReplaces()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var first = await CheckoutHttp.RequestAsync(client, Win, WinAdmin);
        const string body = "{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60";
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "Requests", body + "}"), HttpStatusCode.Conflict, "4091");

        var reuse = await CheckoutHttp.PostJsonAsync(client, "Requests", body + ",\"ConflictOption\":\"reuse\"}");
        Assert.Equal(HttpStatusCode.OK, reuse.StatusCode);
        Assert.Equal(first.ToString(), await reuse.Content.ReadAsStringAsync());

        var renew = await CheckoutHttp.PostJsonAsync(client, "Requests", body + ",\"ConflictOption\":\"Renew\"}");
        Assert.Equal(HttpStatusCode.Created, renew.StatusCode);
        var second = int.Parse(await renew.Content.ReadAsStringAsync());
        Assert.NotEqual(first, second);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(first)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(second)!.Status);

        // Another access type of the same account is not a conflict.
        Assert.Equal(HttpStatusCode.Created, (await CheckoutHttp.PostJsonAsync(client, "Requests", body + ",\"AccessType\":\"RDP\"}")).StatusCode);
        // Another user's request is not this user's conflict.
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin);
    }

    [Fact]
    public async Task Conflict_MaxConcurrentRequestsLimitsOpenRequestsOfAllUsers()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ManagedAccounts.Single(a => a.ManagedAccountID == DemoSeed.WindowsAccountId).MaxConcurrentRequests = 1;
        await using var emulator = await TestEmulator.StartAsync(seed);
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(jdoe, "Requests",
            "{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"ConflictOption\":\"reuse\"}"), HttpStatusCode.Conflict, "4091");
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/Checkin");
        await CheckoutHttp.RequestAsync(jdoe, Win, WinAdmin);
    }

    [Fact]
    public async Task Approval_PendingUntilApproved_Credentials403_4034ThenReadable()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(id)!.Status);
        await CheckoutHttp.AssertCodeAsync(await demo.GetAsync($"Credentials/{id}"), HttpStatusCode.Forbidden, "4034");

        // The requestor cannot approve, even a requestor who is also an approver elsewhere: 4033.
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/Approve"), HttpStatusCode.Forbidden, "4033");
        var queue = await CheckoutHttp.ReadJsonAsync(await approver.GetAsync("Requests?queue=app&status=pending"));
        Assert.Equal(id, Assert.Single(queue.EnumerateArray()).GetProperty("RequestID").GetInt32());

        var approve = await CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Approve", "{\"Reason\":\"ok\"}");
        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        var request = emulator.State.FindRequest(id)!;
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.NotNull(request.ApprovedDate);
        Assert.Equal(request.ApprovedDate!.Value.AddMinutes(60), request.ExpiresDate);
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.DatabaseAccountPassword), await (await demo.GetAsync($"Credentials/{id}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Approve")).StatusCode);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.RequestApproved && e.UserName == DemoSeed.ApproverUser);
    }

    [Fact]
    public async Task Approval_DenyEndsTheRequest_Credentials404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        Assert.Equal(HttpStatusCode.NoContent, (await CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Deny", "{\"Reason\":\"no\"}")).StatusCode);
        Assert.Equal(RequestStatus.Denied, emulator.State.FindRequest(id)!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.GetAsync($"Credentials/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(approver, $"Requests/{id}/Deny")).StatusCode);
    }

    [Fact]
    public async Task Approval_NonApproversGet403_4033AndApproverQueue403_4033()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{id}/Approve"), HttpStatusCode.Forbidden, "4033");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{id}/Deny"), HttpStatusCode.Forbidden, "4033");
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync("Requests?queue=app"), HttpStatusCode.Forbidden, "4033");
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        await CheckoutHttp.AssertCodeAsync(await approver.GetAsync("Requests"), HttpStatusCode.Forbidden, "4032");
    }

    [Fact]
    public async Task Checkin_OnlyTheOwner403_4031_AndPendingCheckinCancels()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{id}/Checkin"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync($"Credentials/{id}"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{id}/RotateOnCheckin"), HttpStatusCode.Forbidden, "4031");
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(demo, "Requests/424242/Checkin")).StatusCode);

        var pending = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        Assert.Equal(HttpStatusCode.NoContent, (await CheckoutHttp.PutJsonAsync(demo, $"Requests/{pending}/Checkin")).StatusCode);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(pending)!.Status);
    }

    [Fact]
    public async Task Checkin_AcceptsAnEmptyBody()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        Assert.Equal(HttpStatusCode.NoContent, (await demo.PutAsync($"Requests/{id}/Checkin", null)).StatusCode);
    }

    [Fact]
    public async Task Expiry_AfterDurationMinutesOnTheEmulatorClock_Credentials404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        // Shorter than the 20-minute session idle timeout, so the session outlives the request.
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, durationMinutes: 15);
        emulator.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync($"Credentials/{id}")).StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.NotFound, (await demo.GetAsync($"Credentials/{id}")).StatusCode);
        Assert.Equal(RequestStatus.Expired, emulator.State.FindRequest(id)!.Status);
        Assert.Equal(0, emulator.State.ActiveRequestCount);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.RequestExpired);
        // An expired request is no conflict.
        await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
    }

    [Fact]
    public async Task RotateOnCheckin_ChangesTheStoredPasswordAtCheckin()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, ",\"RotateOnCheckin\":true");
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/Checkin");
        Assert.Equal(1, emulator.State.PasswordChangeCount(WinAdmin));
        var rotated = emulator.State.RevealAccountPassword(WinAdmin);
        Assert.NotEqual(DemoSeed.WindowsAccountPassword, rotated);

        var next = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        Assert.Equal(JsonSerializer.Serialize(rotated), await (await demo.GetAsync($"Credentials/{next}")).Content.ReadAsStringAsync());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.PasswordRotated);
    }

    [Fact]
    public async Task RotateOnCheckin_PutFlagRotatesAtExpiry()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, durationMinutes: 10);
        Assert.Equal(HttpStatusCode.NoContent, (await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/RotateOnCheckin")).StatusCode);
        Assert.True(emulator.State.FindRequest(id)!.RotateOnCheckin);
        emulator.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(RequestStatus.Expired, emulator.State.FindRequest(id)!.Status);
        Assert.Equal(1, emulator.State.PasswordChangeCount(WinAdmin));
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/RotateOnCheckin")).StatusCode);
    }

    [Fact]
    public async Task Credentials_DssKeyAndPassphraseByType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.LinuxAccountPrivateKey), await (await demo.GetAsync($"Credentials/{id}?type=dsskey")).Content.ReadAsStringAsync());
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.LinuxAccountPassphrase), await (await demo.GetAsync($"Credentials/{id}?Type=Passphrase")).Content.ReadAsStringAsync());
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.LinuxAccountPassword), await (await demo.GetAsync($"Credentials/{id}?type=password")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await demo.GetAsync($"Credentials/{id}?type=token")).StatusCode);

        var win = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.GetAsync($"Credentials/{win}?type=dsskey")).StatusCode);
    }

    [Fact]
    public async Task GetRequests_FieldsCasingStatusAndQueue()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var active = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin);
        var pending = await CheckoutHttp.RequestAsync(demo, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        var closed = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{closed}/Checkin");

        var all = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Requests"));
        Assert.Equal(new[] { active, pending }, all.EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()).ToArray());
        var first = all[0];
        foreach (var name in new[] { "RequestID", "SystemID", "SystemName", "AccountID", "AccountName", "DomainName", "AliasID",
                     "ApplicationID", "RequestReleaseDate", "ApprovedDate", "ExpiresDate", "Status", "AccessType", "Reason" })
            Assert.True(first.TryGetProperty(name, out _), $"GET Requests lacks {name}");
        Assert.False(first.TryGetProperty("SystemId", out _));
        Assert.Equal("Active", first.GetProperty("Status").GetString());
        Assert.Equal("View", first.GetProperty("AccessType").GetString());
        Assert.Equal(DemoSeed.WindowsSystemName, first.GetProperty("SystemName").GetString());
        Assert.EndsWith("Z", first.GetProperty("ExpiresDate").GetString());
        Assert.True(DateTime.TryParse(first.GetProperty("RequestReleaseDate").GetString(), out _));

        var onlyPending = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Requests?status=pending"));
        Assert.Equal("Pending", Assert.Single(onlyPending.EnumerateArray()).GetProperty("Status").GetString());
        var onlyActive = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Requests?STATUS=Active&queue=req"));
        Assert.Equal(active, Assert.Single(onlyActive.EnumerateArray()).GetProperty("RequestID").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await demo.GetAsync("Requests?status=done")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await demo.GetAsync("Requests?queue=everyone")).StatusCode);
    }

    [Fact]
    public async Task Audit_RecordsEveryStepWithoutTheCredential()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var id = await CheckoutHttp.RequestAsync(demo, Win, WinAdmin, ",\"RotateOnCheckin\":true");
        await demo.GetAsync($"Credentials/{id}");
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{id}/Checkin");
        var kinds = emulator.State.Audit.Where(e => e.UserName == DemoSeed.RunAs).Select(e => e.Kind).ToList();
        Assert.Contains(AuditKinds.RequestCreated, kinds);
        Assert.Contains(AuditKinds.CredentialRead, kinds);
        Assert.Contains(AuditKinds.RequestCheckedIn, kinds);
        Assert.Contains(AuditKinds.PasswordRotated, kinds);
        var rotated = emulator.State.RevealAccountPassword(WinAdmin)!;
        var control = await emulator.NewClient().GetStringAsync(new Uri(emulator.Server.RootUri, "emulator/audit"));
        var requests = await emulator.NewClient().GetStringAsync(new Uri(emulator.Server.RootUri, "emulator/requests"));
        foreach (var text in emulator.State.Audit.Select(e => e.Reason ?? string.Empty).Append(control).Append(requests))
        {
            Assert.DoesNotContain(DemoSeed.WindowsAccountPassword, text);
            Assert.DoesNotContain(rotated, text);
        }
        Assert.Contains($"\"RequestID\":{id}", requests);
    }
}
