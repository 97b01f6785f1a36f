using System;
using System.Threading;
using PasswordSafe.Session;

namespace PasswordSafe;

/// <summary>
/// A handle on one signed-in session. It shows only redacted facts: the key, passwords, client secret
/// and token live in an internal object that no public member, ToString() or format view reaches.
/// Thread-safe: one session may be used from several runspaces at once.
/// </summary>
public sealed class PasswordSafeSession
{
    private static int s_lastId;

    internal PasswordSafeSession(SessionConnection connection)
    {
        Connection = connection;
        Id = Interlocked.Increment(ref s_lastId);
    }

    /// <summary>A number unique in this process, to tell sessions apart.</summary>
    public int Id { get; }

    /// <summary>The API base, e.g. <c>https://pam.example.com/BeyondTrust/api/public/v3/</c>.</summary>
    public Uri BaseUri => Connection.Api.BaseUri;

    /// <summary>The signed-in user's name, as the server reports it.</summary>
    public string? UserName => Connection.User?.UserName ?? Connection.Credentials.RunAs ?? Connection.Credentials.ClientId;

    public int? UserId => Connection.User?.UserId;

    /// <summary>The signed-in user's display name.</summary>
    public string? Name => Connection.User?.Name;

    public AuthenticationMethod AuthenticationMethod => Connection.Credentials.Method;

    /// <summary>The run-as user (API key) or impersonated user (OAuth <c>RunAs</c> header).</summary>
    public string? RunAs => Connection.Credentials.RunAs;

    public DateTimeOffset? ConnectedAt => Connection.ConnectedAt;

    /// <summary>When the server last answered this session; the idle timeout counts from here.</summary>
    public DateTimeOffset LastActivity => Connection.LastActivity;

    /// <summary>How long the server keeps an unused session (20 minutes unless the server is set otherwise).</summary>
    public TimeSpan IdleTimeout => Connection.IdleTimeout;

    /// <summary>When the OAuth access token expires; null for API-key sessions.</summary>
    public DateTimeOffset? TokenExpiresAt => Connection.SignIn.TokenExpiresAt;

    /// <summary>
    /// When the session ends unless it is used again: the earlier of the idle end (LastActivity + IdleTimeout) and
    /// TokenExpiresAt; null once disconnected. A session that can sign in again by itself does so at its next call.
    /// By the local clock: Test-PasswordSafeSession -Online asks the server.
    /// </summary>
    public DateTimeOffset? ExpiresAt => Connection.ExpiresAt;

    /// <summary>How often a read (GET) that got 408, 429 or a 5xx is tried again (Connect-PasswordSafe -MaximumRetryCount).</summary>
    public int MaximumRetryCount => Connection.Api.RetryPolicy.MaxRetries;

    /// <summary>Seconds before the first retry, each further one about twice as long; Retry-After wins (-RetryIntervalSec).</summary>
    public double RetryIntervalSec => Connection.Api.RetryPolicy.BaseDelay.TotalSeconds;

    /// <summary>
    /// True from sign-in until Disconnect-PasswordSafe, or until the server ended the session and it could not sign in
    /// again (LastError then says why). Test-PasswordSafeSession also checks expiry.
    /// </summary>
    public bool IsConnected => Connection.IsConnected;

    /// <summary>
    /// True when this session is the default of the runspace that reads it: the one cmdlets use without -Session
    /// (Connect-PasswordSafe without -NoDefault, Use-PasswordSafeSession).
    /// </summary>
    public bool IsDefault => ReferenceEquals(SessionStore.Current.Default, this);

    /// <summary>The cmdlet that last used this session.</summary>
    public string? LastCommand => Connection.LastCommand;

    /// <summary>The last call, e.g. <c>GET ManagedAccounts</c>, with request and credential ids masked.</summary>
    public string? LastRequest => Connection.LastRequest;

    public int? LastStatusCode => Connection.LastStatusCode;

    /// <summary>The message of the last failure on this session (never contains secrets).</summary>
    public string? LastError => Connection.LastError;

    internal SessionConnection Connection { get; }

    public override string ToString() =>
        $"{UserName ?? "?"} @ {BaseUri} ({AuthenticationMethod}{(IsConnected ? string.Empty : ", disconnected")})";
}
