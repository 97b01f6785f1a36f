using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

using PasswordSafe.Emulator;

/// <summary>
/// Scripted refusals (<c>/emulator/refusals</c>, <c>State.CallRefusals</c>): a signed-in call of that method and path,
/// by that user, gets the rule's status and body instead of its answer; other users, methods and paths are handled as
/// before, and clearing the rules ends them.
/// </summary>
public class CallRefusalTests
{
    [Fact]
    public async Task ARefusal_AnswersThatCallOfThatUser_ByPathWhateverTheQuery_OthersAreHandled_UntilCleared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        using var added = await control.PostAsync("emulator/refusals", Json("{\"method\":\"get\",\"path\":\"/aliases\",\"statusCode\":403,\"body\":\"4031\",\"userName\":\"APPROVER\"}"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var mark = emulator.State.ApiCalls.Total;

        await CheckoutHttp.AssertCodeAsync(await approver.GetAsync("Aliases"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertCodeAsync(await approver.GetAsync("Aliases?name=web-admin"), HttpStatusCode.Forbidden, "4031");
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("Aliases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.GetAsync("Requests?queue=app")).StatusCode);
        Assert.Equal(new[] { 403, 403, 200, 200 }, emulator.State.ApiCalls.Since(mark).Select(c => c.StatusCode));
        Assert.Single(emulator.State.CallRefusals.All);

        using var cleared = await control.DeleteAsync("emulator/refusals");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.GetAsync("Aliases")).StatusCode);
    }

    [Fact]
    public async Task ARefusalForAnyone_IsNoSignIn_AndAnUnsignedCallIsStill401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "Workgroups", 500, "An unexpected error occurred"));
        var anonymous = emulator.NewClient();
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("Workgroups")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await demo.GetAsync("Workgroups")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("Workgroups/1")).StatusCode);
    }

    [Theory]
    [InlineData("{\"method\":\"GET\",\"statusCode\":403}")]
    [InlineData("{\"method\":\"GET\",\"path\":\"Aliases\",\"statusCode\":200}")]
    [InlineData("[1]")]
    public async Task ARuleThatNamesNoCallOrNoRefusal_Is400_AndNothingIsAdded(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;

        using var response = await control.PostAsync("emulator/refusals", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(emulator.State.CallRefusals.All);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
