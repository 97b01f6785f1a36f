using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// One HttpClient per session. Sends calls relative to the base URI, retries safe reads, applies the
/// session timeout, and logs one redacted Verbose line per attempt (Debug: redacted headers and bodies).
/// Thread-safe: several runspaces may call one session at once.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    private const int MaxLoggedBodyLength = 4000;

    private static readonly char[] PathEnd = { '/', '?', '#' };

    private readonly HttpClient _client;
    private readonly CookieContainer? _cookies;
    private readonly ServerCertificateValidator? _validator;
    private readonly string _baseText;
    private volatile bool _asyncOnly;
    private volatile bool _disposed;

    public ApiClient(Uri baseUri, HttpMessageHandler handler, TimeSpan timeout, RetryPolicy? retryPolicy = null,
        CookieContainer? cookies = null, ServerCertificateValidator? validator = null)
    {
        BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _baseText = BaseUri.AbsoluteUri;
        Timeout = timeout;
        RetryPolicy = retryPolicy ?? new RetryPolicy();
        _cookies = cookies;
        _validator = validator;
        // The client-wide timeout stays infinite: a per-attempt timer tells a timeout apart from Ctrl+C.
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // .NET Framework (Windows PowerShell 5.1) otherwise sends "Expect: 100-continue" with every body and waits up
        // to 350 ms for an interim answer that API servers rarely give; some proxies refuse it with 417. There the
        // setting goes to the server's ServicePoint, which other requests to the same host share (turning off only
        // that wait for them); .NET sends no Expect header unless asked, and false keeps it so.
        _client.DefaultRequestHeaders.ExpectContinue = false;
    }

    /// <summary><c>PasswordSafe-PowerShell/&lt;version&gt;</c>.</summary>
    public static string UserAgent { get; } = "PasswordSafe-PowerShell/" + ModuleVersion();

    public Uri BaseUri { get; }

    /// <summary>True when the TLS handshake offers a client certificate (B5): a 403 on sign-in then most likely means it is not trusted.</summary>
    public bool PresentsClientCertificate { get; set; }

    public TimeSpan Timeout { get; }

    public RetryPolicy RetryPolicy { get; }

    /// <summary>The proxy given with -Proxy (null: the system proxy or none): a connection failure then names it.</summary>
    public Uri? Proxy { get; set; }

    public Uri ResolveUri(string relativePath)
    {
        if (ApiPath.LeavesBase(relativePath))
        {
            // Every cmdlet stays under the base; this catches any path that would take the session's cookie elsewhere.
            throw new PasswordSafeException(ErrorIds.InvalidUri,
                $"The path '{Redactor.RedactUri(relativePath)}' leads out of the API base {_baseText}, so it was not sent.",
                "Pass a path that stays under the API base, e.g. 'ManagedAccounts'.");
        }

        var relative = relativePath.TrimStart('/');
        // Appending to the base's text is what combining does for a plain relative path, without the merge work;
        // anything that could read as a scheme ("x:…" before the first / ? #) keeps the full combine rules.
        var end = relative.IndexOfAny(PathEnd);
        var colon = relative.IndexOf(':');
        return colon >= 0 && (end < 0 || colon < end) ? new Uri(BaseUri, relative) : new Uri(_baseText + relative, UriKind.Absolute);
    }

    public async Task<ApiResponse> SendAsync(ApiRequest request, RequestLog log, CancellationToken cancellationToken)
    {
        var uri = ResolveUri(request.RelativePath);
        EnsureAsciiHeaders(request, uri);
        for (var retries = 0; ; retries++)
        {
            var response = await SendOnceAsync(request, uri, log, cancellationToken).ConfigureAwait(false);
            var delay = RetryPolicy.NextDelay(request.Method, response.StatusCode, retries, response.RetryAfter);
            if (delay == null)
            {
                return response;
            }

            var attempt = retries + 1;
            log.Verbose(() => $"Retrying {request.Method} {Redactor.RedactUri(uri)} in {delay.Value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (retry {attempt} of {RetryPolicy.MaxRetries}).");
            await RetryPolicy.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _client.Dispose();
    }

    private async Task<ApiResponse> SendOnceAsync(ApiRequest request, Uri uri, RequestLog log, CancellationToken cancellationToken)
    {
        using var message = BuildMessage(request, uri);
        if (log.DebugEnabled)
        {
            LogRequest(request, message, Redactor.RedactUri(uri), log);
        }

        // A body that can be read straight into objects is streamed (no string, no buffer of the whole page),
        // unless Debug wants its text.
        var streamBody = request.SuccessBodyReader != null && !log.DebugEnabled;
        var rejectionsBefore = _validator?.Rejections ?? 0;
        var watch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimerLimit.Clamp(Timeout));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // ResponseContentRead buffers the body inside SendAsync, so the token covers the download too;
            // a streamed body is covered by the registration in ReadStreamedAsync instead.
            var completion = streamBody ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            HttpResponseMessage? sentBlocking = null;
            HttpRequestMessage? unsentCopy = null;
            if (BlockingSend.IsAllowed && !_asyncOnly)
            {
                sentBlocking = TrySendBlocking(message, completion, linked.Token);
                // A message counts as sent once offered, even to a handler that refused it.
                unsentCopy = sentBlocking == null ? BuildMessage(request, uri) : null;
            }

            using var copyScope = unsentCopy;
            using var response = sentBlocking ?? await _client.SendAsync(unsentCopy ?? message, completion, linked.Token).ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            var parseFromStream = streamBody && statusCode >= 200 && statusCode < 300 && IsJson(contentType);
            var body = parseFromStream || response.Content == null
                ? string.Empty
                : streamBody
                    ? await ReadTextAsync(response, linked.Token).ConfigureAwait(false)
                    : await ReadBodyTextAsync(response.Content).ConfigureAwait(false);
            ParsedErrorBody? error = null;
            if (statusCode < 200 || statusCode >= 300)
            {
                // An error body becomes error text; a server that echoes the request must not hand our secrets back,
                // whether in the body or in the message decoded from it.
                (body, error) = ErrorBodyScrubber.ScrubError(request, body, statusCode);
            }

            var result = new ApiResponse(request.Method.Method, uri, statusCode,
                response.ReasonPhrase ?? response.StatusCode.ToString(), body, contentType, HeaderLookup(response, request),
                ReadRetryAfter(response), watch.Elapsed) { RelativePath = request.RelativePath, SignedInAs = request.SignedInAs };
            if (error != null)
            {
                result.Error = error;
            }

            if (result.IsSuccess && request.Method != HttpMethod.Get)
            {
                log.NoteStateChange();
            }

            if (result.IsSuccess && request.SuccessBodyReader != null)
            {
                try
                {
                    result.ParsedBody = parseFromStream
                        ? await ReadStreamedAsync(request.SuccessBodyReader, result, response, linked.Token).ConfigureAwait(false)
                        : request.SuccessBodyReader(result, new StringReader(body));
                }
                catch (PasswordSafeException)
                {
                    // The answer could not be read (an HTML page, cut-off JSON): its error advises -Debug, which must
                    // then show the answer, as for any other call.
                    LogAnswer(request, uri, response, result, watch, log);
                    throw;
                }
            }

            LogAnswer(request, uri, response, result, watch, log);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Verbose(() => $"{request.Method} {Redactor.RedactUri(uri)} -> cancelled ({watch.ElapsedMilliseconds} ms)");
            throw;
        }
        catch (OperationCanceledException e) when (_disposed && !timeout.IsCancellationRequested)
        {
            // Another runspace disconnected the session: disposing its HttpClient cancels the calls in flight.
            var redactedUri = Redactor.RedactUri(uri);
            log.Verbose(() => $"{request.Method} {redactedUri} -> the session was disconnected ({watch.ElapsedMilliseconds} ms)");
            throw UnansweredChange.WhileDisconnected(request, redactedUri, e);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            // A change may have been made all the same: UnansweredChange says so, and how to check, for calls that change.
            var redactedUri = Redactor.RedactUri(uri);
            log.Verbose(() => $"{request.Method} {redactedUri} -> timed out ({watch.ElapsedMilliseconds} ms)");
            throw UnansweredChange.AfterTimeout(request, redactedUri, Timeout, e);
        }
        catch (ObjectDisposedException e) when (_disposed)
        {
            throw UnansweredChange.WhileDisconnected(request, Redactor.RedactUri(uri), e);
        }
        catch (HttpRequestException e)
        {
            var redactedUri = Redactor.RedactUri(uri);
            log.Verbose(() => $"{request.Method} {redactedUri} -> failed: {DescribeWithoutProxyUserInfo(e)} ({watch.ElapsedMilliseconds} ms)");
            if (UnansweredChange.Applies(request) && !IsNonAsciiHeaderRefusal(e) && !TransportFailureStage.NothingWasSent(e)
                && (_validator == null || _validator.Rejections == rejectionsBefore))
            {
                // The request may have reached the server before the connection broke: not "could not reach the server".
                throw UnansweredChange.AfterBrokenConnection(request, redactedUri, DescribeWithoutProxyUserInfo(e), e);
            }

            throw ClassifyTransportFailure(e, request.Method.Method, redactedUri, rejectionsBefore);
        }
    }

    /// <summary>
    /// The synchronous send on the waiting thread, or null when the handler has none. Its answer is already buffered
    /// (or, streamed, readable without a wait for headers), so the awaits that follow complete at once on this thread.
    /// </summary>
    private HttpResponseMessage? TrySendBlocking(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return BlockingSend.Invoke(_client, message, completion, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // A handler (or protocol) without a synchronous path refuses before sending: async from now on.
            _asyncOnly = true;
            return null;
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType != null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The request wanted streaming but got an error or a non-JSON answer: the body is not buffered yet, and
        // the token must still cover its download, which ReadAsStringAsync (netstandard2.0) cannot take.
        using (cancellationToken.Register(response.Dispose))
        {
            try
            {
                return await ReadBodyTextAsync(response.Content).ConfigureAwait(false);
            }
            catch (Exception e) when ((e is ObjectDisposedException || e is IOException || e is HttpRequestException) && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>Parses a successful JSON body as it downloads; a stalled download is ended by disposing the response.</summary>
    private static async Task<object?> ReadStreamedAsync(Func<ApiResponse, TextReader, object?> read, ApiResponse result,
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(response.Dispose))
        {
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                // UTF-8 unless the server declared another charset; a byte order mark wins over either.
                using var reader = new StreamReader(stream, BodyEncoding.DeclaredOtherThanUtf8(response.Content) ?? Encoding.UTF8,
                    detectEncodingFromByteOrderMarks: true, bufferSize: 16384);
                return read(result, reader);
            }
            catch (Exception e) when ((e is ObjectDisposedException || e is IOException || e is HttpRequestException) && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (IOException e)
            {
                // The connection broke mid-body: a transport failure like any other.
                throw new HttpRequestException("The connection broke while the answer was read.", e);
            }
        }
    }

    private HttpRequestMessage BuildMessage(ApiRequest request, Uri uri)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        if (request.Authorization != null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }

        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Body != null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, request.BodyMediaType);
        }
        else if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
        {
            // SignAppIn and Signout take an empty body; an explicit empty JSON body keeps proxies happy (api-v3 §1.2).
            message.Content = new StringContent(string.Empty, Encoding.UTF8, ApiRequest.JsonMediaType);
        }

        return message;
    }

    /// <summary>
    /// Header values must be ASCII: .NET refuses others at send time with an error that reads like a network failure,
    /// and .NET Framework (Windows PowerShell 5.1) sends '?' for them, so a wrong password would reach the server and
    /// be audited as a failed sign-in. Cmdlets check their parameters first; this catches any value that slipped by,
    /// before anything is sent, and never shows the value.
    /// </summary>
    private static void EnsureAsciiHeaders(ApiRequest request, Uri uri)
    {
        var name = !PsAuthValues.IsAscii(request.Authorization) ? "Authorization"
            : request.Headers.FirstOrDefault(h => !PsAuthValues.IsAscii(h.Value)).Key;
        if (name != null)
        {
            throw NonAsciiHeader(request.Method.Method, Redactor.RedactUri(uri), name, null);
        }
    }

    private static PasswordSafeException NonAsciiHeader(string method, string redactedUri, string? header, Exception? inner) =>
        new PasswordSafeException(ErrorIds.ValidationFailed,
            $"{method} {redactedUri} was not sent: {(header == null ? "a request header" : "the " + header + " header")} holds a character outside ASCII, and HTTP headers carry ASCII characters only.",
            "Pass -RunAs, -RunAsPassword, -RunAsCredential and -ChallengeResponse values of ASCII characters only.", inner);

    // .NET (Core) refuses a non-ASCII header value as it writes the request; its message names ASCII.
    private static bool IsNonAsciiHeaderRefusal(HttpRequestException e) =>
        Flatten(e).Any(inner => inner.Message.IndexOf("ASCII", StringComparison.OrdinalIgnoreCase) >= 0
            && inner.Message.IndexOf("header", StringComparison.OrdinalIgnoreCase) >= 0);

    private PasswordSafeException ClassifyTransportFailure(HttpRequestException e, string method, string redactedUri, int rejectionsBefore)
    {
        if (IsNonAsciiHeaderRefusal(e))
        {
            return NonAsciiHeader(method, redactedUri, null, e);
        }

        var tlsFailure = Flatten(e).Any(inner => inner is AuthenticationException
            || (inner is WebException web && (web.Status == WebExceptionStatus.TrustFailure || web.Status == WebExceptionStatus.SecureChannelFailure)));
        if (_validator != null && _validator.Rejections > rejectionsBefore)
        {
            return new PasswordSafeException(ErrorIds.ServerCertificateUntrusted,
                $"The server certificate of {BaseUri.Host} was not trusted: {_validator.LastRejectionReason}.",
                "Trust the server's CA on this machine, pin the certificate with -ServerCertificateThumbprint, or (test servers only) pass -SkipCertificateCheck.", e);
        }

        if (tlsFailure)
        {
            return new PasswordSafeException(ErrorIds.ConnectionFailed,
                $"The TLS handshake with {BaseUri.Host} failed ({DescribeWithoutProxyUserInfo(e)}).",
                "The server must offer TLS 1.2 or later; if it requires a client certificate, pass -Certificate or -CertificateThumbprint.", e);
        }

        if (Proxy != null)
        {
            return ProxyFailure(e, method, redactedUri, Proxy);
        }

        // The server (or something in front of it) answered: DNS, ports and firewalls are not the cause.
        switch (TransportFailureStage.AnswerFailureOf(e))
        {
            case AnswerFailure.TooLarge:
                return new PasswordSafeException(ErrorIds.ConnectionFailed,
                    $"{method} {redactedUri} got an answer whose headers are larger than the client accepts (64 KB): {Describe(e)}.",
                    "Something in front of the API (a proxy or a single sign-on page) may be adding headers or cookies; check that -Uri is the API's address, and retry.", e);
            case AnswerFailure.BrokeOff:
                return new PasswordSafeException(ErrorIds.ConnectionFailed,
                    $"{method} {redactedUri} reached the server, but its answer broke off before it was complete: {Describe(e)}.",
                    "Retry; if it keeps happening, a proxy, load balancer or the server is closing connections mid-answer: its log says why.", e);
        }

        return new PasswordSafeException(ErrorIds.ConnectionFailed,
            $"{method} {redactedUri} could not reach the server: {Describe(e)}.",
            "Check the host name and port, DNS, firewalls and -Proxy settings.", e);
    }

    /// <summary>
    /// With -Proxy every connection goes to the proxy, so a socket failure (refused, no such host, no route) means the
    /// proxy could not be reached; anything else (the proxy refused the tunnel, or answered with an error) happened on the
    /// way through it. Either names the proxy as host:port; credentials typed into its URL are taken out of the cause.
    /// </summary>
    internal static PasswordSafeException ProxyFailure(HttpRequestException e, string method, string redactedUri, Uri proxy)
    {
        var shownProxy = proxy.IsAbsoluteUri ? proxy.Host + ":" + proxy.Port.ToString(CultureInfo.InvariantCulture) : "(the proxy)";
        var cause = WithoutUserInfo(Describe(e), proxy);
        return Flatten(e).Any(inner => inner is System.Net.Sockets.SocketException)
            ? new PasswordSafeException(ErrorIds.ConnectionFailed,
                $"{method} {redactedUri} could not reach the proxy {shownProxy}: {cause}.",
                $"Check the -Proxy address (host {shownProxy}) and that the proxy runs and is reachable from here; leave -Proxy out to use the system proxy or go direct.", e)
            : new PasswordSafeException(ErrorIds.ConnectionFailed,
                $"{method} {redactedUri} could not reach the server through the proxy {shownProxy}: {cause}.",
                $"Check that the proxy {shownProxy} may connect to the server's host and port, and its -ProxyCredential; the proxy's log says why it refused.", e);
    }

    private string DescribeWithoutProxyUserInfo(Exception e) => Proxy == null ? Describe(e) : WithoutUserInfo(Describe(e), Proxy);

    private static string WithoutUserInfo(string text, Uri proxy)
    {
        if (!proxy.IsAbsoluteUri || string.IsNullOrEmpty(proxy.UserInfo))
        {
            return text;
        }

        return text.Replace(proxy.UserInfo + "@", string.Empty).Replace(Uri.UnescapeDataString(proxy.UserInfo) + "@", string.Empty)
            .Replace(proxy.UserInfo, "***").Replace(Uri.UnescapeDataString(proxy.UserInfo), "***");
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current != null; current = current.InnerException)
        {
            yield return current;
        }
    }

    /// <summary>The innermost message, which names the real cause (refused, DNS, TLS) without secrets.</summary>
    private static string Describe(Exception e)
    {
        var innermost = Flatten(e).Last();
        return innermost.Message.TrimEnd('.');
    }

    /// <summary>
    /// The first value of a response (or content) header, looked up when asked; the header collections outlive the
    /// response. A value that echoes a secret the request sent (a two-factor prompt repeating the Authorization value)
    /// comes back with it masked, as it may be shown.
    /// </summary>
    private static Func<string, string?> HeaderLookup(HttpResponseMessage response, ApiRequest request)
    {
        var headers = response.Headers;
        var contentHeaders = response.Content?.Headers;
        var scrub = ErrorBodyScrubber.EchoScrubberFor(request);
        return name =>
        {
            IEnumerable<string>? values = null;
            var found = headers.TryGetValues(name, out values) || (contentHeaders != null && contentHeaders.TryGetValues(name, out values));
            return found ? scrub(values!.FirstOrDefault() ?? string.Empty) : null;
        };
    }

    /// <summary>
    /// The body as text (<see cref="BodyEncoding"/>). JSON is UTF-8 (RFC 8259), so that is decoded directly; ReadAsStringAsync
    /// would look the charset up by name through every registered encoding provider on each call (PowerShell registers
    /// one), and fails the call on a charset it does not know.
    /// </summary>
    private static async Task<string> ReadBodyTextAsync(HttpContent content)
    {
        var declared = BodyEncoding.DeclaredOtherThanUtf8(content);
        var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return BodyEncoding.Decode(bytes, declared);
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter == null)
        {
            return null;
        }

        if (retryAfter.Delta.HasValue)
        {
            return retryAfter.Delta.Value;
        }

        return retryAfter.Date.HasValue ? retryAfter.Date.Value - DateTimeOffset.UtcNow : (TimeSpan?)null;
    }

    private void LogRequest(ApiRequest request, HttpRequestMessage message, string redactedUri, RequestLog log)
    {
        var builder = new StringBuilder();
        builder.Append("HTTP request: ").Append(request.Method).Append(' ').Append(redactedUri);
        foreach (var header in _client.DefaultRequestHeaders.Concat(message.Headers))
        {
            AppendHeader(builder, header.Key, string.Join(", ", header.Value));
        }

        if (_cookies != null)
        {
            var cookieHeader = _cookies.GetCookieHeader(message.RequestUri);
            if (!string.IsNullOrEmpty(cookieHeader))
            {
                var names = cookieHeader.Split(';').Select(c => Redactor.RedactHeader("Cookie", c.Trim()));
                AppendHeader(builder, "Cookie", string.Join("; ", names));
            }
        }

        if (message.Content != null && request.Body != null)
        {
            AppendHeader(builder, "Content-Type", message.Content.Headers.ContentType?.ToString() ?? string.Empty);
            builder.AppendLine().Append(DescribeBody(request, request.Body));
        }

        log.Debug(builder.ToString());
    }

    private static void LogAnswer(ApiRequest request, Uri uri, HttpResponseMessage response, ApiResponse result, Stopwatch watch, RequestLog log)
    {
        watch.Stop();
        log.Verbose(() => $"{request.Method} {Redactor.RedactUri(uri)} -> {result.StatusCode} {result.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
        if (log.DebugEnabled)
        {
            LogResponse(request, response, result, log);
        }
    }

    private static void LogResponse(ApiRequest request, HttpResponseMessage response, ApiResponse result, RequestLog log)
    {
        var builder = new StringBuilder();
        builder.Append("HTTP response: ").Append(result.StatusCode).Append(' ').Append(result.ReasonPhrase);
        // A server or proxy may echo the request's Authorization value (or a body's password) into any header, or a
        // success body: masked by name is not enough, the secrets this call sent are taken out wherever they appear.
        var scrub = ErrorBodyScrubber.ScrubberFor(request);
        var headers = response.Content == null ? response.Headers.AsEnumerable() : response.Headers.Concat(response.Content.Headers);
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                AppendHeader(builder, header.Key, value, scrub);
            }
        }

        if (result.Body.Length > 0)
        {
            // An error body is scrubbed already. Masks only shorten a text, so the part searched need only be
            // a few times longer than the part shown.
            var body = result.IsSuccess && !HidesBodyFromDebug(request.RelativePath)
                ? scrub(result.Body.Length > 4 * MaxLoggedBodyLength ? result.Body.Substring(0, 4 * MaxLoggedBodyLength) : result.Body)
                : result.Body;
            builder.AppendLine().Append(DescribeBody(request, body));
        }

        log.Debug(builder.ToString());
    }

    private static void AppendHeader(StringBuilder builder, string name, string value, Func<string, string>? scrub = null)
    {
        var shown = Redactor.RedactHeader(name, value);
        builder.AppendLine().Append("  ").Append(name).Append(": ").Append(scrub == null ? shown : scrub(shown));
    }

    private static string DescribeBody(ApiRequest request, string body)
    {
        if (HidesBodyFromDebug(request.RelativePath))
        {
            return $"  (body of {body.Length} characters not shown: this call can carry secrets)";
        }

        var redacted = Redactor.RedactJson(body);
        return "  " + (redacted.Length > MaxLoggedBodyLength ? TextPreview.Prefix(redacted, MaxLoggedBodyLength) + "..." : redacted);
    }

    /// <summary>True for calls whose bodies Debug never shows (<see cref="DescribeBody"/>).</summary>
    internal static bool HidesBodyFromDebug(string relativePath) =>
        Redactor.IsSensitivePath(relativePath) || CarriesCheckoutSecret(relativePath);

    /// <summary>
    /// ISA answers carry the password (<c>{"Credentials": …}</c>), session answers carry one-time tickets
    /// or .rdp files (api-v3 §5), and request answers carry request ids (masked like in URLs), under names
    /// the JSON redaction does not know: so do an alias's requests (a bare id), request sets and the session
    /// list (<c>RequestID</c>, and a <c>Token</c>). An admin session's request carries the host password too: its
    /// <c>Password</c> property would be masked, but the whole body stays out, like every call here.
    /// </summary>
    internal static bool CarriesCheckoutSecret(string relativePath)
    {
        var query = relativePath.IndexOfAny(new[] { '?', '#' });
        var path = Redactor.AsServerReadsIt(query < 0 ? relativePath : relativePath.Substring(0, query));
        return IsOrIsUnder(path, "Requests")
            || IsOrIsUnder(path, "RequestSets")
            || IsOrIsUnder(path, "Sessions")
            || path.StartsWith("ISARequests", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("ISASessions", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/Sessions", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/Requests", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOrIsUnder(string path, string collection) =>
        path.Equals(collection, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(collection + "/", StringComparison.OrdinalIgnoreCase);

    private static string ModuleVersion()
    {
        var version = typeof(ApiClient).Assembly.GetName().Version;
        return version == null ? "0.0.0" : version.ToString(3);
    }
}
