using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// The hand-written test servers' host: Kestrel on 127.0.0.1 at a free port, HTTPS with their own certificate, no logging.
/// Built first, so the server object can be made with the app before it starts answering.
/// </summary>
internal static class LoopbackHttpsApp
{
    public static WebApplication Build(X509Certificate2 certificate, HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = protocols;
                listen.UseHttps(certificate);
            }));
        return builder.Build();
    }

    /// <summary>Starts the app and returns its root, <c>https://127.0.0.1:port/</c>.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Urls.Count > 0 ? new Uri(app.Urls.First()) : throw new InvalidOperationException("The test server has no address.");
        return new Uri($"https://127.0.0.1:{address.Port}/");
    }
}
