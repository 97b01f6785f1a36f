using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class TwoFactorHttpTests
{
    private const string AnswerSuffix = " challenge=" + DemoSeed.ChallengeAnswer + ";";

    [Fact]
    public async Task B4_ChallengeThenAnswerOnTheSameCookieSignsIn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();

        using var first = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.MfaApiKey, DemoSeed.ChallengeUser);
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(DemoSeed.ChallengePrompt, Assert.Single(first.Headers.GetValues("WWW-Authenticate-2FA")));
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ASP.NET_SessionId="));
        Assert.Equal(0, emulator.State.ActiveSessionCount);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);

        using var second = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.MfaApiKey, DemoSeed.ChallengeUser, AnswerSuffix);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, emulator.State.ActiveSessionCount);
        // Signed in (not admin): the session is accepted and the permission check answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task B4_WrongAnswerGets401AndUsesUpTheChallenge()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(client, DemoSeed.MfaApiKey, DemoSeed.ChallengeUser);

        using var wrong = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.MfaApiKey, DemoSeed.ChallengeUser, " challenge=000000;");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("WWW-Authenticate-2FA"));
        Assert.Contains("answer is wrong", emulator.State.Audit.Last().Reason);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Reason?.Contains("000000") == true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(client, DemoSeed.MfaApiKey, DemoSeed.ChallengeUser, AnswerSuffix)).StatusCode);
    }

    [Fact]
    public async Task B4_AnswerWithoutThePendingCookieGets401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.ChallengeUser);
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.ChallengeUser, AnswerSuffix);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("pending challenge", emulator.State.Audit.Last().Reason);
    }

    [Fact]
    public async Task B4_NoChallengeWhenTheRegistrationDoesNotEnforceMfa()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.ChallengeUser);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate-2FA"));
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    public async Task B4_PushSucceedsAtOnceUnlessDenied(bool approved, HttpStatusCode expected)
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Users.Single(u => u.UserName == DemoSeed.PushUser).TwoFactor!.PushApproved = approved;
        await using var emulator = await TestEmulator.StartAsync(seed);
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.PushUser);
        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate-2FA"));
    }
}
