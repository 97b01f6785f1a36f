using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>An in-process emulator on a free port with a controllable clock, plus clients that trust only its certificate.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = new();

    private TestEmulator(EmulatorServer server, EmulatorClock clock)
    {
        Server = server;
        Clock = clock;
    }

    public EmulatorServer Server { get; }
    public EmulatorClock Clock { get; }
    public EmulatorState State => Server.State;

    public static async Task<TestEmulator> StartAsync(EmulatorSeed? seed = null, X509Certificate2? clientCa = null)
    {
        var clock = new EmulatorClock();
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed, Clock = clock, ClientCertificateAuthority = clientCa });
        return new TestEmulator(server, clock);
    }

    /// <summary>A client with its own cookie jar, based at the API path (or the legacy one).</summary>
    public HttpClient NewClient(bool legacyBase = false, X509Certificate2? clientCertificate = null)
    {
        var thumbprint = Server.ServerCertificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }
        var client = new HttpClient(handler) { BaseAddress = legacyBase ? Server.LegacyBaseUri : Server.BaseUri };
        _clients.Add(client);
        return client;
    }

    /// <summary>A client based at the server root, for the control endpoints (<c>emulator/…</c>), as a Pester suite calls them.</summary>
    public HttpClient NewControlClient()
    {
        var client = NewClient();
        client.BaseAddress = Server.RootUri;
        return client;
    }

    /// <summary>
    /// A client whose connections come from <paramref name="source"/> (any 127.x.y.z address is local on Linux), so a
    /// test can call from outside a registration's IP rules; <paramref name="cookies"/> shares another client's session.
    /// </summary>
    public HttpClient NewClientFrom(IPAddress source, CookieContainer? cookies = null)
    {
        var thumbprint = Server.ServerCertificate.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && new X509Certificate2(certificate).Thumbprint == thumbprint },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Server.BaseUri };
        _clients.Add(client);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string authorization, string? runAsHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "Auth/SignAppIn");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (runAsHeader is not null) request.Headers.Add("RunAs", runAsHeader);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SignInWithKeyAsync(HttpClient client, string key, string runAs, string? extra = null) =>
        SignInAsync(client, $"PS-Auth key={key}; runas={runAs};{extra}");

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string clientId, string clientSecret,
        string grantType = "client_credentials") =>
        client.PostAsync("Auth/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Server.DisposeAsync();
    }
}
