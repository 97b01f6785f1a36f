using System;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>B5: when a registration requires a client certificate, it must chain to the configured authority.</summary>
internal static class ClientCertificateCheck
{
        /// <summary>Judged at <paramref name="now"/> (the emulator clock): a certificate expires as the clock moves on.</summary>
    internal static ClientCertificateVerdict Evaluate(X509Certificate2? certificate, X509Certificate2? authority, DateTimeOffset now)
    {
        if (certificate is null) return ClientCertificateVerdict.Missing;
        if (authority is null) return ClientCertificateVerdict.Untrusted;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A local emulator cannot reach CRL/OCSP endpoints; trust is decided by the chain alone.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.LocalDateTime;
        return chain.Build(certificate) ? ClientCertificateVerdict.Accepted : ClientCertificateVerdict.Untrusted;
    }
}
