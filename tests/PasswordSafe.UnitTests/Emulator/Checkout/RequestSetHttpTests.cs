using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Request sets (api-v3 §3.4): one request per access type through the rules of POST Requests, all or none; approved
/// and denied as one while pending; afterwards each request lives on its own; GET RequestSets lists the caller's sets.
/// </summary>
public class RequestSetHttpTests
{
    private const string WebAdmin = "\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"Reason\":\"patching\"";
    private const string DbSa = "\"SystemID\":2,\"AccountID\":2,\"DurationMinutes\":60,\"Reason\":\"audit\"";

    [Fact]
    public async Task Create_AutoApprovedPolicy_201WithTheSetAndOneActiveRequestPerType_EachARequestOfItsOwn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(client, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + WebAdmin + "}");

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var set = await CheckoutHttp.ReadJsonAsync(response);
        var setId = set.GetProperty("RequestSetID").GetInt32();
        var requests = set.GetProperty("Requests").EnumerateArray().ToList();
        Assert.Equal(new[] { "View", "RDP" }, requests.Select(r => r.GetProperty("AccessType").GetString()));
        Assert.All(requests, r => Assert.Equal("Active", r.GetProperty("Status").GetString()));
        Assert.All(requests, r => Assert.Equal(1, r.GetProperty("AccountID").GetInt32()));
        var viewId = requests[0].GetProperty("RequestID").GetInt32();
        var rdpId = requests[1].GetProperty("RequestID").GetInt32();
        Assert.Equal(setId, emulator.State.FindRequest(viewId)!.RequestSetId);
        Assert.Equal(2, emulator.State.ActiveRequestCount);

