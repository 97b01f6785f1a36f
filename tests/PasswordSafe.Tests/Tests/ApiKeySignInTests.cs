using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>B1–B3: PS-Auth sign-in, the cookie session and both base paths.</summary>
public sealed class ApiKeySignInTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public ApiKeySignInTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void B1_RunAsPasswordContainingSemicolonAndBracket_SignsIn()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("RunAsPassword", EmulatorFixture.Secure(emulator.Seed.Password("pwd-user")));

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $RunAsPassword -PassThru"))
            .AssertSuccess();

        Assert.Equal("pwd-user", result.Output[0].Properties["UserName"].Value);
    }

    [Fact]
    public void B1_RunAsCredential_SignsIn()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PasswordKey)));
        shell.SetVariable("RunAsCredential", new PSCredential("pwd-user", EmulatorFixture.Secure(emulator.Seed.Password("pwd-user"))));

        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAsCredential $RunAsCredential -ServerCertificateThumbprint $Thumbprint")
            .AssertSuccess();

        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
        Assert.Equal("pwd-user", shell.Run("(Get-PasswordSafeSession).UserName").AssertSuccess().SingleValue);
    }

    [Fact]
    public void B1_WrongRunAsPassword_IsRefusedAndAudited()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("RunAsPassword", EmulatorFixture.Secure("not;the]password"));
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $RunAsPassword"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("pwd-user");
        Assert.DoesNotContain("not;the]password", result.AllText());
    }

    [Fact]
    public void B1_PasswordIgnoredWhenTheRegistrationDoesNotRequireIt()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("RunAsPassword", EmulatorFixture.Secure("anything-at-all"));

        var session = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-RunAsPassword $RunAsPassword -PassThru")).AssertSuccess().Output[0];

        Assert.Equal("demo", session.Properties["UserName"].Value);
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
    }

    [Theory]
    [InlineData(@"CONTOSO\jdoe")]
    [InlineData("jdoe@contoso.test")]
    public void B1_DirectoryUser_SignsInAsDomainUserOrUpn(string runAs)
    {
        using var shell = emulator.NewRunner();

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, runAs, "-PassThru")).AssertSuccess();

        Assert.Equal(6, Convert.ToInt32(result.Output[0].Properties["UserId"].Value));
    }

    [Theory]
    [InlineData(@"FABRIKAM\jdoe")]
    [InlineData("nobody")]
    public void B1_UnknownRunAsUser_IsRefusedAndAudited(string runAs)
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, runAs));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Single(audit.NewEntries(AuditKinds.SignInFailed));
    }

    [Fact]
    public void B2_Connect_StartsACookieSession_AndDisconnectSignsOut()
    {
        using var shell = emulator.NewRunner();
        var before = emulator.State.ActiveSessionCount;

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        Assert.Equal(before + 1, emulator.State.ActiveSessionCount);
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);

        var audit = AuditCursor.Mark(emulator.State);
        shell.Run("Disconnect-PasswordSafe").AssertSuccess();

        Assert.Equal(before, emulator.State.ActiveSessionCount);
        Assert.Single(audit.NewEntries(AuditKinds.SignedOut, "admin"));
        Assert.Empty(shell.Run("Get-PasswordSafeSession").AssertSuccess().Output);
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertError("NotConnected", ErrorCategory.InvalidOperation);
    }

    [Fact]
    public void B2_DisconnectedSessionObject_IsNoLongerUsable()
    {
        using var shell = emulator.NewRunner();
        shell.Run("$s = " + emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-PassThru")).AssertSuccess();
        shell.Run("Disconnect-PasswordSafe -Session $s").AssertSuccess();

        Assert.Equal(false, shell.Run("Test-PasswordSafeSession -Session $s").AssertSuccess().SingleValue);
        Assert.NotEmpty(shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users' -Session $s").Errors);
    }

    [Fact]
    public void B2_HttpUri_IsRefusedBeforeSendingAnything()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);
        shell.SetVariable("HttpUri", emulator.Server.RootUri.ToString().Replace("https://", "http://"));
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PlainKey)));

        var result = shell.Run("Connect-PasswordSafe -Uri $HttpUri -ApiKey $ApiKey -RunAs demo");

        var error = result.AssertError("HttpsRequired", ErrorCategory.InvalidArgument);
        Assert.Contains("https", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(audit.NewEntries());
    }

    [Fact]
    public async Task B2_IdleTimeout_SessionRenewedTransparently()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync();
        using var shell = isolated.NewRunner();
        shell.Run(isolated.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(isolated.State);

        isolated.Clock.Advance(TimeSpan.FromMinutes(21));
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.SignInSucceeded, "admin"));
        Assert.Equal(1, isolated.State.ActiveSessionCount);
    }

    [Fact]
    public async Task B2_IdleTimeout_ChallengeSessionCannotRenew_SessionExpired()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync();
        using var shell = isolated.NewRunner(interactive: false);
        shell.SetVariable("Answer", isolated.Seed.ChallengeAnswer("mfa-challenge"));
        shell.Run(isolated.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer")).AssertSuccess();

        isolated.Clock.Advance(TimeSpan.FromMinutes(21));
        var result = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'");

        var error = result.AssertError("SessionExpired", ErrorCategory.AuthenticationError);
        Assert.Contains("Connect-PasswordSafe", error.ToString() + error.ErrorDetails?.RecommendedAction);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void B3_BasePathAddedToAHostUrl(bool trailingSlash)
    {
        using var shell = emulator.NewRunner();
        var root = emulator.Server.RootUri.ToString().TrimEnd('/') + (trailingSlash ? "/" : string.Empty);
        shell.SetVariable("Uri", root);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru")).AssertSuccess();

        Assert.Equal(emulator.Server.BaseUri.AbsolutePath.TrimEnd('/'),
            ((Uri)result.Output[0].Properties["BaseUri"].Value).AbsolutePath.TrimEnd('/'));
    }

    [Fact]
    public void B3_FullBaseUrl_UsedAsGiven()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Uri", emulator.Server.BaseUri.ToString());

        var session = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-PassThru -Verbose")).AssertSuccess();

        // The base URL is not doubled or cut: the session and its calls use it as given.
        Assert.Equal(emulator.Server.BaseUri.ToString(), session.Output[0].Properties["BaseUri"].Value!.ToString());
        Assert.Contains(session.Verbose, line => line.Contains(emulator.Server.BaseUri + "Auth/SignAppIn", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession -Online").AssertSuccess().SingleValue);
    }

    [Fact]
    public void B3_LegacyBasePath_KeepsWorking()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Uri", emulator.Server.LegacyBaseUri.ToString());

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-PassThru -Verbose")).AssertSuccess();
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();

        Assert.Contains("eEye.RetinaCS.Server", result.Output[0].Properties["BaseUri"].Value!.ToString());
        Assert.Contains(result.Verbose, line => line.Contains("eEye.RetinaCS.Server/api/public/v3/Auth/SignAppIn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void B3_UnknownBasePath_FailsClearly()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Uri", new Uri(emulator.Server.RootUri, "Wrong/api/public/v3/").ToString());

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo"));

        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }
}
