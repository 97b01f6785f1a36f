using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Provisioning swaps the account catalog while checkout reads it: both must keep answering correctly.</summary>
public class ConcurrentProvisioningHttpTests
{
    [Fact]
    public async Task E5_AccountsCreatedInParallelWithCheckoutReadsAllArriveWithDistinctIdsAndNoErrors()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var jdoe = await NonAdminAsync(emulator);
        var creates = Enumerable.Range(1, 20).Select(i => ExpectAsync(PostAsync(admin,
            $"ManagedSystems/{DemoSeed.DatabaseSystemId}/ManagedAccounts", $$"""{"AccountName":"par-{{i}}","Password":"P-{{i}}-x","ApiEnabled":true}"""),
            HttpStatusCode.Created));
        var reads = Enumerable.Range(1, 20).Select(_ => ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK));
        var created = await Task.WhenAll(creates);
        await Task.WhenAll(reads);

        var ids = created.Select(c => c.GetProperty("ManagedAccountID").GetInt32()).ToList();
        Assert.Equal(20, ids.Distinct().Count());
        var listed = await ExpectAsync(jdoe.GetAsync($"ManagedAccounts?systemName={DemoSeed.DatabaseSystemName}"), HttpStatusCode.OK);
        Assert.Equal(21, listed.GetArrayLength());
        Assert.Equal(27, emulator.State.ManagedAccountCount);
    }
}
