using System;
using System.Collections.Generic;

namespace PasswordSafe.Http;

/// <summary>A buffered server answer: status, headers, body text and timing.</summary>
internal sealed class ApiResponse
{
    private readonly Func<string, string?> _header;
    private ParsedErrorBody? _error;

    public ApiResponse(string method, Uri uri, int statusCode, string reasonPhrase, string body, string? contentType,
        IDictionary<string, string> headers, TimeSpan? retryAfter, TimeSpan elapsed)
        : this(method, uri, statusCode, reasonPhrase, body, contentType, LookupIn(headers), retryAfter, elapsed)
    {
    }

    /// <summary>With headers looked up only when asked: almost no call reads any, and collecting them all cost more than parsing the body.</summary>
    public ApiResponse(string method, Uri uri, int statusCode, string reasonPhrase, string body, string? contentType,
        Func<string, string?> header, TimeSpan? retryAfter, TimeSpan elapsed)
    {
        Method = method;
        Uri = uri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Body = body;
        ContentType = contentType;
        _header = header;
        RetryAfter = retryAfter;
        Elapsed = elapsed;
    }

    public string Method { get; }

    public Uri Uri { get; }

    public string RedactedUri => Redactor.RedactUri(Uri);

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    /// <summary>The body text; empty when the body was read straight into <see cref="ParsedBody"/>.</summary>
    public string Body { get; }

    /// <summary>What the request's <see cref="ApiRequest.SuccessBodyReader"/> made of a successful body, else null.</summary>
    public object? ParsedBody { get; internal set; }

    public string? ContentType { get; }

    /// <summary>
    /// What an error body says, for error text: read by <see cref="ApiClient"/> with every secret the call sent taken
    /// out, before and after decoding (<see cref="ErrorBodyScrubber.ScrubError"/>); read from <see cref="Body"/> when
    /// the answer was built elsewhere.
    /// </summary>
    public ParsedErrorBody Error
    {
        get => _error ??= ErrorBodyParser.Parse(Body, StatusCode);
        internal set => _error = value;
    }

    public TimeSpan? RetryAfter { get; }

    public TimeSpan Elapsed { get; }

    public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

    /// <summary>The call's path under the base, when the response came from <see cref="ApiClient"/>.</summary>
    public string? RelativePath { get; internal set; }

    /// <summary>The user the call ran as (<see cref="ApiRequest.SignedInAs"/>), when the session said.</summary>
    public string? SignedInAs { get; internal set; }

    /// <summary>Who made the call on which server, for refusals to name; null when the user is not known.</summary>
    public CallIdentity? Caller => CallIdentity.Of(SignedInAs, Uri);

    /// <summary>
    /// Where an error about this answer sends the user: to -Debug, unless Debug hides this call's bodies because they
    /// carry secrets (then saying "run with -Debug" would only send them round in a circle).
    /// </summary>
    public string SeeTheAnswerHint =>
        RelativePath != null && ApiClient.HidesBodyFromDebug(RelativePath)
            ? "Debug does not show this call's answers, as they can carry secrets: check the server's logs."
            : "Run with -Debug to see the answer.";

    /// <summary>The first value of a response header, or null.</summary>
    public string? GetHeader(string name) => _header(name);

    private static Func<string, string?> LookupIn(IDictionary<string, string> headers)
    {
        var copy = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        return name => copy.TryGetValue(name, out var value) ? value : null;
    }
}
