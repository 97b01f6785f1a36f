using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using PasswordSafe.Http;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// A scripted Password Safe for the admin calls: routes (method + path regex under the base) answer canned JSON,
/// every call is recorded, and unrouted calls get 404 so a wrong path shows up as a test failure.
/// </summary>
internal sealed class FakeAdminServer
{
    public const string ApiKey = "K3y-rotated-0123456789abcdefK3y-rotated-0123456789abcdef";
    public const string ClientSecret = "Cl1ent-S3cret-value-9f8e7d";

    private readonly List<(string Method, Regex Path, Func<RecordedRequest, HttpResponseMessage> Answer)> _routes = new();

    public FakeAdminServer()
    {
        Handler = new FakeHttpHandler(Answer);
        Route("POST", "Auth/SignAppIn", _ => Json(HttpStatusCode.OK, TestSessions.UserJson));
    }

    public FakeHttpHandler Handler { get; }

    /// <summary>Adds (or overrides, since later routes win) an answer for a method and a path regex relative to the base.</summary>
    public FakeAdminServer Route(string method, string pathPattern, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _routes.Insert(0, (method, new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase), answer));
        return this;
    }

    public FakeAdminServer Route(string method, string pathPattern, HttpStatusCode status, string? body = null) =>
        Route(method, pathPattern, _ => Json(status, body));

    public IEnumerable<RecordedRequest> Calls(string method, string pathPattern)
    {
        var regex = new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase);
        return Handler.Requests.Where(r => r.Method == method && (regex.IsMatch(Relative(r)) || regex.IsMatch(Relative(r).Split('?')[0])));
    }

    /// <summary>Every call other than sign-in: what a -WhatIf run must leave empty.</summary>
    public IEnumerable<RecordedRequest> Changes() =>
        Handler.Requests.Where(r => r.Method != "GET" && !Relative(r).StartsWith("Auth/", StringComparison.OrdinalIgnoreCase));

    public PasswordSafeSession Connect()
    {
        var connection = TestSessions.ApiKeySession(Handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        return new PasswordSafeSession(connection);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string? body) => FakeHttpHandler.Respond(status, body);

    public static string Relative(RecordedRequest r) =>
        Uri.UnescapeDataString(r.Uri.AbsolutePath).Substring(TestSessions.BaseUri.AbsolutePath.Length) + r.Uri.Query;

    private HttpResponseMessage Answer(RecordedRequest r)
    {
        var path = Relative(r);
        var pathOnly = path.Split('?')[0];
        foreach (var route in _routes.Where(x => x.Method == r.Method))
        {
            if (route.Path.IsMatch(path) || route.Path.IsMatch(pathOnly))
            {
                return route.Answer(r);
            }
        }

        return Json(HttpStatusCode.NotFound, "\"No route for " + r.Method + " " + path + "\"");
    }
}