        // GET Requests lists both; the View one reads the password, the RDP one opens a session.
        var listed = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("Requests"));
        Assert.Equal(new[] { viewId, rdpId }, listed.EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()));
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.WindowsAccountPassword), await (await client.GetAsync($"Credentials/{viewId}")).Content.ReadAsStringAsync());
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(client, $"Requests/{rdpId}/Sessions", "{\"SessionType\":\"rdpticket\"}"), HttpStatusCode.Created);

        // Checking one in leaves the other active.
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(client, $"Requests/{viewId}/Checkin"), HttpStatusCode.NoContent);
        Assert.Equal(RequestStatus.CheckedIn, emulator.State.FindRequest(viewId)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(rdpId)!.Status);
    }

    [Fact]
    public async Task Approval_ApprovingOneRequestOfAPendingSet_ApprovesTheSet()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var set = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + DbSa + "}"));
        var ids = set.GetProperty("Requests").EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()).ToList();
        Assert.All(ids, id => Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(id)!.Status));
        await CheckoutHttp.AssertCodeAsync(await demo.GetAsync($"Credentials/{ids[0]}"), HttpStatusCode.Forbidden, "4034");

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(approver, $"Requests/{ids[1]}/Approve"), HttpStatusCode.NoContent);

        Assert.All(ids, id => Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(id)!.Status));
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.DatabaseAccountPassword), await (await demo.GetAsync($"Credentials/{ids[0]}")).Content.ReadAsStringAsync());
        Assert.Equal(2, emulator.State.Audit.Count(e => e.Kind == AuditKinds.RequestApproved && e.UserName == DemoSeed.ApproverUser));
    }

    [Fact]
    public async Task Approval_DenyingOneRequestOfAPendingSet_DeniesTheSet()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var set = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + DbSa + "}"));
        var ids = set.GetProperty("Requests").EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()).ToList();

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(approver, $"Requests/{ids[0]}/Deny", "{\"Reason\":\"no\"}"), HttpStatusCode.NoContent);

        Assert.All(ids, id => Assert.Equal(RequestStatus.Denied, emulator.State.FindRequest(id)!.Status));
        Assert.Empty((await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("RequestSets"))).EnumerateArray());
    }

    [Fact]
    public async Task Approval_DenyingAnActiveRequestOfASet_EndsThatRequestAlone()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var set = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + DbSa + "}"));
        var ids = set.GetProperty("Requests").EnumerateArray().Select(r => r.GetProperty("RequestID").GetInt32()).ToList();
        await CheckoutHttp.PutJsonAsync(approver, $"Requests/{ids[0]}/Approve");

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(approver, $"Requests/{ids[1]}/Deny"), HttpStatusCode.NoContent);

        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(ids[0])!.Status);
        Assert.Equal(RequestStatus.Denied, emulator.State.FindRequest(ids[1])!.Status);
    }

    [Theory]
    [InlineData("{\"AccessTypes\":[\"View\",\"SSH\"]," + DbSa + "}", "SSH: The access policy")]
    [InlineData("{\"AccessTypes\":[\"View\",\"Telnet\"]," + WebAdmin + "}", "Telnet: AccessType must be View, RDP, SSH or App")]
    [InlineData("{\"AccessTypes\":[\"View\",\"App\"],\"SystemID\":5,\"AccountID\":5,\"DurationMinutes\":60}", "App: ApplicationID is required")]
    [InlineData("{\"AccessTypes\":[\"View\",\"RDP\",\"view\"]," + WebAdmin + "}", "AccessTypes lists View more than once")]
    [InlineData("{\"AccessTypes\":[]," + WebAdmin + "}", "AccessTypes is required")]
    [InlineData("{" + WebAdmin + "}", "AccessTypes is required")]
    [InlineData("{\"AccessTypes\":\"View\"," + WebAdmin + "}", "AccessTypes must be an array")]
    [InlineData("{\"AccessTypes\":[\"View\",\"\"]," + WebAdmin + "}", "AccessTypes must name access types")]
    [InlineData("{\"AccessTypes\":[\"View\",\"RDP\"],\"SystemID\":2,\"AccountID\":2,\"DurationMinutes\":60}", "requires a Reason")]
    [InlineData("{\"AccessTypes\":[\"View\",\"RDP\"],\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":1441}", "maximum release duration")]
    public async Task Validation_AnyTypeFailing_400NamingIt_AndNothingIsCreated(string body, string mentioned)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(client, "RequestSets", body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync());
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Empty(emulator.State.RequestSets);
    }

    [Fact]
    public async Task Validation_AppWithTheAccountsApplication_IsCreated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(client, "RequestSets",
            $"{{\"AccessTypes\":[\"View\",\"App\"],\"SystemID\":5,\"AccountID\":5,\"ApplicationID\":{DemoSeed.ApplicationId},\"DurationMinutes\":60}}");

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var requests = emulator.State.ReleaseRequests;
        Assert.Null(requests.Single(r => r.AccessType == AccessType.View).ApplicationId);
        Assert.Equal(DemoSeed.ApplicationId, requests.Single(r => r.AccessType == AccessType.App).ApplicationId);
    }

    [Theory]
    [InlineData(DemoSeed.ApproverUser, 1, 1)]  // approver only: cannot request
    [InlineData(DemoSeed.RunAs, 1, 6)]         // not API-enabled
    [InlineData(DemoSeed.RunAs, 1, 999)]       // does not exist
    public async Task Permission_NoRequestorRole_403_4031_AndNothingIsCreated(string runAs, int systemId, int accountId)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator, runAs);

        var response = await CheckoutHttp.PostJsonAsync(client, "RequestSets",
            $"{{\"AccessTypes\":[\"View\",\"RDP\"],\"SystemID\":{systemId},\"AccountID\":{accountId},\"DurationMinutes\":60}}");

        await CheckoutHttp.AssertCodeAsync(response, HttpStatusCode.Forbidden, "4031");
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task Conflict_AnOpenRequestOfOneOfTheTypes_409_4091_AndNothingIsCreated_OtherTypesAreNoConflict()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var rdp = await CheckoutHttp.RequestAsync(client, 1, 1, ",\"AccessType\":\"RDP\"");

        var conflict = await CheckoutHttp.PostJsonAsync(client, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + WebAdmin + ",\"ConflictOption\":\"reuse\"}");

        await CheckoutHttp.AssertCodeAsync(conflict, HttpStatusCode.Conflict, "4091");
        Assert.Equal(new[] { rdp }, emulator.State.ReleaseRequests.Select(r => r.RequestId));
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(client, "RequestSets", "{\"AccessTypes\":[\"View\",\"SSH\"]," + WebAdmin + "}"), HttpStatusCode.Created);
        // A second set of the same types conflicts with the first.
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "RequestSets", "{\"AccessTypes\":[\"SSH\",\"App\"]," + WebAdmin + ",\"ApplicationID\":1}"), HttpStatusCode.Conflict, "4091");
    }

    [Fact]
    public async Task Conflict_MaxConcurrentRequestsCountsEveryRequestOfTheSet()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ManagedAccounts.Single(a => a.ManagedAccountID == DemoSeed.WindowsAccountId).MaxConcurrentRequests = 1;
        await using var emulator = await TestEmulator.StartAsync(seed);
        var client = await CheckoutHttp.SignedInAsync(emulator);

        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + WebAdmin + "}"),
            HttpStatusCode.Conflict, "4091");

        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task List_TheCallersOpenSetsWithTheirRequestsAsTheyStand_FilteredByStatus()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var active = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + WebAdmin + "}"));
        var pending = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"RDP\",\"View\"]," + DbSa + "}"));
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(jdoe, "RequestSets", "{\"AccessTypes\":[\"View\",\"RDP\"]," + WebAdmin + "}"), HttpStatusCode.Created);
        var firstView = active.GetProperty("Requests")[0].GetProperty("RequestID").GetInt32();
        await CheckoutHttp.PutJsonAsync(demo, $"Requests/{firstView}/Checkin");

        var all = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("RequestSets"));

        Assert.Equal(new[] { active.GetProperty("RequestSetID").GetInt32(), pending.GetProperty("RequestSetID").GetInt32() },
            all.EnumerateArray().Select(s => s.GetProperty("RequestSetID").GetInt32()));
        Assert.Equal(new[] { "CheckedIn", "Active" }, all[0].GetProperty("Requests").EnumerateArray().Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal(new[] { "RDP", "View" }, all[1].GetProperty("Requests").EnumerateArray().Select(r => r.GetProperty("AccessType").GetString()));
        var onlyPending = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("RequestSets?status=pending"));
        Assert.Equal(pending.GetProperty("RequestSetID").GetInt32(), Assert.Single(onlyPending.EnumerateArray()).GetProperty("RequestSetID").GetInt32());
        var onlyActive = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("RequestSets?status=active"));
        Assert.Equal(active.GetProperty("RequestSetID").GetInt32(), Assert.Single(onlyActive.EnumerateArray()).GetProperty("RequestSetID").GetInt32());
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync("RequestSets?status=closed"), HttpStatusCode.BadRequest);

        // Once every request of a set is closed (here: expired), the set is no longer listed.
        emulator.Clock.Advance(System.TimeSpan.FromMinutes(61));
        var later = await CheckoutHttp.SignedInAsync(emulator);
        Assert.Equal(pending.GetProperty("RequestSetID").GetInt32(),
            Assert.Single((await CheckoutHttp.ReadJsonAsync(await later.GetAsync("RequestSets"))).EnumerateArray()).GetProperty("RequestSetID").GetInt32());
    }

    [Fact]
    public async Task List_NoRequestorRole_403_4032()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);

        await CheckoutHttp.AssertCodeAsync(await approver.GetAsync("RequestSets"), HttpStatusCode.Forbidden, "4032");
    }
}
