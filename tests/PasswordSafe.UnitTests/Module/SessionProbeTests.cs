using System;
using System.Linq;
using System.Net;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Session;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>Test-PasswordSafeSession -Online's call (SessionConnection.ProbeAsync) and the session's ExpiresAt.</summary>
public class SessionProbeTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void B2_Probe_401_NeverSignsInAgain_AndLeavesTheSessionConnected()
    {
        var alive = true;
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : alive ? FakeHttpHandler.Respond(HttpStatusCode.OK, "[]") : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var now = Start;
        var connection = TestSessions.ApiKeySession(handler, () => now);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        alive = false;
        now = now.AddMinutes(25); // idle by the local clock too: a normal call would sign in first; the probe must not

        var response = TestSessions.Sync(connection.ProbeAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(new[] { "POST", "GET" }, handler.Requests.Select(r => r.Method));
        Assert.EndsWith("/Requests", handler.Requests.Last().Path);
        Assert.Contains("status=active", handler.Requests.Last().Uri.Query);
        Assert.True(connection.IsConnected);
        Assert.Equal(Start, connection.LastActivity); // a 401 is no activity
    }

    [Fact]
    public void Probe_AnyOtherAnswer_CountsAsActivity()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.Forbidden, "\"4032\""));
        var now = Start;
        var connection = TestSessions.ApiKeySession(handler, () => now);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        now = now.AddMinutes(5);

        var response = TestSessions.Sync(connection.ProbeAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal(now, connection.LastActivity);
        Assert.Equal(now + SessionConnection.DefaultIdleTimeout, connection.ExpiresAt);
    }

    [Fact]
    public void B4_Probe_401_ToASessionThatCannotSignInAgain_DisconnectsIt_WithTheReason()
    {
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/SignAppIn")
                ? (r.Authorization!.Contains("challenge=") ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
                    : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: new System.Collections.Generic.Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Code?" }))
                : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        TestSessions.Sync(connection.AnswerChallengeAsync("1", new RequestLog(), CancellationToken.None));

        var response = TestSessions.Sync(connection.ProbeAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(401, response.StatusCode);
        Assert.False(connection.IsConnected);
        Assert.Contains("two-factor", connection.EndReason);
        Assert.Null(connection.ExpiresAt);
    }

    [Fact]
    public void EarlierEnd_IdleEndWithoutAToken_TheTokenWhenItEndsFirst()
    {
        var idle = TimeSpan.FromMinutes(20);
        Assert.Equal(Start.AddMinutes(20), SessionConnection.EarlierEnd(Start, idle, null));
        Assert.Equal(Start.AddMinutes(5), SessionConnection.EarlierEnd(Start, idle, Start.AddMinutes(5)));
        Assert.Equal(Start.AddMinutes(20), SessionConnection.EarlierEnd(Start, idle, Start.AddHours(1)));
    }

    [Fact]
    public void C3_ExpiresAt_OAuthSession_IsTheTokenExpiryWhenItComesFirst()
    {
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/connect/token") ? FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"T1\",\"expires_in\":60}")
            : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));
        var connection = TestSessions.OAuthSession(handler, () => Start);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(connection.SignIn.TokenExpiresAt, connection.ExpiresAt);
        Assert.True(connection.ExpiresAt < Start.AddMinutes(2));
    }
}
