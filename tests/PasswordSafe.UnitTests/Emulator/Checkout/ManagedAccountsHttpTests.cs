using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>GET ManagedAccounts (api-v3 §2.1, spec E1): shape, casing, roles, filters, paging.</summary>
public class ManagedAccountsHttpTests
{
    [Fact]
    public async Task E1_ListIsABareArrayOfApiEnabledRequestableAccountsWithExactCasing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await client.GetAsync("ManagedAccounts");
        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.OK);
        var json = await CheckoutHttp.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        var ids = json.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()).ToList();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, ids);
        Assert.DoesNotContain(DemoSeed.NotApiEnabledAccountId, ids);
        Assert.DoesNotContain(DemoSeed.IsaOnlyAccountId, ids);

        var first = json[0];
        var names = first.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "PlatformID", "SystemId", "SystemName", "DomainName", "AccountId", "AccountName", "InstanceName",
            "UserPrincipalName", "ApplicationID", "ApplicationDisplayName", "DefaultReleaseDuration", "MaximumReleaseDuration",
            "LastChangeDate", "NextChangeDate", "IsChanging", "ChangeState", "IsISAAccess", "PreferredNodeID", "AccountDescription" }, names);
        Assert.Equal(120, first.GetProperty("DefaultReleaseDuration").GetInt32());
        Assert.Equal(1440, first.GetProperty("MaximumReleaseDuration").GetInt32());
        Assert.False(first.GetProperty("IsISAAccess").GetBoolean());
        var body = json.GetRawText();
        Assert.DoesNotContain(DemoSeed.WindowsAccountPassword, body);
    }

    [Fact]
    public async Task E1_BothNamesIdentifyingOneAccountAnswerASingleObject()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?systemName=web01&accountName=Administrator"));
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(DemoSeed.WindowsAccountId, json.GetProperty("AccountId").GetInt32());
        Assert.Equal(DemoSeed.WindowsSystemId, json.GetProperty("SystemId").GetInt32());
    }

    [Fact]
    public async Task E1_BothNamesMatchingNothingAnswer404ManagedAccountNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await client.GetAsync("ManagedAccounts?systemName=web01&accountName=nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("\"Managed Account not found\"", await response.Content.ReadAsStringAsync());
        // An account that exists but is not API-enabled is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("ManagedAccounts?systemName=web01&accountName=legacy-svc")).StatusCode);
    }

    [Fact]
    public async Task E1_OneNameAloneAnswersAnArrayEvenForOneMatch()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?systemName=db01"));
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(1, json.GetArrayLength());
        json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?systemName=nowhere"));
        Assert.Equal(0, json.GetArrayLength());
    }

    [Fact]
    public async Task QueryNamesAndValuesAreCaseInsensitive()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("managedaccounts?SYSTEMNAME=WEB01&accountname=administrator"));
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?TYPE=DomainLinked"));
        Assert.Equal(DemoSeed.DomainAccountId, Assert.Single(json.EnumerateArray()).GetProperty("AccountId").GetInt32());
    }

    [Theory]
    [InlineData(@"CONTOSO\svc-backup", true)]
    [InlineData("contoso\\SVC-BACKUP", true)]
    [InlineData("svc-backup@contoso.test", true)]
    [InlineData("svc-backup", false)]
    public async Task E1_DomainAccountsAreNamedDomainBackslashNameOrUpn(string accountName, bool found)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await client.GetAsync($"ManagedAccounts?systemName=contoso.test&accountName={System.Uri.EscapeDataString(accountName)}");
        Assert.Equal(found ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        if (found)
        {
            var json = await CheckoutHttp.ReadJsonAsync(response);
            Assert.Equal("CONTOSO", json.GetProperty("DomainName").GetString());
            Assert.Equal(DemoSeed.DomainAccountUpn, json.GetProperty("UserPrincipalName").GetString());
        }
    }

    [Theory]
    [InlineData("systemID=4", new[] { 4 })]
    [InlineData("workgroupName=default%20workgroup", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("workgroupName=Other", new int[0])]
    [InlineData("type=system", new[] { 1, 4 })]
    [InlineData("type=database", new[] { 2 })]
    [InlineData("type=application", new[] { 5 })]
    [InlineData("type=cloud", new int[0])]
    [InlineData("ipAddress=10.0.0.13", new[] { 4 })]
    [InlineData("type=application&applicationDisplayName=payroll", new[] { 5 })]
    [InlineData("accountName=sa", new[] { 2 })]
    [InlineData("systemName=lnx01&systemID=4", new[] { 4 })]
    [InlineData("systemName=lnx01&systemID=1", new int[0])]
    public async Task E1_EveryFilterOfTheApiNarrowsTheList(string query, int[] expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?" + query));
        Assert.Equal(expected, json.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()).ToArray());
    }

    [Fact]
    public async Task TypeRecentListsTheAccountsTheCallerRequested()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        Assert.Equal(0, (await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?type=recent"))).GetArrayLength());
        await CheckoutHttp.RequestAsync(client, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);
        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?type=recent"));
        Assert.Equal(DemoSeed.LinuxAccountId, Assert.Single(json.EnumerateArray()).GetProperty("AccountId").GetInt32());
    }

    [Fact]
    public async Task RolesDecideWhatIsListed_ApproverSeesNothing_IsaSeesIsaAccountsFlagged()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        Assert.Equal(0, (await CheckoutHttp.ReadJsonAsync(await approver.GetAsync("ManagedAccounts"))).GetArrayLength());

        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var json = await CheckoutHttp.ReadJsonAsync(await isa.GetAsync("ManagedAccounts"));
        Assert.Equal(new[] { DemoSeed.WindowsAccountId, DemoSeed.IsaOnlyAccountId }, json.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()).ToArray());
        Assert.All(json.EnumerateArray(), a => Assert.True(a.GetProperty("IsISAAccess").GetBoolean()));
    }

    [Fact]
    public async Task LimitAndOffsetPageWithoutAnEnvelope()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var first = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?limit=2"));
        var second = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?limit=2&offset=2"));
        var third = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?limit=2&offset=4"));
        var beyond = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?limit=2&offset=10"));
        Assert.Equal(JsonValueKind.Array, first.ValueKind);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, new[] { first, second, third }.SelectMany(p => p.EnumerateArray())
            .Select(a => a.GetProperty("AccountId").GetInt32()).ToArray());
        Assert.Equal(0, beyond.GetArrayLength());
        // Offsets apply after filtering.
        var filtered = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?type=system&limit=1&offset=1"));
        Assert.Equal(DemoSeed.LinuxAccountId, Assert.Single(filtered.EnumerateArray()).GetProperty("AccountId").GetInt32());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("offset=-1")]
    [InlineData("systemID=x")]
    [InlineData("type=printer")]
    public async Task BadQueryValuesAnswer400WithTheReason(string query)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var response = await client.GetAsync("ManagedAccounts?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task B2_ManagedAccountsNeedASession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await emulator.NewClient().GetAsync("ManagedAccounts")).StatusCode);
    }
}
