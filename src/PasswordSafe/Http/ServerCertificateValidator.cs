using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace PasswordSafe.Http;

/// <summary>
/// The per-session server certificate decision: skip, a SHA-1 thumbprint pin, or default validation.
/// It remembers its last refusal so a TLS failure can be reported as ServerCertificateUntrusted.
/// </summary>
internal sealed class ServerCertificateValidator
{
    private readonly bool _skip;
    private readonly HashSet<string> _pins;
    private int _rejections;
    private string? _lastRejectionReason;

    public ServerCertificateValidator(bool skipCertificateCheck, IEnumerable<string>? pinnedThumbprints)
    {
        _skip = skipCertificateCheck;
        _pins = new HashSet<string>((pinnedThumbprints ?? Enumerable.Empty<string>()).Select(NormalizeThumbprint)
            .Where(t => t.Length > 0), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How many certificates this validator refused so far.</summary>
    public int Rejections => Volatile.Read(ref _rejections);

    public string? LastRejectionReason => Volatile.Read(ref _lastRejectionReason);

    /// <summary>Strips the spaces and colons people copy from certificate dialogs.</summary>
    public static string NormalizeThumbprint(string thumbprint) =>
        new string((thumbprint ?? string.Empty).Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();

    public bool Validate(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        // A pin wins over skipping: Connect-PasswordSafe refuses both, and no other path may weaken a pin.
        if (_pins.Count > 0)
        {
            // A pin replaces chain trust: the self-signed emulator or an internal CA can be trusted exactly.
            var thumbprint = certificate == null ? string.Empty : NormalizeThumbprint(certificate.Thumbprint);
            if (_pins.Contains(thumbprint))
            {
                return true;
            }

            return Reject($"its thumbprint {thumbprint} is not one of -ServerCertificateThumbprint");
        }

        if (_skip)
        {
            return true;
        }

        return errors == SslPolicyErrors.None || Reject($"it failed validation ({errors})");
    }

    private bool Reject(string reason)
    {
        Volatile.Write(ref _lastRejectionReason, reason);
        Interlocked.Increment(ref _rejections);
        return false;
    }
}
