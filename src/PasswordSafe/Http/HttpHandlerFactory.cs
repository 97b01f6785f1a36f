using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// Builds the session's own handler: its own cookie jar, TLS 1.2 (+1.3), certificate policy, client
/// certificate and proxy. Nothing process-wide (ServicePointManager, the default proxy) is changed; on .NET Framework the
/// server's ServicePoint, which other requests to the same host share, gets this handler's connection limit and
/// Expect: 100-continue setting (see <see cref="FrameworkConnectionLimit"/> and ApiClient).
/// </summary>
internal static class HttpHandlerFactory
{
    // SslProtocols.Tls13 is not in netstandard2.0's enum; the value is stable across runtimes.
    private const SslProtocols Tls13 = (SslProtocols)12288;

    /// <summary>
    /// Connections one session may open to the server on .NET Framework, where the handler otherwise takes
    /// ServicePointManager.DefaultConnectionLimit: 2 outside loopback. Runspaces sharing a session would queue behind two
    /// calls, and the queued time counts against each call's -TimeoutSec (a POST Requests could time out unsent). 16 covers
    /// the usual runspace pools and thread jobs without letting a runaway script open hundreds of connections.
    /// </summary>
    internal const int FrameworkConnectionLimit = 16;

    /// <summary>
    /// The per-server connection limit to set, or null to keep the runtime's: .NET's handler has no limit by default
    /// (int.MaxValue) and pools per handler, so it stays as it is.
    /// </summary>
    internal static int? ConnectionLimitFor(ClrRuntime runtime) => runtime.IsNetFramework ? FrameworkConnectionLimit : (int?)null;

    public static HttpClientHandler Create(ConnectionOptions options, CookieContainer cookies, ServerCertificateValidator validator,
        ClrRuntime? runtime = null)
    {
        runtime ??= ClrRuntime.Current;
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            // A redirect would usually be a login page or http:// hop; follow none and report it.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

        // .NET Framework 4.7.1+ applies this to the server's ServicePoint (HttpClientHandler sets ConnectionLimit when the
        // property was set); each handler has its own connection group there, so the limit is per session. Other
        // HttpWebRequests to the same host in the process share that ServicePoint and see the higher limit too.
        if (ConnectionLimitFor(runtime) is int limit)
        {
            handler.MaxConnectionsPerServer = limit;
        }

        SetTlsProtocols(handler);
        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => validator.Validate(certificate, errors);

        if (options.ClientCertificate != null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(options.ClientCertificate);
        }

        if (options.Proxy != null)
        {
            handler.UseProxy = true;
            handler.Proxy = new WebProxy(options.Proxy)
            {
                UseDefaultCredentials = options.ProxyUseDefaultCredentials,
                Credentials = options.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : options.ProxyCredentials,
            };
        }
        else
        {
            // The system proxy, with credentials when the user gave some.
            handler.UseProxy = true;
            var credentials = options.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : options.ProxyCredentials;
            if (credentials != null)
            {
                SetSystemProxyCredentials(handler, credentials, runtime);
            }
        }

        return handler;
    }

    /// <summary>
    /// .NET Framework's handler writes DefaultProxyCredentials into the shared WebRequest.DefaultWebProxy, so they would
    /// reach every later request of the process; there the session gets its own proxy object over the system proxy.
    /// .NET's handler keeps DefaultProxyCredentials to itself (its connection pool reads them beside the system proxy
    /// and writes nothing back), and its system proxy honours HTTPS_PROXY and HttpClient.DefaultProxy, so it stays.
    /// </summary>
    internal static void SetSystemProxyCredentials(HttpClientHandler handler, ICredentials credentials, ClrRuntime runtime)
    {
        if (runtime.IsNetFramework)
        {
            // The proxy a Framework request takes when the handler names none, read at each request like it would be.
            handler.Proxy = new SystemProxyWithCredentials(() => WebRequest.DefaultWebProxy, credentials);
        }
        else
        {
            handler.DefaultProxyCredentials = credentials;
        }
    }

    private static void SetTlsProtocols(HttpClientHandler handler)
    {
        try
        {
            handler.SslProtocols = SslProtocols.Tls12 | Tls13;
        }
        catch (Exception e) when (e is NotSupportedException || e is ArgumentException || e is PlatformNotSupportedException)
        {
            // Older runtimes (Windows PowerShell 5.1) do not know TLS 1.3; TLS 1.2 alone is still required.
            handler.SslProtocols = SslProtocols.Tls12;
        }
    }
}
