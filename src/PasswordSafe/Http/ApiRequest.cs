using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;

namespace PasswordSafe.Http;

/// <summary>One call to the API, relative to the session's base URI. Rebuilt into a fresh message per attempt.</summary>
internal sealed class ApiRequest
{
    public const string JsonMediaType = "application/json";
    public const string FormMediaType = "application/x-www-form-urlencoded";

    public ApiRequest(HttpMethod method, string relativePath)
    {
        Method = method;
        RelativePath = relativePath.TrimStart('/');
    }

    public HttpMethod Method { get; }

    /// <summary>Path under the base, e.g. <c>Auth/SignAppIn</c> or <c>ManagedAccounts?systemName=x</c>.</summary>
    public string RelativePath { get; }

    /// <summary>Request body text, or null for none.</summary>
    public string? Body { get; set; }

    public string BodyMediaType { get; set; } = JsonMediaType;

    /// <summary>The Authorization value; never logged unredacted.</summary>
    public string? Authorization { get; set; }

    /// <summary>
    /// The user the server runs this call as (the session's signed-in or run-as user), set by the session for every call
    /// but sign-in: a refusal names who was refused, since a piped object can bring another session than the default.
    /// </summary>
    public string? SignedInAs { get; set; }

    /// <summary>Other headers, e.g. the C4 <c>RunAs</c> header.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>
    /// Reads a successful JSON answer straight from the response stream into objects (big listing pages):
    /// no string of the whole body and no JSON tree. The result lands in <see cref="ApiResponse.ParsedBody"/>.
    /// When Debug is on the body is read as text first (to log it, redacted) and parsed from that text.
    /// </summary>
    public Func<ApiResponse, TextReader, object?>? SuccessBodyReader { get; set; }

    /// <summary>True for Auth/* calls: they are not renewed on 401 (that would loop) and their bodies are never logged.</summary>
    public bool IsAuthCall => RelativePath.StartsWith("Auth/", System.StringComparison.OrdinalIgnoreCase);
}
