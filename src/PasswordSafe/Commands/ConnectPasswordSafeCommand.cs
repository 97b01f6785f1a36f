using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// Signs in with an API key (B1–B6) or OAuth client credentials (C3–C4), answering a two-factor
/// challenge when asked, and makes the session this runspace's default. It only signs in, so it
/// has no -WhatIf.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PasswordSafe", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(PasswordSafeSession))]
public sealed class ConnectPasswordSafeCommand : PasswordSafeCmdlet
{
    public const string ApiKeySet = "ApiKey";
    public const string ApiKeyCredentialSet = "ApiKeyCredential";
    public const string OAuthSet = "OAuth";

    // Each retry waits about twice the one before: ten retries from a minute already take over an hour.
    private const int MaxRetryCount = 10;
    private const double MinRetryIntervalSec = 0.1;
    private const double MaxRetryIntervalSec = 60.0;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Uri { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [Parameter(Mandatory = true, ParameterSetName = ApiKeyCredentialSet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [Parameter(ParameterSetName = OAuthSet)]
    [ValidateNotNullOrEmpty]
    public string? RunAs { get; set; }

    [Parameter(ParameterSetName = ApiKeySet)]
    public SecureString? RunAsPassword { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ApiKeyCredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? RunAsCredential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ClientCredential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ChallengeResponse { get; set; }

    [Parameter]
    [ValidateNotNull]
    public X509Certificate2? Certificate { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ServerCertificateThumbprint { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    [Parameter]
    // The longest timer both runtimes accept (Windows PowerShell 5.1: int.MaxValue ms); beyond it every call would crash.
    [ValidateRange(0, TimerLimit.MaxSeconds)]
    public int TimeoutSec { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, MaxRetryCount)]
    public int MaximumRetryCount { get; set; } = RetryPolicy.DefaultMaxRetries;

    [Parameter]
    [ValidateRange(MinRetryIntervalSec, MaxRetryIntervalSec)]
    public double RetryIntervalSec { get; set; } = 0.5;

    [Parameter]
    public SwitchParameter NoDefault { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        EnsureProxyAddress();
        SessionConnection? connection = null;
        try
        {
            var options = BuildConnectionOptions();
            connection = SessionConnection.Create(options, BuildCredentials());
            connection.NoteCommand(MyInvocation.MyCommand.Name);
            var active = connection;

            var outcome = Run((log, token) => active.ConnectAsync(log, token));
            if (outcome.ChallengeRequired)
            {
                var answer = ChallengeResponse ?? PromptForChallenge(outcome.ChallengePrompt!, options.BaseUri);
                Run((log, token) => active.AnswerChallengeAsync(answer, log, token));
            }

            var session = new PasswordSafeSession(connection);
            SessionStore.Current.Add(session, makeDefault: !NoDefault);
            connection = null; // The session owns it now.
            WriteVerbose($"Connected to {session.BaseUri} as {session.UserName} ({session.AuthenticationMethod}).");

            // With -NoDefault the returned object is the only handle the caller gets, so it is always written.
            if (PassThru || NoDefault)
            {
                WriteObject(session);
            }
        }
        catch (PasswordSafeException e)
        {
            ThrowTerminatingError(CreateErrorRecord(e, TargetFor(e)));
        }
        finally
        {
            if (connection != null)
            {
                RevokeUnusedToken(connection);
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// A connect that failed after the OAuth token was issued (the run-as refused, a challenge not answered, Ctrl+C)
    /// revokes that token (C7), quietly and on its own short deadline: it belongs to no session, so nothing else would.
    /// </summary>
    private static void RevokeUnusedToken(SessionConnection connection)
    {
        using var deadline = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            connection.SignIn.RevokeTokenAsync(RequestLog.Discard, deadline.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is PasswordSafeException)
        {
            // Best effort: the token expires on its own.
        }
    }

    private ConnectionOptions BuildConnectionOptions()
    {
        var options = new ConnectionOptions(BaseUriParser.Parse(Uri))
        {
            Timeout = TimeoutSec == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(TimeoutSec),
            SkipCertificateCheck = SkipCertificateCheck,
            Proxy = Proxy,
            ProxyCredentials = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
            MaximumRetryCount = MaximumRetryCount,
            RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
        };

        foreach (var thumbprint in ServerCertificateThumbprint ?? Array.Empty<string>())
        {
            options.ServerCertificateThumbprints.Add(thumbprint);
        }

        if (SkipCertificateCheck && options.ServerCertificateThumbprints.Count > 0)
        {
            // Skipping would trust any certificate and silently undo the pin the caller asked for.
            throw new PasswordSafeException(ErrorIds.ValidationFailed,
                "-SkipCertificateCheck and -ServerCertificateThumbprint were both given: the pin trusts exactly that certificate, skipping trusts any.",
                "Pass -ServerCertificateThumbprint alone to trust the server's own certificate (safer), or -SkipCertificateCheck alone for a lab server.");
        }

        if (Certificate != null && CertificateThumbprint != null)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed,
                "-Certificate and -CertificateThumbprint were both given.", "Pass only one of them.");
        }

        options.ClientCertificate = Certificate ?? (CertificateThumbprint == null ? null : ClientCertificateLocator.Find(CertificateThumbprint));
        return options;
    }

    // A proxy typed without its scheme (proxy.corp:8080) parses as a URI whose scheme is "proxy.corp"; the runtime
    // would refuse it only at the first call, with a bare NotSupportedException.
    private void EnsureProxyAddress()
    {
        if (Proxy == null)
        {
            return;
        }

        var scheme = Proxy.IsAbsoluteUri ? Proxy.Scheme.ToLowerInvariant() : string.Empty;
        var shown = BaseUriParser.WithoutUserInfo(Proxy.OriginalString);
        if (!ProxySchemes.IsKnown(scheme) || string.IsNullOrEmpty(Proxy.Host))
        {
            ThrowTerminatingError(CreateErrorRecord(new PasswordSafeException(ErrorIds.InvalidUri,
                $"-Proxy '{shown}' is not a proxy address: it needs a scheme (http, https, socks4, socks4a or socks5) and a host.",
                "Pass the proxy as a URL, e.g. -Proxy http://proxy.corp:8080, and its credentials with -ProxyCredential."), shown));
        }

        if (SocksProblem(scheme, shown, ClrRuntime.Current) is { } problem)
        {
            ThrowTerminatingError(CreateErrorRecord(problem, shown));
        }
    }

    /// <summary>A SOCKS proxy on a runtime without a SOCKS client (<see cref="ProxySchemes"/>), refused before anything is sent.</summary>
    internal static PasswordSafeException? SocksProblem(string scheme, string shownProxy, ClrRuntime runtime) =>
        ProxySchemes.WorksOn(scheme, runtime) ? null
        : new PasswordSafeException(ErrorIds.ValidationFailed,
            $"-Proxy '{shownProxy}' is a {scheme} proxy, and {runtime.PowerShellName} cannot use SOCKS proxies: they work in PowerShell 7.2 or later.",
            "Pass an HTTP proxy (e.g. -Proxy http://proxy.corp:8080), or run the script in PowerShell 7.2 or later to use the SOCKS proxy.");

    private SessionCredentials BuildCredentials()
    {
        EnsureHeaderField(ChallengeResponse, "-ChallengeResponse", "Pass the code exactly as your authenticator shows it to -ChallengeResponse.", isSecret: true);
        switch (ParameterSetName)
        {
            case OAuthSet:
                EnsureHeaderField(RunAs, "-RunAs");
                return SessionCredentials.ForOAuth(ClientCredential!.UserName, ClientCredential.Password, RunAs);
            case ApiKeyCredentialSet:
                EnsureKey();
                EnsureHeaderField(RunAsCredential!.UserName, "-RunAsCredential (user name)");
                EnsurePassword(RunAsCredential.Password, "-RunAsCredential (password)");
                return SessionCredentials.ForApiKey(ApiKey!, RunAsCredential.UserName,
                    RunAsCredential.Password.Length == 0 ? null : RunAsCredential.Password);
            default:
                EnsureKey();
                EnsureHeaderField(RunAs, "-RunAs");
                EnsurePassword(RunAsPassword, "-RunAsPassword");
                return SessionCredentials.ForApiKey(ApiKey!, RunAs!, RunAsPassword == null || RunAsPassword.Length == 0 ? null : RunAsPassword);
        }
    }

    // Checked before any request: a key of the wrong shape can only fail, and would still write an audit entry.
    private void EnsureKey()
    {
        if (SecureStringReader.IsNullOrWhiteSpace(ApiKey))
        {
            throw SignInClient.EmptyKey();
        }

        if (!PsAuthValues.IsWellFormedKey(SecureStringReader.ToPlainText(ApiKey)))
        {
            throw SignInClient.MalformedKey();
        }
    }

    // A ';' or line break in a PS-Auth field would inject another field (B1), and a non-ASCII character cannot be sent
    // as it is (PowerShell 7 refuses it, Windows PowerShell 5.1 would send '?' instead): refuse it before sending.
    private static void EnsureHeaderField(string? value, string parameter, string? action = null, bool isSecret = false)
    {
        if (PsAuthValues.ProblemWithField(value, isSecret) is { } problem)
        {
            var nonAscii = !PsAuthValues.IsAscii(value);
            throw new PasswordSafeException(ErrorIds.ValidationFailed, $"The value of {parameter} cannot be sent: {problem}.",
                nonAscii && action == null
                    ? $"Pass {parameter} a Password Safe user name of ASCII characters only (user, DOMAIN\\user or user@domain); a user whose name has other characters cannot sign in through the API header."
                    : action ?? $"Pass the user name as Password Safe knows it (user, DOMAIN\\user or user@domain) to {parameter}.");
        }
    }

    private static void EnsurePassword(SecureString? password, string parameter)
    {
        var plain = SecureStringReader.ToPlainText(password);
        if (PsAuthValues.ProblemWithPassword(plain) is { } problem)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed, $"The value of {parameter} cannot be sent: {problem}.",
                PsAuthValues.IsAscii(plain)
                    ? $"Check the password passed to {parameter}."
                    : $"The password travels in the PS-Auth header, which carries ASCII characters only: give the run-as user a password of ASCII letters, digits and symbols, then pass it to {parameter}.");
        }
    }

    /// <summary>Asks through the host (B4), as a SecureString field so the code is not echoed or kept in history.</summary>
    private string PromptForChallenge(string prompt, System.Uri baseUri)
    {
        var refused = new PasswordSafeException(ErrorIds.TwoFactorRequired,
            $"{baseUri.Host} asks for a two-factor answer (\"{prompt}\") and this host cannot prompt for it.",
            "Run Connect-PasswordSafe again with -ChallengeResponse <code>.");
        try
        {
            if (Host?.UI == null)
            {
                throw refused;
            }

            var field = new FieldDescription("ChallengeResponse") { Label = "Code", IsMandatory = true };
            field.SetParameterType(typeof(SecureString));
            var answers = Host.UI.Prompt("Two-factor authentication", prompt, new Collection<FieldDescription> { field });
            object? answer = null;
            if (answers != null && answers.TryGetValue("ChallengeResponse", out var value) && value != null)
            {
                answer = value.BaseObject;
            }

            var text = answer is SecureString secure ? SecureStringReader.ToPlainText(secure) : answer?.ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw refused;
            }

            return text!.Trim();
        }
        catch (Exception e) when (e is NotImplementedException || e is PSInvalidOperationException || e is HostException)
        {
            throw new PasswordSafeException(refused.ErrorId, refused.Message, refused.RecommendedAction, e);
        }
    }

    private object TargetFor(PasswordSafeException e)
    {
        switch (e.ErrorId)
        {
            case ErrorIds.InvalidUri:
            case ErrorIds.HttpsRequired:
                return BaseUriParser.WithoutUserInfo(Uri);
            case ErrorIds.CertificateNotFound:
                return CertificateThumbprint ?? string.Empty;
            case ErrorIds.InvalidApiKey:
                return "ApiKey";
            default:
                return e is PasswordSafeApiException api ? api.RedactedUri : BaseUriParser.WithoutUserInfo(Uri);
        }
    }
}
