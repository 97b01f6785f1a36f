using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// An HTTPS front end before the emulator that passes every call through (so the emulator carries each one out and keeps
/// its state) and replaces the body of the answers a test names, keeping their status: a server that made the request
/// but answered 201 with an empty body or <c>null</c>. Paths are relative to the v3 base, without the query, any case.
/// </summary>
public sealed class AnswerRewritingProxy : IAsyncDisposable
{
    private const string BasePath = "/BeyondTrust/api/public/v3/";

    private readonly ConcurrentDictionary<string, string> bodies = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly Uri target;

    private AnswerRewritingProxy(WebApplication app, X509Certificate2 certificate, Uri target)
    {
        this.app = app;
        this.target = target;
        Certificate = certificate;
        upstream = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
    }

    public X509Certificate2 Certificate { get; }

    public Uri RootUri { get; private set; } = null!;

    public static async Task<AnswerRewritingProxy> StartAsync(Uri emulatorRoot)
    {
        var certificate = TestCertificates.CreateServerCertificate();
        var app = LoopbackHttpsApp.Build(certificate, HttpProtocols.Http1);
        var proxy = new AnswerRewritingProxy(app, certificate, emulatorRoot);
        app.Run(proxy.ForwardAsync);
        proxy.RootUri = await LoopbackHttpsApp.StartAsync(app);
        return proxy;
    }

    /// <summary>From now on, the answer to <paramref name="method"/> <paramref name="relativePath"/> has this body.</summary>
    public void ReplaceBody(string method, string relativePath, string body) => bodies[Key(method, relativePath)] = body;

    /// <summary>A runner whose $Uri and $Thumbprint name this front end, for <see cref="CheckoutEmulator.Connect"/>.</summary>
    public PowerShellRunner RunnerBefore(CheckoutEmulator emulator, string runAs, bool interactive = true)
    {
        var runner = emulator.NewRunner(interactive);
        runner.SetVariable("Uri", RootUri.ToString());
        runner.SetVariable("Thumbprint", Certificate.Thumbprint);
        emulator.Connect(runner, runAs);
        return runner;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
        Certificate.Dispose();
    }

    private static string Key(string method, string relativePath) => method.ToUpperInvariant() + " " + relativePath.Trim('/');

    private async Task ForwardAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, path.TrimStart('/') + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.StartsWith(":", StringComparison.Ordinal))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        using var response = await upstream.SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        var relative = path.StartsWith(BasePath, StringComparison.OrdinalIgnoreCase) ? path.Substring(BasePath.Length) : path;
        if (bodies.TryGetValue(Key(context.Request.Method, relative), out var replacement))
        {
            body = System.Text.Encoding.UTF8.GetBytes(replacement);
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
