using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

using PasswordSafe.Emulator;
using PasswordSafe.Emulator.Cli;

/// <summary>The response delay setting: API calls wait it out like a server across a network; the control endpoints never do.</summary>
public class ResponseDelayTests
{
    [Fact]
    public void CommandLine_TakesTheDelay_WithinItsRange()
    {
        Assert.Equal(25, CommandLine.Parse(["--response-delay-ms", "25"]).ResponseDelayMilliseconds);
        Assert.Null(CommandLine.Parse([]).ResponseDelayMilliseconds);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--response-delay-ms", "-1"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--response-delay-ms", "60001"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--response-delay-ms"]));
    }

    [Fact]
    public async Task ApiCallsWaitTheDelay_ControlEndpointsDoNot_AndBadValuesAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;

        using var put = await control.PutAsync("emulator/settings", new StringContent("{\"ResponseDelayMilliseconds\": 1200}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1200, emulator.State.Settings.ResponseDelayMilliseconds);

        var watch = Stopwatch.StartNew();
        using var signIn = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 1200, $"The sign-in answered after {watch.ElapsedMilliseconds} ms, before the 1200 ms delay.");

        watch.Restart();
        Assert.Equal(HttpStatusCode.OK, (await control.GetAsync("emulator/status")).StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 1200, $"The control endpoint took {watch.ElapsedMilliseconds} ms: it must not wait the API delay.");

        using var bad = await control.PutAsync("emulator/settings", new StringContent("{\"ResponseDelayMilliseconds\": -5}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(1200, emulator.State.Settings.ResponseDelayMilliseconds);
    }
}
