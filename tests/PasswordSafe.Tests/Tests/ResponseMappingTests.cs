using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>D1 (status codes → error ids/categories) and D2 (failed factors audited; the 401 does not say why).</summary>
public sealed class ResponseMappingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public ResponseMappingTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void D1_200_ObjectsComeBackAsPSObjects()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var names = shell.Run("(Invoke-PSRestMethod -Method Get -Path 'Users').UserName").AssertSuccess().Output.Select(o => o.ToString());

        Assert.Contains("demo", names);
        Assert.Contains("ci-bot", names);
    }

    [Fact]
    public void D1_401_OnSignIn_AuthenticationFailed_PointsAtTheAudit()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('Q', 128)));

        var error = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint")
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);

        Assert.Contains("audit", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.TargetObject);
    }

    [Fact]
    public void D1_403_PermissionDenied_WithReasonCodeInErrorDetails()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'UserGroups'")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.NotNull(error.ErrorDetails);
        Assert.Contains("4031", error.ErrorDetails!.Message + " " + error.ErrorDetails.RecommendedAction);
        Assert.Contains("UserGroups", error.TargetObject?.ToString());
    }

    [Fact]
    public void D1_404_ObjectNotFound_WithTheItemAsTarget()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users/9999'")
            .AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.Contains("Users/9999", error.TargetObject?.ToString());
    }

    [Fact]
    public async System.Threading.Tasks.Task D1_403_LicenceInvalid_LicenseInvalid()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync(seed => seed["Settings"]!["LicenseValid"] = false);
        using var shell = isolated.NewRunner();

        var error = shell.Run(isolated.ConnectWithKey(shell, TestSeed.PlainKey, "demo"))
            .AssertError("LicenseInvalid", ErrorCategory.PermissionDenied);

        Assert.Contains("licen", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async System.Threading.Tasks.Task D1_410_ApiDisabled_NotEnabled()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync(seed => seed["Settings"]!["ApiEnabled"] = false);
        using var shell = isolated.NewRunner();

        shell.Run(isolated.ConnectWithKey(shell, TestSeed.PlainKey, "demo"))
            .AssertError("ApiDisabled", ErrorCategory.NotEnabled);
    }

    [Fact]
    public async System.Threading.Tasks.Task D1_410_AfterSignIn_ApiDisabled()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync();
        using var shell = isolated.NewRunner();
        shell.Run(isolated.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        isolated.State.Settings = isolated.State.Settings with { ApiEnabled = false };

        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertError("ApiDisabled", ErrorCategory.NotEnabled);
    }

    public static TheoryData<string> FailedFactors => new()
    {
        "wrong key", "unknown run-as user", "wrong password", "source address", "client certificate missing",
        "push denied", "wrong challenge answer", "inactive registration", "user outside the group",
    };

    [Theory]
    [MemberData(nameof(FailedFactors))]
    public void D2_FailedFactor_AuditedWithReason_AndTheErrorDoesNotSayWhy(string factor)
    {
        using var shell = emulator.NewRunner(interactive: false);
        shell.SetVariable("Wrong", EmulatorFixture.Secure("wrong;pass]word"));
        shell.SetVariable("Answer", "000000-wrong");
        var connect = factor switch
        {
            "wrong key" => WrongKey(shell),
            "unknown run-as user" => emulator.ConnectWithKey(shell, TestSeed.PlainKey, "ghost"),
            "wrong password" => emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $Wrong"),
            "source address" => emulator.ConnectWithKey(shell, TestSeed.RemoteOnlyKey, "demo"),
            "client certificate missing" => emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo"),
            "push denied" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-denied"),
            "wrong challenge answer" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer"),
            "inactive registration" => emulator.ConnectWithKey(shell, TestSeed.InactiveKey, "demo"),
            "user outside the group" => emulator.ConnectWithKey(shell, TestSeed.PlainKey, "outsider"),
            _ => throw new ArgumentOutOfRangeException(nameof(factor)),
        };
        var audit = AuditCursor.Mark(emulator.State);
        var notificationsBefore = emulator.State.AdminNotifications.Count;

        var result = shell.Run(connect);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        var entry = Assert.Single(audit.NewEntries(AuditKinds.SignInFailed));
        Assert.False(string.IsNullOrWhiteSpace(entry.Reason));
        Assert.True(emulator.State.AdminNotifications.Count > notificationsBefore, "D2: the administrator is notified.");
        var shown = PowerShellResult.Describe(error);
        Assert.Contains("audit", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(entry.Reason!, shown, StringComparison.OrdinalIgnoreCase);
        SecretScanner.AssertNoSecrets(result.AllText(), emulator.Seed.AllSecrets().Append("wrong;pass]word").Append("000000-wrong"), factor);
    }

    private static string WrongKey(PowerShellRunner shell)
    {
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('W', 128)));
        return "Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint";
    }
}
