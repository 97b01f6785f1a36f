using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Answers from something in front of the API rather than the API (found with a fake TLS front end): a redirect to a
/// single sign-on page, web server authentication (Negotiate, NTLM, Basic), throttling, and answers that break off or
/// are too large. Each gets an error that names what happened, not a wrong path, a wrong key or an unreachable host.
/// </summary>
public sealed class FrontEndAnswerTests
{
    private const string SsoLocation = "https://jdoe:Sso-Pass-7@sso.example.test/adfs/ls/?SAMLRequest=TokenInTheQuery42&RelayState=x#frag";

    private static StubResponse Redirect(int status) => new(status, "text/html",
        "<html><body>Object moved to <a href=\"https://sso.example.test/adfs/ls/\">here</a></body></html>",
        new Dictionary<string, string> { ["Location"] = SsoLocation });

    private static StubResponse Refused(string wwwAuthenticate) => new(401, "text/html",
        "<html><body>401 - Unauthorized: Access is denied due to invalid credentials.</body></html>",
        new Dictionary<string, string> { ["WWW-Authenticate"] = wwwAuthenticate });

    [Theory]
    [InlineData(302)]
    [InlineData(301)]
    [InlineData(307)]
    public async Task ARedirectOnSignIn_InvalidServerResponse_NamesTheLocationWithoutQueryOrUserInfo(int status)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Auth/SignAppIn", Redirect(status));
        using var shell = stub.NewRunner();

        var error = shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint")
            .AssertError("InvalidServerResponse", ErrorCategory.InvalidData);

        AssertNamesTheRedirect(error);
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Theory]
    [InlineData("Get")]
    [InlineData("Post")]
    public async Task ARedirectOnALaterCall_InvalidServerResponse_NotValidationFailed(string method)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", Redirect(302));
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();
        shell.SetVariable("Method", method);

        var error = shell.Run("Invoke-PSRestMethod -Method $Method -Path 'Things'").AssertError("InvalidServerResponse", ErrorCategory.InvalidData);

        AssertNamesTheRedirect(error);
        Assert.DoesNotContain("path, method and body", Text(error));
    }

    [Theory]
    [InlineData("Negotiate", "Negotiate")]
    [InlineData("NTLM", "NTLM")]
    [InlineData("Basic realm=\"corp-proxy\"", "Basic")]
    public async Task D1_A401ForASchemeTheApiNeverUses_OnSignIn_SaysSomethingInFrontRefused_NotTheUserAudit(string header, string scheme)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Auth/SignAppIn", Refused(header));
        using var shell = stub.NewRunner();

        var error = shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint")
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);

        var text = Text(error);
        Assert.Contains(scheme + " authentication", text);
        Assert.Contains("in front of the Password Safe API", text);
        Assert.DoesNotContain("Configuration > User Audits", text);
        Assert.DoesNotContain("API key is wrong", text);
    }

    [Fact]
    public async Task D1_A401ForNegotiateOnLaterCalls_DoesNotSignInAgainEachTime()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", Refused("Negotiate"));
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var first = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);

        Assert.Contains("Negotiate authentication", Text(first));
        Assert.DoesNotContain("Run Connect-PasswordSafe again", Text(first));
        Assert.Equal(1, stub.Hits["auth/signappin"]);
        Assert.Equal(2, stub.Hits["things"]);
    }

    [Fact]
    public async Task D1_429WithALongRetryAfter_ThrottledLimitsExceeded_SaysHowLongToWait()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", new StubResponse(429, "application/json", "\"Too many requests\"",
            new Dictionary<string, string> { ["Retry-After"] = "120" }));
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError("Throttled", ErrorCategory.LimitsExceeded);

        Assert.Contains("asked to wait 2 min", Text(error));
        Assert.Equal(1, stub.Hits["things"]); // longer than the 30 s a retry waits at most
    }

    [Fact]
    public async Task AGetWhoseAnswerBreaksOffMidBody_SaysTheServerAnswered_NotCouldNotReach()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", new StubResponse(200, "application/json", "[" + new string(' ', 4000) + "{\"Id\": 1}]", CutMidBody: true));
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError("ConnectionFailed", ErrorCategory.ConnectionError);

        Assert.Contains("reached the server, but its answer broke off", Text(error));
        Assert.DoesNotContain("could not reach", Text(error));
    }

    [Fact]
    public async Task AnAnswerWithHeadersOverTheLimit_SaysTheAnswerWasTooLarge_NotCouldNotReach()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", new StubResponse(200, "application/json", "[]",
            new Dictionary<string, string> { ["X-Padding"] = new string('p', 70 * 1024) }));
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError("ConnectionFailed", ErrorCategory.ConnectionError);

        Assert.Contains("headers are larger than the client accepts", Text(error));
        Assert.DoesNotContain("could not reach", Text(error));
    }

    private static void AssertNamesTheRedirect(ErrorRecord error)
    {
        var text = Text(error);
        Assert.Contains("redirect", text);
        Assert.Contains("to https://sso.example.test/adfs/ls/.", text);
        Assert.DoesNotContain("TokenInTheQuery42", text);
        Assert.DoesNotContain("SAMLRequest", text);
        Assert.DoesNotContain("Sso-Pass-7", text);
        Assert.DoesNotContain("jdoe", text);
        Assert.Contains("SSO or proxy page", error.ErrorDetails?.RecommendedAction);
    }

    private static string Text(ErrorRecord error) => error + " " + error.ErrorDetails?.Message + " " + error.ErrorDetails?.RecommendedAction;
}
