using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace PasswordSafe.Http;

/// <summary>
/// Builds the session's own handler: its own cookie jar, TLS 1.2 (+1.3), certificate policy, client
/// certificate and proxy. Nothing process-wide (ServicePointManager) is touched.
/// </summary>
internal static class HttpHandlerFactory
{
    // SslProtocols.Tls13 is not in netstandard2.0's enum; the value is stable across runtimes.
    private const SslProtocols Tls13 = (SslProtocols)12288;

    public static HttpClientHandler Create(ConnectionOptions options, CookieContainer cookies, ServerCertificateValidator validator)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            // A redirect would usually be a login page or http:// hop; follow none and report it.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

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
            if (options.ProxyUseDefaultCredentials)
            {
                handler.DefaultProxyCredentials = CredentialCache.DefaultCredentials;
            }
            else if (options.ProxyCredentials != null)
            {
                handler.DefaultProxyCredentials = options.ProxyCredentials;
            }
        }

        return handler;
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
