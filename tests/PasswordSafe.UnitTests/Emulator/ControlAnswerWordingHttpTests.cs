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
/// The control endpoints' refusals read as the API's do (D1: the reason in the body): a value of the wrong type names
/// its key, what it must be and an example, never a .NET type or the parser's line numbers; a path or method
/// <c>/emulator/</c> does not have is a 404 or 405 with the reason, not an empty body.
/// </summary>
public class ControlAnswerWordingHttpTests
{
    [Theory]
    [InlineData("POST", "emulator/clock", """{"AdvanceMinutes": "5"}""", "AdvanceMinutes must be a number, not text", """{"AdvanceMinutes": 21}""")]
    [InlineData("POST", "emulator/clock", """{"AdvanceMinutes": true}""", "AdvanceMinutes must be a number, not true or false", """{"AdvanceMinutes": 21}""")]
    [InlineData("PUT", "emulator/settings", """{"SessionIdleTimeoutMinutes": "abc"}""", "SessionIdleTimeoutMinutes must be a whole number, not text", """{"SessionIdleTimeoutMinutes": 5}""")]
    [InlineData("PUT", "emulator/settings", """{"SessionIdleTimeoutMinutes": 1.5}""", "SessionIdleTimeoutMinutes must be a whole number", """{"SessionIdleTimeoutMinutes": 5}""")]
    [InlineData("PUT", "emulator/settings", """{"SessionIdleTimeoutMinutes": 99999999999}""", "SessionIdleTimeoutMinutes is out of range: it must be a whole number from -2147483648 to 2147483647", """{"SessionIdleTimeoutMinutes": 5}""")]
    [InlineData("PUT", "emulator/settings", """{"LicenseValid": "maybe"}""", "LicenseValid must be true or false, not text", """{"LicenseValid": true}""")]
    [InlineData("POST", "emulator/refusals", """{"Method": "GET", "Path": "Aliases", "StatusCode": "403"}""", "StatusCode must be a whole number, not text", "\"StatusCode\": 403")]
    [InlineData("POST", "emulator/refusals", """{"Method": "GET", "Path": "Aliases", "StatusCode": 403, "Body": 5}""", "Body must be text (a JSON string), not a number", "\"Body\": \"4031\"")]
    [InlineData("POST", "emulator/late-answers", """{"Method": "GET", "Path": "Aliases", "DelayMilliseconds": "x"}""", "DelayMilliseconds must be a whole number, not text", "\"DelayMilliseconds\": 3000")]
    public async Task AValueOfTheWrongType_400_NamesTheKey_WhatItMustBe_AndAnExample_WithoutDotNetNames(
        string method, string path, string body, string reason, string example)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        var text = await RefusalAsync(control, method, path, body, HttpStatusCode.BadRequest);

        Assert.Contains(reason, text);
        Assert.Contains(example, text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("LineNumber", text);
        Assert.DoesNotContain("Path: $", text);
        Assert.Equal(System.TimeSpan.Zero, emulator.Clock.Offset);
        Assert.Equal(20, emulator.State.Settings.SessionIdleTimeoutMinutes);
        Assert.True(emulator.State.Settings.LicenseValid);
        Assert.Empty(emulator.State.CallRefusals.All);
        Assert.Empty(emulator.State.LateAnswers.All);
    }

    [Theory]
    [InlineData("five", "The body is not valid JSON for a clock change: ")]
    [InlineData("{\"AdvanceMinutes\": 5", "The body is not valid JSON for a clock change: ")]
    public async Task NotJson_400_SaysSoInPlainWords_WithWhereAndAnExample(string body, string start)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        var text = await RefusalAsync(control, "POST", "emulator/clock", body, HttpStatusCode.BadRequest);

        Assert.StartsWith(start, text);
        Assert.Contains("(line 1, byte ", text);
        Assert.EndsWith("Send e.g. {\"AdvanceMinutes\": 21}.", text);
        Assert.DoesNotContain("LineNumber", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n")]
    public async Task AnEmptyBody_400_SaysItIsEmpty_WithAnExample(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        var text = await RefusalAsync(control, "PUT", "emulator/settings", body, HttpStatusCode.BadRequest);

        Assert.Equal("The body is empty: send settings as a JSON object, e.g. {\"SessionIdleTimeoutMinutes\": 5}.", text);
    }

    [Fact]
    public async Task ABodyWithAUtf8ByteOrderMark_IsReadAsBefore()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("{\"AdvanceMinutes\": 3}")]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await control.PostAsync("emulator/clock", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.TimeSpan.FromMinutes(3), emulator.Clock.Offset);
    }

    [Theory]
    [InlineData("GET", "emulator/nope")]
    [InlineData("GET", "emulator")]
    [InlineData("POST", "emulator/clock/extra")]
    public async Task AnUnknownControlPath_404_WithTheReason(string method, string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        var text = await RefusalAsync(control, method, path, null, HttpStatusCode.NotFound);

        Assert.Contains("The emulator has no control endpoint", text);
        Assert.Contains("GET /emulator/status", text);
    }

    [Theory]
    [InlineData("PUT", "emulator/clock", "GET, POST")]
    [InlineData("DELETE", "emulator/clock", "GET, POST")]
    [InlineData("GET", "emulator/reset", "POST")]
    [InlineData("POST", "EMULATOR/SETTINGS", "GET, PUT")]
    public async Task AKnownControlPathWithAnotherMethod_405_WithAllow_AndTheReason(string method, string path, string allow)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        using var response = await control.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", System.Linq.Enumerable.Order(response.Content.Headers.Allow)));
        Assert.Equal($"The emulator control endpoint /{path} does not support http method '{method}'; it takes {allow.Replace(", ", " or ")}.",
            JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<string> RefusalAsync(HttpClient control, string method, string path, string? body, HttpStatusCode status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = CheckoutHttp.Json(body);
        using var response = await control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<string>(text)!;
    }
}
