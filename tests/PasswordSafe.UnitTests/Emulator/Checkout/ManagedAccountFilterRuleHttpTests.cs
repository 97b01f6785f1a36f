using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// api-v3 §2.1 preconditions of GET ManagedAccounts' filters: applicationDisplayName needs type=application, ipAddress
/// takes only system/domainlinked/database accounts (400 for another type; without a type it keeps to those [I]); and a
/// limit or offset out of range says the range.
/// </summary>
public class ManagedAccountFilterRuleHttpTests
{
    [Theory]
    [InlineData("applicationDisplayName=Payroll", "applicationDisplayName needs type=application")]
    [InlineData("type=system&applicationDisplayName=Payroll", "applicationDisplayName needs type=application")]
    [InlineData("ipAddress=10.0.0.14&type=application", "ipAddress needs type system, domainlinked or database")]
    [InlineData("ipAddress=10.0.0.11&type=cloud", "ipAddress needs type system, domainlinked or database")]
    [InlineData("ipAddress=10.0.0.11&type=recent", "ipAddress needs type system, domainlinked or database")]
    public async Task Api21_FilterWithoutTheTypeItNeeds_Is400_NamingIt(string query, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await client.GetAsync("ManagedAccounts?" + query);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ipAddress=10.0.0.13&type=system", new[] { 4 })]
    [InlineData("ipAddress=10.0.0.12&type=database", new[] { 2 })]
    [InlineData("ipAddress=10.0.0.10", new[] { 3 })]
    [InlineData("ipAddress=10.0.0.14", new int[0])] // app01's only account is an application account
    [InlineData("type=application&applicationDisplayName=Payroll", new[] { 5 })]
    public async Task Api21_FiltersWithTheirType_ListTheMatchingAccounts(string query, int[] expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var json = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?" + query));

        Assert.Equal(expected, json.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()));
    }

    [Theory]
    [InlineData("limit=99999999999", "limit must be a whole number from 1 to 2147483647")]
    [InlineData("limit=0", "limit must be a whole number from 1 to 2147483647")]
    [InlineData("offset=-1", "offset must be a whole number from 0 to 2147483647")]
    [InlineData("offset=99999999999", "offset must be a whole number from 0 to 2147483647")]
    public async Task D1_LimitOrOffsetOutOfRange_400_SaysTheRange(string query, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var response = await client.GetAsync("ManagedAccounts?" + query);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }
}
