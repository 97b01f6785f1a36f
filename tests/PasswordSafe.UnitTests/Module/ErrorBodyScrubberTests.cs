using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A server or proxy that echoes the request it refused must not hand the call's own secrets back into error text
/// (quality bar: secrets never in error text or exceptions).
/// </summary>
public class ErrorBodyScrubberTests
{
    [Fact]
    public void PsAuthKeyPasswordAndChallengeAreCollected()
    {
        var request = new ApiRequest(HttpMethod.Post, "Auth/SignAppIn")
        {
            Authorization = "PS-Auth key=ABCDEF123456; runas=demo; pwd=[p;w]x]; challenge=987654;",
        };

        Assert.Equal(new[] { "p;w]x", "ABCDEF123456", "987654" }, SentSecrets.Of(request));
    }

    [Fact]
    public void FormAndJsonSecretsAreCollectedRawAndDecoded()
    {
        var form = new ApiRequest(HttpMethod.Post, "Auth/connect/token")
        {
            Body = "grant_type=client_credentials&client_id=c1&client_secret=a%2Bb+c",
            BodyMediaType = ApiRequest.FormMediaType,
        };
        Assert.Equal(new[] { "a%2Bb+c", "a+b c" }, SentSecrets.Of(form));

        var json = new ApiRequest(HttpMethod.Post, "Users") { Body = "{\"UserName\":\"u\",\"Password\":\"Sa\\\"id!\",\"Age\":3}" };
        Assert.Equal(new[] { "Sa\"id!", "Sa\\\"id!" }, SentSecrets.Of(json));
    }

    [Theory]
    [InlineData("{\"Message\":\"Bad header PS-Auth key=ABCDEF123456; runas=demo; pwd=[Hunter2!];\"}")]
    [InlineData("Refused: abcdef123456 / hunter2!")] // case-insensitive echo
    public void EchoedSecretsAreMasked(string body)
    {
        var request = new ApiRequest(HttpMethod.Post, "Auth/SignAppIn") { Authorization = "PS-Auth key=ABCDEF123456; runas=demo; pwd=[Hunter2!];" };

        var scrubbed = ErrorBodyScrubber.Scrub(request, body);

        Assert.DoesNotContain("ABCDEF123456", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hunter2!", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Redactor.Mask, scrubbed);
    }

    [Fact]
    public void AnEchoOfASecretTooShortToMaskWithholdsTheWholeMessage()
    {
        var request = new ApiRequest(HttpMethod.Post, "Users") { Body = "{\"Password\":\"abc\"}" };

        Assert.Equal(ErrorBodyScrubber.Withheld, ErrorBodyScrubber.Scrub(request, "\"user abc exists\""));
        Assert.Equal("\"nothing echoed\"", ErrorBodyScrubber.Scrub(request, "\"nothing echoed\""));
    }

    [Fact]
    public void RequestIdsInEchoedCredentialPathsAreMasked()
    {
        var request = new ApiRequest(HttpMethod.Get, "Credentials/4711");

        var scrubbed = ErrorBodyScrubber.Scrub(request, "\"No route for GET /v3/Credentials/4711?type=password or Requests//4711\"");

        Assert.DoesNotContain("4711", scrubbed);
        Assert.Contains("Credentials/****", scrubbed);
    }

    [Fact]
    public void ReasonCodesSurviveScrubbing()
    {
        var request = new ApiRequest(HttpMethod.Get, "Credentials/12") { Authorization = "PS-Auth key=ABCDEF123456; runas=demo;" };

        Assert.Equal("\"4034\"", ErrorBodyScrubber.Scrub(request, "\"4034\""));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public void SignInErrorsDoNotRepeatAnEchoedKeyOrPassword(int status)
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond((HttpStatusCode)status, "{\"Message\":\"cannot parse " + r.Authorization + "\"}"));
        var connection = TestSessions.ApiKeySession(handler, password: "Run-As-Pass!9");

        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));

        Assert.DoesNotContain(TestSessions.Key, error.ToString());
        Assert.DoesNotContain("Run-As-Pass!9", error.ToString());
        Assert.Contains("cannot parse", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public void OAuthErrorsDoNotRepeatAnEchoedClientSecret(int status)
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond((HttpStatusCode)status, "{\"error\":\"invalid_request\",\"error_description\":\"bad form " + r.Body + "\"}"));
        var connection = TestSessions.OAuthSession(handler);

        var error = Assert.ThrowsAny<PasswordSafeException>(() => TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None)));

        Assert.DoesNotContain("s3cret", error.ToString());
    }

    [Fact]
    public void CallErrorsDoNotRepeatAnEchoedCredentialPath()
    {
        var handler = new FakeHttpHandler(r => r.IsTo("Auth/SignAppIn")
            ? FakeHttpHandler.Respond(HttpStatusCode.OK, TestSessions.UserJson)
            : FakeHttpHandler.Respond(HttpStatusCode.InternalServerError, "\"failed on " + r.Uri.AbsolutePath + "\""));
        var connection = TestSessions.ApiKeySession(handler);
        TestSessions.Sync(connection.ConnectAsync(new RequestLog(), CancellationToken.None));

        var error = Assert.ThrowsAny<PasswordSafeException>(() =>
            TestSessions.Sync(connection.SendCheckedAsync(new ApiRequest(HttpMethod.Get, "Credentials/4711"), new RequestLog(), CancellationToken.None)));

        Assert.DoesNotContain("4711", error.ToString());
    }
}
