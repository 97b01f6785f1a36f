using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>Finds <c>-CertificateThumbprint</c> in CurrentUser\My, then LocalMachine\My.</summary>
internal static class ClientCertificateLocator
{
    public static X509Certificate2 Find(string thumbprint)
    {
        var normalized = ServerCertificateValidator.NormalizeThumbprint(thumbprint);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            var found = FindIn(location, normalized);
            if (found != null)
            {
                return found;
            }
        }

        throw new PasswordSafeException(ErrorIds.CertificateNotFound,
            $"No certificate with thumbprint {normalized} was found in Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My.",
            "Import the client certificate (with its private key) into the personal store, or pass it with -Certificate.");
    }

    private static X509Certificate2? FindIn(StoreLocation location, string thumbprint)
    {
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var matches = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            foreach (var candidate in matches)
            {
                if (candidate.HasPrivateKey)
                {
                    return candidate;
                }
            }

            return matches.Count > 0 ? matches[0] : null;
        }
        catch (CryptographicException)
        {
            // A store that does not exist on this platform (LocalMachine\My on Linux) holds nothing.
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
