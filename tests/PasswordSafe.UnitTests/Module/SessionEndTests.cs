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

/// <summary>
/// B2, A6, D2: a session the server ended and then refused to sign in again (or that needs a two-factor answer to sign
/// in) is disconnected for good, with the reason; its later calls fail at once with NotConnected instead of each signing
/// in again (one more failed sign-in in the user audit every time). A renewal that merely got no answer is retried.
/// </summary>
public class SessionEndTests
{
    /// <summary>Signs in, then answers 401 to everything: the key was rotated, or the user removed.</summary>
    private static FakeHttpHandler RefusedAfterSignIn(Func<bool> refused) =>
        new(r => refused()
            ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized)
            : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));

    [Fact]
    public void RefusedReSignIn_DisconnectsTheSession_WithTheLikelyCauses()
    {
        var refused = false;
        var handler = RefusedAfterSignIn(() => refused);
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        refused = true;

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));

        Assert.Equal(ErrorIds.ApiKeyRejected, error.ErrorId);
        Assert.False(connection.IsConnected);
        Assert.Equal(error.Message, connection.EndReason);
        Assert.NotNull(connection.EndedAt);
        // The server does not say why (D2): every likely cause is named, not one guess.
        foreach (var cause in new[] { "removed", "disabled", "rotated", "deactivated or deleted", "rules", "user audit" })
        {
            Assert.Contains(cause, error.Message);
        }
    }

    [Fact]
    public void AfterARefusedReSignIn_LaterCalls_AreNotConnectedAtOnce_SayingWhy_AndSendNothing()
    {
        var refused = false;
        var handler = RefusedAfterSignIn(() => refused);
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        refused = true;
        var first = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));
        var sent = handler.Requests.Count;

        for (var i = 0; i < 3; i++)
        {
            var later = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "ManagedAccounts"));
            Assert.Equal(ErrorIds.NotConnected, later.ErrorId);
            Assert.Contains("The session of demo with " + TestSessions.BaseUri.AbsoluteUri + " is disconnected.", later.Message);
            Assert.Contains(first.Message, later.Message);
            Assert.Contains("Connect-PasswordSafe", later.RecommendedAction);
        }

        Assert.Equal(sent, handler.Requests.Count); // no further sign-in attempts, nor calls
    }

    [Fact]
    public async Task ConcurrentCallsThatGet401_WhenSigningInAgainIsRefused_SignInAgainOnlyOnce()
    {
        var refused = false;
        var signIns = 0;
        var handler = new FakeHttpHandler(r =>
        {
            if (r.IsTo("Auth/SignAppIn"))
            {
                Interlocked.Increment(ref signIns);
                Thread.Sleep(50); // widen the window in which other callers wait on the renewal lock
            }

            return Volatile.Read(ref refused)
                ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized)
                : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]");
        });
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        Volatile.Write(ref refused, true);

        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            connection.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None))).ToArray();
        await Assert.ThrowsAnyAsync<PasswordSafeException>(() => Task.WhenAll(calls));

        Assert.Equal(2, signIns); // the first sign-in and the one refused renewal
        var ids = calls.Select(c => ((PasswordSafeException)c.Exception!.InnerException!).ErrorId).ToList();
        Assert.Single(ids, id => id == ErrorIds.ApiKeyRejected);
        Assert.All(ids.Where(id => id != ErrorIds.ApiKeyRejected), id => Assert.Equal(ErrorIds.NotConnected, id));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    public void ReSignInThatGetsNoVerdict_KeepsTheSession_TheNextCallSignsInAgain(HttpStatusCode failure)
    {
        var alive = true;
        var signInFails = false;
        var signIns = 0;
        var handler = new FakeHttpHandler(r =>
        {
            if (r.IsTo("Auth/SignAppIn"))
            {
                signIns++;
                if (signInFails)
                {
                    return FakeHttpHandler.Respond(failure);
                }

                alive = true;
                return FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson);
            }

            return alive ? FakeHttpHandler.Respond(HttpStatusCode.OK, "[]") : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized);
        });
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        alive = false;
        signInFails = true;

        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));

        Assert.Equal(ErrorIds.ServerError, error.ErrorId);
        Assert.True(connection.IsConnected);
        Assert.Null(connection.EndReason);
        signInFails = false;
        Assert.Equal(200, TestSessions.Get(connection, "Users").StatusCode);
        Assert.Equal(3, signIns);
    }

    [Fact]
    public void OAuth_TokenRefusedWhenRenewing_DisconnectsTheSession_LaterCallsSendNothing()
    {
        var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var recycled = false;
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/connect/token")
                ? recycled
                    ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\"}")
                    : FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"T1\",\"expires_in\":60}")
                : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]"));
        var connection = TestSessions.OAuthSession(handler, () => now);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        recycled = true;
        now = now.AddSeconds(61);

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));
        var sent = handler.Requests.Count;
        var later = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));

        Assert.Equal(ErrorIds.OAuthClientRejected, error.ErrorId);
        Assert.False(connection.IsConnected);
        Assert.Equal(ErrorIds.NotConnected, later.ErrorId);
        Assert.Contains(error.Message, later.Message);
        Assert.Equal(sent, handler.Requests.Count);
    }

    [Fact]
    public void B4_SessionThatNeededAChallenge_Gets401_IsSessionExpired_AndDisconnected()
    {
        var handler = new FakeHttpHandler(r =>
            r.IsTo("Auth/SignAppIn")
                ? (r.Authorization!.Contains("challenge=") ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
                    : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: new System.Collections.Generic.Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Code?" }))
                : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        TestSessions.Sync(connection.AnswerChallengeAsync("1", new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));
        var later = Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));

        Assert.Equal(ErrorIds.SessionExpired, error.ErrorId);
        Assert.False(connection.IsConnected);
        Assert.Equal(ErrorIds.NotConnected, later.ErrorId);
        Assert.Contains("two-factor", later.Message);
        Assert.Equal(3, handler.Requests.Count); // the two sign-in steps and the one refused call
    }

    [Fact]
    public void ASessionThatCanStillSignIn_IsNotDisconnected_ByA401ThatSigningInAgainDoesNotCure()
    {
        // Signing in works; the call alone keeps getting 401. The session is alive, so it stays connected.
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(ErrorIds.SessionExpired, Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users")).ErrorId);
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public void EndedOAuthSession_Disconnect_RevokesTheTokenItHolds_WithoutSigningOut()
    {
        var refused = false;
        var handler = new FakeHttpHandler(r =>
        {
            if (r.IsTo("Auth/connect/token")) return FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"T1\",\"expires_in\":3600}");
            if (r.IsTo("Auth/connect/revocation")) return FakeHttpHandler.Respond(HttpStatusCode.OK);
            return refused ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized) : FakeHttpHandler.Respond(HttpStatusCode.OK, r.IsTo("Auth/SignAppIn") ? TestSessions.UserJson : "[]");
        });
        var connection = TestSessions.OAuthSession(handler, runAs: "demo");
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        refused = true; // the impersonated user was removed: a new token is issued, signing in with it is refused
        Assert.Equal(ErrorIds.AuthenticationFailed, Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users")).ErrorId);
        var sent = handler.Requests.Count;

        var problems = TestSessions.Sync(connection.DisconnectAsync(new RequestLog(), CancellationToken.None));

        Assert.Empty(problems);
        var after = handler.Requests.Skip(sent).ToList();
        Assert.Single(after);
        Assert.True(after[0].IsTo("Auth/connect/revocation"));
    }
}
