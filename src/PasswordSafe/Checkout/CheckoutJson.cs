using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// Reads the checkout answers of api-v3 §2–5 into the public models. Property names are matched without
/// regard to case, because the server's casing differs between endpoints (<c>SystemId</c> in
/// ManagedAccounts, <c>SystemID</c> in Requests).
/// </summary>
internal static class CheckoutJson
{
    /// <summary>An array, a single object (both names given, §2.1), or a <c>{TotalCount, Data}</c> envelope, from the body text.</summary>
    public static ManagedAccountPage ReadAccountPage(ApiResponse response, int requestedLimit, PasswordSafeSession? session)
    {
        EnsureNotHtml(response);
        using var text = new StringReader(response.Body);
        return ReadAccountPageFrom(response, text, requestedLimit, session);
    }

    /// <summary>The same, read as the body arrives (<see cref="ApiRequest.SuccessBodyReader"/>), straight into accounts.</summary>
    public static ManagedAccountPage ReadAccountPageFrom(ApiResponse response, TextReader body, int requestedLimit, PasswordSafeSession? session)
    {
        try
        {
            using var reader = ManagedAccountPageReader.CreateJsonReader(body);
            return new ManagedAccountPageReader(session).Read(reader, requestedLimit);
        }
        catch (JsonException e)
        {
            // A page that came as text (not streamed) may be a proxy's or login page: say so, as for the other answers.
            EnsureNotHtml(response);
            throw NotJson(response, e);
        }
        catch (FormatException)
        {
            throw Unexpected(response, "a managed account list");
        }
    }

    public static IReadOnlyList<Request> ReadRequests(ApiResponse response, PasswordSafeSession? session)
    {
        var token = Parse(response);
        var requests = new List<Request>();
        var items = token as JArray ?? (token is JObject single ? new JArray(single) : null);
        if (items == null)
        {
            throw Unexpected(response, "a request list");
        }

        foreach (var item in items)
        {
            if (item is JObject request)
            {
                requests.Add(ToRequest(request, session));
            }
        }

        return requests;
    }

    /// <summary><c>GET RequestSets</c> (§3.4): an array of <c>{ RequestSetID, Requests: [ … ] }</c>; a single object is tolerated.</summary>
    public static IReadOnlyList<RequestSet> ReadRequestSets(ApiResponse response, PasswordSafeSession? session)
    {
        var token = Parse(response);
        var items = token as JArray ?? (token is JObject single ? new JArray(single) : null);
        if (items == null)
        {
            throw Unexpected(response, "a request set list");
        }

        var sets = new List<RequestSet>();
        foreach (var item in items)
        {
            if (item is JObject set)
            {
                sets.Add(ToRequestSet(set, response, session));
            }
        }

        return sets;
    }

    /// <summary><c>POST RequestSets</c> answers the new set (§3.4 [I]); its requests may be missing when a server answers less.</summary>
    public static RequestSet ReadRequestSet(ApiResponse response, PasswordSafeSession? session) =>
        Parse(response) is JObject set ? ToRequestSet(set, response, session) : throw Unexpected(response, "a request set");

    private static RequestSet ToRequestSet(JObject obj, ApiResponse response, PasswordSafeSession? session)
    {
        var requests = new List<Request>();
        if (Property(obj, "Requests") is JToken list)
        {
            if (!(list is JArray array))
            {
                throw Unexpected(response, "a request set with a list of requests");
            }

            requests.AddRange(array.OfType<JObject>().Select(r => ToRequest(r, session)));
        }

        return new RequestSet
        {
            RequestSetId = Int(obj, "RequestSetID") ?? throw Unexpected(response, "a request set with a RequestSetID"),
            Requests = requests.ToArray(),
            Session = session,
        };
    }

