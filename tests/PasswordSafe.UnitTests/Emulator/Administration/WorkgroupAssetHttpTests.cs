using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Workgroups and assets (api-v3 §6.1, §6.2; spec E5 step 1).</summary>
public class WorkgroupAssetHttpTests
{
    [Fact]
    public async Task E5_WorkgroupsAreListedFoundByNameAndCreated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var list = await ExpectAsync(admin.GetAsync("Workgroups"), HttpStatusCode.OK);
        Assert.Equal(new[] { "OrganizationID", "ID", "Name" }, Keys(list[0]));
        Assert.Equal("Default Workgroup", list[0].GetProperty("Name").GetString());
        Assert.Equal(1, (await ExpectAsync(admin.GetAsync("Workgroups?name=default%20workgroup"), HttpStatusCode.OK)).GetProperty("ID").GetInt32());
        await ExpectAsync(admin.GetAsync("Workgroups?name=nowhere"), HttpStatusCode.NotFound);

        var created = await ExpectAsync(PostAsync(admin, "Workgroups", """{"Name":"Branch office"}"""), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("ID").GetInt32());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("OrganizationID").GetString()));
        await ExpectAsync(admin.GetAsync("Workgroups/2"), HttpStatusCode.OK);
        await ExpectAsync(admin.GetAsync("Workgroups/9"), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups", """{"Name":"branch OFFICE"}"""), "already exists");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups", "{}"), "Name is required");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups", $$"""{"Name":"{{new string('w', 257)}}"}"""), "256");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups", """{"Name":"w","OrganizationID":"not-a-guid"}"""), "OrganizationID");
        Assert.Equal(2, emulator.State.Workgroups.Count);
    }

    [Fact]
    public async Task E5_AssetsAreCreatedInAWorkgroupByIdOrName_ReadUpdatedAndDeleted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var asset = await ExpectAsync(PostAsync(admin, "Workgroups/1/Assets",
            """{"IPAddress":"10.1.0.5","AssetName":"web02","DnsName":"web02.contoso.test","AssetType":"Server","OperatingSystem":"Windows Server 2022"}"""),
            HttpStatusCode.Created);
        Assert.Equal(new[] { "WorkgroupID", "AssetID", "AssetName", "AssetType", "DnsName", "DomainName", "IPAddress", "MacAddress",
            "OperatingSystem", "CreateDate", "LastUpdateDate", "Description" }, Keys(asset));
        var id = asset.GetProperty("AssetID").GetInt32();
        var byName = await ExpectAsync(PostAsync(admin, "Workgroups/Default%20Workgroup/Assets", """{"IPAddress":"fe80::5"}"""), HttpStatusCode.Created);
        Assert.Equal("fe80::5", byName.GetProperty("AssetName").GetString());

        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", """{"IPAddress":"10.1.0.6","AssetName":"WEB02"}"""), "An Asset by that name already exists");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", """{"AssetName":"web03"}"""), "IPAddress is required");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", """{"IPAddress":"10.1.0"}"""), "IPAddress");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", $$"""{"IPAddress":"10.1.0.7","AssetName":"{{new string('a', 129)}}"}"""), "AssetName must be 128");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", $$"""{"IPAddress":"10.1.0.7","DomainName":"{{new string('d', 65)}}"}"""), "DomainName must be 64");
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/Assets", $$"""{"IPAddress":"10.1.0.7","Description":"{{new string('d', 256)}}"}"""), "Description must be 255");
        await ExpectAsync(PostAsync(admin, "Workgroups/Nowhere/Assets", """{"IPAddress":"10.1.0.7"}"""), HttpStatusCode.NotFound);

        var listed = await ExpectAsync(admin.GetAsync("Workgroups/1/Assets"), HttpStatusCode.OK);
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(id, (await ExpectAsync(admin.GetAsync("Workgroups/Default%20Workgroup/Assets?name=web02"), HttpStatusCode.OK)).GetProperty("AssetID").GetInt32());
        var updated = await ExpectAsync(PutAsync(admin, $"Assets/{id}",
            """{"WorkgroupID":1,"IPAddress":"10.1.0.50","AssetName":"web02","Description":"moved"}"""), HttpStatusCode.OK);
        Assert.Equal("10.1.0.50", updated.GetProperty("IPAddress").GetString());
        Assert.Equal("moved", updated.GetProperty("Description").GetString());
        await ExpectBadRequestAsync(PutAsync(admin, $"Assets/{id}", """{"AssetName":"fe80::5"}"""), "already exists");
        await ExpectAsync(admin.DeleteAsync($"Assets/{id}"), HttpStatusCode.OK);
        await ExpectAsync(admin.GetAsync($"Assets/{id}"), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.AssetDeleted && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task UsersWithoutAssetManagementGet4031_AndReadOnlyMayOnlyRead()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("Workgroups"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "Workgroups", """{"Name":"x"}"""));
        await ExpectForbiddenAsync(PostAsync(jdoe, "Workgroups/1/Assets", """{"IPAddress":"10.0.0.1"}"""));
        await ExpectForbiddenAsync(jdoe.GetAsync("Assets/1"));
        await ExpectForbiddenAsync(PutAsync(jdoe, "Assets/1", "{}"));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("Assets/1"));

        var admin = await AdminAsync(emulator);
        await NewGroupAsync(admin, "Asset readers", [2], [], $$"""[{"PermissionID":{{Permissions.AssetManagement}},"AccessLevelID":1}]""");
        await ExpectAsync(jdoe.GetAsync("Workgroups"), HttpStatusCode.OK);
        await ExpectForbiddenAsync(PostAsync(jdoe, "Workgroups", """{"Name":"x"}"""));
        // One permission opens only its own area.
        await ExpectForbiddenAsync(jdoe.GetAsync("Users"));
        await ExpectForbiddenAsync(jdoe.GetAsync("ManagedSystems"));
    }
}
