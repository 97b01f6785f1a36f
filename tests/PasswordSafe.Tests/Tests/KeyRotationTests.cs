using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>A6: reading and rotating a key, each test on its own emulator because rotation changes auth state.</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task A6_ReadKey_ReturnsTheKey_AndIsAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NewRunner();
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var key = admin.Run("Invoke-PSRestMethod -Method Get -Path 'ApiRegistrations/1/Key'").AssertSuccess().SingleValue;

        Assert.Equal(emulator.Seed.ApiKey(TestSeed.PlainKey), key);
        var read = Assert.Single(audit.NewEntries(AuditKinds.ApiKeyRead, "admin"));
        Assert.Equal(TestSeed.PlainKey, read.RegistrationId);
    }

    [Fact]
    public async Task A6_Rotate_OldKeyGets401_NewKeyWorks_RotationAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NewRunner();
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var rotated = (string)admin.Run("Invoke-PSRestMethod -Method Post -Path 'ApiRegistrations/1/Rotate'").AssertSuccess().SingleValue!;

        Assert.Equal(128, rotated.Length);
        Assert.NotEqual(emulator.Seed.ApiKey(TestSeed.PlainKey), rotated);
        var entry = Assert.Single(audit.NewEntries(AuditKinds.ApiKeyRotated, "admin"));
        Assert.Equal(TestSeed.PlainKey, entry.RegistrationId);

        using var user = emulator.NewRunner();
        user.Run(emulator.ConnectWithKey(user, TestSeed.PlainKey, "demo"))
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        user.SetVariable("NewKey", EmulatorFixture.Secure(rotated));
        user.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs demo -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
    }

    [Fact]
    public async Task A6_Rotate_SessionThatUsedTheOldKey_GetsApiKeyRejected()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var rotator = emulator.NewRunner();
        rotator.Run(emulator.ConnectWithKey(rotator, TestSeed.AdminKey, "admin")).AssertSuccess();
        using var victim = emulator.NewRunner();
        victim.Run(emulator.ConnectWithKey(victim, TestSeed.PlainKey, "admin")).AssertSuccess();
        victim.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();

        rotator.Run("$null = Invoke-PSRestMethod -Method Post -Path 'ApiRegistrations/1/Rotate'").AssertSuccess();
        var result = victim.Run("Invoke-PSRestMethod -Method Get -Path 'Users'");

        var error = result.AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        Assert.Contains("rotated", error.ToString(), StringComparison.OrdinalIgnoreCase);
        SecretScanner.AssertNoSecrets(result.AllText(), emulator.Seed.AllSecrets(), "rotated key");
    }

    [Fact]
    public async Task A6_NonAdministrator_CannotRotate()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run("Invoke-PSRestMethod -Method Post -Path 'ApiRegistrations/1/Rotate'")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Empty(audit.NewEntries(AuditKinds.ApiKeyRotated));
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();
    }
}
