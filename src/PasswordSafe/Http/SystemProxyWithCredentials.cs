using System;
using System.Net;

namespace PasswordSafe.Http;

/// <summary>
/// The system proxy with this session's own proxy credentials. On .NET Framework, HttpClientHandler.DefaultProxyCredentials
/// is written into the request's proxy, which is the process-wide WebRequest.DefaultWebProxy: every later request of the
/// process (other sessions, Invoke-WebRequest) would carry this session's proxy credentials. This object asks the system
/// proxy where to go, at each request, and keeps the credentials to itself.
/// </summary>
internal sealed class SystemProxyWithCredentials : IWebProxy
{
    private readonly Func<IWebProxy?> _systemProxy;

    /// <param name="systemProxy">The proxy the process would use, read at each request (null: none, go direct).</param>
    public SystemProxyWithCredentials(Func<IWebProxy?> systemProxy, ICredentials? credentials)
    {
        _systemProxy = systemProxy;
        Credentials = credentials;
    }

    /// <summary>This session's proxy credentials; the system proxy's own are neither read nor changed.</summary>
    public ICredentials? Credentials { get; set; }

    public Uri? GetProxy(Uri destination) => _systemProxy()?.GetProxy(destination) ?? destination;

    public bool IsBypassed(Uri host) => _systemProxy()?.IsBypassed(host) ?? true;
}
