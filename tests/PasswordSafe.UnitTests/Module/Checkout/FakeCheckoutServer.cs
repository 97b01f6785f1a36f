using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Web;
using PasswordSafe.Http;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// A scripted Password Safe for the checkout calls, answering as api-v3 §2–5 says: paging with
/// limit/offset, the single-object answer for an exact name lookup, bare request ids, JSON-string credentials.
/// Tests change its state or override single answers through <see cref="Override"/>.
/// </summary>
internal sealed class FakeCheckoutServer
{
    public const string Password = "Pa55-w0rd!secret";
    public const int FirstRequestId = 987654;

    private readonly object _gate = new object();
    private int _nextRequestId = FirstRequestId;

    public FakeCheckoutServer(int accountCount = 5)
    {
        for (var i = 1; i <= accountCount; i++)
        {
            Accounts.Add(new Dictionary<string, object?>
            {
                ["PlatformID"] = 1, ["SystemId"] = 100 + i, ["SystemName"] = "srv" + i, ["DomainName"] = i == 1 ? "CONTOSO" : null,
                ["AccountId"] = 200 + i, ["AccountName"] = "admin" + i, ["UserPrincipalName"] = null,
                ["DefaultReleaseDuration"] = 30, ["MaximumReleaseDuration"] = 120, ["IsISAAccess"] = i == 2,
                ["LastChangeDate"] = "2026-01-02T03:04:05", ["NextChangeDate"] = null,
            });
        }

        Handler = new FakeHttpHandler(Answer);
    }

    public FakeHttpHandler Handler { get; }

    public List<Dictionary<string, object?>> Accounts { get; } = new List<Dictionary<string, object?>>();

    public List<Dictionary<string, object?>> Requests { get; } = new List<Dictionary<string, object?>>();

    /// <summary>New requests wait for approval instead of being auto-approved.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Answers a matching call instead of the scripted behaviour; return null to fall through.</summary>
    public Func<RecordedRequest, HttpResponseMessage?>? Override { get; set; }

    /// <summary>Set when GET Credentials arrives (tests wait on it before stopping a pipeline).</summary>
    public ManualResetEventSlim CredentialRead { get; } = new ManualResetEventSlim();

    public IEnumerable<RecordedRequest> Calls(string method, string pathSuffix) =>
        Handler.Requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<RecordedRequest> CallsUnder(string method, string relativePrefix) =>
        Handler.Requests.Where(r => r.Method == method && Relative(r).StartsWith(relativePrefix, StringComparison.OrdinalIgnoreCase));

    public static string Relative(RecordedRequest r) => r.Path.Substring(TestSessions.BaseUri.AbsolutePath.Length);

