using System;
using System.Text;

namespace PasswordSafe.Http;

/// <summary>Builds the B1 <c>PS-Auth</c> Authorization value (and the B4 challenge variant).</summary>
internal static class PsAuthHeader
{
    /// <summary>
    /// <c>PS-Auth key=&lt;k&gt;; runas=&lt;u&gt;; pwd=[&lt;p&gt;];</c>, <c>pwd</c> only when a password is given,
    /// then <c>challenge=&lt;c&gt;;</c> on the 2FA retry. The password goes inside the brackets verbatim:
    /// the server reads the bracketed value as a whole, so <c>;</c> and <c>]</c> stay intact (api-v3 §1.1).
    /// </summary>
    public static string Build(string key, string? runAs, string? password, string? challenge)
    {
        if (!PsAuthValues.IsWellFormedKey(key))
        {
            throw new ArgumentException("The API key is not a 128-character or GUID-style key.", nameof(key));
        }

        // Defence in depth: callers validate first; a field that could inject another is never sent.
        if (PsAuthValues.ProblemWithField(runAs) != null || PsAuthValues.ProblemWithField(challenge) != null
            || PsAuthValues.ProblemWithPassword(password) != null)
        {
            throw new ArgumentException("A PS-Auth field holds a character that cannot be sent.");
        }

        var builder = new StringBuilder("PS-Auth key=").Append(key.Trim()).Append(';');
        if (!string.IsNullOrEmpty(runAs))
        {
            builder.Append(" runas=").Append(runAs).Append(';');
        }

        if (!string.IsNullOrEmpty(password))
        {
            builder.Append(" pwd=[").Append(password).Append("];");
        }

        if (!string.IsNullOrEmpty(challenge))
        {
            builder.Append(" challenge=").Append(challenge!.Trim()).Append(';');
        }

        return builder.ToString();
    }
}
