using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class SignInTests
{
    private static readonly Dictionary<string, string> ChallengeHeader = new Dictionary<string, string> { ["WWW-Authenticate-2FA"] = "Enter the code from your token" };

    [Fact]
    public void B1_B2_SignsInWithPsAuthAndReadsTheUser()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson));
        var connection = TestSessions.ApiKeySession(handler, password: "p;w]");

        var outcome = TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        Assert.False(outcome.ChallengeRequired);
        Assert.Equal("demo", outcome.User!.UserName);
        Assert.Equal(1, outcome.User.UserId);
        Assert.True(connection.IsConnected);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/BeyondTrust/api/public/v3/Auth/SignAppIn", request.Path);
        Assert.Equal($"PS-Auth key={TestSessions.Key}; runas=demo; pwd=[p;w]];", request.Authorization);
    }

    [Fact]
    public void B4_ChallengeIsReturnedThenAnsweredOnTheSecondCall()
    {
        var handler = new FakeHttpHandler(r => r.Authorization!.Contains("challenge=123456;")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: ChallengeHeader));
        var connection = TestSessions.ApiKeySession(handler);

        var first = TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));
        Assert.True(first.ChallengeRequired);
        Assert.Equal("Enter the code from your token", first.ChallengePrompt);

        var second = TestSessions.Sync(connection.AnswerChallengeAsync("123456", new RequestLog(), CancellationToken.None));
        Assert.Equal("demo", second.User!.UserName);
        Assert.True(connection.RequiredChallenge);
        Assert.False(connection.CanRenew);
        Assert.Equal(new[] { $"PS-Auth key={TestSessions.Key}; runas=demo;", $"PS-Auth key={TestSessions.Key}; runas=demo; challenge=123456;" },
            handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public void B4_WrongAnswerIsTwoFactorFailed()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.Unauthorized, headers: ChallengeHeader));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Sync(connection.AnswerChallengeAsync("000000", new RequestLog(), CancellationToken.None)));
        Assert.Equal(ErrorIds.TwoFactorFailed, error.ErrorId);
        Assert.DoesNotContain("000000", error.Message);
    }

    [Fact]
    public void D1_D2_401ListsTheCausesAndPointsAtTheAudit()
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.Unauthorized));
        var connection = TestSessions.ApiKeySession(handler, password: "hunter2");

        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.AuthenticationFailed, error.ErrorId);
        foreach (var cause in new[] { "rotated", "not allowed to use this API registration", "run-as password", "X-Forwarded-For", "client certificate", "two-factor", "user audit", "https://pam.test/emulator/audit" })
        {
            Assert.Contains(cause, error.Message);
        }

        Assert.DoesNotContain(TestSessions.Key, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData(403, "", "LicenseInvalid")]
    [InlineData(403, "\"Password Safe license is not valid\"", "LicenseInvalid")]
    [InlineData(403, "\"The client certificate is not trusted\"", "PermissionDenied")]
    [InlineData(410, "", "ApiDisabled")]
    [InlineData(500, "\"boom\"", "ServerError")]
    public void SignInStatusesMapToContractIds(int status, string body, string id)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond((HttpStatusCode)status, body));
        var connection = TestSessions.ApiKeySession(handler);
        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));
        Assert.Equal(id, error.ErrorId);
    }

    [Theory]
    [InlineData("<html><body>Login</body></html>", "text/html")]
    [InlineData("not json", "application/json")]
    [InlineData("[1,2]", "application/json")]
    public void SignInAnswerThatIsNotAUserObjectIsInvalidServerResponse(string body, string mediaType)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond(HttpStatusCode.OK, body, mediaType));
        var connection = TestSessions.ApiKeySession(handler);
        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));
        Assert.Equal(ErrorIds.InvalidServerResponse, error.ErrorId);
    }

    [Fact]
    public void C3_C4_OAuthGetsATokenThenSignsInWithBearerAndRunAs()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/connect/token")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"TOKEN1\",\"expires_in\":600,\"token_type\":\"Bearer\",\"scope\":\"publicapi\"}")
            : FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson));
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var connection = TestSessions.OAuthSession(handler, () => now, runAs: "demo");

        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var requests = handler.Requests.ToArray();
        Assert.Equal("grant_type=client_credentials&client_id=client-1&client_secret=s3cret", requests[0].Body);
        Assert.Equal("Bearer TOKEN1", requests[1].Authorization);
        Assert.Equal("demo", requests[1].RunAs);
        Assert.Equal(now.AddSeconds(600), connection.SignIn.TokenExpiresAt);

        TestSessions.Get(connection, "ManagedAccounts");
        var call = handler.Requests.Last();
        Assert.Equal("Bearer TOKEN1", call.Authorization); // later calls keep the Authorization header
        Assert.Equal("demo", call.RunAs);
    }

    [Theory]
    [InlineData("1e20", 365 * 24 * 3600)]
    [InlineData("100000000000000000000000000000", 365 * 24 * 3600)]
    [InlineData("-5", 3600)]
    [InlineData("0", 3600)]
    [InlineData("\"soon\"", 3600)]
    public void C3_ATokenLifetimeNoDateCanHold_IsBelievedOnlyUpToAYear_ANonsenseOneIsAnHour(string expiresIn, double expectedSeconds)
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/connect/token")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"TOKEN1\",\"expires_in\":" + expiresIn + "}")
            : FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson));
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var connection = TestSessions.OAuthSession(handler, () => now, runAs: "demo");

        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        Assert.Equal(now.AddSeconds(expectedSeconds), connection.SignIn.TokenExpiresAt);
    }

    [Theory]
    [InlineData(400, "{\"error\":\"unsupported_grant_type\"}")]
    [InlineData(401, "{\"error\":\"invalid_client\"}")]
    public void C5_RefusedClientIsOAuthClientRejected(int status, string body)
    {
        var handler = new FakeHttpHandler(_ => FakeHttpHandler.Respond((HttpStatusCode)status, body));
        var connection = TestSessions.OAuthSession(handler);
        var error = Assert.Throws<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));
        Assert.Equal(ErrorIds.OAuthClientRejected, error.ErrorId);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void B2_C7_DisconnectSignsOutAndRevokesTheToken()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/connect/token")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, "{\"access_token\":\"TOKEN1\",\"expires_in\":600}")
            : FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson));
        var connection = TestSessions.OAuthSession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var problems = TestSessions.Sync(connection.DisconnectAsync(new RequestLog(), CancellationToken.None));

        Assert.Empty(problems);
        Assert.False(connection.IsConnected);
        var requests = handler.Requests.ToArray();
        Assert.True(requests[2].IsTo("Auth/Signout"));
        Assert.True(requests[3].IsTo("Auth/connect/revocation"));
        Assert.StartsWith("token=TOKEN1&", requests[3].Body);
        Assert.Null(connection.SignIn.TokenExpiresAt);
    }
}