    public PasswordSafeSession Connect()
    {
        var connection = TestSessions.ApiKeySession(Handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        return new PasswordSafeSession(connection);
    }

    private HttpResponseMessage Answer(RecordedRequest r)
    {
        var overridden = Override?.Invoke(r);
        if (overridden != null)
        {
            return overridden;
        }

        var path = Relative(r);
        var query = HttpUtility.ParseQueryString(r.Uri.Query);
        lock (_gate)
        {
            if (path.Equals("Auth/SignAppIn", StringComparison.OrdinalIgnoreCase))
            {
                return Json(HttpStatusCode.OK, TestSessions.UserJson);
            }

            if (path.Equals("ManagedAccounts", StringComparison.OrdinalIgnoreCase))
            {
                return ManagedAccounts(query);
            }

            if (path.Equals("Requests", StringComparison.OrdinalIgnoreCase))
            {
                return r.Method == "POST" ? CreateRequest(r) : ListRequests(query);
            }

            var segments = path.Split('/');
            if (segments[0].Equals("Credentials", StringComparison.OrdinalIgnoreCase))
            {
                CredentialRead.Set();
                var request = Find(int.Parse(segments[1]));
                if (request == null || (string)request["Status"]! != "Active" && (string)request["Status"]! != "Pending")
                {
                    return Json(HttpStatusCode.NotFound, "\"Request not found\"");
                }

                return (string)request["Status"]! == "Pending" ? Json(HttpStatusCode.Forbidden, "4034") : Json(HttpStatusCode.OK, JsonSerializer.Serialize(Password));
            }

            if (segments[0].Equals("Requests", StringComparison.OrdinalIgnoreCase) && segments.Length == 3)
            {
                var request = Find(int.Parse(segments[1]));
                if (request == null)
                {
                    return Json(HttpStatusCode.NotFound, "\"Request not found\"");
                }

                switch (segments[2].ToLowerInvariant())
                {
                    case "checkin": request["Status"] = "Released"; return new HttpResponseMessage(HttpStatusCode.NoContent);
                    case "approve": request["Status"] = "Active"; return new HttpResponseMessage(HttpStatusCode.NoContent);
                    case "deny": request["Status"] = "Denied"; return new HttpResponseMessage(HttpStatusCode.NoContent);
                    case "rotateoncheckin": return new HttpResponseMessage(HttpStatusCode.NoContent);
                    case "sessions":
                        return Json(HttpStatusCode.Created, "{\"ID\":\"s1\",\"Ticket\":\"T1CK3T\",\"Host\":\"proxy.test\",\"Port\":\"4489\"}");
                }
            }

            if (path.StartsWith("ISARequests", StringComparison.OrdinalIgnoreCase))
            {
                return Json(HttpStatusCode.Created, "{\"Credentials\":" + JsonSerializer.Serialize(Password) + "}");
            }

            if (path.StartsWith("ISASessions", StringComparison.OrdinalIgnoreCase))
            {
                return FakeHttpHandler.Respond(HttpStatusCode.Created, "full address:s:proxy.test:4489\r\n", "application/octet-stream");
            }

            return Json(HttpStatusCode.NotFound, "\"no such endpoint\"");
        }
    }

    private HttpResponseMessage ManagedAccounts(System.Collections.Specialized.NameValueCollection query)
    {
        IEnumerable<Dictionary<string, object?>> matches = Accounts;
        if (query["systemName"] is string systemName)
        {
            matches = matches.Where(a => string.Equals((string?)a["SystemName"], systemName, StringComparison.OrdinalIgnoreCase));
        }

        if (query["accountName"] is string accountName)
        {
            matches = matches.Where(a => string.Equals((string?)a["AccountName"], accountName, StringComparison.OrdinalIgnoreCase));
        }

        var list = matches.ToList();
        if (query["systemName"] != null && query["accountName"] != null)
        {
            // §2.1: both names identify one account: an object, or 404.
            return list.Count switch
            {
                0 => Json(HttpStatusCode.NotFound, "\"Managed Account not found\""),
                1 => Json(HttpStatusCode.OK, JsonSerializer.Serialize(list[0])),
                _ => Json(HttpStatusCode.OK, JsonSerializer.Serialize(list)),
            };
        }

        var limit = int.Parse(query["limit"] ?? "1000");
        var offset = int.Parse(query["offset"] ?? "0");
        return Json(HttpStatusCode.OK, JsonSerializer.Serialize(list.Skip(offset).Take(limit)));
    }

    private HttpResponseMessage CreateRequest(RecordedRequest r)
    {
        using var body = JsonDocument.Parse(r.Body!);
        var systemId = body.RootElement.GetProperty("SystemID").GetInt32();
        var accountId = body.RootElement.GetProperty("AccountID").GetInt32();
        var account = Accounts.First(a => (int)a["SystemId"]! == systemId && (int)a["AccountId"]! == accountId);
        // The read-back reports the access type asked for, as the server does (New-PSAccessSession checks it).
        var accessType = body.RootElement.TryGetProperty("AccessType", out var type) ? type.GetString() : "View";
        var id = _nextRequestId++;
        Requests.Add(new Dictionary<string, object?>
        {
            ["RequestID"] = id, ["SystemID"] = systemId, ["SystemName"] = account["SystemName"], ["AccountID"] = accountId,
            ["AccountName"] = account["AccountName"], ["DomainName"] = account["DomainName"],
            ["Status"] = RequireApproval ? "Pending" : "Active", ["AccessType"] = accessType, ["Reason"] = null,
            ["ExpiresDate"] = "2026-01-02T04:04:05",
        });
        return Json(HttpStatusCode.Created, id.ToString());
    }

    private HttpResponseMessage ListRequests(System.Collections.Specialized.NameValueCollection query)
    {
        var status = query["status"] ?? "all";
        var list = Requests.Where(q => status == "all" || string.Equals((string)q["Status"]!, status, StringComparison.OrdinalIgnoreCase));
        return Json(HttpStatusCode.OK, JsonSerializer.Serialize(list));
    }

    private Dictionary<string, object?>? Find(int id) => Requests.FirstOrDefault(q => (int)q["RequestID"]! == id);

    public static HttpResponseMessage Json(HttpStatusCode status, string body) => FakeHttpHandler.Respond(status, body);
}
