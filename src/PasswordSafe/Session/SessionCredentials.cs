using System.Security;

namespace PasswordSafe.Session;

/// <summary>
/// What a session needs to sign in again (renewal). Internal and never formatted: it is the only place
/// the API key, run-as password and client secret live, as SecureStrings.
/// </summary>
internal sealed class SessionCredentials
{
    private SessionCredentials(AuthenticationMethod method, SecureString? apiKey, string? runAs, SecureString? runAsPassword,
        string? clientId, SecureString? clientSecret)
    {
        Method = method;
        ApiKey = apiKey;
        RunAs = runAs;
        RunAsPassword = runAsPassword;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public AuthenticationMethod Method { get; }

    public SecureString? ApiKey { get; }

    /// <summary>The B1 <c>runas</c> user, or the C4 <c>RunAs</c> header for OAuth.</summary>
    public string? RunAs { get; }

    public SecureString? RunAsPassword { get; }

    public string? ClientId { get; }

    public SecureString? ClientSecret { get; }

    public static SessionCredentials ForApiKey(SecureString apiKey, string runAs, SecureString? runAsPassword) =>
        new SessionCredentials(AuthenticationMethod.ApiKey, Copy(apiKey), runAs, Copy(runAsPassword), null, null);

    public static SessionCredentials ForOAuth(string clientId, SecureString clientSecret, string? runAs) =>
        new SessionCredentials(AuthenticationMethod.OAuth, null, string.IsNullOrWhiteSpace(runAs) ? null : runAs, null, clientId, Copy(clientSecret));

    // A private read-only copy: the caller may dispose or change its own SecureString later.
    private static SecureString? Copy(SecureString? secure)
    {
        if (secure == null)
        {
            return null;
        }

        var copy = secure.Copy();
        copy.MakeReadOnly();
        return copy;
    }
}
