using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class SessionTimeoutHttpTests
{
    [Fact]
    public async Task B2_IdleTimeoutDefaultsTo20MinutesAndActivityResetsIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.RunAs);

        emulator.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
        Assert.Equal(0, emulator.State.ActiveSessionCount);
    }

    [Fact]
    public async Task B2_IdleTimeoutFollowsTheSetting()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Settings = emulator.State.Settings with { SessionIdleTimeoutMinutes = 5 };
        var client = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.RunAs);
        emulator.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task ManyServersRunSideBySide()
    {
        var servers = await Task.WhenAll(TestEmulator.StartAsync(), TestEmulator.StartAsync(), TestEmulator.StartAsync());
        try
        {
            Assert.Equal(3, new System.Collections.Generic.HashSet<int>(Array.ConvertAll(servers, s => s.Server.Port)).Count);
            foreach (var server in servers)
                Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(server.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
