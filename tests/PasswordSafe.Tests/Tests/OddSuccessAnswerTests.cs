using System;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Success answers no API documents but a server or a proxy in front of it may give: a charset no encoding is known by,
/// a declared charset other than UTF-8, an HTML page or cut-off JSON with 200. Each either reads the same with and
/// without -Debug (the answer buffered, or streamed straight into objects), or fails with InvalidServerResponse whose
/// advice to run with -Debug then shows the answer; never an unhandled .NET exception.
/// </summary>
public sealed class OddSuccessAnswerTests
{
    private const string AccountJson =
        "[{\"PlatformID\":1,\"SystemId\":1,\"SystemName\":\"web01\",\"AccountId\":1,\"AccountName\":\"NAME\",\"DefaultReleaseDuration\":120,\"MaximumReleaseDuration\":1440,\"IsISAAccess\":false}]";

    [Theory]
    [InlineData("$DebugPreference = 'SilentlyContinue'; ")]
    [InlineData("$DebugPreference = 'Continue'; ")]
    public async Task UnknownCharset_IsReadAsUtf8_OnSignInAndListings_NeverATerminatingException(string debug)
    {
        await using var server = await RawAnswerServer.StartAsync();
        server.Respond("Auth/SignAppIn", 200, "application/json; charset=klingon", Encoding.UTF8.GetBytes(
            "{\"UserId\":1,\"SID\":\"S-1-5-21-1\",\"EmailAddress\":\"raw@example.test\",\"UserName\":\"demo\",\"Name\":\"Raw User\"}"));
        server.Respond("ManagedAccounts", 200, "application/json; charset=klingon", Encoding.UTF8.GetBytes(AccountJson.Replace("NAME", "Zoë")));
        using var shell = Runner(server);

        shell.Run(debug + "Connect-PasswordSafe -Uri $RawUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $RawThumbprint").AssertSuccess();
        var result = shell.Run(debug + "(Get-PSManagedAccount -SystemName web01).AccountName").AssertSuccess();

        Assert.Equal("Zoë", Assert.Single(result.Output).BaseObject);
    }

    [Theory]
    [InlineData("iso-8859-1", "$DebugPreference = 'SilentlyContinue'; ")]
    [InlineData("iso-8859-1", "$DebugPreference = 'Continue'; ")]
    [InlineData("utf-16", "$DebugPreference = 'SilentlyContinue'; ")]
    [InlineData("utf-16", "$DebugPreference = 'Continue'; ")]
    public async Task DeclaredCharset_IsHonoured_WithAndWithoutDebug(string charset, string debug)
    {
        await using var server = await RawAnswerServer.StartAsync();
        var encoding = charset == "utf-16" ? Encoding.Unicode : Encoding.Latin1;
        server.Respond("ManagedAccounts", 200, "application/json; charset=" + charset, encoding.GetBytes(AccountJson.Replace("NAME", "Administratör")));
        using var shell = Runner(server);
        shell.Run("Connect-PasswordSafe -Uri $RawUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $RawThumbprint").AssertSuccess();

        var result = shell.Run(debug + "(Get-PSManagedAccount -SystemName web01).AccountName").AssertSuccess();

        Assert.Equal("Administratör", Assert.Single(result.Output).BaseObject);
    }

    [Theory]
    [InlineData("text/html", "<!DOCTYPE html><html><body><form action='/adfs/ls'>Please sign in</form></body></html>", "HTML page")]
    [InlineData("application/json", "[{\"SystemId\":1,\"SystemName\":\"web01\",\"AccountName\":\"Please sign in", "not valid JSON")]
    public async Task D1_ASuccessAnswerThatCannotBeRead_VerboseShowsItsStatusLine_AndDebugTheAnswer_AsTheAdviceSays(string contentType, string body, string said)
    {
        await using var server = await RawAnswerServer.StartAsync();
        server.Respond("ManagedAccounts", 200, contentType, Encoding.UTF8.GetBytes(body));
        using var shell = Runner(server);
        shell.Run("Connect-PasswordSafe -Uri $RawUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $RawThumbprint").AssertSuccess();

        var verbose = shell.Run("Get-PSManagedAccount -SystemName web01 -Verbose");
        var error = verbose.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains(said, error.Exception.Message);
        if (contentType == "application/json") Assert.Contains("-Debug", error.ErrorDetails?.RecommendedAction);
        Assert.Contains(verbose.Verbose, line => line.Contains("ManagedAccounts", StringComparison.Ordinal) && line.Contains("-> 200", StringComparison.Ordinal));

        var debug = shell.Run("$DebugPreference = 'Continue'; Get-PSManagedAccount -SystemName web01");
        debug.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains(debug.Debug, line => line.Contains("HTTP response: 200", StringComparison.Ordinal) && line.Contains("Please sign in", StringComparison.Ordinal));
    }

    private static PowerShellRunner Runner(RawAnswerServer server)
    {
        var shell = PowerShellRunner.Start();
        shell.SetVariable("RawUri", server.RootUri.ToString());
        shell.SetVariable("RawThumbprint", server.Certificate.Thumbprint);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('s', 128)));
        return shell;
    }
}
