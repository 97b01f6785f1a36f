using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Quality bar: secrets never in Verbose/Debug. Debug shows response headers, masked by name (Set-Cookie), but a server
/// or proxy may echo the request's Authorization value into any header (a redirect's Location, a debugging header,
/// WWW-Authenticate): the API key and run-as password it carries are masked there in every form, as in error bodies.
/// </summary>
public sealed class EchoedAuthorizationHeaderTests
{
    private const string Key = "EchoKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW";
    private const string Password = "Echo+Pass/w0rd=!";

    [Theory]
    [InlineData(200)]
    [InlineData(401)]
    public async Task SignInAnswerHeadersThatEchoTheAuthorizationValue_ShowNeitherKeyNorPassword_UnderDebug(int status)
    {
        await using var server = await RawAnswerServer.StartAsync();
        var body = status == 200
            ? "{\"UserId\":1,\"SID\":\"S-1-5-21-1\",\"EmailAddress\":\"raw@example.test\",\"UserName\":\"demo\",\"Name\":\"Raw User\"}"
            : "\"User not authorized\"";
        server.Respond("Auth/SignAppIn", status, "application/json", Encoding.UTF8.GetBytes(body), new Dictionary<string, string>
        {
            ["Location"] = "https://sso.example.test/login?from=" + RawAnswerServer.EchoedAuthorizationEscaped,
            ["X-Debug-Auth"] = RawAnswerServer.EchoedAuthorization,
            ["WWW-Authenticate"] = "PS-Auth realm=\"echo\", was=\"" + RawAnswerServer.EchoedAuthorization + "\"",
        });
        using var shell = PowerShellRunner.Start();
        shell.SetVariable("RawUri", server.RootUri.ToString());
        shell.SetVariable("RawThumbprint", server.Certificate.Thumbprint);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(Key));
        shell.SetVariable("RunAsPassword", EmulatorFixture.Secure(Password));

        var result = shell.Run("Connect-PasswordSafe -Uri $RawUri -ApiKey $ApiKey -RunAs demo -RunAsPassword $RunAsPassword " +
                               "-ServerCertificateThumbprint $RawThumbprint -Verbose -Debug -WarningAction Continue");

        Assert.Contains(result.Debug, line => line.Contains("X-Debug-Auth", StringComparison.Ordinal));
        Assert.Contains(result.Debug, line => line.Contains("sso.example.test/login", StringComparison.Ordinal));
        var everything = result.AllText();
        foreach (var form in new[] { Key, Password, Uri.EscapeDataString(Password), "key=" + Key.Substring(0, 20) })
        {
            Assert.True(everything.IndexOf(form, StringComparison.Ordinal) < 0, $"a secret appears in the output ({form.Length} characters)");
        }
    }
}
