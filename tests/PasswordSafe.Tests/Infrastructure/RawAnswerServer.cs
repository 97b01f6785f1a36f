using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// An HTTPS server on 127.0.0.1 that answers each path with scripted bytes and headers, as a server or proxy in front of
/// the API might: a body in a declared charset other than UTF-8, a Content-Type no encoding is known by, headers that echo
/// the request's Authorization value (<see cref="EchoedAuthorization"/> in a scripted header value is replaced by it).
/// Unscripted <c>Auth/SignAppIn</c> succeeds; other unscripted paths get 404.
/// </summary>
public sealed class RawAnswerServer : IAsyncDisposable
{
    /// <summary>Written in a scripted header value, stands for the Authorization value of the request answered.</summary>
    public const string EchoedAuthorization = "{Authorization}";

    /// <summary>As <see cref="EchoedAuthorization"/>, percent-escaped as in a URL's query.</summary>
    public const string EchoedAuthorizationEscaped = "{Authorization:escaped}";

    private readonly ConcurrentDictionary<string, (int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)> answers =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly WebApplication app;

    private RawAnswerServer(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri RootUri { get; private set; } = null!;

    public static async Task<RawAnswerServer> StartAsync()
    {
        var certificate = TestCertificates.CreateServerCertificate();
        var app = LoopbackHttpsApp.Build(certificate, HttpProtocols.Http1);
        var server = new RawAnswerServer(app, certificate);
        app.Run(server.AnswerAsync);
        server.RootUri = await LoopbackHttpsApp.StartAsync(app);
        return server;
    }

    /// <summary>Scripts the answer for a path relative to the API base; the Content-Type is sent as written.</summary>
    public void Respond(string relativePath, int status, string contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) =>
        answers[relativePath.Trim('/')] = (status, contentType, body, headers ?? new Dictionary<string, string>());

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
        var relative = (path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) ? path.Substring(basePath.Length) : path).Trim('/');
        if (!answers.TryGetValue(relative, out var answer))
        {
            answer = relative.Equals("Auth/SignAppIn", StringComparison.OrdinalIgnoreCase)
                ? (200, "application/json", System.Text.Encoding.UTF8.GetBytes(
                    "{\"UserId\":1,\"SID\":\"S-1-5-21-1\",\"EmailAddress\":\"raw@example.test\",\"UserName\":\"demo\",\"Name\":\"Raw User\"}"),
                    new Dictionary<string, string>())
                : (404, "application/json", System.Text.Encoding.UTF8.GetBytes("\"Not found\""), new Dictionary<string, string>());
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        context.Response.StatusCode = answer.Status;
        context.Response.Headers.ContentType = answer.ContentType;
        foreach (var header in answer.Headers)
        {
            context.Response.Headers[header.Key] = header.Value
                .Replace(EchoedAuthorizationEscaped, Uri.EscapeDataString(authorization), StringComparison.Ordinal)
                .Replace(EchoedAuthorization, authorization, StringComparison.Ordinal);
        }

        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body);
    }
}
