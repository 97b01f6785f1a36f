using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using Newtonsoft.Json;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// The escape hatch for endpoints without a cmdlet: one call relative to the session's base, with
/// renewal, retries and redacted logging, and the JSON answer converted to PSObjects.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "PSRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class InvokePSRestMethodCommand : PasswordSafeCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Position = 1)]
    [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    [Parameter]
    [ValidateNotNull]
    public IDictionary? Query { get; set; }

    [Parameter]
    public object? Body { get; set; }

    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    protected override void ProcessItem()
    {
        var session = ResolveSession(Session);
        var method = new HttpMethod(Method.ToUpperInvariant());
        string relativePath;
        try
        {
            relativePath = BuildRelativePath(session);
        }
        catch (PasswordSafeException e)
        {
            ThrowTerminatingError(CreateErrorRecord(e, Path));
            return;
        }

        var redactedTarget = Redactor.RedactUri(new Uri(session.BaseUri, relativePath));
        // Reads change nothing, so only writes ask for confirmation.
        if (method != HttpMethod.Get && !ShouldProcess(redactedTarget, method.Method))
        {
            return;
        }

        try
        {
            var request = new ApiRequest(method, relativePath);
            if (Body != null)
            {
                request.Body = SerializeBody();
            }

            var response = Run((log, token) => session.Connection.SendCheckedAsync(request, log, token));
            WriteResponse(response);
        }
        catch (PasswordSafeException e)
        {
            ThrowTerminatingError(CreateErrorRecord(e, e is PasswordSafeApiException api ? api.RedactedUri : redactedTarget));
        }
    }

    private string BuildRelativePath(PasswordSafeSession session)
    {
        var path = Path.Trim();
        if (System.Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
        {
            // An absolute URL is accepted only under the session's own base, so the session cookie never goes elsewhere.
            var baseText = session.BaseUri.AbsoluteUri;
            if (!absolute.AbsoluteUri.StartsWith(baseText, StringComparison.OrdinalIgnoreCase))
            {
                throw new PasswordSafeException(ErrorIds.InvalidUri,
                    $"-Path '{Redactor.RedactUri(path)}' is not under the session's base {baseText}.",
                    "Pass a path relative to the API base, e.g. 'ManagedAccounts'.");
            }

            path = absolute.AbsoluteUri.Substring(baseText.Length);
        }

        // '..' (also %2e%2e, or with backslashes) must not climb out of the base either: the server would resolve it.
        path = ApiPath.Normalize(path) ?? throw new PasswordSafeException(ErrorIds.InvalidUri,
            $"-Path '{Redactor.RedactUri(Path.Trim())}' is not under the session's base {session.BaseUri.AbsoluteUri}: its '..' segments lead out of it.",
            "Pass a path relative to the API base that stays under it, e.g. 'ManagedAccounts'.");
        if (Query == null || Query.Count == 0)
        {
            return path;
        }

        var parts = new List<string>();
        foreach (DictionaryEntry entry in Query)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            foreach (var value in Values(entry.Value))
            {
                parts.Add(System.Uri.EscapeDataString(key) + "=" + System.Uri.EscapeDataString(value));
            }
        }

        return path + (path.IndexOf('?') >= 0 ? "&" : "?") + string.Join("&", parts);
    }

    private static IEnumerable<string> Values(object? value)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is IEnumerable sequence && !(unwrapped is string))
        {
            foreach (var item in sequence)
            {
                yield return Format(item);
            }
        }
        else
        {
            yield return Format(unwrapped);
        }
    }

    private static string Format(object? value)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (unwrapped)
        {
            case null: return string.Empty;
            case bool flag: return flag ? "true" : "false";
            case DateTime date: return date.ToString("o", CultureInfo.InvariantCulture);
            case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
            default: return unwrapped.ToString() ?? string.Empty;
        }
    }

    private string SerializeBody()
    {
        try
        {
            return JsonBodySerializer.Serialize(Body);
        }
        catch (Exception e) when (e is ArgumentException || e is JsonException)
        {
            throw new PasswordSafeException(ErrorIds.ValidationFailed, "-Body could not be converted to JSON: " + e.Message,
                "Pass a hashtable, a PSCustomObject, an array, or a JSON string.", e);
        }
    }

    private void WriteResponse(ApiResponse response)
    {
        if (response.StatusCode == 204 || string.IsNullOrWhiteSpace(response.Body))
        {
            return;
        }

        var contentType = response.ContentType ?? string.Empty;
        var isJson = contentType.Length == 0 || contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
        if (ErrorBodyParser.LooksLikeHtml(response.Body))
        {
            throw new PasswordSafeException(ErrorIds.InvalidServerResponse,
                $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with an HTML page instead of JSON.",
                "Check that -Uri points at the Password Safe API and not at a proxy or login page.");
        }

        if (!isJson)
        {
            WriteObject(response.Body);
            return;
        }

        object? result;
        try
        {
            result = JsonToPSObjectConverter.Convert(response.Body);
        }
        catch (JsonException)
        {
            throw new PasswordSafeException(ErrorIds.InvalidServerResponse,
                $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with a body that is not valid JSON.",
                "Check that -Uri points at the Password Safe API. " + response.SeeTheAnswerHint);
        }

        // A top-level array streams element by element, like Invoke-RestMethod.
        WriteObject(result, enumerateCollection: result is object[]);
    }
}
