using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

using PasswordSafe.Emulator;

/// <summary>The call log: every API call answered (method, path under either base, query, status), never /emulator's own.</summary>
public class ApiCallLogTests
{
    [Fact]
    public async Task EveryApiCall_IsLogged_WithItsPathUnderTheBase_QueryAndStatus_ControlCallsAreNot()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        var legacy = emulator.NewClient(legacyBase: true);
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;
        var mark = emulator.State.ApiCalls.Total;

        using var signIn = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.RunAs);
        using var list = await client.GetAsync("Workgroups?name=Default%20Workgroup");
        using var unknown = await legacy.GetAsync("NoSuchThing");
        using var status = await control.GetAsync("emulator/status");

        var calls = emulator.State.ApiCalls.Since(mark);
        Assert.Equal(new[] { "POST Auth/SignAppIn 200", "GET Workgroups 200", "GET NoSuchThing 404" },
            calls.Select(c => $"{c.Method} {c.Path} {c.StatusCode}"));
        Assert.Equal("?name=Default%20Workgroup", calls[1].Query);
        Assert.Equal(mark + 3, emulator.State.ApiCalls.Total);

        var shown = await control.GetStringAsync("emulator/calls");
        Assert.Contains("\"Path\":\"Workgroups\"", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DemoSeed.ApiKey, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheLatestCalls_CountsThemAll()
    {
        var log = new ApiCallLog();
        for (var i = 0; i < ApiCallLog.Capacity + 5; i++)
        {
            log.Add(new ApiCall(DateTimeOffset.UnixEpoch, "GET", "Calls/" + i, string.Empty, 200));
        }

        Assert.Equal(ApiCallLog.Capacity + 5, log.Total);
        Assert.Equal(ApiCallLog.Capacity, log.All.Count);
        Assert.Equal("Calls/5", log.All[0].Path);
        Assert.Equal(new[] { "Calls/10003", "Calls/10004" }, log.Since(log.Total - 2).Select(c => c.Path));
        Assert.Equal(ApiCallLog.Capacity, log.Since(0).Count);
    }
}
