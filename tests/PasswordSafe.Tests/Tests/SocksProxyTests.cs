using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// -Proxy socks5://... on this PowerShell (7.6, .NET 10, which has a SOCKS client) is taken and tried: with nothing
/// listening it fails as a connection failure, not as a refused parameter. Windows PowerShell 5.1 and PowerShell 7.0/7.1
/// refuse it before sending (UnitTests Module/SocksProxyTests covers those runtimes' decision).
/// </summary>
public sealed class SocksProxyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public SocksProxyTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("socks5")]
    [InlineData("socks4a")]
    public void SocksProxy_OnAPowerShellThatHasSocks_IsUsed(string scheme)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("SocksProxy", $"{scheme}://127.0.0.1:{FreePort()}");
        var calls = emulator.State.ApiCalls.Total;

        var error = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-Proxy $SocksProxy -TimeoutSec 10"))
            .AssertError("ConnectionFailed", ErrorCategory.ConnectionError);

        Assert.DoesNotContain("cannot use SOCKS", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total); // the dead proxy forwarded nothing
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
