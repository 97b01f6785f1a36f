using System;
using System.Collections.Concurrent;
using System.IO;
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
/// An HTTPS server on 127.0.0.1 that signs anyone in and then, for every other call, reads the whole request and cuts
/// the connection without answering: a server (or a proxy in front of it) that carried a call out and lost the answer
/// on the way back. <see cref="Received"/> holds what reached it, so a test can show the call was sent.
/// </summary>
public sealed class DroppingApiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DroppingApiServer(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri RootUri { get; private set; } = null!;

    /// <summary>"METHOD path" of every call whose request reached the server whole before the connection was cut.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<DroppingApiServer> StartAsync()
    {
        var certificate = TestCertificates.CreateServerCertificate();
        var app = LoopbackHttpsApp.Build(certificate, HttpProtocols.Http1);
        var server = new DroppingApiServer(app, certificate);
        app.Run(server.AnswerAsync);
        server.RootUri = await LoopbackHttpsApp.StartAsync(app);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        const string basePath = "/BeyondTrust/api/public/v3/";
        var path = context.Request.Path.Value ?? string.Empty;
        var relative = path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? path.Substring(basePath.Length) : path;
        if (relative.Equals("Auth/SignAppIn", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Cookies.Append("ASP.NET_SessionId", "droppingsessionaaaaaaaaa", new CookieOptions { Secure = true, HttpOnly = true, Path = "/" });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"UserId\":1,\"SID\":\"S-1-5-21-1\",\"EmailAddress\":\"drop@example.test\",\"UserName\":\"demo\",\"Name\":\"Dropping\"}");
            return;
        }

        if (relative.StartsWith("Auth/", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 200;
            return;
        }

        // The whole request is read (the server "carried it out"), then the connection goes without an answer.
        using (var reader = new StreamReader(context.Request.Body))
        {
            await reader.ReadToEndAsync();
        }

        Received.Enqueue(context.Request.Method + " " + relative);
        context.Abort();
    }
}
