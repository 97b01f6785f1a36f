using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Refusal and late-answer rules that could never match are refused with a 400 saying why (a method the API does not
/// answer, a URL or a query, a user nobody is, a missing status or delay); a path given with either API base is taken
/// as the path under it, and matches.
/// </summary>
public class ControlRuleValidationTests
{
    [Theory]
    [InlineData("{\"Method\": \"FOO\", \"Path\": \"Aliases\", \"StatusCode\": 403}", "Method must be one of GET, POST, PUT, DELETE (the methods the API answers), not 'FOO'.")]
    [InlineData("{\"Path\": \"Aliases\", \"StatusCode\": 403}", "needs the Method")]
    [InlineData("{\"Method\": \"GET\", \"StatusCode\": 403}", "needs the Path")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"Aliases\"}", "StatusCode is required")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"Aliases\", \"StatusCode\": 200}", "StatusCode must be from 400 to 599 (a refusal), not 200.")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"Aliases\", \"StatusCode\": 403, \"UserName\": \"nobody\"}", "no user is named 'nobody'")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"https://127.0.0.1:8443/BeyondTrust/api/public/v3/Aliases\", \"StatusCode\": 403}", "not a URL")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"Aliases?name=db\", \"StatusCode\": 403}", "matched without the query string: leave out '?name=db'")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"/BeyondTrust/api/public/v3\", \"StatusCode\": 403}", "not the base itself")]
    [InlineData("{\"Method\": \"GET\", \"Path\": \"Aliases\", \"Status\": 403}", "Unknown key in a refusal: Status.")]
    public async Task ARefusalThatCouldNeverMatch_Is400SayingWhy_AndNothingIsAdded(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        using var response = await CheckoutHttp.PostJsonAsync(control, "emulator/refusals", body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, System.Text.Json.JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
        Assert.Empty(emulator.State.CallRefusals.All);
    }

    [Theory]
    [InlineData("{\"Method\": \"FOO\", \"Path\": \"Requests\", \"DelayMilliseconds\": 100}", "Method must be one of GET, POST, PUT, DELETE")]
    [InlineData("{\"Method\": \"POST\", \"Path\": \"Requests\"}", "DelayMilliseconds is required")]
    [InlineData("{\"Method\": \"POST\", \"Path\": \"Requests\", \"DelayMilliseconds\": 100, \"UserName\": \"nobody\"}", "no user is named 'nobody'")]
    [InlineData("{\"Method\": \"POST\", \"Path\": \"Requests?x=1\", \"DelayMilliseconds\": 100}", "without the query string")]
    [InlineData("{\"Method\": \"POST\", \"Path\": \"Requests\", \"Delay\": 100}", "Unknown key in a late answer: Delay.")]
    public async Task ALateAnswerThatCouldNeverMatch_Is400SayingWhy_AndNothingIsAdded(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        using var response = await CheckoutHttp.PostJsonAsync(control, "emulator/late-answers", body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, System.Text.Json.JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
        Assert.Empty(emulator.State.LateAnswers.All);
    }

    [Theory]
    [InlineData("/BeyondTrust/api/public/v3/Aliases")]
    [InlineData("beyondtrust/API/public/v3/aliases/")]
    [InlineData("/eEye.RetinaCS.Server/api/public/v3/Aliases")]
    [InlineData("/Aliases")]
    public async Task APathWithEitherApiBase_IsThePathUnderIt_AndMatches(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/refusals",
            $"{{\"Method\": \"get\", \"Path\": \"{path}\", \"StatusCode\": 403, \"Body\": \"4031\", \"UserName\": \"demo\"}}"), HttpStatusCode.Created);

        var rule = Assert.Single(emulator.State.CallRefusals.All);
        Assert.Equal("GET", rule.Method);
        Assert.Equal("aliases", rule.Path.ToLowerInvariant());
        await CheckoutHttp.AssertCodeAsync(await demo.GetAsync("Aliases"), HttpStatusCode.Forbidden, "4031");
    }

    [Fact]
    public void InProcess_TheListsRefuseTheSame()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.LoadDemo());

        Assert.Throws<ArgumentException>(() => state.CallRefusals.Add(new CallRefusal("FOO", "Aliases", 403)));
        Assert.Throws<ArgumentException>(() => state.LateAnswers.Add(new LateAnswer("GET", "Aliases?x=1", 10)));
        state.LateAnswers.Add(new LateAnswer("post", "/eEye.RetinaCS.Server/api/public/v3/Requests", 10));
        Assert.Equal(new LateAnswer("POST", "Requests", 10), state.LateAnswers.All.Single());
    }
}
