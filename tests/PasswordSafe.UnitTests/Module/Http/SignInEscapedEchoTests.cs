using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;
using Xunit;

// The folder's name is not a namespace: "Http." in other test namespaces must keep naming PasswordSafe.Http.
namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Sign-in errors carry the server's words too (a refused form, a licence or certificate 403, a failed 2FA step, an
/// OAuth error_description). A server that echoes the run-as password, the 2FA answer or the client secret JSON-escaped
/// (<c>+</c> as <c>\u002B</c>, <c>&lt;</c> as <c>\u003C</c>) must not have it decoded into the error.
/// </summary>
public class SignInEscapedEchoTests
{
    private const string RunAsPassword = "Run+As<Pw>&9";
    private const string EscapedRunAsPassword = "Run\\u002BAs\\u003CPw\\u003E\\u00269";
    private const string ChallengeAnswer = "Ans+wer<77>";
    private const string EscapedChallengeAnswer = "Ans\\u002Bwer\\u003c77\\u003e";
    private const string ClientSecret = "Cl+ent<Secret>&1";
    private const string EscapedClientSecret = "Cl\\u002Bent\\u003CSecret\\u003E\\u00261";

    private static readonly Dictionary<string, string> ChallengeHeader = new Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Enter the code" };

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(500)]
    public void RunAsPassword_EchoedEscaped_IsNotInTheSignInError(int status)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond((HttpStatusCode)status,
            "{\"Message\":\"cannot parse pwd=[" + EscapedRunAsPassword + "]\"}"));
        var connection = TestSessions.ApiKeySession(handler, password: RunAsPassword);

        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));

        AssertNotShown(error, RunAsPassword, EscapedRunAsPassword);
        Assert.Contains("cannot parse pwd=[****]", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(500)]
    public void ChallengeAnswer_EchoedEscaped_IsNotInTheSignInError(int status)
    {
        var handler = new FakeHttpHandler(r => r.Authorization!.Contains("challenge=")
            ? FakeHttpHandler.Respond((HttpStatusCode)status, "\"the code " + EscapedChallengeAnswer + " is not a number\"")
            : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: ChallengeHeader));
        var connection = TestSessions.ApiKeySession(handler);
        Assert.True(TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)).ChallengeRequired);

        var error = Assert.ThrowsAny<PasswordSafeException>(() =>
            TestSessions.Sync(connection.AnswerChallengeAsync(ChallengeAnswer, new RequestLog(), CancellationToken.None)));

        AssertNotShown(error, ChallengeAnswer, EscapedChallengeAnswer);
        Assert.Contains("the code **** is not a number", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(500)]
    public void ClientSecret_EchoedEscaped_IsNotInTheTokenError(int status)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond((HttpStatusCode)status,
            "{\"error\":\"invalid_client\",\"error_description\":\"the secret " + EscapedClientSecret + " is wrong\"}"));
        var connection = new SessionConnection(TestSessions.Client(handler),
            SessionCredentials.ForOAuth("client-1", SecureStringReader.FromPlainText(ClientSecret), null));

        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));

        AssertNotShown(error, ClientSecret, EscapedClientSecret);
        Assert.Contains("the secret **** is wrong", error.Message);
    }

    private static void AssertNotShown(PasswordSafeException error, params string[] forms)
    {
        var text = error.ToString() + "\n" + error.RecommendedAction + "\n" + (error is PasswordSafeApiException api ? api.ServerMessage : null);
        foreach (var form in forms)
        {
            Assert.DoesNotContain(form, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
