using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Bad input from the user and garbage from the server: every case ends in a clear ErrorRecord with a contract
/// id (and D1's status mapping for codes the emulator never sends), never a crash or a raw .NET exception.
/// </summary>
public sealed class BadInputTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public BadInputTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("https://")]
    [InlineData("not a uri at all")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://exa mple.test/")]
    [InlineData("https://127.0.0.1:99999/")]
    public void MalformedUri_InvalidUri(string uri)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("BadUri", uri);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        var error = shell.Run("Connect-PasswordSafe -Uri $BadUri -ApiKey $ApiKey -RunAs demo")
            .AssertError("InvalidUri", ErrorCategory.InvalidArgument);

        Assert.Equal(uri, error.TargetObject?.ToString());
    }

    [Fact]
    public void B2_PlainHttp_HttpsRequired()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        shell.Run("Connect-PasswordSafe -Uri 'http://pam.example.test' -ApiKey $ApiKey -RunAs demo")
            .AssertError("HttpsRequired", ErrorCategory.InvalidArgument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short")]
    [InlineData("has spaces in the middle of it has spaces in the middle of it has spaces in the middle of it has spaces in the middle of it!!")]
    [InlineData("869e348de1fc225d132206b36675b94d9a4dc2553e5e0dd59007f7f83d1bfaf5; runas=admin; pwd=[x];")]
    public void A5_EmptyOrMalformedKey_InvalidApiKey_BeforeSending(string key)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(key));
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint");

        var error = result.AssertError("InvalidApiKey", ErrorCategory.InvalidArgument);
        Assert.Empty(audit.NewEntries());
        if (key.Trim().Length > 0) Assert.DoesNotContain(key, PowerShellResult.Describe(error));
    }

    [Fact]
    public void UnknownUser_AuthenticationFailed()
    {
        using var shell = emulator.NewRunner();

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "no-such-user"))
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void NothingListening_ConnectionFailed()
    {
        using var shell = emulator.NewRunner();
        var port = FreePort();
        shell.SetVariable("DeadUri", $"https://127.0.0.1:{port}/");
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        shell.Run("Connect-PasswordSafe -Uri $DeadUri -ApiKey $ApiKey -RunAs demo -SkipCertificateCheck")
            .AssertError("ConnectionFailed", ErrorCategory.ConnectionError);
    }

    [Fact]
    public void SelfSignedServerWithoutPin_ServerCertificateUntrusted()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        var error = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo")
            .AssertError("ServerCertificateUntrusted", ErrorCategory.SecurityError);

        Assert.Contains("ServerCertificateThumbprint", error + " " + error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void WrongPin_ServerCertificateUntrusted()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint 'AB:CD:EF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00'")
            .AssertError("ServerCertificateUntrusted", ErrorCategory.SecurityError);
    }

    [Theory]
    [InlineData("https://admin:S3cret-Uri-9!@127.0.0.1:8462", "https://***@127.0.0.1:8462")]
    [InlineData("http://admin:S3cret-Uri-9!@pam.example.test", "http://***@pam.example.test")]
    [InlineData("admin:S3cret-Uri-9!@pam.example.test/BeyondTrust", "***@pam.example.test/BeyondTrust")]
    public void UriWithAPassword_InvalidUri_ThePasswordIsNeitherEchoedNorKept(string uri, string shown)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("BadUri", uri);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run("Connect-PasswordSafe -Uri $BadUri -ApiKey $ApiKey -RunAs demo");

        var error = result.AssertError("InvalidUri", ErrorCategory.InvalidArgument);
        Assert.Equal(shown, error.TargetObject);
        Assert.Contains($"'{shown}' carries a user name or password", error.ToString());
        Assert.DoesNotContain("S3cret-Uri-9", PowerShellResult.Describe(error) + result.AllText());
        Assert.Empty(audit.NewEntries());
    }

    [Theory]
    [InlineData("proxy.corp:8080", "proxy.corp:8080")]
    [InlineData("ftp://proxy.corp:21", "ftp://proxy.corp:21")]
    [InlineData("proxyuser:Pr0xy-Pass-3@proxy.corp:8080", "***@proxy.corp:8080")]
    public void ProxyWithoutAUsableScheme_InvalidUri_SaysHowToWriteIt(string proxy, string shown)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("BadProxy", proxy);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint -Proxy $BadProxy");

        var error = result.AssertError("InvalidUri", ErrorCategory.InvalidArgument);
        Assert.Equal(shown, error.TargetObject);
        Assert.Contains("is not a proxy address", error.ToString());
        Assert.Contains("http://proxy.corp:8080", error.ErrorDetails?.RecommendedAction);
        Assert.DoesNotContain("Pr0xy-Pass-3", PowerShellResult.Describe(error) + result.AllText());
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Fact]
    public void PinAndSkipCertificateCheckTogether_ValidationFailed_NothingSent()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));
        var audit = AuditCursor.Mark(emulator.State);

        // The pin names another certificate: skipping must not quietly undo it and send the key.
        var error = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -SkipCertificateCheck -ServerCertificateThumbprint 'AB:CD:EF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00'")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("-SkipCertificateCheck and -ServerCertificateThumbprint were both given", error.ToString());
        Assert.Empty(audit.NewEntries());
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Fact]
    public void RestBodyWrittenAsAScriptBlock_ValidationFailed_SaysToAddTheAt()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var error = shell.Run("Invoke-PSRestMethod -Method Post -Path 'Users' -Body { UserName = 'x' } -Confirm:$false")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("-Body is a script block, not data", error.ToString());
        Assert.Contains("@{ Name = 'x' }", error.ToString());
        Assert.Empty(audit.NewEntries());
    }

    [Fact]
    public void SkipCertificateCheck_ConnectsToTheSelfSignedEmulator()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -SkipCertificateCheck").AssertSuccess();
    }

    [Theory]
    [InlineData(200, "text/html", "<html><body><h1>Service Unavailable</h1></body></html>", "InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData(200, "application/json", "{\"UserId\": 1, \"UserName\": ", "InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData(500, "text/html", "<html><body>Runtime Error</body></html>", "ServerError", ErrorCategory.InvalidResult)]
    [InlineData(503, "text/plain", "down for maintenance", "ServerError", ErrorCategory.InvalidResult)]
    public async Task GarbageOnSignIn_ClearError(int status, string contentType, string body, string errorId, ErrorCategory category)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Auth/SignAppIn", status, contentType, body);
        using var shell = stub.NewRunner();

        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint")
            .AssertError(errorId, category);
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Theory]
    [InlineData(200, "text/html", "<!DOCTYPE html><html><body>Login</body></html>", "InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData(200, "application/json", "[{\"broken\": ", "InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData(400, "application/json", "\"Name is too long\"", "ValidationFailed", ErrorCategory.InvalidArgument)]
    [InlineData(404, "application/json", "\"Managed Account not found\"", "ObjectNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(409, "application/json", "4091", "Conflict", ErrorCategory.ResourceExists)]
    [InlineData(410, "text/plain", "", "ApiDisabled", ErrorCategory.NotEnabled)]
    [InlineData(500, "text/html", "<html><body>Unexpected</body></html>", "ServerError", ErrorCategory.InvalidResult)]
    public async Task D1_GarbageOrStatusOnAnApiCall_MappedToContractIds(int status, string contentType, string body, string errorId, ErrorCategory category)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", status, contentType, body);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Things'").AssertError(errorId, category);

        if (status == 400) Assert.Contains("Name is too long", error.ToString());
        Assert.Contains("Things", error.TargetObject?.ToString());
    }

    [Theory]
    [InlineData("text/html", "<html><body><form>Sign in to the proxy</form></body></html>")]
    [InlineData("application/json", "{\"Password\": \"P-in-an-object\"}")]
    [InlineData("application/json", "[\"a\"]")]
    public async Task E1_ACredentialAnswerThatIsNotAString_InvalidServerResponse_NeverAPassword(string contentType, string body)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.RespondWithActiveRequest5();
        stub.Respond("Credentials/5", 200, contentType, body);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Get-PSCredential -RequestId 5 -AsPlainText");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Empty(result.Output);
        Assert.DoesNotContain("-Debug to see", error.ToString() + error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public async Task E1_ACredentialSentAsPlainText_IsStillTheCredential()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.RespondWithActiveRequest5();
        stub.Respond("Credentials/5", 200, "text/plain", "{Plain-Text-Brace-Pass");
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Get-PSCredential -RequestId 5 -AsPlainText").AssertSuccess();

        Assert.Equal("{Plain-Text-Brace-Pass", Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public async Task D1_204_NoContent_NoOutputAndNoError()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("Things", 204, "application/json", string.Empty);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Invoke-PSRestMethod -Method Put -Path 'Things' -Body @{ Name = 'x' }").AssertSuccess();

        Assert.Empty(result.Output);
    }

    [Fact]
    public void Timeout_OperationTimeout_WhenTheServerNeverAnswers()
    {
        using var silent = new SilentTcpListener();
        using var shell = emulator.NewRunner();
        shell.SetVariable("SilentUri", silent.Uri.ToString());
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        var result = shell.Run("Connect-PasswordSafe -Uri $SilentUri -ApiKey $ApiKey -RunAs demo -SkipCertificateCheck -TimeoutSec 2");

        result.AssertError("Timeout", ErrorCategory.OperationTimeout);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
