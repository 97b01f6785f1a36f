using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

using PasswordSafe.Emulator;

/// <summary>
/// A5/A6 (key read and rotation) and C2/C5/C6 (application users, secret recycle and expiry) through the cmdlets.
/// Each test owns its emulator: rotation and recycle change auth state.
/// </summary>
public sealed class KeyAndSecretAdminTests
{
    [Fact]
    public async Task A6_GetKey_SecureStringByDefault_PlainWithAsPlainText_EachReadAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run(
            "Get-PSApiRegistrationKey -RegistrationId 1\n" +
            "Get-PSApiRegistration -RegistrationId 1 | Get-PSApiRegistrationKey -AsPlainText").AssertSuccess();

        Assert.IsType<SecureString>(result.Output[0].BaseObject);
        Assert.Equal(emulator.Seed.ApiKey(TestSeed.PlainKey), result.Output[1].BaseObject);
        var reads = audit.NewEntries(AuditKinds.ApiKeyRead, "admin");
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(TestSeed.PlainKey, r.RegistrationId));
        Assert.All(reads, r => Assert.InRange(r.Time, emulator.Clock.GetUtcNow().AddMinutes(-1), emulator.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A6_GetKey_Detailed_PipedRegistrations_EachKeyWithItsRegistration_NoNameRead_EachReadAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run("Get-PSApiRegistration -RegistrationId 1, 2, 3 | Get-PSApiRegistrationKey -Detailed -Verbose").AssertSuccess();

        Assert.Equal(new object[] { 1, 2, 3 }, result.Output.Select(o => o.Properties["RegistrationId"].Value).ToArray());
        Assert.Equal(new object[] { "Plain key", "MFA key", "Password key" }, result.Output.Select(o => o.Properties["Name"].Value).ToArray());
        foreach (var (item, id) in result.Output.Zip(new[] { 1, 2, 3 }))
        {
            var key = Assert.IsType<SecureString>(item.Properties["Key"].Value);
            Assert.Equal(emulator.Seed.ApiKey(id), new NetworkCredential(string.Empty, key).Password);
            Assert.Equal($"API registration {id} '{item.Properties["Name"].Value}'", item.ToString());
        }

        Assert.Equal(new int?[] { 1, 2, 3 }, audit.NewEntries(AuditKinds.ApiKeyRead, "admin").Select(e => e.RegistrationId).ToArray());
        // Named from the piped registrations: no registration is read again.
        Assert.Equal(3, result.Verbose.Count(l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ApiRegistrations/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A6_GetKey_Detailed_ByIds_NamesRead_PlainOnlyWithAsPlainText_AMissingIdFailsAlone()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run("Get-PSApiRegistrationKey -RegistrationId 2, 99, 3 -Detailed -AsPlainText");

        Assert.Equal(new object[] { "MFA key", "Password key" }, result.Output.Select(o => o.Properties["Name"].Value).ToArray());
        Assert.Equal(new[] { emulator.Seed.ApiKey(2), emulator.Seed.ApiKey(3) }, result.Output.Select(o => (string)o.Properties["Key"].Value).ToArray());
        var error = result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(99, error.TargetObject);
    }

    [Fact]
    public async Task A6_ResetKey_Detailed_EachNewKeyWithItsRegistration_UsableByConnect_EachRotationAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run("$rotated = Reset-PSApiRegistrationKey -RegistrationId 1, 2 -Detailed -Force; $rotated").AssertSuccess();

        Assert.Equal(new object[] { "Plain key", "MFA key" }, result.Output.Select(o => o.Properties["Name"].Value).ToArray());
        Assert.Equal(2, result.Warnings.Count(w => w.Contains("401", StringComparison.Ordinal)));
        Assert.Equal(new int?[] { 1, 2 }, audit.NewEntries(AuditKinds.ApiKeyRotated, "admin").Select(e => e.RegistrationId).ToArray());
        var keys = result.Output.Select(o => new NetworkCredential(string.Empty, Assert.IsType<SecureString>(o.Properties["Key"].Value)).Password).ToArray();
        Assert.Equal(new[] { emulator.State.ReadApiKey(1, "test-harness"), emulator.State.ReadApiKey(2, "test-harness") }, keys);
        Assert.All(keys, k => Assert.Equal(128, k.Length));

        // The new key picked by its registration's name signs in.
        using var user = emulator.NewRunner();
        user.SetVariable("Rotated", admin.GetVariable("rotated"));
        user.Run("Connect-PasswordSafe -Uri $Uri -ApiKey ($Rotated | Where-Object Name -eq 'Plain key').Key -RunAs demo -ServerCertificateThumbprint $Thumbprint")
            .AssertSuccess();
    }

    [Theory]
    [InlineData("-Confirm:$false")]
    [InlineData("-Force")]
    public async Task A5_A6_ResetKey_New128CharacterKey_OldSessionGetsApiKeyRejected_RotationAudited(string confirmation)
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        using var victim = emulator.NewRunner();
        victim.Run(emulator.ConnectWithKey(victim, TestSeed.PlainKey, "admin")).AssertSuccess();
        victim.Run("$null = Get-PSUser -UserId 2").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var rotation = admin.Run($"Reset-PSApiRegistrationKey -RegistrationId 1 -AsPlainText {confirmation}").AssertSuccess();

        var newKey = (string)rotation.SingleValue!;
        Assert.Equal(128, newKey.Length);
        Assert.True(newKey.All(char.IsLetterOrDigit));
        Assert.NotEqual(emulator.Seed.ApiKey(TestSeed.PlainKey), newKey);
        Assert.Contains(rotation.Warnings, w => w.Contains("401", StringComparison.Ordinal));
        var rotated = Assert.Single(audit.NewEntries(AuditKinds.ApiKeyRotated, "admin"));
        Assert.Equal(TestSeed.PlainKey, rotated.RegistrationId);
        Assert.InRange(rotated.Time, emulator.Clock.GetUtcNow().AddMinutes(-1), emulator.Clock.GetUtcNow());

        var refused = victim.Run("Get-PSUser -UserId 2");
        var error = refused.AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        Assert.Contains("rotated", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wrong", error.ToString(), StringComparison.OrdinalIgnoreCase);
        SecretScanner.AssertNoSecrets(refused.AllText(), emulator.Seed.AllSecrets().Append(newKey), "rotated key session");

        using var fresh = emulator.NewRunner();
        fresh.SetVariable("NewKey", EmulatorFixture.Secure(newKey));
        fresh.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs demo -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
    }

    [Fact]
    public async Task A6_ResetKey_ReturnsSecureStringByDefault_UsableByConnect()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var key = admin.Run("Reset-PSApiRegistrationKey -RegistrationId 1 -Force").AssertSuccess().SingleValue;

        using var user = emulator.NewRunner();
        user.SetVariable("NewKey", Assert.IsType<SecureString>(key));
        user.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs demo -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
    }

    [Fact]
    public async Task C2_NewApplicationUser_ReturnsAPSCredential_UsableAtOnceByClientCredential()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run(
            "$u = New-PSUser -UserName 'c2-runbook' -ApplicationUser -AccessPolicyId 20\n" +
            "Add-PSUserGroupMember -GroupId 2 -UserId $u.UserId\n" +
            "$u").AssertSuccess();

        var user = result.Output.Single();
        var credential = Assert.IsType<PSCredential>(user.Properties["ClientCredential"].Value);
        var stored = emulator.State.Users.Single(u => u.UserName == "c2-runbook");
        Assert.Equal(UserType.Application, stored.UserType);
        Assert.Equal(20, stored.AccessPolicyId);
        Assert.Equal(stored.ClientId, credential.UserName);
        Assert.Contains(result.Warnings, w => w.Contains("only this once", StringComparison.Ordinal));
        Assert.NotNull(user.Properties["ClientSecretExpiryDate"].Value);

        using var bot = emulator.NewRunner();
        bot.SetVariable("AppCredential", credential);
        bot.Run("Connect-PasswordSafe -Uri $Uri -ClientCredential $AppCredential -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
        SecretScanner.AssertNoSecrets(result.AllText(), new[] { credential.GetNetworkCredential().Password }, "new application user");
    }

    [Fact]
    public async Task C2_ApplicationUser_BoundToAKeyPolicy_Refused400_WithTheReason()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run("New-PSUser -UserName 'c2-wrong-policy' -ApplicationUser -AccessPolicyId 1");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("AccessPolicyID", error.ToString(), StringComparison.OrdinalIgnoreCase);
        before.AssertUnchanged(emulator.State, "application user on a key policy");
    }

    [Theory]
    [InlineData("-Confirm:$false")]
    [InlineData("-Force")]
    public async Task C5_C6_ResetClientSecret_OldRefusedAtOnce_NewWorks_ExpiryFollowsTheSetting(string confirmation)
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var now = emulator.Clock.GetUtcNow();
        var untouchedBefore = emulator.State.FindUser(12)!.ClientSecretExpiryDate;
        emulator.State.Settings = emulator.State.Settings with { ClientSecretExpiryDays = 30 };
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run($"Get-PSUser -UserId 10 | Reset-PSClientSecret {confirmation}").AssertSuccess();

        var user = result.Output.Single();
        var credential = Assert.IsType<PSCredential>(user.Properties["ClientCredential"].Value);
        var expiry = Assert.IsType<DateTimeOffset>(user.Properties["ClientSecretExpiryDate"].Value);
        Assert.InRange(expiry - now, TimeSpan.FromDays(29), TimeSpan.FromDays(31));
        Assert.Equal(emulator.State.FindUser(12)!.ClientSecretExpiryDate, untouchedBefore);
        Assert.Single(audit.NewEntries(AuditKinds.ClientSecretRecycled, "admin"));
        Assert.Contains(result.Warnings, w => w.Contains("no longer works", StringComparison.Ordinal));

        using var bot = emulator.NewRunner();
        bot.Run(emulator.ConnectWithClient(bot, "ci-bot")).AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
        bot.SetVariable("AppCredential", credential);
        bot.Run("Connect-PasswordSafe -Uri $Uri -ClientCredential $AppCredential -ServerCertificateThumbprint $Thumbprint").AssertSuccess();

        // C6: what Get-PSUser shows is the server's date, for the recycled secret only.
        var shown = admin.Run("(Get-PSUser -UserId 10).ClientSecretExpiryDate, (Get-PSUser -UserId 12).ClientSecretExpiryDate").AssertSuccess();
        Assert.Equal(expiry, shown.Output[0].BaseObject);
        Assert.InRange((DateTimeOffset)shown.Output[1].BaseObject - now, TimeSpan.FromDays(364), TimeSpan.FromDays(366));
    }

    [Fact]
    public async Task C6_NewApplicationUser_ExpiryFollowsTheSettingAtCreation()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        emulator.State.Settings = emulator.State.Settings with { ClientSecretExpiryDays = 7 };
        var now = emulator.Clock.GetUtcNow();

        var expiry = admin.Run("(New-PSUser -UserName 'c6-weekly' -ApplicationUser -AccessPolicyId 20).ClientSecretExpiryDate")
            .AssertSuccess().SingleValue;

        Assert.InRange((DateTimeOffset)expiry! - now, TimeSpan.FromDays(6), TimeSpan.FromDays(8));
    }

    [Fact]
    public async Task C5_ResetClientSecret_OfAUserThatIsNoApplicationUser_IsRefused_NothingChanges()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = AdminShell(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run("Reset-PSClientSecret -UserId 2 -Force");

        Assert.NotEmpty(result.Errors);
        Assert.Equal(2, result.Errors[0].TargetObject);
        Assert.Empty(audit.NewEntries(AuditKinds.ClientSecretRecycled));
    }

    private static PowerShellRunner AdminShell(EmulatorFixture emulator) => emulator.NonInteractiveAdmin();
}
