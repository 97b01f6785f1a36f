using System;

namespace PasswordSafe.Http;

/// <summary>An HTTP error status returned by the server, with the D1 reason parsed from its body.</summary>
public sealed class PasswordSafeApiException : PasswordSafeException
{
    public PasswordSafeApiException(string errorId, string message, string? recommendedAction,
        int statusCode, string method, string redactedUri, int? reasonCode, string? serverMessage)
        : base(errorId, message, recommendedAction)
    {
        StatusCode = statusCode;
        Method = method;
        RedactedUri = redactedUri;
        ReasonCode = reasonCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status code, e.g. 403.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method of the failed call.</summary>
    public string Method { get; }

    /// <summary>The URI of the failed call with request and credential ids masked.</summary>
    public string RedactedUri { get; }

    /// <summary>The four-digit reason code from the body (<c>4031</c>, <c>4034</c>, <c>4091</c>…), if any.</summary>
    public int? ReasonCode { get; }

    /// <summary>The server's message (at most 500 characters), if any.</summary>
    public string? ServerMessage { get; }

    /// <summary>Who made the call on which server, for refusals to name; null when unknown.</summary>
    internal CallIdentity? Caller { get; private set; }

    /// <summary>This failure as <paramref name="caller"/>'s: the mapper sets it, and the layers that reword a failure carry it on.</summary>
    internal PasswordSafeApiException MadeBy(CallIdentity? caller)
    {
        Caller = caller;
        return this;
    }
}
