using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1 (500 only for the unexpected): a body the server will not read — larger than Kestrel's 30 MB request limit, or a
/// form value over the form reader's limit on the token endpoints — is refused with its own status and a reason, not a
/// 500 "An unexpected error occurred".
/// </summary>
public class OversizedBodyHttpTests
{
    private const int OverTheRequestLimit = 31_000_000;

    [Fact]
    public async Task D1_ABodyOverTheRequestSizeLimit_413_WithTheReason_AndNothingChanges()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var body = new byte[OverTheRequestLimit];
        Encoding.ASCII.GetBytes("{\"Foo\":\"").CopyTo(body, 0);
        System.Array.Fill(body, (byte)'x', 8, body.Length - 10);
        Encoding.ASCII.GetBytes("\"}").CopyTo(body, body.Length - 2);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // The client waits for 100 Continue before it sends the body, so it hears the answer the server gives at once.
        var request = new HttpRequestMessage(HttpMethod.Post, "Requests") { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await demo.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"expected 413, got {(int)response.StatusCode} {text}");
        var reason = JsonSerializer.Deserialize<string>(text)!;
        Assert.Contains("too large", reason);
        Assert.Contains("30,000,000 bytes", reason);
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Equal(413, emulator.State.ApiCalls.All.Last().StatusCode);
    }

    [Fact]
    public async Task D1_AStreamedBodyThatGrowsOverTheLimit_413_WithTheReason()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        // No Content-Length: the server finds out while it reads.
        var content = new StreamContent(new System.IO.MemoryStream(Enumerable.Repeat((byte)' ', OverTheRequestLimit).ToArray()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "emulator/clock") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await control.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"expected 413, got {(int)response.StatusCode} {text}");
        Assert.Contains("too large", JsonSerializer.Deserialize<string>(text)!);
        Assert.Equal(System.TimeSpan.Zero, emulator.Clock.Offset);
    }

    [Theory]
    [InlineData("Auth/connect/token")]
    [InlineData("Auth/connect/revocation")]
    public async Task C2_C7_AFormValueOverTheFormReadersLimit_400_InvalidRequest(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoSeed.ClientId,
            ["client_secret"] = DemoSeed.ClientSecret,
            ["token"] = "t",
            ["pad"] = new string('x', 5_000_000),
        };

        using var response = await client.PostAsync(path, new FormUrlEncodedContent(form));

        var body = await AdminHttp.ExpectAsync(Task.FromResult(response), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.TokenIssued);
    }
}
