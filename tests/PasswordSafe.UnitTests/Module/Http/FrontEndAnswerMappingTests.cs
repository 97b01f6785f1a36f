using System;
using System.Collections.Generic;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class FrontEndAnswerMappingTests
{
    private static readonly Uri CallUri = new("https://pws.example.test/BeyondTrust/api/public/v3/ManagedAccounts");

    [Theory]
    [InlineData("https://u:p@sso.example.test/adfs/ls/?SAMLRequest=abc#x", "https://sso.example.test/adfs/ls/")]
    [InlineData("/login?token=abc", "https://pws.example.test/login")]
    [InlineData("https://pws.example.test/BeyondTrust/api/public/v3/Credentials/42?x=1", "https://pws.example.test/BeyondTrust/api/public/v3/Credentials/****")]
    [InlineData("   ", null)]
    public void ARedirectsLocationIsShownWithoutQueryUserInfoOrIds(string location, string? shown) =>
        Assert.Equal(shown, RedirectAnswer.ShownLocation(location, CallUri));

    [Theory]
    [InlineData("Negotiate", "Negotiate")]
    [InlineData("NTLM", "NTLM")]
    [InlineData("Negotiate, NTLM", "Negotiate")]
    [InlineData("basic realm=\"proxy\"", "Basic")]
    [InlineData("Bearer error=\"invalid_token\"", null)]
    [InlineData("PS-Auth", null)]
    [InlineData(null, null)]
    public void OnlySchemesTheApiNeverUsesAreForeign(string? header, string? scheme) =>
        Assert.Equal(scheme, FrontEndAuthentication.ForeignScheme(header));

    [Theory]
    [InlineData(120, "asked to wait 2 min")]
    [InlineData(45, "asked to wait 45 s")]
    public void A429SaysHowLongTheServerAskedToWait(int seconds, string expected)
    {
        var response = new ApiResponse("GET", CallUri, 429, "Too Many Requests", string.Empty, null,
            new Dictionary<string, string>(), TimeSpan.FromSeconds(seconds), TimeSpan.Zero);
        var error = StatusErrorMapper.ToException(response);
        Assert.Equal(ErrorIds.Throttled, error.ErrorId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AnHtmlErrorPageMessageEndsWithAFullStop()
    {
        var response = new ApiResponse("GET", CallUri, 502, "Bad Gateway", "<html><body>down</body></html>", "text/html",
            new Dictionary<string, string>(), null, TimeSpan.Zero);
        Assert.EndsWith(").", StatusErrorMapper.ToException(response).Message);
    }
}
