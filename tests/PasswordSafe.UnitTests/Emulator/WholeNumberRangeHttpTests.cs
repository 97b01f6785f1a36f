using System.Net.Http;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1 (400 with the reason): a whole number too large or too small for the API's ids and counts is refused saying it is
/// out of range and what the range is — it used to be told it "must be a whole number", which it is. A number with a
/// fraction, or text, is still told it must be a whole number.
/// </summary>
public class WholeNumberRangeHttpTests
{
    private const string OutOfRange = "is out of range: it must be a whole number from -2147483648 to 2147483647.";

    [Theory]
    [InlineData("POST", "Requests", """{"SystemID":2147483648,"AccountID":1,"DurationMinutes":30}""", "SystemID " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":99999999999,"AccountID":1,"DurationMinutes":30}""", "SystemID " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":1,"AccountID":-2147483649,"DurationMinutes":30}""", "AccountID " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":"99999999999","AccountID":1,"DurationMinutes":30}""", "SystemID " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":1,"AccountID":1,"DurationMinutes":1e400}""", "DurationMinutes " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":99999999999999999999999999999999,"AccountID":1,"DurationMinutes":30}""", "SystemID " + OutOfRange)]
    [InlineData("POST", "ISARequests", """{"SystemID":4,"AccountID":7,"DurationMinutes":99999999999}""", "DurationMinutes " + OutOfRange)]
    [InlineData("POST", "UserGroups/1/Permissions", """[{"PermissionID":99999999999,"AccessLevelID":1}]""", "PermissionID " + OutOfRange)]
    [InlineData("POST", "Requests", """{"SystemID":3.5,"AccountID":1,"DurationMinutes":30}""", "SystemID must be a whole number.")]
    [InlineData("POST", "Requests", """{"SystemID":"three","AccountID":1,"DurationMinutes":30}""", "SystemID must be a whole number.")]
    public async Task D1_AWholeNumberOutsideTheRange_400_SaysItIsOutOfRange(string method, string path, string json, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = CheckoutHttp.Json(json) });

        Assert.Equal(reason, await AdminHttp.ExpectBadRequestAsync(Task.FromResult(response), reason));
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
