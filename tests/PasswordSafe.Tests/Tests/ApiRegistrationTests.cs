using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>A1–A5, A7: what an API registration allows, proven through Connect-PasswordSafe and Invoke-PSRestMethod.</summary>
public sealed class ApiRegistrationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public ApiRegistrationTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void A1_BothRegistrationTypes_AreListedWithTheirType()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run(
            "$all = Invoke-PSRestMethod -Method Get -Path 'ApiRegistrations'\n" +
            "($all | Where-Object Id -eq 1).RegistrationType\n" +
            "($all | Where-Object Id -eq 20).RegistrationType\n" +
            "($all | Where-Object Id -eq 20).AccessTokenDuration").AssertSuccess();

        Assert.Equal(new[] { "ApiKeyPolicy", "ApiAccessPolicy", "60" }, result.Output.Select(o => o.ToString()).ToArray());
    }

    [Fact]
    public void A1_AccessPolicyRegistration_IsNotAnApiKey()
    {
        // An access policy has no key: a 128-character value that is not some key policy's key is refused.
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('a', 128)));

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs ci-bot -ServerCertificateThumbprint $Thumbprint");

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void A2_MfaEnforced_ChallengeUserIsChallenged()
    {
        using var shell = emulator.NewRunner(interactive: false);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge"));

        result.AssertError("TwoFactorRequired", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void A2_MfaNotEnforced_ChallengeUserSignsInWithoutChallenge()
    {
        using var shell = emulator.NewRunner(interactive: false);
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "mfa-challenge")).AssertSuccess();

        Assert.Empty(audit.NewEntries(AuditKinds.ChallengeIssued));
        Assert.Empty(shell.Host.UserInterface.Prompts);
    }

    [Fact]
    public void A2_UserPasswordRequired_MissingPasswordIsRefused()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("pwd-user");
    }

    [Fact]
    public void A3_IpRule_LoopbackCidrAndSingleAddressAccepted()
    {
        using var shell = emulator.NewRunner();

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo") + " -NoDefault").AssertSuccess();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin") + " -NoDefault").AssertSuccess();
    }

    [Fact]
    public void A3_IpRulesExcludingCaller_AreRefusedAndAudited()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.RemoteOnlyKey, "demo"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        var entry = audit.AssertOneFailure("demo");
        Assert.Equal("127.0.0.1", entry.SourceAddress);
    }

    [Fact]
    public void A5_GeneratedKey_Is128Characters_AndSignsIn()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var key = (string)shell.Run("Invoke-PSRestMethod -Method Get -Path 'ApiRegistrations/10/Key'").AssertSuccess().SingleValue!;

        Assert.Equal(128, key.Length);
        Assert.All(key, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        using var user = emulator.NewRunner();
        user.SetVariable("GeneratedKey", EmulatorFixture.Secure(key));
        user.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $GeneratedKey -RunAs demo -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
    }

    [Fact]
    public void A5_LegacyGuidKey_StillSignsIn()
    {
        using var shell = emulator.NewRunner();

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.LegacyGuidKey, "demo") + " -PassThru").AssertSuccess();

        Assert.Equal("demo", ((PSObject)result.Output[0]).Properties["UserName"].Value);
    }

    [Fact]
    public void A5_WellFormedUnknownKey_IsRefused()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('Z', 128)));

        var result = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint");

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void A5_InactiveRegistration_IsRefused()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.InactiveKey, "demo"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("demo");
    }

    [Fact]
    public void A6_NonAdministrator_CannotReadAKey()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();

        var result = shell.Run("Invoke-PSRestMethod -Method Get -Path 'ApiRegistrations/1/Key'");

        var error = result.AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        Assert.Contains("4031", error.ErrorDetails?.Message + error.Exception.Message);
        SecretScanner.AssertNoSecrets(result.AllText(), emulator.Seed.AllSecrets(), "non-admin key read");
    }

    [Fact]
    public void A7_UserOfTheGrantingGroup_SignsIn()
    {
        using var shell = emulator.NewRunner();

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo") + " -PassThru").AssertSuccess();

        Assert.Equal("demo", ((PSObject)result.Output[0]).Properties["UserName"].Value);
    }

    [Fact]
    public void A7_UserOutsideTheGrantingGroup_IsRefusedAndAudited()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "outsider"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("outsider");
    }

    [Fact]
    public void A7_RegistrationNoGroupGrants_IsRefusedForEveryone()
    {
        using var shell = emulator.NewRunner();

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.UngrantedKey, "demo"))
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.UngrantedKey, "admin"))
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
    }
}
