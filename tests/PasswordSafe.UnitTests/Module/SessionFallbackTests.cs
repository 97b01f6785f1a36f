using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// When a piped object's disconnected session may give way to the runspace's default (same base URI, same user), and
/// what NotConnected says when it may not.
/// </summary>
public class SessionFallbackTests
{
    private static readonly Uri OtherServer = new Uri("https://pam2.test/BeyondTrust/api/public/v3/");

    private static PasswordSafeSession Signed(int? userId, string? userName, Uri? baseUri = null, bool disconnected = false)
    {
        var user = "{" + (userId == null ? string.Empty : $"\"UserId\":{userId},") + (userName == null ? string.Empty : $"\"UserName\":\"{userName}\",") + "\"Name\":\"x\"}";
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, user));
        var api = new ApiClient(baseUri ?? TestSessions.BaseUri, handler, TimeSpan.FromSeconds(30), new RetryPolicy(delay: (_, token) => Task.CompletedTask, seed: 1));
        var connection = new SessionConnection(api, SessionCredentials.ForApiKey(SecureStringReader.FromPlainText(TestSessions.Key), userName ?? "demo", null));
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        if (disconnected)
        {
            TestSessions.Sync(connection.DisconnectAsync(new RequestLog(), CancellationToken.None));
        }

        return new PasswordSafeSession(connection);
    }

    [Theory]
    [InlineData(1, "demo", 1, "demo", true)]
    [InlineData(1, "demo", 1, "DEMO", true)] // names compare as the server compares them
    [InlineData(1, "demo", 2, "demo", false)] // another user of the same name (renamed, re-created)
    [InlineData(1, "demo", 2, "approver", false)]
    [InlineData(null, "demo", 1, "demo", true)] // only the names are known on both
    [InlineData(null, "demo", null, "approver", false)]
    public void SameUser_ByIdAndName(int? idA, string nameA, int? idB, string nameB, bool same) =>
        Assert.Equal(same, SessionFallback.IsSameUserOnSameServer(Signed(idA, nameA), Signed(idB, nameB)));

    [Fact]
    public void SameUserOnAnotherServer_IsNotTheSame() =>
        Assert.False(SessionFallback.IsSameUserOnSameServer(Signed(1, "demo"), Signed(1, "demo", OtherServer)));

    [Fact]
    public void Replacement_OnlyForAPipedDisconnectedSession_ByAConnectedDefaultOfTheSameUser()
    {
        var old = Signed(1, "demo", disconnected: true);
        var fresh = Signed(1, "demo");

        Assert.Same(fresh, SessionFallback.Replacement(old, SessionOrigin.Piped, fresh));
        Assert.Null(SessionFallback.Replacement(old, SessionOrigin.Explicit, fresh));
        Assert.Null(SessionFallback.Replacement(old, SessionOrigin.Piped, null));
        Assert.Null(SessionFallback.Replacement(old, SessionOrigin.Piped, Signed(1, "demo", disconnected: true)));
        Assert.Null(SessionFallback.Replacement(old, SessionOrigin.Piped, Signed(2, "approver")));
        Assert.Null(SessionFallback.Replacement(old, SessionOrigin.Piped, Signed(1, "demo", OtherServer)));
        Assert.Null(SessionFallback.Replacement(Signed(1, "demo"), SessionOrigin.Piped, fresh)); // a live session is kept
    }

    [Fact]
    public void Disconnected_Piped_SaysWhyTheDefaultDidNotStandIn_AndToConnectAsTheOwner()
    {
        var old = Signed(1, "demo", disconnected: true);

        var none = SessionFallback.Disconnected(old, SessionOrigin.Piped, null);
        var other = SessionFallback.Disconnected(old, SessionOrigin.Piped, Signed(2, "approver"));
        var elsewhere = SessionFallback.Disconnected(old, SessionOrigin.Piped, Signed(1, "demo", OtherServer));

        Assert.All(new[] { none, other, elsewhere }, e =>
        {
            Assert.Equal(ErrorIds.NotConnected, e.ErrorId);
            Assert.StartsWith("The session this object came from (demo on https://pam.test/BeyondTrust/api/public/v3/) is disconnected", e.Message);
            Assert.StartsWith("Connect as demo to https://pam.test/BeyondTrust/api/public/v3/ with Connect-PasswordSafe", e.RecommendedAction);
            Assert.EndsWith("or pass -Session.", e.RecommendedAction);
        });
        Assert.Contains("no default session", none.Message);
        Assert.Contains("connected as approver", other.Message);
        Assert.Contains("another server (https://pam2.test/", elsewhere.Message);
    }

    [Fact]
    public void Disconnected_Explicit_SaysToPassTheNewSessionOrLeaveSessionOut()
    {
        var error = SessionFallback.Disconnected(Signed(1, "demo", disconnected: true), SessionOrigin.Explicit, Signed(1, "demo"));

        Assert.StartsWith("The session passed with -Session (demo on https://pam.test/", error.Message);
        Assert.Contains("leave -Session out", error.RecommendedAction);
    }

    [Fact]
    public void SessionEndedByTheServer_GivesWayLikeASignedOutOne_AndTheNotConnectedTextsSayWhy()
    {
        var ended = EndedByTheServer();
        var reason = ended.Connection.EndReason!;

        Assert.Contains("signing in again as 'demo' was refused (401)", reason);
        var fresh = Signed(1, "demo");
        Assert.Same(fresh, SessionFallback.Replacement(ended, SessionOrigin.Piped, fresh));
        foreach (var origin in new[] { SessionOrigin.Piped, SessionOrigin.Explicit, SessionOrigin.Default })
        {
            var error = SessionFallback.Disconnected(ended, origin, origin == SessionOrigin.Default ? ended : null);
            Assert.Equal(ErrorIds.NotConnected, error.ErrorId);
            Assert.EndsWith(" " + reason, error.Message);
            Assert.StartsWith("Once the cause is fixed, connect as demo to https://pam.test/BeyondTrust/api/public/v3/ with Connect-PasswordSafe", error.RecommendedAction);
        }
    }

    /// <summary>A session of demo whose server ended it and refused to sign it in again (its key was rotated, say).</summary>
    private static PasswordSafeSession EndedByTheServer()
    {
        var refused = false;
        var handler = new FakeHttpHandler(r => refused
            ? FakeHttpHandler.Respond(HttpStatusCode.Unauthorized)
            : FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        refused = true;
        Assert.Throws<PasswordSafeException>(() => TestSessions.Get(connection, "Users"));
        Assert.False(connection.IsConnected);
        return new PasswordSafeSession(connection);
    }

    [Fact]
    public void ReplacedNote_NamesTheUserAndServer_Only() =>
        Assert.Equal("The session this object came from (demo on https://pam.test/BeyondTrust/api/public/v3/) is disconnected; using this runspace's default session, which is connected to the same server as the same user.",
            SessionFallback.ReplacedNote(Signed(1, "demo", disconnected: true)));
}
