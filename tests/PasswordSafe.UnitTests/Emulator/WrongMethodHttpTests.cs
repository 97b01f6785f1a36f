using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1: a path the API has, called with a method it does not take, is 405 with an Allow header and the reason, as ASP.NET
/// Web API answers [I]; a path the API does not have stays 404 "The requested API resource was not found".
/// </summary>
public class WrongMethodHttpTests
{
    [Theory]
    [InlineData("GET", "Auth/SignAppIn", "POST", false)]
    [InlineData("PUT", "Auth/SignAppIn", "POST", true)]
    [InlineData("DELETE", "Requests", "GET, POST", false)]
    public async Task D1_AKnownPathWithAnotherMethod_Is405_WithAllow_AndTheReason(string method, string path, string allow, bool legacy)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient(legacyBase: legacy);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow.Split(", ").OrderBy(m => m), response.Content.Headers.Allow.OrderBy(m => m));
        Assert.Equal($"The requested resource does not support http method '{method}'.",
            JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
        Assert.Equal(405, emulator.State.ApiCalls.All.Last().StatusCode);
    }

    [Theory]
    [InlineData("GET", "NoSuchThing")]
    [InlineData("POST", "Requests/abc/Checkin/Twice")]
    public async Task D1_AnUnknownPath_IsStill404_WithTheReason(string method, string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("\"The requested API resource was not found\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheRightMethod_IsHandledAsBefore()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("Requests")).StatusCode);
    }
}
