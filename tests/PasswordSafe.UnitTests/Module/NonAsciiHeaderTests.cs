using System;
using System.Collections.Generic;
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
/// B1/C4: header values must be ASCII on every runtime (.NET refuses others at send time, .NET Framework sends '?').
/// The checks name a user name's character by code point and never a secret's.
/// </summary>
public class NonAsciiHeaderTests
{
    private sealed class AsciiRefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Request headers must contain only ASCII characters.");
    }

    [Theory]
    [InlineData("j\u00FCrgen", "U+00FC")]
    [InlineData("\u7530\u4E2D", "U+7530")]
    [InlineData("CONTOSO\\Ren\u00E9e", "U+00E9")]
    public void B1_UserNameOutsideAscii_IsRefused_NamingTheCodePoint(string runAs, string codePoint)
    {
        var problem = PsAuthValues.ProblemWithField(runAs);

        Assert.NotNull(problem);
        Assert.Contains(codePoint, problem);
        Assert.Contains("ASCII", problem);
        Assert.True(problem!.All(c => c < 128), "the reason itself must be ASCII");
    }

    [Fact]
    public void B4_SecretFieldOutsideAscii_IsRefused_WithoutNamingTheCharacter()
    {
        var problem = PsAuthValues.ProblemWithField("12\u00B345", isSecret: true);

        Assert.NotNull(problem);
        Assert.DoesNotContain("U+", problem);
        Assert.DoesNotContain("\u00B3", problem);
    }

    [Theory]
    [InlineData("p\u0142ass")]
    [InlineData("p\u00E4ss")]
    [InlineData("\uD83D\uDD11key")]
    public void B1_PasswordOutsideAscii_IsRefused_WithoutNamingTheCharacter(string password)
    {
        var problem = PsAuthValues.ProblemWithPassword(password);

        Assert.NotNull(problem);
        Assert.DoesNotContain("U+", problem);
        Assert.True(problem!.All(c => c < 128));
    }

    [Theory]
    [InlineData("Sw0rd;Fish]Q7!x")]
    [InlineData("~!@#$%^&*()_+{}|:\"<>?`-=[]\\',./ ")]
    public void B1_AsciiPasswords_AreAccepted(string password) => Assert.Null(PsAuthValues.ProblemWithPassword(password));

    [Fact]
    public void B1_HeaderBuilderRefusesANonAsciiPassword() =>
        Assert.Throws<ArgumentException>(() => PsAuthHeader.Build(TestSessions.Key, "demo", "p\u0142ass", null));

    [Fact]
    public void ANonAsciiHeaderValue_IsRefusedBeforeSending_AsValidationFailed()
    {
        var handler = new FakeHttpHandler(r => FakeHttpHandler.Respond(HttpStatusCode.OK, "{}"));
        var client = new ApiClient(TestSessions.BaseUri, handler, TimeSpan.FromSeconds(5));
        var request = new ApiRequest(HttpMethod.Get, "ManagedAccounts");
        request.Headers.Add(new KeyValuePair<string, string>("RunAs", "j\u00FCrgen"));

        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(request, new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.ValidationFailed, error.ErrorId);
        Assert.Contains("RunAs header", error.Message);
        Assert.DoesNotContain("j\u00FCrgen", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void ARuntimeRefusalOfANonAsciiHeader_IsValidationFailed_NotConnectionFailed()
    {
        var client = new ApiClient(TestSessions.BaseUri, new AsciiRefusingHandler(), TimeSpan.FromSeconds(5));

        var error = Assert.Throws<PasswordSafeException>(() =>
            TestSessions.Sync(client.SendAsync(new ApiRequest(HttpMethod.Get, "Users"), new RequestLog(), CancellationToken.None)));

        Assert.Equal(ErrorIds.ValidationFailed, error.ErrorId);
        Assert.Contains("ASCII", error.Message);
        Assert.DoesNotContain("could not reach the server", error.Message);
        Assert.DoesNotContain("DNS", error.RecommendedAction);
    }
}
