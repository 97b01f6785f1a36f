using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Session;

/// <summary>
/// The live side of a session: its ApiClient, credentials, sign-in state and diagnostics. Calls from
/// several runspaces may run at once; renewal is serialised so that concurrent 401s sign in once.
/// A session the server ended that cannot sign in again (refused, or it needs a two-factor answer) is disconnected
/// for good, with the reason: its later calls fail before sending, instead of each signing in again and adding a
/// failed sign-in to the user audit and a notification for the administrator (D2).
/// </summary>
internal sealed class SessionConnection : IDisposable
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(20);

    // Renew a token slightly early so it does not expire between the check and the server.
    private static readonly TimeSpan TokenExpirySkew = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
    private readonly object _gate = new object();
    private readonly Func<DateTimeOffset> _clock;
    private long _signInGeneration;
    private bool _isConnected;
    private bool _requiredChallenge;
    private SignedInUser? _user;
    private DateTimeOffset? _connectedAt;
    private DateTimeOffset _lastActivity;
    private HttpMethod? _lastMethod;
    private string? _lastPath;
    private string? _lastCommand;
    private int? _lastStatusCode;
    private string? _lastError;
    private PasswordSafeException? _endedBy;
    private DateTimeOffset? _endedAt;

    public SessionConnection(ApiClient api, SessionCredentials credentials, Func<DateTimeOffset>? clock = null)
    {
        Api = api;
        Credentials = credentials;
        _clock = clock ?? (() => DateTimeOffset.Now);
        SignIn = new SignInClient(api, credentials, _clock);
    }

    public ApiClient Api { get; }

    public SessionCredentials Credentials { get; }

    public SignInClient SignIn { get; }

    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>Builds the session's handler and client from the transport options.</summary>
    public static SessionConnection Create(ConnectionOptions options, SessionCredentials credentials)
    {
        var cookies = new CookieContainer();
        var validator = new ServerCertificateValidator(options.SkipCertificateCheck, options.ServerCertificateThumbprints);
        var handler = HttpHandlerFactory.Create(options, cookies, validator);
        var api = new ApiClient(options.BaseUri, handler, options.Timeout,
            new RetryPolicy(options.MaximumRetryCount, options.RetryInterval), cookies, validator)
        {
            PresentsClientCertificate = options.ClientCertificate != null,
            Proxy = options.Proxy,
        };
        return new SessionConnection(api, credentials);
    }

    public DateTimeOffset Now => _clock();

    public bool IsConnected { get { lock (_gate) { return _isConnected; } } }

    public SignedInUser? User { get { lock (_gate) { return _user; } } }

    public DateTimeOffset? ConnectedAt { get { lock (_gate) { return _connectedAt; } } }

    public DateTimeOffset LastActivity { get { lock (_gate) { return _lastActivity; } } }

    /// <summary>Redacted when read, not on every call: most calls are never looked at.</summary>
    public string? LastRequest
    {
        get
        {
            HttpMethod? method;
            string? path;
            lock (_gate)
            {
                method = _lastMethod;
                path = _lastPath;
            }

            return method == null ? null : method + " " + Redactor.RedactUri(path!);
        }
    }

    public string? LastCommand { get { lock (_gate) { return _lastCommand; } } }

    public int? LastStatusCode { get { lock (_gate) { return _lastStatusCode; } } }

    public string? LastError { get { lock (_gate) { return _lastError; } } }

    /// <summary>Why the session was disconnected without Disconnect-PasswordSafe (the refusal's message); null otherwise.</summary>
    public string? EndReason { get { lock (_gate) { return _endedBy?.Message; } } }

    /// <summary>When the session was disconnected for <see cref="EndReason"/>.</summary>
    public DateTimeOffset? EndedAt { get { lock (_gate) { return _endedAt; } } }

    /// <summary>True when the sign-in needed an interactive challenge: such a session cannot renew itself.</summary>
    public bool RequiredChallenge { get { lock (_gate) { return _requiredChallenge; } } }

    public bool IsIdleExpired => IsConnected && Now - LastActivity > IdleTimeout;

    /// <summary>
    /// When the session ends unless it is used: the idle end (last activity + idle timeout) or the token's expiry,
    /// whichever comes first; null once disconnected. By the local clock and the idle timeout the module assumes.
    /// </summary>
    public DateTimeOffset? ExpiresAt => IsConnected ? EarlierEnd(LastActivity, IdleTimeout, SignIn.TokenExpiresAt) : null;

    public bool IsTokenExpired => SignIn.TokenExpiresAt is DateTimeOffset expires && Now >= expires;

    /// <summary>Renewal needs reusable credentials: a key without an interactive challenge, or client credentials.</summary>
    public bool CanRenew => !RequiredChallenge;

    /// <summary>Connect-PasswordSafe's first sign-in; a challenge outcome is answered with <see cref="AnswerChallengeAsync"/>.</summary>
    public async Task<SignInOutcome> ConnectAsync(RequestLog log, CancellationToken cancellationToken)
    {
        var outcome = await SignIn.SignInAsync(isRenewal: false, log, cancellationToken).ConfigureAwait(false);
        if (outcome.ChallengeRequired)
        {
            lock (_gate)
            {
                _requiredChallenge = true;
            }
        }
        else
        {
            MarkSignedIn(outcome.User!);
        }

        return outcome;
    }

    public async Task<SignInOutcome> AnswerChallengeAsync(string answer, RequestLog log, CancellationToken cancellationToken)
    {
        var outcome = await SignIn.AnswerChallengeAsync(answer, log, cancellationToken).ConfigureAwait(false);
        MarkSignedIn(outcome.User!);
        return outcome;
    }

    /// <summary>Records which cmdlet uses the session, for the LastCommand diagnostic.</summary>
    public void NoteCommand(string commandName)
    {
        lock (_gate)
        {
            _lastCommand = commandName;
        }
    }

    /// <summary>
    /// Sends a call, renewing first when the token or the idle time has run out, and once more on a 401.
    /// Returns the response whatever its status, except a 401 that renewal could not cure, which throws.
    /// </summary>
    public async Task<ApiResponse> SendAsync(ApiRequest request, RequestLog log, CancellationToken cancellationToken)
    {
        EnsureConnected();
        var generation = Interlocked.Read(ref _signInGeneration);
        if (CanRenew && (IsTokenNearExpiry() || IsIdleExpired))
        {
            await RenewAsync(generation, IsTokenNearExpiry() ? "the access token expired" : "the session was idle too long", log, cancellationToken).ConfigureAwait(false);
            generation = Interlocked.Read(ref _signInGeneration);
        }

        var response = await SendWithAuthorizationAsync(request, log, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 401 && !request.IsAuthCall)
        {
            if (FrontEndAuthentication.ForeignScheme(response) is { } scheme)
            {
                // Web server authentication or a proxy refused it, not the API: signing in again would only add an audited sign-in.
                throw Record(FrontEndAuthentication.ToException(response, scheme));
            }

            if (!CanRenew)
            {
                throw Record(End(Expired("it needed an interactive two-factor answer, so it cannot sign in again by itself")));
            }

            await RenewAsync(generation, "the server answered 401", log, cancellationToken).ConfigureAwait(false);
            response = await SendWithAuthorizationAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 401)
            {
                // One renewal per call: a second 401 means signing in does not help, and looping would hammer the audit.
                throw Record(Expired("the call was refused again right after signing in again"));
            }
        }

        return response;
    }

    /// <summary>
    /// Test-PasswordSafeSession -Online: one cheap authenticated read (the caller's active requests), sent as the
    /// session stands, never signing in again first or after, so a 401 shows the server has ended the session. Any
    /// other answer shows it alive and, like every call, resets the server's idle timer. A 401 to a session that cannot
    /// sign in again by itself (it needed a two-factor answer) disconnects it, as a 401 to any call would.
    /// </summary>
    public async Task<ApiResponse> ProbeAsync(RequestLog log, CancellationToken cancellationToken)
    {
        EnsureConnected();
        var response = await SendWithAuthorizationAsync(new ApiRequest(HttpMethod.Get, ProbePath), log, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 401 && !CanRenew)
        {
            Record(End(Expired("it needed an interactive two-factor answer, so it cannot sign in again by itself")));
        }

        return response;
    }

    /// <summary>The call of <see cref="ProbeAsync"/>: every signed-in user may read their own active requests (often none).</summary>
    public const string ProbePath = "Requests?status=active";

    /// <summary>The earlier of the idle end (last activity + idle timeout) and the token's expiry, when there is a token.</summary>
    internal static DateTimeOffset EarlierEnd(DateTimeOffset lastActivity, TimeSpan idleTimeout, DateTimeOffset? tokenExpiresAt)
    {
        var idleEnd = lastActivity + idleTimeout;
        return tokenExpiresAt is DateTimeOffset token && token < idleEnd ? token : idleEnd;
    }

    /// <summary>Like <see cref="SendAsync"/>, but an error status throws a <see cref="PasswordSafeApiException"/>.</summary>
    public async Task<ApiResponse> SendCheckedAsync(ApiRequest request, RequestLog log, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, log, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Record(StatusErrorMapper.ToException(response));
        }

        return response;
    }

    /// <summary>Signs out (and revokes an OAuth token); the session is disconnected whatever the server says.</summary>
    public async Task<IList<string>> DisconnectAsync(RequestLog log, CancellationToken cancellationToken)
    {
        if (!IsConnected)
        {
            // The server already ended a session that could not sign in again; a token it still holds is revoked (C7).
            return EndReason == null
                ? new List<string>()
                : await SignIn.RevokeTokenAsync(log, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SignIn.SignOutAsync(log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _isConnected = false;
            }
        }
    }

    public T Record<T>(T exception) where T : Exception
    {
        lock (_gate)
        {
            _lastError = exception.Message;
        }

        return exception;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _isConnected = false;
        }

        Api.Dispose();
    }

    private bool IsTokenNearExpiry() =>
        Credentials.Method == AuthenticationMethod.OAuth && SignIn.TokenExpiresAt is DateTimeOffset expires && Now >= expires - TokenExpirySkew;

    private async Task<ApiResponse> SendWithAuthorizationAsync(ApiRequest request, RequestLog log, CancellationToken cancellationToken)
    {
        if (!request.IsAuthCall)
        {
            request.Authorization = SignIn.CallAuthorization;
            // Named in refusals: the session in use is not always the default (a piped object brings its own).
            request.SignedInAs = User?.UserName ?? Credentials.RunAs ?? Credentials.ClientId;
            // C4: an impersonating OAuth session repeats its RunAs header on every call.
            if (Credentials.Method == AuthenticationMethod.OAuth && Credentials.RunAs != null && !HasHeader(request, "RunAs"))
            {
                request.Headers.Add(new KeyValuePair<string, string>("RunAs", Credentials.RunAs));
            }
        }

        var response = await Api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _lastMethod = request.Method;
            _lastPath = request.RelativePath;
            _lastStatusCode = response.StatusCode;
            if (response.StatusCode != 401)
            {
                // Any answer other than 401 means the server saw the session alive and reset its idle timer.
                _lastActivity = Now;
            }
        }

        return response;
    }

    private async Task RenewAsync(long observedGeneration, string why, RequestLog log, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _signInGeneration) != observedGeneration)
            {
                return; // Another call renewed while this one waited.
            }

            // Another call's renewal was refused while this one waited: one refused sign-in is enough.
            EnsureConnected();
            log.Verbose($"Signing in to {Api.BaseUri.Host} again: {why}.");
            SignInOutcome outcome;
            try
            {
                outcome = await SignIn.SignInAsync(isRenewal: true, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PasswordSafeException e) when (IsRefusal(e))
            {
                throw Record(End(e));
            }
            catch (PasswordSafeException e)
            {
                // No answer, a timeout or a server error: the next call may sign in again.
                throw Record(e);
            }

            if (outcome.ChallengeRequired)
            {
                lock (_gate)
                {
                    _requiredChallenge = true;
                }

                throw Record(End(Expired("signing in again now asks for a two-factor answer")));
            }

            MarkSignedIn(outcome.User!);
        }
        finally
        {
            _renewal.Release();
        }
    }

    private void MarkSignedIn(SignedInUser user)
    {
        lock (_gate)
        {
            _user = user;
            _isConnected = true;
            _lastActivity = Now;
            _connectedAt ??= _lastActivity;
        }

        Interlocked.Increment(ref _signInGeneration);
    }

    private void EnsureConnected()
    {
        if (!IsConnected)
        {
            // Named, since a cmdlet that resolved another session (or none) cannot say whose this one was.
            var user = User?.UserName ?? Credentials.RunAs ?? Credentials.ClientId ?? "the same user";
            var server = Api.BaseUri.AbsoluteUri;
            var reason = EndReason;
            throw reason == null
                ? new PasswordSafeException(ErrorIds.NotConnected, $"The session of {user} with {server} is disconnected.",
                    $"Connect as {user} to {server} with Connect-PasswordSafe, or pass -Session.")
                : new PasswordSafeException(ErrorIds.NotConnected, $"The session of {user} with {server} is disconnected. {reason}",
                    $"Once the cause is fixed, connect as {user} to {server} with Connect-PasswordSafe, or pass -Session.");
        }
    }

    /// <summary>Disconnects the session for good: the server ended it and it cannot sign in again.</summary>
    private PasswordSafeException End(PasswordSafeException why)
    {
        lock (_gate)
        {
            if (_isConnected)
            {
                _isConnected = false;
                _endedBy = why;
                _endedAt = Now;
            }
        }

        return why;
    }

    /// <summary>
    /// The server answered the sign-in and said no: the credentials, the user, the registration's rules, the licence or
    /// the API itself. Asking again would get the same answer (and audit another failure); only a new Connect-PasswordSafe
    /// (new key, fixed user) can help. Anything else (no answer, a timeout, a server error) may pass.
    /// </summary>
    private static bool IsRefusal(PasswordSafeException e)
    {
        switch (e.ErrorId)
        {
            case ErrorIds.ApiKeyRejected:
            case ErrorIds.AuthenticationFailed:
            case ErrorIds.OAuthClientRejected:
            case ErrorIds.TwoFactorRequired:
            case ErrorIds.TwoFactorFailed:
            case ErrorIds.LicenseInvalid:
            case ErrorIds.PermissionDenied:
            case ErrorIds.ApiDisabled:
                return true;
            default:
                return false;
        }
    }

    private PasswordSafeException Expired(string why) =>
        new PasswordSafeException(ErrorIds.SessionExpired,
            $"The session with {Api.BaseUri.Host} has ended (signed out, idle for more than {IdleTimeout.TotalMinutes:0} minutes, or ended by the server) and {why}.",
            SignInMessages.ReconnectAction);

    private static bool HasHeader(ApiRequest request, string name)
    {
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
