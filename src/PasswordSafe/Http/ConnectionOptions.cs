using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Http;

/// <summary>Transport choices of one session (Connect-PasswordSafe's transport parameters), free of PowerShell types.</summary>
internal sealed class ConnectionOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    public ConnectionOptions(Uri baseUri)
    {
        BaseUri = baseUri;
    }

    /// <summary>The normalised API base, ending with <c>/</c> (see <see cref="BaseUriParser"/>).</summary>
    public Uri BaseUri { get; }

    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Accept any server certificate (test servers, the emulator).</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>SHA-1 thumbprints of server certificates to accept even when the chain is not trusted.</summary>
    public IList<string> ServerCertificateThumbprints { get; } = new List<string>();

    /// <summary>Client certificate for registrations that require one (B5).</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Explicit proxy; null uses the system proxy.</summary>
    public Uri? Proxy { get; set; }

    public ICredentials? ProxyCredentials { get; set; }

    public bool ProxyUseDefaultCredentials { get; set; }

    /// <summary>How often a GET that got 408, 429 or 5xx is tried again (0: never).</summary>
    public int MaximumRetryCount { get; set; } = RetryPolicy.DefaultMaxRetries;

    /// <summary>The wait before the first retry; each further one waits about twice as long (see <see cref="RetryPolicy"/>).</summary>
    public TimeSpan RetryInterval { get; set; } = RetryPolicy.DefaultBaseDelay;
}