    /// <summary><c>POST Requests</c> answers the bare id (<c>124</c>); a quoted id or an object with <c>RequestID</c> is tolerated.</summary>
    public static int ReadRequestId(ApiResponse response)
    {
        // The documented answer is a bare number (api-v3 §3.2); anything else goes through the parser.
        if (int.TryParse(response.Body.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return bare;
        }

        var token = Parse(response);
        if (token is JObject obj)
        {
            token = Property(obj, "RequestID") ?? Property(obj, "ID") ?? JValue.CreateNull();
        }

        if ((token.Type == JTokenType.Integer || token.Type == JTokenType.String)
            && int.TryParse(token.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw Unexpected(response, "a request id");
    }

    /// <summary>
    /// <c>GET Credentials/{id}</c> answers a JSON string (§4.1); a non-JSON text body is taken as it is. An empty body, or
    /// under a JSON content type JSON that is not a string (<c>null</c>, <c>true</c>, a number), is never a password.
    /// </summary>
    public static string ReadCredential(ApiResponse response)
    {
        var body = response.Body;
        var trimmed = body.Trim();
        if (trimmed.Length == 0 || trimmed[0] != '"')
        {
            // A proxy's login page, or JSON that is an object or array, is never a password, whatever the status said.
            EnsureNotHtml(response);
            if (trimmed.Length == 0)
            {
                throw new PasswordSafeException(ErrorIds.InvalidServerResponse,
                    $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with an empty body where a credential string was expected.",
                    "Check that the server runs Password Safe API v3. " + response.SeeTheAnswerHint);
            }

            if (IsJsonMediaType(response.ContentType) && (trimmed[0] == '{' || trimmed[0] == '[' || NonStringJson.IsScalar(trimmed)))
            {
                throw Unexpected(response, "a credential string");
            }

            // Some servers send the value unquoted (as text/plain).
            return body;
        }

        if (IsPlainJsonString(trimmed))
        {
            return trimmed.Substring(1, trimmed.Length - 2);
        }

        var token = Parse(response);
        return token.Type == JTokenType.String ? token.Value<string>() ?? string.Empty : throw Unexpected(response, "a credential string");
    }

    /// <summary><c>POST ISARequests</c> answers <c>{ "Credentials": "…" }</c> (§5.2); a bare JSON string is tolerated.</summary>
    public static string ReadIsaCredential(ApiResponse response)
    {
        var token = Parse(response);
        if (token.Type == JTokenType.String)
        {
            return token.Value<string>() ?? string.Empty;
        }

        if (token is JObject obj && Property(obj, "Credentials") is JToken value && value.Type == JTokenType.String)
        {
            return value.Value<string>() ?? string.Empty;
        }

        throw Unexpected(response, "an object with Credentials");
    }

    /// <summary>The SSH and RDP ticket shapes of §5.1 (Port is a string there; a number is tolerated).</summary>
    public static AccessSession ReadAccessSession(ApiResponse response)
    {
        if (!(Parse(response) is JObject obj))
        {
            throw Unexpected(response, "a session object");
        }

        return new AccessSession
        {
            SessionId = Text(obj, "ID"),
            Ticket = Text(obj, "Ticket"),
            Host = Text(obj, "Host"),
            Port = Text(obj, "Port"),
            TicketAtHost = Text(obj, "TicketAtHost"),
            Link = Text(obj, "Link"),
            Command = Text(obj, "Command"),
        };
    }

    /// <summary><c>GET Aliases</c> answers an array; <c>GET Aliases/{id}</c> and <c>?name=</c> a single object.</summary>
    public static IReadOnlyList<ManagedAccountAlias> ReadAliases(ApiResponse response, PasswordSafeSession? session)
    {
        var token = Parse(response);
        var items = token as JArray ?? (token is JObject single ? new JArray(single) : null);
        if (items == null)
        {
            throw Unexpected(response, "an alias list");
        }

        return items.OfType<JObject>().Select(alias => ToAlias(alias, response, session)).ToList();
    }

    /// <summary>The alias credential object of §4.1: the names, and the one field of the type asked for.</summary>
    public static AliasCredential ReadAliasCredential(ApiResponse response, string type)
    {
        if (!(Parse(response) is JObject obj))
        {
            throw Unexpected(response, "an alias credential object");
        }

        var field = string.Equals(type, "DssKey", StringComparison.OrdinalIgnoreCase) ? "PrivateKey"
            : string.Equals(type, "Passphrase", StringComparison.OrdinalIgnoreCase) ? "Passphrase"
            : "Password";
        return new AliasCredential
        {
            Secret = Property(obj, field) is JToken value && value.Type == JTokenType.String
                ? value.Value<string>() ?? string.Empty
                : throw Unexpected(response, $"an alias credential object with {field}"),
            SystemName = Text(obj, "SystemName"),
            AccountName = Text(obj, "AccountName"),
            DomainName = Text(obj, "DomainName"),
        };
    }

    private static ManagedAccountAlias ToAlias(JObject obj, ApiResponse response, PasswordSafeSession? session) => new ManagedAccountAlias
    {
        AliasId = Int(obj, "AliasID") ?? throw Unexpected(response, "an alias with an AliasID"),
        AliasName = Text(obj, "AliasName"),
        AliasState = Int(obj, "AliasState") ?? 0,
        PreferredSystemId = Int(obj, "SystemId"),
        PreferredAccountId = Int(obj, "AccountId"),
        SystemName = Text(obj, "SystemName"),
        AccountName = Text(obj, "AccountName"),
        DomainName = Text(obj, "DomainName"),
        InstanceName = Text(obj, "InstanceName"),
        DefaultReleaseDuration = Int(obj, "DefaultReleaseDuration") ?? 0,
        MaximumReleaseDuration = Int(obj, "MaximumReleaseDuration") ?? 0,
        LastChangeDate = Date(obj, "LastChangeDate"),
        NextChangeDate = Date(obj, "NextChangeDate"),
        IsChanging = Bool(obj, "IsChanging"),
        ChangeState = Int(obj, "ChangeState") ?? 0,
        MappedAccounts = (Property(obj, "MappedAccounts") as JArray ?? new JArray()).OfType<JObject>().Select(m => new ManagedAccountAliasMapping
        {
            ManagedSystemId = Int(m, "ManagedSystemID") ?? 0,
            ManagedAccountId = Int(m, "ManagedAccountID") ?? 0,
            Status = Text(m, "Status"),
        }).ToArray(),
        Session = session,
    };

    private static Request ToRequest(JObject obj, PasswordSafeSession? session)
    {
        var request = new Request
        {
            RequestId = Int(obj, "RequestID") ?? 0,
            SystemId = Int(obj, "SystemID") ?? 0,
            SystemName = Text(obj, "SystemName") ?? Text(obj, "ManagedSystemName"),
            AccountId = Int(obj, "AccountID") ?? 0,
            AccountName = Text(obj, "AccountName"),
            DomainName = Text(obj, "DomainName"),
            AliasId = Int(obj, "AliasID"),
            ApplicationId = Int(obj, "ApplicationID"),
            RequestReleaseDate = Date(obj, "RequestReleaseDate"),
            ApprovedDate = Date(obj, "ApprovedDate"),
            ExpiresDate = Date(obj, "ExpiresDate"),
            Status = Text(obj, "Status"),
            AccessType = Text(obj, "AccessType"),
            Reason = Text(obj, "Reason"),
            RequestorName = Text(obj, "RequestorName"),
            RequestorUserId = Int(obj, "RequestorUserID"),
            RotateOnCheckin = Bool(obj, "RotateOnCheckin"),
            Session = session,
        };
        request.UserName = CredentialUserName.For(request.DomainName, request.AccountName, null);
        return request;
    }

    /// <summary>A quoted JSON string with nothing to unescape (no backslash, quote or control character inside): its text is the value.</summary>
    private static bool IsPlainJsonString(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '"' || c == '\\' || c < ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static JToken Parse(ApiResponse response)
    {
        EnsureNotHtml(response);
        try
        {
            // Dates stay strings here; they are parsed below, invariantly.
            using var reader = new JsonTextReader(new StringReader(response.Body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException e)
        {
            throw NotJson(response, e);
        }
    }

    private static bool IsJsonMediaType(string? mediaType) => NonStringJson.IsJsonMediaType(mediaType);

    private static void EnsureNotHtml(ApiResponse response)
    {
        if (ErrorBodyParser.LooksLikeHtml(response.Body))
        {
            throw new PasswordSafeException(ErrorIds.InvalidServerResponse,
                $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with an HTML page instead of JSON.",
                "Check that -Uri points at the Password Safe API and not at a proxy or login page.");
        }
    }

    private static PasswordSafeException NotJson(ApiResponse response, JsonException e) =>
        new PasswordSafeException(ErrorIds.InvalidServerResponse,
            $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with a body that is not valid JSON.",
            "Check that -Uri points at the Password Safe API. " + response.SeeTheAnswerHint, e);

    private static PasswordSafeException Unexpected(ApiResponse response, string expected) =>
        new PasswordSafeException(ErrorIds.InvalidServerResponse,
            $"{response.Method} {response.RedactedUri} answered {response.StatusCode} with JSON that is not {expected}.",
            "Check that the server runs Password Safe API v3. " + response.SeeTheAnswerHint);

    private static JToken? Property(JObject obj, string name)
    {
        var value = obj.GetValue(name, StringComparison.OrdinalIgnoreCase);
        return value == null || value.Type == JTokenType.Null ? null : value;
    }

    private static string? Text(JObject obj, string name)
    {
        var value = Property(obj, name);
        return value == null ? null : value.Type == JTokenType.String ? value.Value<string>() : value.ToString(Formatting.None);
    }

    private static int? Int(JObject obj, string name)
    {
        var value = Property(obj, name);
        return value != null && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
    }

    private static bool Bool(JObject obj, string name)
    {
        var value = Property(obj, name);
        return value != null && (value.Type == JTokenType.Boolean ? value.Value<bool>() : string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static DateTimeOffset? Date(JObject obj, string name)
    {
        var text = Text(obj, name);
        return text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : (DateTimeOffset?)null;
    }
}
