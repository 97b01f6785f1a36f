using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Session;

/// <summary>
/// The sign-in core (B1–B6, C3–C4), free of PowerShell types: PS-Auth or OAuth token + SignAppIn,
/// the challenge step, and the translation of sign-in statuses to error ids.
/// </summary>
internal sealed class SignInClient
{
    public const string SignAppInPath = "Auth/SignAppIn";
    public const string SignOutPath = "Auth/Signout";
    public const string TokenPath = "Auth/connect/token";
    public const string RevocationPath = "Auth/connect/revocation";
    public const string ChallengeHeader = "WWW-Authenticate-2FA";

    /// <summary>A token answer without a usable expires_in is taken to live an hour (the usual OAuth default).</summary>
    internal const double DefaultTokenLifetimeSeconds = 3600;

    /// <summary>The longest lifetime believed: a year, far inside what a date can hold.</summary>
    internal const double MaxTokenLifetimeSeconds = 365 * 24 * 3600;

    private readonly ApiClient _api;
    private readonly SessionCredentials _credentials;
    private readonly Func<DateTimeOffset> _clock;
    private readonly object _tokenGate = new object();
    private string? _accessToken;
    private DateTimeOffset? _tokenExpiresAt;

    public SignInClient(ApiClient api, SessionCredentials credentials, Func<DateTimeOffset> clock)
    {
        _api = api;
        _credentials = credentials;
        _clock = clock;
    }

    public DateTimeOffset? TokenExpiresAt
    {
        get { lock (_tokenGate) { return _tokenExpiresAt; } }
    }

    /// <summary>The Authorization value later calls carry: the bearer for OAuth, none for a key (the cookie suffices).</summary>
    public string? CallAuthorization
    {
        get { lock (_tokenGate) { return _accessToken == null ? null : "Bearer " + _accessToken; } }
    }

    /// <summary>Signs in; returns a challenge when the server asks for one (B4).</summary>
    /// <param name="isRenewal">True when a working session signs in again: a refused key then means ApiKeyRejected.</param>
    public async Task<SignInOutcome> SignInAsync(bool isRenewal, RequestLog log, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, SignAppInPath);
        if (_credentials.Method == AuthenticationMethod.OAuth)
        {
            var token = await RequestTokenAsync(isRenewal, log, cancellationToken).ConfigureAwait(false);
            request.Authorization = "Bearer " + token;
            if (_credentials.RunAs != null)
            {
                request.Headers.Add(new KeyValuePair<string, string>("RunAs", _credentials.RunAs));
            }
        }
        else
        {
            request.Authorization = BuildPsAuth(challenge: null);
        }

