using System;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// With -Proxy, a ConnectionFailed error names the proxy as host:port, and says whether the proxy itself could not be
/// reached or could not reach the server; credentials in the proxy URL or in -ProxyCredential never show.
/// </summary>
public sealed class ProxyFailureTests : IClassFixture<EmulatorFixture>
{
    private const string ProxySecret = "Pr0xyS3cretValue";

    private readonly EmulatorFixture emulator;

    public ProxyFailureTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void ProxyNotListening_ConnectionFailed_NamesTheProxy_NotItsCredentials()
    {
        using var shell = emulator.NewRunner();
        var port = FreePort();
        shell.SetVariable("DeadProxy", $"http://proxyuser:{ProxySecret}@127.0.0.1:{port}");
        shell.SetVariable("ProxyCred", new PSCredential("proxyuser", EmulatorFixture.Secure(ProxySecret)));
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-Proxy $DeadProxy -ProxyCredential $ProxyCred -TimeoutSec 10 -Verbose -Debug"));

        var error = result.AssertError("ConnectionFailed", ErrorCategory.ConnectionError);
        var shown = ErrorText.Shown(error);
        Assert.Contains($"could not reach the proxy 127.0.0.1:{port}", shown);
        Assert.Contains("-Proxy", shown);
        Assert.DoesNotContain(ProxySecret, result.AllText());
        Assert.DoesNotContain("proxyuser", PowerShellResult.Describe(error));
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }

    [Fact]
    public async Task ProxyRefusesTheTunnel_ConnectionFailed_SaysThroughTheProxy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var refusing = RefuseOneTunnelAsync(listener);
        using var shell = emulator.NewRunner();
        shell.SetVariable("RefusingProxy", $"http://127.0.0.1:{port}");

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-Proxy $RefusingProxy -TimeoutSec 10"));

        var shown = ErrorText.Shown(result.AssertError("ConnectionFailed", ErrorCategory.ConnectionError));
        Assert.Contains($"could not reach the server through the proxy 127.0.0.1:{port}", shown);
        await refusing;
    }

    /// <summary>A proxy that answers the CONNECT of an HTTPS call with 403, as one whose rules forbid the server would.</summary>
    private static async Task RefuseOneTunnelAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = new StringBuilder();
        while (!read.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var count = await stream.ReadAsync(buffer);
            if (count == 0) return;
            read.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }

        var answer = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(answer);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
