using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Accepts TCP connections on 127.0.0.1 and never sends a byte: a server that hangs mid-handshake,
/// for Ctrl+C and -TimeoutSec tests.
/// </summary>
public sealed class SilentTcpListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> held = new();

    public SilentTcpListener()
    {
        listener.Start();
        _ = AcceptForeverAsync();
    }

    public Uri Uri => new($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public int AcceptedConnections => held.Count;

    public void Dispose()
    {
        listener.Stop();
        foreach (var client in held) client.Dispose();
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                // Keep the socket referenced so it stays open (and silent) until the test ends.
                held.Add(await listener.AcceptTcpClientAsync());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Listener stopped at dispose.
        }
    }
}