        var response = await _api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 401 && response.GetHeader(ChallengeHeader) is string prompt)
        {
            return SignInOutcome.Challenge(string.IsNullOrWhiteSpace(prompt) ? "Enter the two-factor code" : prompt.Trim());
        }

        return Complete(response, isRenewal, answeredChallenge: false);
    }

    /// <summary>The B4 second call: the same header plus <c>challenge=</c>, on the same cookie.</summary>
    public async Task<SignInOutcome> AnswerChallengeAsync(string answer, RequestLog log, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, SignAppInPath);
        if (_credentials.Method == AuthenticationMethod.OAuth)
        {
            // Application users have no second factor today; if one is asked, the bearer carries on.
            request.Authorization = CallAuthorization;
        }
        else
        {
            request.Authorization = BuildPsAuth(answer);
        }

        var response = await _api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
        return Complete(response, isRenewal: false, answeredChallenge: true);
    }

    /// <summary>Ends the server session (B2) and, for OAuth, revokes the token (C7); failures are reported, not thrown.</summary>
    public async Task<IList<string>> SignOutAsync(RequestLog log, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await TryAsync(new ApiRequest(HttpMethod.Post, SignOutPath) { Authorization = CallAuthorization }, problems, log, cancellationToken).ConfigureAwait(false);
        await RevokeTokenAsync(problems, log, cancellationToken).ConfigureAwait(false);
        return problems;
    }

    /// <summary>Revokes the OAuth token this session holds, if any (C7), without signing out; failures are reported, not thrown.</summary>
    public async Task<IList<string>> RevokeTokenAsync(RequestLog log, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await RevokeTokenAsync(problems, log, cancellationToken).ConfigureAwait(false);
        return problems;
    }

    private async Task RevokeTokenAsync(IList<string> problems, RequestLog log, CancellationToken cancellationToken)
    {
        string? token;
        lock (_tokenGate)
        {
            token = _accessToken;
            _accessToken = null;
            _tokenExpiresAt = null;
        }

        if (token != null && _credentials.Method == AuthenticationMethod.OAuth)
        {
            var form = FormBody(new Dictionary<string, string?>
            {
                ["token"] = token,
                ["token_type_hint"] = "access_token",
                ["client_id"] = _credentials.ClientId,
                ["client_secret"] = SecureStringReader.ToPlainText(_credentials.ClientSecret),
            });
            await TryAsync(new ApiRequest(HttpMethod.Post, RevocationPath) { Body = form, BodyMediaType = ApiRequest.FormMediaType },
                problems, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TryAsync(ApiRequest request, IList<string> problems, RequestLog log, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            // 401 on sign-out: the server had already ended the session, which is what we wanted.
            if (!response.IsSuccess && response.StatusCode != 401)
            {
                problems.Add(StatusErrorMapper.ToException(response).Message);
            }
        }
        catch (PasswordSafeException e)
        {
            problems.Add(e.Message);
        }
    }

    private string BuildPsAuth(string? challenge)
    {
        var key = SecureStringReader.ToPlainText(_credentials.ApiKey);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw EmptyKey();
        }

        if (!PsAuthValues.IsWellFormedKey(key))
        {
            throw MalformedKey();
        }

        if (PsAuthValues.ProblemWithField(challenge, isSecret: true) is { } challengeProblem)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed,
                $"The two-factor answer cannot be sent: {challengeProblem}.",
                "Pass the code exactly as your authenticator shows it to -ChallengeResponse.");
        }

        return PsAuthHeader.Build(key!, _credentials.RunAs, SecureStringReader.ToPlainText(_credentials.RunAsPassword), challenge);
    }

    public static PasswordSafeException MalformedKey() =>
        new PasswordSafeException(ErrorIds.InvalidApiKey,
            "The API key is not in the form Password Safe issues: 128 letters and digits, or a GUID for older registrations.",
            "Copy the key again from the API registration (Configuration > API Registrations) and pass it to -ApiKey, with no spaces or extra text.");

    public static PasswordSafeException EmptyKey() =>
        new PasswordSafeException(ErrorIds.InvalidApiKey, "The API key is empty.",
            "Pass the key shown on the API registration (Configuration > API Registrations) to -ApiKey.");

    private async Task<string> RequestTokenAsync(bool isRenewal, RequestLog log, CancellationToken cancellationToken)
    {
        var requestedAt = _clock();
        var form = FormBody(new Dictionary<string, string?>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _credentials.ClientId,
            ["client_secret"] = SecureStringReader.ToPlainText(_credentials.ClientSecret),
        });
        var request = new ApiRequest(HttpMethod.Post, TokenPath) { Body = form, BodyMediaType = ApiRequest.FormMediaType };
        var response = await _api.SendAsync(request, log, cancellationToken).ConfigureAwait(false);

        if (FrontEndAuthentication.ForeignScheme(response) is { } scheme && !IsOAuthError(response))
        {
            throw FrontEndAuthentication.ToException(response, scheme);
        }

        if (response.StatusCode == 400 || response.StatusCode == 401)
        {
            var reason = response.Error.Message ?? "no reason given";
            throw new PasswordSafeException(ErrorIds.OAuthClientRejected,
                $"The token endpoint of {_api.BaseUri.Host} refused client '{_credentials.ClientId}' ({response.StatusCode}: {reason})."
                + (isRenewal ? " The session had ended (its token expired, it was idle or the server signed it out), and signing in again failed." : string.Empty)
                + " Possible causes: wrong client ID or secret; the secret expired or was recycled; the application user was removed or disabled;"
                + " this machine's address does not match the access policy's IP rules.",
                "Check the application user's client ID and secret (recycle the secret if it expired) and run Connect-PasswordSafe -ClientCredential again.");
        }

        if (!response.IsSuccess)
        {
            throw MapSignInStatus(response, isRenewal, answeredChallenge: false);
        }

        var json = ParseObject(response, "token");
        var accessToken = json.Value<string>("access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            throw InvalidResponse(response, "the token response has no access_token");
        }

        // Read through its text: an integer beyond long arrives as a BigInteger, which does not convert to double.
        var expiresIn = json["expires_in"] is JValue { Type: JTokenType.Integer or JTokenType.Float } lifetime
                        && double.TryParse(Convert.ToString(lifetime.Value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : DefaultTokenLifetimeSeconds;
        // A lifetime no date can hold (1e20, NaN) or none at all is the default; a very long one is renewed yearly.
        expiresIn = double.IsNaN(expiresIn) || expiresIn <= 0 ? DefaultTokenLifetimeSeconds : Math.Min(expiresIn, MaxTokenLifetimeSeconds);
        lock (_tokenGate)
        {
            _accessToken = accessToken;
            _tokenExpiresAt = requestedAt.AddSeconds(expiresIn);
        }

        return accessToken!;
    }

    private SignInOutcome Complete(ApiResponse response, bool isRenewal, bool answeredChallenge)
    {
        if (!response.IsSuccess)
        {
            throw MapSignInStatus(response, isRenewal, answeredChallenge);
        }

        var json = ParseObject(response, "sign-in");
        var userId = json["UserId"]?.Type == JTokenType.Integer ? json.Value<int?>("UserId") : null;
        return SignInOutcome.SignedIn(new SignedInUser(userId, json.Value<string>("UserName"), json.Value<string>("Name"),
            json.Value<string>("EmailAddress")));
    }

    private PasswordSafeException MapSignInStatus(ApiResponse response, bool isRenewal, bool answeredChallenge)
    {
        var baseUri = _api.BaseUri;
        var parsed = response.Error;
        switch (response.StatusCode)
        {
            case 401 when FrontEndAuthentication.ForeignScheme(response) is { } scheme:
                // Not the API's refusal: the user audit has nothing, and the key or run-as user are not the cause.
                return FrontEndAuthentication.ToException(response, scheme);
            case 401 when answeredChallenge:
                return new PasswordSafeException(ErrorIds.TwoFactorFailed,
                    $"The two-factor answer was refused by {baseUri.Host} (401). " + SignInMessages.AuditHint(baseUri),
                    "Run Connect-PasswordSafe again with a fresh code in -ChallengeResponse (codes are usually single-use and short-lived).");
            case 401 when isRenewal && _credentials.Method == AuthenticationMethod.ApiKey:
                return new PasswordSafeException(ErrorIds.ApiKeyRejected,
                    SignInMessages.ApiKeyRenewalRefused(baseUri, _credentials.RunAs), SignInMessages.ApiKeyRejectedAction);
            case 401:
                return new PasswordSafeException(ErrorIds.AuthenticationFailed,
                    _credentials.Method == AuthenticationMethod.ApiKey
                        ? SignInMessages.ApiKeyRefused(baseUri, _credentials.RunAs)
                        : SignInMessages.OAuthSignInRefused(baseUri, _credentials.RunAs),
                    "Fix the cause the user audit names, then run Connect-PasswordSafe again.");
            case 403 when MentionsCertificate(parsed.Message) || _api.PresentsClientCertificate:
                return new PasswordSafeException(ErrorIds.PermissionDenied,
                    $"{baseUri.Host} refused the sign-in (403): the client certificate presented is not trusted by the server"
                    + " (or, less likely, the Password Safe licence is not valid)"
                    + (parsed.Message == null ? "." : $" ({parsed.Message})."),
                    "Pass a client certificate issued by a CA the server trusts with -Certificate or -CertificateThumbprint; if the certificate is right, ask an administrator to check the licence.");
            case 403:
                return new PasswordSafeException(ErrorIds.LicenseInvalid,
                    $"{baseUri.Host} refused the sign-in (403): the Password Safe licence is not valid"
                    + (parsed.Message == null ? "." : $" ({parsed.Message})."),
                    "Ask a BeyondInsight administrator to check the Password Safe licence.");
            case 410:
                return new PasswordSafeException(ErrorIds.ApiDisabled,
                    $"The public API of {baseUri.Host} is disabled (410).",
                    "Ask a BeyondInsight administrator to enable the API (or this API version).");
            default:
                return StatusErrorMapper.ToException(response);
        }
    }

    // A token endpoint may name Basic on its own OAuth refusal (RFC 6749 §5.2); one with an OAuth error body is its own.
    private static bool IsOAuthError(ApiResponse response) =>
        response.Body.IndexOf("\"error\"", StringComparison.Ordinal) >= 0;

    private static bool MentionsCertificate(string? message) =>
        message != null && (message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
                            || message.IndexOf("SSL", StringComparison.OrdinalIgnoreCase) >= 0
                            || message.IndexOf("trust", StringComparison.OrdinalIgnoreCase) >= 0);

    private static JObject ParseObject(ApiResponse response, string what)
    {
        if (ErrorBodyParser.LooksLikeHtml(response.Body))
        {
            throw InvalidResponse(response, $"the server returned an HTML page (status {response.StatusCode})");
        }

        try
        {
            var reader = new JsonTextReader(new System.IO.StringReader(response.Body)) { DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is JObject obj)
            {
                return obj;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw InvalidResponse(response, $"the {what} response is not a JSON object");
    }

    private static PasswordSafeException InvalidResponse(ApiResponse response, string reason) =>
        new PasswordSafeException(ErrorIds.InvalidServerResponse,
            $"{response.Method} {response.RedactedUri} answered {response.StatusCode.ToString(CultureInfo.InvariantCulture)} but {reason}.",
            "Check that -Uri points at the Password Safe API and not at a proxy or login page.");

    private static string FormBody(IDictionary<string, string?> fields)
    {
        var parts = new List<string>();
        foreach (var field in fields)
        {
            parts.Add(Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value ?? string.Empty));
        }

        return string.Join("&", parts);
    }
}
