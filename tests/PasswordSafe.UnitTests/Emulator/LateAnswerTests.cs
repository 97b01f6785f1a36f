using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

using PasswordSafe.Emulator;

/// <summary>
/// Late answers (<c>/emulator/late-answers</c>, <c>State.LateAnswers</c>): the call is carried out at once and only its
/// answer waits, so a client that gives up first has still made the change; other calls answer at once.
/// </summary>
public class LateAnswerTests
{
    [Fact]
    public async Task ALateAnswer_TheRequestExistsBeforeTheAnswerComes_OtherCallsAnswerAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        using var added = await control.PostAsync("emulator/late-answers", Json("{\"method\":\"post\",\"path\":\"/requests\",\"delayMilliseconds\":1500}"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var watch = Stopwatch.StartNew();
        var posting = demo.PostAsync("Requests", Json("{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":30,\"Reason\":\"late\"}"));
        await Task.Delay(500);
        Assert.Single(emulator.State.ReleaseRequests); // made before its answer
        Assert.False(posting.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("Requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await posting).StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 1400, $"The answer came after {watch.ElapsedMilliseconds} ms.");

        using var cleared = await control.DeleteAsync("emulator/late-answers");
        Assert.Empty(emulator.State.LateAnswers.All);
    }

    [Theory]
    [InlineData("{\"method\":\"POST\",\"delayMilliseconds\":100}")]
    [InlineData("{\"method\":\"POST\",\"path\":\"Requests\",\"delayMilliseconds\":0}")]
    [InlineData("{\"method\":\"POST\",\"path\":\"Requests\",\"delayMilliseconds\":60001}")]
    public async Task ARuleThatNamesNoCallOrNoDelay_Is400_AndNothingIsAdded(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;

        using var response = await control.PostAsync("emulator/late-answers", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(emulator.State.LateAnswers.All);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
