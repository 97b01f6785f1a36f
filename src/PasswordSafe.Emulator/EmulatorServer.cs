using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PasswordSafe.Emulator.Authentication;
using PasswordSafe.Emulator.Http;

namespace PasswordSafe.Emulator;

/// <summary>A running emulator on 127.0.0.1 over HTTPS. Dispose to stop it.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;

    private EmulatorServer(WebApplication app, int port, X509Certificate2 certificate, EmulatorRuntime runtime)
    {
        _app = app;
        ServerCertificate = certificate;
        _runtime = runtime;
        RootUri = new Uri($"https://127.0.0.1:{port}/");
        BaseUri = new Uri(RootUri, ApiPaths.Current.TrimStart('/') + "/");
        LegacyBaseUri = new Uri(RootUri, ApiPaths.Legacy.TrimStart('/') + "/");
    }

    /// <summary>https://127.0.0.1:&lt;port&gt;/</summary>
    public Uri RootUri { get; }
    /// <summary>https://127.0.0.1:&lt;port&gt;/BeyondTrust/api/public/v3/</summary>
    public Uri BaseUri { get; }
    /// <summary>https://127.0.0.1:&lt;port&gt;/eEye.RetinaCS.Server/api/public/v3/</summary>
    public Uri LegacyBaseUri { get; }
    public X509Certificate2 ServerCertificate { get; }
    /// <summary>True when no certificate was given: the self-signed one made for this process (new at every start).</summary>
    public bool HasGeneratedCertificate { get; private init; }
    /// <summary>The state in use; a <see cref="Reset"/> replaces it, so read it again after one.</summary>
    public EmulatorState State => _runtime.State;
    /// <summary>The emulator's clock (<see cref="EmulatorOptions.Clock"/>, or one the server made).</summary>
    public EmulatorClock Clock => _runtime.Clock;
    public int Port => RootUri.Port;

    /// <summary>
    /// As <c>POST /emulator/reset</c>: the seed the server started with is built again (generated keys and secrets kept),
    /// every session ends, and the clock returns to real time; the certificate and the port stay.
    /// </summary>
    public EmulatorState Reset() => _runtime.Reset();

    /// <summary>Builds the state from the seed and starts listening. Throws <see cref="SeedException"/> for a bad seed.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One clock for everything time-based, also out of process (POST /emulator/clock moves it).
        var clock = options.Clock ?? new EmulatorClock();
        var seed = options.Seed ?? (options.SeedPath is null ? EmulatorSeed.LoadDemo() : EmulatorSeed.Load(options.SeedPath));
        var runtime = new EmulatorRuntime(seed, clock);
        var certificate = options.ServerCertificate ?? SelfSignedCertificate.ForThisProcess;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // The host logs a failed start (a port in use) with its whole stack trace; the CLI says it in one line instead.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = certificate;
                // B5: any certificate is accepted at TLS; whether it is trusted is decided per registration at sign-in.
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = (_, _, _) => true;
            }));
        });
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        // The state is resolved once per call (scoped), from whatever a reset last built.
        builder.Services.AddSingleton(runtime);
        builder.Services.AddScoped(_ => runtime.State);
        builder.Services.AddScoped(services => new SignInService(services.GetRequiredService<EmulatorState>(), options.ClientCertificateAuthority));
        builder.Services.AddScoped(services => new OAuthTokenIssuer(services.GetRequiredService<EmulatorState>()));

        var app = builder.Build();
        app.UseEmulatorGuards();
        app.MapEmulator(clock.GetUtcNow());
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        runtime.Port = port;
        runtime.CertificateThumbprint = certificate.Thumbprint;
        return new EmulatorServer(app, port, certificate, runtime) { HasGeneratedCertificate = options.ServerCertificate is null };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            // The certificate is the caller's or the shared generated one, so it is not disposed here.
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
