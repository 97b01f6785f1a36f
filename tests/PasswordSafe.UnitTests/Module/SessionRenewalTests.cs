using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class SessionRenewalTests
{
    [Fact]
    public void B2_401_SignsInOnceAndRetriesTheCall()
    {
        var signIns = 0;
        var sessionAlive = false;
        var handler = new FakeHttpHandler(r =>
        {
            if (r.IsTo("Auth/SignAppIn")) { signIns++; sessionAlive = true; return FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson); }
            return sessionAlive ? FakeHttpHandler.Respond(HttpStatusCode.OK, "[]") : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized);
        });
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        sessionAlive = false; // the server ended the session

        var response = TestSessions.Get(connection, "ManagedAccounts");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, signIns);
        Assert.Equal(new[] { "Auth/SignAppIn", "ManagedAccounts", "Auth/SignAppIn", "ManagedAccounts" },
            handler.Requests.Select(r => r.Path.Substring(TestSessions.BaseUri.AbsolutePath.Length)));
    }

    [Fact]
    public void Persistent401_DoesNotLoop_AndIsSessionExpired()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));

        Assert.Equal(ErrorIds.SessionExpired, error.ErrorId);
        Assert.Equal(4, handler.Requests.Count); // sign-in, call, one re-sign-in, one retry
        Assert.Equal(error.Message, connection.LastError);
    }

    [Fact]
    public void A6_RotatedKey_IsApiKeyRejected()
    {
        var rotated = false;
        var handler = new FakeHttpHandler(r => rotated
            ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized)
            : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        rotated = true;

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));

        Assert.Equal(ErrorIds.ApiKeyRejected, error.ErrorId);
        Assert.Contains("rotated", error.Message);
        Assert.Contains("Connect-PasswordSafe", error.RecommendedAction);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public void B4_SessionThatNeededAChallenge_CannotRenew_IsSessionExpired()
    {
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/SignAppIn")
                ? (r.Authorization!.Contains("challenge=") ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
                    : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: new System.Collections.Generic.Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Code?" }))
                : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        TestSessions.Sync(connection.AnswerChallengeAsync("1", new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));

        Assert.Equal(ErrorIds.SessionExpired, error.ErrorId);
        Assert.Equal(3, handler.Requests.Count); // no sign-in attempt that would need a human
    }

    [Fact]
    public void B2_IdleExpiredSession_SignsInAgainBeforeTheCall()
    {
        var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));
        var connection = TestSessions.ApiKeySession(handler, () => now);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        now = now.AddMinutes(21);
        Assert.True(connection.IsIdleExpired);
        TestSessions.Get(connection, "Users");

        Assert.Equal(new[] { "POST", "POST", "GET" }, handler.Requests.Select(r => r.Method));
        Assert.False(connection.IsIdleExpired);
    }

    [Fact]
    public void C3_ExpiredToken_GetsANewTokenAndSignsInBeforeTheCall()
    {
        var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var tokens = 0;
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/connect/token") ? FakeHttpHandler.Respond(HttpStatusCode.OK, $"{{\"access_token\":\"T{++tokens}\",\"expires_in\":60}}")
            : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));
        var connection = TestSessions.OAuthSession(handler, () => now);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        now = now.AddSeconds(61);
        Assert.True(connection.IsTokenExpired);
        TestSessions.Get(connection, "Users");

        Assert.Equal(2, tokens);
        Assert.Equal("Bearer T2", handler.Requests.Last().Authorization);
        Assert.False(connection.IsTokenExpired);
    }

    [Fact]
    public async Task ConcurrentCallsThatGet401_SignInOnlyOnce()
    {
        var signIns = 0;
        var generation = 0;
        var handler = new FakeHttpHandler(r =>
        {
            if (r.IsTo("Auth/SignAppIn"))
            {
                Interlocked.Increment(ref signIns);
                Thread.Sleep(50); // widen the window in which other callers wait on the renewal lock
                Interlocked.Increment(ref generation);
                return FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson);
            }

            return Volatile.Read(ref generation) >= 2 ? FakeHttpHandler.Respond(HttpStatusCode.OK, "[]") : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized);
        });
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            connection.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None))).ToArray();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(2, signIns); // the first sign-in and exactly one renewal
    }

    [Fact]
    public void DisconnectedSession_IsNotConnected()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : null));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        TestSessions.Sync(connection.DisconnectAsync(new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));
        Assert.Equal(ErrorIds.NotConnected, error.ErrorId);
    }
}
