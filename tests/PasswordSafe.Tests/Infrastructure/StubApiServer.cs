using System;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// A tiny HTTPS server on 127.0.0.1 that answers each path with whatever a test scripted — HTML error
/// pages, broken JSON, 5xx, odd status codes — to prove the module reports garbage clearly instead of crashing.
/// Unscripted <c>Auth/SignAppIn</c> succeeds (so API calls can be reached); other unscripted paths get 404.
/// </summary>
public sealed class StubApiServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, StubResponse> responses = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication app;

    private StubApiServer(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri RootUri { get; private set; } = null!;

    /// <summary>Number of requests received per path (lower-cased, relative to the v3 base).</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The request headers of every request received, in order, as "METHOD path" and name/value pairs.</summary>
    public ConcurrentQueue<(string Request, System.Collections.Generic.Dictionary<string, string> Headers)> ReceivedHeaders { get; } = new();

    public static async Task<StubApiServer> StartAsync()
    {
        var certificate = TestCertificates.CreateServerCertificate();
        var app = LoopbackHttpsApp.Build(certificate, HttpProtocols.Http1AndHttp2);
        var stub = new StubApiServer(app, certificate);
        app.Run(stub.AnswerAsync);
        stub.RootUri = await LoopbackHttpsApp.StartAsync(app);
        return stub;
    }

    /// <summary>Scripts the answer for a path relative to the API base, e.g. <c>Auth/SignAppIn</c>.</summary>
    public void Respond(string relativePath, int status, string contentType, string body) =>
        responses[Normalize(relativePath)] = new StubResponse(status, contentType, body);

    /// <summary>Scripts a whole answer (headers, a cut body) for a path relative to the API base.</summary>
    public void Respond(string relativePath, StubResponse response) => responses[Normalize(relativePath)] = response;

    /// <summary>
    /// A runspace with the module and what connecting to this server needs: <c>$StubUri</c>, <c>$StubThumbprint</c> and a
    /// well-formed <c>$ApiKey</c> (the stub signs anyone in).
    /// </summary>
    public PowerShellRunner NewRunner()
    {
        var shell = PowerShellRunner.Start();
        shell.SetVariable("StubUri", RootUri.ToString());
        shell.SetVariable("StubThumbprint", Certificate.Thumbprint);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('s', 128)));
        return shell;
    }

    /// <summary>The caller's request list holds one active request, 5, on web01\svc-stub (Get-PSCredential -RequestId 5 lists it to name the credential's user).</summary>
    public void RespondWithActiveRequest5() =>
        Respond("Requests", 200, "application/json",
            "[{\"RequestID\":5,\"SystemID\":1,\"SystemName\":\"web01\",\"AccountID\":1,\"AccountName\":\"svc-stub\",\"Status\":\"Active\",\"AccessType\":\"View\",\"ExpiresDate\":\"2030-01-01T00:00:00\"}]");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private static string Normalize(string path) => path.Trim('/').ToLowerInvariant();

    private async Task AnswerAsync(HttpContext context)
    {
        const string basePath = "/beyondtrust/api/public/v3/";
        var path = context.Request.Path.Value ?? string.Empty;
        var relative = path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? path.Substring(basePath.Length) : path;
        relative = Normalize(relative);
        Hits.AddOrUpdate(relative, 1, (_, n) => n + 1);
        var headers = new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers) headers[header.Key] = header.Value.ToString();
        ReceivedHeaders.Enqueue((context.Request.Method + " " + relative, headers));

        if (!responses.TryGetValue(relative, out var response))
        {
            response = relative switch
            {
                "auth/signappin" => new StubResponse(200, "application/json",
                    "{\"UserId\":1,\"SID\":\"S-1-5-21-1\",\"EmailAddress\":\"stub@example.test\",\"UserName\":\"demo\",\"Name\":\"Stub User\"}"),
                "auth/signout" => new StubResponse(200, "application/json", string.Empty),
                _ => new StubResponse(404, "application/json", "\"Not found\""),
            };
        }

        if (relative == "auth/signappin")
        {
            context.Response.Cookies.Append("ASP.NET_SessionId", "stubsessionaaaaaaaaaaaaa",
                new CookieOptions { Secure = true, HttpOnly = true, Path = "/" });
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var header in response.Headers ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (response.CutMidBody)
        {
            // Promise the whole body, send half of it, and drop the connection.
            var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            // Let the status and headers be read first: a reset drops whatever the client had not read yet.
            await Task.Delay(500);
            context.Abort();
            return;
        }

        await context.Response.WriteAsync(response.Body);
    }
}
