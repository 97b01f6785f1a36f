using System.Management.Automation;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// B1/C4: the PS-Auth and RunAs headers carry ASCII only. PowerShell 7 refuses other characters at send time (which
/// used to read as a network failure) and Windows PowerShell 5.1 sends '?' for them, so a wrong password reaches the
/// server and is audited as a failed sign-in. Every value is refused before anything is sent, naming the parameter
/// and never the secret.
/// </summary>
public sealed class NonAsciiHeaderValueTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public NonAsciiHeaderValueTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void B1_RunAsWithAnAccentedLetter_ValidationFailed_NothingSent()
    {
        using var shell = emulator.NewRunner();
        var calls = emulator.State.ApiCalls.Total;
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "j\u00FCrgen"));

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("-RunAs", error.ToString());
        Assert.Contains("U+00FC", error.ToString());
        Assert.Contains("ASCII", error.ErrorDetails?.RecommendedAction);
        Assert.DoesNotContain("could not reach the server", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
        Assert.Empty(audit.NewEntries());
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Theory]
    [InlineData("p\u0142ass-W0rd")]   // above U+00FF: 5.1 would send '?'
    [InlineData("p\u00E4ss-W0rd")]    // Latin-1: 5.1 would send a byte the server reads otherwise
    public void B1_RunAsPasswordOutsideAscii_ValidationFailed_PasswordNeverShown(string password)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("RunAsPassword", EmulatorFixture.Secure(password));
        var calls = emulator.State.ApiCalls.Total;
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $RunAsPassword"));

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("-RunAsPassword", error.ToString());
        Assert.Contains("ASCII", error.ToString());
        Assert.DoesNotContain(password, PowerShellResult.Describe(error) + result.AllText());
        Assert.DoesNotContain("U+", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
        Assert.Empty(audit.NewEntries());
    }

    [Fact]
    public void B1_RunAsCredentialWithANonAsciiPassword_ValidationFailed_NamesTheParameter()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PasswordKey)));
        shell.SetVariable("RunAsCredential", new PSCredential("pwd-user", EmulatorFixture.Secure("\u00DFecret-\u20AC-9")));
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAsCredential $RunAsCredential -ServerCertificateThumbprint $Thumbprint");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("-RunAsCredential (password)", error.ToString());
        Assert.DoesNotContain("ecret-", PowerShellResult.Describe(error) + result.AllText());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }

    [Fact]
    public void B4_ChallengeResponseOutsideAscii_ValidationFailed_NothingSent()
    {
        using var shell = emulator.NewRunner(interactive: false);
        shell.SetVariable("Answer", "12\u00B345");
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer"));

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("-ChallengeResponse", error.ToString());
        Assert.DoesNotContain("12\u00B345", PowerShellResult.Describe(error));
        Assert.DoesNotContain("U+", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }

    [Fact]
    public void B4_AnswerTypedAtThePromptOutsideAscii_ValidationFailed_NotSentAsAWrongAnswer()
    {
        using var shell = emulator.NewRunner(interactive: true);
        shell.Answer("98\u00B976");
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge"));

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("two-factor answer cannot be sent", error.ToString());
        Assert.DoesNotContain("98\u00B976", PowerShellResult.Describe(error));
        Assert.Empty(audit.NewEntries(AuditKinds.SignInFailed, "mfa-challenge"));
    }

    [Fact]
    public void C4_OAuthRunAsOutsideAscii_ValidationFailed_NothingSent()
    {
        using var shell = emulator.NewRunner();
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", "-RunAs 'Ren\u00E9e'"));

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("-RunAs", error.ToString());
        Assert.Contains("U+00E9", error.ToString());
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }

    [Fact]
    public void A5_KeyWithANonAsciiCharacter_InvalidApiKey_NothingSent()
    {
        using var shell = emulator.NewRunner();
        var key = emulator.KeyOf(TestSeed.PlainKey);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(key.Substring(0, key.Length - 1) + "\u00E9"));
        shell.SetVariable("RunAsName", "demo");
        var calls = emulator.State.ApiCalls.Total;

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs $RunAsName -ServerCertificateThumbprint $Thumbprint");

        result.AssertError("InvalidApiKey", ErrorCategory.InvalidArgument);
        Assert.Equal(calls, emulator.State.ApiCalls.Total);
    }
}
