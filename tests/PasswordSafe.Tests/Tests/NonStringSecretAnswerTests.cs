using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// A secret is a JSON string (api-v3 §4.1, §6.7). An answer of 200 application/json that is empty or JSON other than a
/// string (<c>null</c>, <c>true</c>, a number) is not a secret: a password of "null" or nothing would be handed on to
/// a script as if it were real, and a rotated key of "null" would replace the one the caller keeps.
/// </summary>
public sealed class NonStringSecretAnswerTests
{
    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json", "null")]
    [InlineData("application/json; charset=utf-8", " null\n")]
    [InlineData("application/json", "true")]
    [InlineData("application/json", "12345")]
    [InlineData("text/plain", "")]
    public async Task E1_ACredentialAnswerThatIsEmptyOrJsonButNotAString_InvalidServerResponse_NeverAPassword(string contentType, string body)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.RespondWithActiveRequest5();
        stub.Respond("Credentials/5", 200, contentType, body);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Get-PSCredential -RequestId 5");

        result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task E1_ACredentialSentAsTheJsonStringNull_IsStillThePassword()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.RespondWithActiveRequest5();
        stub.Respond("Credentials/5", 200, "application/json", "\"null\"");
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Get-PSCredential -RequestId 5 -AsPlainText").AssertSuccess();

        Assert.Equal("null", Assert.Single(result.Output).BaseObject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("false")]
    public async Task A6_ARotationAnsweredWithoutAKey_InvalidServerResponse_SaysTheKeyMayHaveRotated_AndHowToReadIt(string body)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("ApiRegistrations/2/Rotate", 200, "application/json", body);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Reset-PSApiRegistrationKey -RegistrationId 2 -Force -AsPlainText");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Empty(result.Output);
        Assert.Contains("may have rotated the key of API registration 2", error.Exception.Message);
        Assert.Contains("Get-PSApiRegistrationKey -RegistrationId 2", error.ErrorDetails?.RecommendedAction);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    public async Task A6_AKeyReadAnsweredWithJsonThatIsNotAString_InvalidServerResponse(string body)
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("ApiRegistrations/2/Key", 200, "application/json", body);
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("Get-PSApiRegistrationKey -RegistrationId 2 -AsPlainText");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Empty(result.Output);
        Assert.DoesNotContain("may have", error.Exception.Message);
    }
}
