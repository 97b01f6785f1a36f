using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>ManagedSystems (api-v3 §6.3, §0 envelope; spec E5 step 2).</summary>
public class ManagedSystemAdminHttpTests
{
    private static async Task<int> NewAssetAsync(HttpClient admin, string name = "web02", string ip = "10.1.0.5") =>
        (await ExpectAsync(PostAsync(admin, "Workgroups/1/Assets", $$"""{"IPAddress":"{{ip}}","AssetName":"{{name}}"}"""), HttpStatusCode.Created))
            .GetProperty("AssetID").GetInt32();

    [Fact]
    public async Task E5_ASystemOnAnAssetTakesItsNameAndAddress_OnePerAsset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var assetId = await NewAssetAsync(admin);
        var system = await ExpectAsync(PostAsync(admin, $"Assets/{assetId}/ManagedSystems?version=3.0",
            """{"PlatformID":1,"ContactEmail":"ops@example.test","ReleaseDuration":60,"MaxReleaseDuration":480,"ISAReleaseDuration":30,"ChangeFrequencyType":"xdays","ChangeFrequencyDays":7,"ChangeTime":"02:00"}"""),
            HttpStatusCode.Created);
        Assert.Equal("web02", system.GetProperty("SystemName").GetString());
        Assert.Equal("10.1.0.5", system.GetProperty("IPAddress").GetString());
        Assert.Equal(assetId, system.GetProperty("AssetID").GetInt32());
        Assert.Equal(480, system.GetProperty("MaxReleaseDuration").GetInt32());
        Assert.Equal("xdays", system.GetProperty("ChangeFrequencyType").GetString());
        Assert.Equal("None", system.GetProperty("RemoteClientType").GetString());
        Assert.Contains("ManagedSystemID", Keys(system));
        Assert.Contains("DNSName", Keys(system));
        await ExpectBadRequestAsync(PostAsync(admin, $"Assets/{assetId}/ManagedSystems", """{"PlatformID":1}"""), "already managed");
        await ExpectAsync(PostAsync(admin, "Assets/999/ManagedSystems", """{"PlatformID":1}"""), HttpStatusCode.NotFound);
        var onAsset = await ExpectAsync(admin.GetAsync($"Assets/{assetId}/ManagedSystems"), HttpStatusCode.OK);
        Assert.Equal(system.GetProperty("ManagedSystemID").GetInt32(), onAsset.EnumerateArray().Single().GetProperty("ManagedSystemID").GetInt32());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ManagedSystemCreated && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task E5_EveryManagedSystemValidatorAnswers400NamingTheField()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var assetId = await NewAssetAsync(admin);
        var path = $"Assets/{assetId}/ManagedSystems";
        var cases = new (string Query, string Body, string Mentions)[]
        {
            ("", "{}", "PlatformID is required"),
            ("", """{"PlatformID":0}""", "PlatformID"),
            ("", """{"PlatformID":1,"ReleaseDuration":0}""", "ReleaseDuration"),
            ("", """{"PlatformID":1,"MaxReleaseDuration":525601}""", "MaxReleaseDuration"),
            ("", """{"PlatformID":1,"ISAReleaseDuration":-5}""", "ISAReleaseDuration"),
            ("", """{"PlatformID":1,"ReleaseDuration":600,"MaxReleaseDuration":60}""", "must not exceed"),
            ("", """{"PlatformID":1,"ChangeFrequencyType":"weekly"}""", "ChangeFrequencyType"),
            ("", """{"PlatformID":1,"ChangeFrequencyType":"xdays"}""", "ChangeFrequencyDays is required"),
            ("", """{"PlatformID":1,"ChangeFrequencyDays":1000}""", "ChangeFrequencyDays"),
            ("", """{"PlatformID":1,"ChangeTime":"25:00"}""", "ChangeTime"),
            ("", """{"PlatformID":1,"SshKeyEnforcementMode":3}""", "SshKeyEnforcementMode"),
            ("", """{"PlatformID":1,"Port":70000}""", "Port"),
            ("", """{"PlatformID":1,"Timeout":0}""", "Timeout"),
            ("", $$"""{"PlatformID":1,"Description":"{{new string('d', 256)}}"}""", "Description must be 255"),
            ("", """{"PlatformID":1,"ContactEmail":"nobody"}""", "ContactEmail"),
            ("", """{"PlatformID":1,"AutoManagementFlag":true}""", "FunctionalAccountID"),
            ("", """{"PlatformID":1,"AutoManagementFlag":"yes"}""", "AutoManagementFlag"),
            ("", """{"PlatformID":1,"RemoteClientType":"EPM"}""", "version=3.1"),
            ("?version=3.1", """{"PlatformID":1,"RemoteClientType":"Agent"}""", "RemoteClientType"),
            ("?version=3.1", """{"PlatformID":1,"IsApplicationHost":true}""", "version=3.2"),
            ("?version=4.0", """{"PlatformID":1}""", "version"),
            ("?version=abc", """{"PlatformID":1}""", "version"),
            ("", "[1]", "JSON object"),
            ("", """{"PlatformID":99999}""", "PlatformID 99999 is not a platform"),
        };
        foreach (var (query, body, mentions) in cases) await ExpectBadRequestAsync(PostAsync(admin, path + query, body), mentions);
        Assert.Equal(5, emulator.State.ManagedSystems.Count);
        var v32 = await ExpectAsync(PostAsync(admin, path + "?version=3.2",
            """{"PlatformID":2,"RemoteClientType":"EPM","IsApplicationHost":true,"AutoManagementFlag":true,"FunctionalAccountID":4}"""), HttpStatusCode.Created);
        Assert.Equal("EPM", v32.GetProperty("RemoteClientType").GetString());
        Assert.True(v32.GetProperty("IsApplicationHost").GetBoolean());
    }

    [Fact]
    public async Task Platforms_AreListed_AndAnUnknownPlatformIdIsRefusedOnUpdateToo()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);

        var platforms = await ExpectAsync(admin.GetAsync("Platforms"), HttpStatusCode.OK);
        var sql = await ExpectAsync(admin.GetAsync("Platforms/11"), HttpStatusCode.OK);

        Assert.Contains(platforms.EnumerateArray(), p => p.GetProperty("PlatformID").GetInt32() == 1 && p.GetProperty("Name").GetString() == "Windows");
        Assert.Equal(1433, sql.GetProperty("DefaultPort").GetInt32());
        Assert.Contains("DomainNameFlag", Keys(sql));
        await ExpectAsync(admin.GetAsync("Platforms/99999"), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedSystems/{DemoSeed.DatabaseSystemId}", """{"PlatformID":424242}"""), "PlatformID 424242 is not a platform");
        Assert.Equal(11, emulator.State.FindManagedSystem(DemoSeed.DatabaseSystemId)!.PlatformId);
    }

    [Fact]
    public async Task ListIsABareArray_OrTheTotalCountEnvelopeWithLimit_AndFilters()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var all = await ExpectAsync(admin.GetAsync("ManagedSystems"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        Assert.Equal(5, all.GetArrayLength());
        var page = await ExpectAsync(admin.GetAsync("ManagedSystems?limit=2&offset=1"), HttpStatusCode.OK);
        Assert.Equal(new[] { "TotalCount", "Data" }, Keys(page));
        Assert.Equal(5, page.GetProperty("TotalCount").GetInt32());
        Assert.Equal(new[] { 2, 3 }, page.GetProperty("Data").EnumerateArray().Select(s => s.GetProperty("ManagedSystemID").GetInt32()));
        var named = await ExpectAsync(admin.GetAsync("ManagedSystems?name=DB01"), HttpStatusCode.OK);
        Assert.Equal(DemoSeed.DatabaseSystemId, named.EnumerateArray().Single().GetProperty("ManagedSystemID").GetInt32());
        Assert.Equal(5, (await ExpectAsync(admin.GetAsync("ManagedSystems?type=1"), HttpStatusCode.OK)).GetArrayLength());
        await ExpectBadRequestAsync(admin.GetAsync("ManagedSystems?offset=1"), "limit");
        await ExpectBadRequestAsync(admin.GetAsync("ManagedSystems?limit=0"), "limit");
        await ExpectBadRequestAsync(admin.GetAsync("ManagedSystems?limit=5&offset=-1"), "offset");
        await ExpectBadRequestAsync(admin.GetAsync("ManagedSystems?type=asset"), "type");
        Assert.Equal("web01", (await ExpectAsync(admin.GetAsync("ManagedSystems/1"), HttpStatusCode.OK)).GetProperty("SystemName").GetString());
        await ExpectAsync(admin.GetAsync("ManagedSystems/99"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E5_UpdateChangesTheGivenFieldsAndDeleteTakesTheSystemsAccounts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var updated = await ExpectAsync(PutAsync(admin, $"ManagedSystems/{DemoSeed.LinuxSystemId}?version=3.1",
            """{"PlatformID":2,"Description":"patched","ReleaseDuration":30,"RemoteClientType":"EPM"}"""), HttpStatusCode.OK);
        Assert.Equal("patched", updated.GetProperty("Description").GetString());
        Assert.Equal(30, updated.GetProperty("ReleaseDuration").GetInt32());
        Assert.Equal("EPM", updated.GetProperty("RemoteClientType").GetString());
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedSystems/{DemoSeed.LinuxSystemId}", """{"ReleaseDuration":999999}"""), "ReleaseDuration");
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedSystems/{DemoSeed.LinuxSystemId}", """{"MaxReleaseDuration":10}"""), "must not exceed");
        await ExpectAsync(PutAsync(admin, "ManagedSystems/99", """{"Description":"x"}"""), HttpStatusCode.NotFound);

        // lnx01 holds root (4) and deploy (7); an open request on root is canceled with the system.
        var jdoe = await NonAdminAsync(emulator);
        var requestId = await Checkout.CheckoutHttp.RequestAsync(jdoe, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);
        await ExpectAsync(admin.DeleteAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}"), HttpStatusCode.OK);
        Assert.Null(emulator.State.FindManagedAccount(DemoSeed.LinuxAccountId));
        Assert.Null(emulator.State.FindManagedAccount(DemoSeed.IsaOnlyAccountId));
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(requestId)!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await jdoe.GetAsync($"Credentials/{requestId}")).StatusCode);
        var listed = await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("SystemId").GetInt32() == DemoSeed.LinuxSystemId);
        await ExpectAsync(admin.GetAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.DeleteAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASystemMadeInAWorkgroupNeedsHostNameAndAddress()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems", """{"PlatformID":1,"IPAddress":"10.9.9.9"}"""), "HostName");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems", """{"PlatformID":1,"HostName":"cloud01"}"""), "IPAddress");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems", """{"PlatformID":1,"HostName":"cloud01","IPAddress":"10.9.9"}"""), "IPAddress");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems", """{"PlatformID":1,"HostName":"web01","IPAddress":"10.9.9.9"}"""), "already exists");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems", """{"PlatformID":1,"HostName":"c","IPAddress":"10.9.9.9","NetBiosName":"ABCDEFGHIJKLMNOP"}"""), "NetBiosName");
        var system = await ExpectAsync(PostAsync(admin, "Workgroups/1/ManagedSystems",
            """{"EntityTypeID":4,"PlatformID":1,"HostName":"cloud01","IPAddress":"10.9.9.9","AccessURL":"https://cloud01.test"}"""), HttpStatusCode.Created);
        Assert.Equal("cloud01", system.GetProperty("SystemName").GetString());
        Assert.Equal(JsonValueKind.Null, system.GetProperty("AssetID").ValueKind);
        Assert.Equal(4, system.GetProperty("EntityTypeID").GetInt32());
        Assert.Equal(1, (await ExpectAsync(admin.GetAsync("ManagedSystems?type=4"), HttpStatusCode.OK)).GetArrayLength());
        await ExpectAsync(PostAsync(admin, "Workgroups/9/ManagedSystems", """{"PlatformID":1}"""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UsersWithoutSystemManagementGet4031()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("ManagedSystems"));
        await ExpectForbiddenAsync(jdoe.GetAsync("ManagedSystems/1"));
        await ExpectForbiddenAsync(PutAsync(jdoe, "ManagedSystems/1", """{"Description":"x"}"""));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("ManagedSystems/1"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "Assets/1/ManagedSystems", """{"PlatformID":1}"""));
        await ExpectForbiddenAsync(PostAsync(jdoe, "Workgroups/1/ManagedSystems", """{"PlatformID":1}"""));
        Assert.Equal(5, emulator.State.ManagedSystems.Count);
    }
}
