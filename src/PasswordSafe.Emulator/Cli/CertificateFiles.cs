using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Emulator.Cli;

/// <summary>
/// Reads the files of --certificate and --client-ca, and says in the terms of the option what is wrong with one — not
/// found, not a PFX, a password that does not open it, not a certificate — where .NET would say "ASN1 corrupted data".
/// Never repeats the password.
/// </summary>
internal static class CertificateFiles
{
    /// <summary>--certificate FILE.pfx [--certificate-password P]: the server certificate with its private key.</summary>
    internal static X509Certificate2 LoadServerCertificate(string path, string? password)
    {
        const string option = "--certificate";
        var bytes = Read(option, path);
        if (LooksLikePem(bytes) || ContentType(bytes) != X509ContentType.Pkcs12)
        {
            throw new CertificateOptionException($"{option}: '{path}' is not a PFX (PKCS#12) file{(LooksLikePem(bytes) ? " but PEM text" : string.Empty)}. " +
                "The server needs its certificate with the private key in one .pfx/.p12 file, e.g. " +
                "openssl pkcs12 -export -in cert.pem -inkey key.pem -out server.pfx.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(bytes, password);
        }
        catch (CryptographicException e)
        {
            throw new CertificateOptionException(password is null
                ? $"{option}: '{path}' is a PFX that needs a password: give it with --certificate-password."
                : $"{option}: '{path}' could not be opened with the --certificate-password given: check the password (and that the file is not damaged).", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CertificateOptionException($"{option}: '{path}' holds no private key for its certificate: export the PFX with the key.");
        }
        return certificate;
    }

    /// <summary>--client-ca FILE.cer: the public certificate (DER or PEM) of the CA whose client certificates are trusted.</summary>
    internal static X509Certificate2 LoadClientCa(string path)
    {
        const string option = "--client-ca";
        var bytes = Read(option, path);
        if (!LooksLikePem(bytes) && ContentType(bytes) == X509ContentType.Pkcs12)
        {
            throw new CertificateOptionException($"{option}: '{path}' is a PFX; give the CA's public certificate instead (.cer, DER or PEM), " +
                "e.g. exported with openssl pkcs12 -in ca.pfx -nokeys -out ca.cer.");
        }
        try
        {
            return X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (CryptographicException e)
        {
            throw new CertificateOptionException($"{option}: '{path}' is not a certificate: give the CA's public certificate (.cer, DER or PEM).", e);
        }
    }

    private static byte[] Read(string option, string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CertificateOptionException($"{option}: the file '{Path.GetFullPath(path)}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CertificateOptionException($"{option}: the file '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>What the bytes hold; Unknown for anything .NET cannot tell (it throws on some garbage).</summary>
    private static X509ContentType ContentType(byte[] bytes)
    {
        try
        {
            return X509Certificate2.GetCertContentType(bytes);
        }
        catch (CryptographicException)
        {
            return X509ContentType.Unknown;
        }
    }

    /// <summary>PEM text ("-----BEGIN ..."), possibly after a BOM or blank lines.</summary>
    private static bool LooksLikePem(byte[] bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        return head.StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
