using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Requestable managed account aliases (API reference "Aliases", api-v3 §3.2 alias variant, §4.1 alias form): listed for
/// a requestor of the preferred account, requested as an ordinary request on that account that remembers the alias,
/// refused when unmapped, unknown or not the caller's, and read back as the alias credential object.
/// </summary>
public class AliasHttpTests
{
    private const string Body = "{\"DurationMinutes\":60,\"Reason\":\"runbook\"}";

    [Fact]
    public async Task List_RequestorOfThePreferredAccount_SeesEveryStateWithThePreferredAccountAndTheMappings()
    {
        await using var emulator = await TestEmulator.StartAsync(SeedWith(Alias(3, "isa-only", AliasState.Mapped, (DemoSeed.IsaOnlyAccountId, AliasMappingStatus.Preferred))));
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var listed = (await CheckoutHttp.ReadJsonAsync(await client.GetAsync("Aliases"))).EnumerateArray().ToList();

        // Alias 3's preferred account is ISA-only: nobody is its requestor, so it is not listed.
        Assert.Equal(new[] { DemoSeed.RequestableAliasId, DemoSeed.UnmappedAliasId }, listed.Select(a => a.GetProperty("AliasID").GetInt32()));
        var webAdmin = listed[0];
        Assert.Equal(DemoSeed.RequestableAliasName, webAdmin.GetProperty("AliasName").GetString());
        Assert.Equal(2, webAdmin.GetProperty("AliasState").GetInt32());
        Assert.Equal(DemoSeed.WindowsSystemId, webAdmin.GetProperty("SystemId").GetInt32());
        Assert.Equal(DemoSeed.WindowsAccountId, webAdmin.GetProperty("AccountId").GetInt32());
        Assert.Equal(DemoSeed.WindowsAccountName, webAdmin.GetProperty("AccountName").GetString());
        Assert.Equal(120, webAdmin.GetProperty("DefaultReleaseDuration").GetInt32());
        var mapped = webAdmin.GetProperty("MappedAccounts").EnumerateArray().ToList();
        Assert.Equal(new[] { (DemoSeed.WindowsAccountId, "Preferred"), (DemoSeed.LinuxAccountId, "Available") },
            mapped.Select(m => (m.GetProperty("ManagedAccountID").GetInt32(), m.GetProperty("Status").GetString()!)));
        Assert.Equal(DemoSeed.LinuxSystemId, mapped[1].GetProperty("ManagedSystemID").GetInt32());
        Assert.Equal(0, listed[1].GetProperty("AliasState").GetInt32());

        var byName = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("Aliases?name=WEB-ADMIN"));
        Assert.Equal(DemoSeed.RequestableAliasId, byName.GetProperty("AliasID").GetInt32());
        Assert.Equal(DemoSeed.RequestableAliasId, (await CheckoutHttp.ReadJsonAsync(await client.GetAsync("Aliases/1"))).GetProperty("AliasID").GetInt32());
        await CheckoutHttp.AssertStatusAsync(await client.GetAsync("Aliases?name=nope"), HttpStatusCode.NotFound);
        await CheckoutHttp.AssertStatusAsync(await client.GetAsync("Aliases?name=isa-only"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_ThroughAnAlias_IsAnOrdinaryRequestOnThePreferredAccount_ThatRemembersTheAlias()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(client, "Aliases/1/Requests", Body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var id = int.Parse(await response.Content.ReadAsStringAsync());
        var request = emulator.State.FindRequest(id)!;
        Assert.Equal(DemoSeed.WindowsAccountId, request.Account.ManagedAccountId);
        Assert.Equal(DemoSeed.RequestableAliasId, request.AliasId);
        Assert.Equal(RequestStatus.Active, request.Status);
        var listed = Assert.Single((await CheckoutHttp.ReadJsonAsync(await client.GetAsync("Requests"))).EnumerateArray());
        Assert.Equal(DemoSeed.RequestableAliasId, listed.GetProperty("AliasID").GetInt32());
        Assert.Equal(DemoSeed.WindowsAccountId, listed.GetProperty("AccountID").GetInt32());

        // The alias form answers the names and only the password; the plain form still answers the JSON string.
        var credential = await CheckoutHttp.ReadJsonAsync(await client.GetAsync($"Aliases/1/Credentials/{id}"));
        Assert.Equal(DemoSeed.RequestableAliasName, credential.GetProperty("AliasName").GetString());
        Assert.Equal(DemoSeed.WindowsSystemName, credential.GetProperty("SystemName").GetString());
        Assert.Equal(DemoSeed.WindowsAccountName, credential.GetProperty("AccountName").GetString());
        Assert.Equal(DemoSeed.WindowsAccountPassword, credential.GetProperty("Password").GetString());
        Assert.Equal(JsonValueKind.Null, credential.GetProperty("PrivateKey").ValueKind);
        Assert.Equal(JsonValueKind.Null, credential.GetProperty("Passphrase").ValueKind);
        Assert.Equal(JsonSerializer.Serialize(DemoSeed.WindowsAccountPassword), await (await client.GetAsync($"Credentials/{id}")).Content.ReadAsStringAsync());

        // The same conflicts as POST Requests: an open request of the account (alias or not) is 409 unless reused.
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "Aliases/1/Requests", Body), HttpStatusCode.Conflict, "4091");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "Requests",
            "{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60}"), HttpStatusCode.Conflict, "4091");
        var reused = await CheckoutHttp.PostJsonAsync(client, "Aliases/1/Requests", "{\"DurationMinutes\":60,\"ConflictOption\":\"reuse\"}");
        await CheckoutHttp.AssertStatusAsync(reused, HttpStatusCode.OK);
        Assert.Equal(id.ToString(), await reused.Content.ReadAsStringAsync());

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(client, $"Requests/{id}/Checkin"), HttpStatusCode.NoContent);
        Assert.Equal(RequestStatus.CheckedIn, emulator.State.FindRequest(id)!.Status);
        await CheckoutHttp.AssertStatusAsync(await client.GetAsync($"Aliases/1/Credentials/{id}"), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.RequestCreated && e.Reason!.Contains("through alias 1"));
    }

    [Fact]
    public async Task Request_UnmappedAlias_400NamingTheState_NothingCreated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await CheckoutHttp.PostJsonAsync(client, "Aliases/2/Requests", Body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("mapped state 0", await response.Content.ReadAsStringAsync());
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task UnknownAlias_404_NoRoleOnThePreferredAccount_4031_NothingCreated()
    {
        await using var emulator = await TestEmulator.StartAsync(SeedWith(Alias(3, "isa-only", AliasState.Mapped, (DemoSeed.IsaOnlyAccountId, AliasMappingStatus.Preferred))));
        var client = await CheckoutHttp.SignedInAsync(emulator);

        await CheckoutHttp.AssertStatusAsync(await client.GetAsync("Aliases/99"), HttpStatusCode.NotFound);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(client, "Aliases/99/Requests", Body), HttpStatusCode.NotFound);
        await CheckoutHttp.AssertStatusAsync(await client.GetAsync("Aliases/99/Credentials/1"), HttpStatusCode.NotFound);
        await CheckoutHttp.AssertCodeAsync(await client.GetAsync("Aliases/3"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertCodeAsync(await CheckoutHttp.PostJsonAsync(client, "Aliases/3/Requests", Body), HttpStatusCode.Forbidden, "4031");
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task AliasCredential_AnswersAsGetCredentials_PendingIs4034_OthersRequestIs4031_AnotherAliasIs404_TypeFillsItsField()
    {
        await using var emulator = await TestEmulator.StartAsync(SeedWith(
            Alias(3, "db-sa", AliasState.Mapped, (DemoSeed.DatabaseAccountId, AliasMappingStatus.Preferred)),
            Alias(4, "lnx-root", AliasState.Mapped, (DemoSeed.LinuxAccountId, AliasMappingStatus.Preferred))));
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);

        var pending = int.Parse(await (await CheckoutHttp.PostJsonAsync(demo, "Aliases/3/Requests", Body)).Content.ReadAsStringAsync());
        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(pending)!.Status);
        await CheckoutHttp.AssertCodeAsync(await demo.GetAsync($"Aliases/3/Credentials/{pending}"), HttpStatusCode.Forbidden, "4034");

        var root = int.Parse(await (await CheckoutHttp.PostJsonAsync(demo, "Aliases/4/Requests", Body)).Content.ReadAsStringAsync());
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync($"Aliases/4/Credentials/{root}"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"Aliases/1/Credentials/{root}"), HttpStatusCode.NotFound);
        var key = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync($"Aliases/4/Credentials/{root}?type=dsskey"));
        Assert.Equal(DemoSeed.LinuxAccountPrivateKey, key.GetProperty("PrivateKey").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("Password").ValueKind);
        var passphrase = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync($"Aliases/4/Credentials/{root}?type=passphrase"));
        Assert.Equal(DemoSeed.LinuxAccountPassphrase, passphrase.GetProperty("Passphrase").GetString());

        // A request made without the alias is not the alias's.
        var direct = await CheckoutHttp.RequestAsync(demo, DemoSeed.DomainSystemId, DemoSeed.DomainAccountId);
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"Aliases/4/Credentials/{direct}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"AliasID\":1,\"AliasName\":\"x\",\"AliasState\":1,\"MappedAccounts\":[{\"ManagedAccountID\":1}]}", "Preferred")]
    [InlineData("{\"AliasID\":1,\"AliasName\":\"x\",\"MappedAccounts\":[{\"ManagedAccountID\":99,\"Status\":\"Preferred\"}]}", "99")]
    [InlineData("{\"AliasID\":1,\"AliasName\":\"x\",\"MappedAccounts\":[{\"ManagedAccountID\":1,\"Status\":\"Preferred\"},{\"ManagedAccountID\":2,\"Status\":\"Preferred\"}]}", "only one")]
    [InlineData("{\"AliasID\":1,\"MappedAccounts\":[]}", "AliasName")]
    [InlineData("{\"AliasID\":1,\"AliasName\":\"x\",\"AliasState\":7,\"MappedAccounts\":[]}", "AliasState")]
    public void Seed_BadAlias_RefusedNamingTheFix(string alias, string named)
    {
        var seed = SeedWith(EmulatorSeed.Parse("{\"Aliases\":[" + alias + "]}").Aliases.ToArray());
        seed.Aliases.RemoveAll(a => a.AliasName is DemoSeed.RequestableAliasName or DemoSeed.UnmappedAliasName);

        var error = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(seed));

        Assert.StartsWith("$.Aliases[0] ", error.Message);
        Assert.Contains(named, error.Message);
    }

    private static EmulatorSeed SeedWith(params SeedAlias[] aliases)
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Aliases.AddRange(aliases);
        return seed;
    }

    private static SeedAlias Alias(int id, string name, AliasState state, params (int AccountId, AliasMappingStatus Status)[] mapped) => new()
    {
        AliasID = id,
        AliasName = name,
        AliasState = (int)state,
        MappedAccounts = mapped.Select(m => new SeedAliasMapping { ManagedAccountID = m.AccountId, Status = m.Status }).ToList(),
    };
}
