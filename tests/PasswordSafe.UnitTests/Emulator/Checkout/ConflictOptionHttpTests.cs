using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// api-v3 §3.2 ConflictOption: reuse returns an existing *approved* request of the same user/system/account/access
/// type (a pending one only: 409 [I]); renew cancels the caller's approved requests for the same user/system/account,
/// whatever their access type, and makes a new one. Requests of different access types coexist [I].
/// </summary>
public class ConflictOptionHttpTests
{
    private static string Body(int systemId, int accountId, string accessType, string extra = "") =>
        $$"""{"SystemID":{{systemId}},"AccountID":{{accountId}},"DurationMinutes":30,"AccessType":"{{accessType}}","Reason":"test"{{extra}}}""";

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(System.Net.Http.HttpClient client, string json)
    {
        var response = await CheckoutHttp.PostJsonAsync(client, "Requests", json);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api32_DifferentAccessTypesOnOneAccount_Coexist_WithoutAConflict()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(jdoe, Body(1, 1, "View"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(jdoe, Body(1, 1, "RDP"))).Status);
        Assert.Equal(2, emulator.State.ActiveRequestCount);
    }

    [Fact]
    public async Task Api32_Renew_CancelsTheCallersApprovedRequestsOfEveryAccessType_ForThatAccount()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var view = await CheckoutHttp.RequestAsync(jdoe, 1, 1, ",\"AccessType\":\"View\"");
        var rdp = await CheckoutHttp.RequestAsync(jdoe, 1, 1, ",\"AccessType\":\"RDP\"");
        var othersRequest = await CheckoutHttp.RequestAsync(demo, 1, 1, ",\"AccessType\":\"RDP\"");
        var otherAccount = await CheckoutHttp.RequestAsync(jdoe, 4, 4, ",\"AccessType\":\"SSH\"");

        var (status, body) = await PostAsync(jdoe, Body(1, 1, "View", ",\"ConflictOption\":\"renew\""));

        Assert.Equal(HttpStatusCode.Created, status);
        var renewed = int.Parse(body);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(view)!.Status);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(rdp)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(renewed)!.Status);
        // Only the caller's requests for that account: another user's and another account's stay.
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(othersRequest)!.Status);
        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(otherAccount)!.Status);
        Assert.Equal(2, emulator.State.Audit.Count(e => e.Kind == AuditKinds.RequestCanceled && e.Reason!.Contains("renewed")));
    }

    [Fact]
    public async Task Api32_Renew_ReplacesAPendingRequestOfItsType_AndLeavesAPendingOneOfAnotherType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var db = (DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        var pendingView = await CheckoutHttp.RequestAsync(jdoe, db.Item1, db.Item2, ",\"AccessType\":\"View\"");
        var pendingRdp = await CheckoutHttp.RequestAsync(jdoe, db.Item1, db.Item2, ",\"AccessType\":\"RDP\"");

        var (status, body) = await PostAsync(jdoe, Body(db.Item1, db.Item2, "View", ",\"ConflictOption\":\"renew\""));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(pendingView)!.Status);
        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(pendingRdp)!.Status);
        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(int.Parse(body))!.Status);
    }

    [Fact]
    public async Task Api32_Reuse_OfAPendingRequest_Is409_4091_NothingMade_OnceApproved_ItIsReused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var pending = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        var reuse = Body(DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId, "View", ",\"ConflictOption\":\"reuse\"");

        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(jdoe, "Requests", reuse), HttpStatusCode.Conflict, "4091");
        Assert.Single(emulator.State.ReleaseRequests);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.RequestReused);

        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(approver, $"Requests/{pending}/Approve"), HttpStatusCode.NoContent);
        var (status, body) = await PostAsync(jdoe, reuse);
        Assert.Equal((HttpStatusCode.OK, pending.ToString()), (status, body));
    }
}
