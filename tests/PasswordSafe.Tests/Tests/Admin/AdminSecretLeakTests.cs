using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Secrets never appear in any stream, host write or error record of the admin cmdlets run with -Verbose -Debug:
/// API keys (seeded, new, rotated; bare and in -Detailed objects and their table view), client secrets (seeded, new, recycled), user and account passwords, including
/// in the errors of refused and rotated-away sessions.
/// </summary>
public sealed class AdminSecretLeakTests
{
    private const string NewUserPassword = "Leak-User-Pa55-qP3zM8";
    private const string AccountPassword = "Leak-Acct-Pa55-wE5rT6";
    private const string ChangedPassword = "Leak-Chg-Pa55-yU7iO9";

    [Fact]
    public async Task Secrets_NeverAppearInAdminStreamsHostOutputOrErrorRecords()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.SetVariable("UserPassword", EmulatorFixture.Secure(NewUserPassword));
        admin.SetVariable("AccountPassword", EmulatorFixture.Secure(AccountPassword));
        admin.SetVariable("ChangedPassword", EmulatorFixture.Secure(ChangedPassword));
        // -Debug turns a cmdlet's warnings into prompts (PowerShell's rule), which this non-interactive host refuses.
        const string common = " -Verbose -Debug -WarningAction Continue";

        var scenarios = new (string Name, string Script)[]
        {
            ("new key registration", "$r = New-PSApiRegistration -Name 'leak key' -IPRule '127.0.0.0/8' -MultiFactorAuthentication $false" + common + "; $r"),
            ("group granting it", "$g = New-PSUserGroup -Name 'leak users' -ApplicationRegistrationId $r.RegistrationId" + common + "; $g | Add-PSUserGroupMember -UserId 2" + common),
            ("read key", "$k = Get-PSApiRegistrationKey -RegistrationId $r.RegistrationId" + common + "; $k"),
            ("read seeded key", "Get-PSApiRegistrationKey -RegistrationId 1" + common),
            ("rotate key", "Reset-PSApiRegistrationKey -RegistrationId $r.RegistrationId -Force" + common),
            ("second key registration", "$r2 = New-PSApiRegistration -Name 'leak key 2' -IPRule '127.0.0.0/8'" + common + "; $r2"),
            // -Detailed: the objects' text and their table view name the registrations, never the keys.
            ("read keys detailed", "$kd = Get-PSApiRegistration -RegistrationId $r.RegistrationId, $r2.RegistrationId | Get-PSApiRegistrationKey -Detailed" + common
                + "; $kd; $kd | Out-Host"),
            ("read keys detailed as plain text", "$kp = Get-PSApiRegistrationKey -RegistrationId $r2.RegistrationId, 1 -Detailed -AsPlainText" + common
                + "; $kp; $kp | Out-Host"),
            ("rotate key detailed", "$rd = Reset-PSApiRegistrationKey -RegistrationId $r2.RegistrationId -Detailed -Force" + common + "; $rd; $rd | Out-Host"),
            ("read key detailed of a missing registration 404", "Get-PSApiRegistrationKey -RegistrationId 9999, 1 -Detailed" + common + " | Out-Host"),
            ("bad rule", "New-PSApiRegistration -Name 'leak bad' -IPRule '10.0.0.0/99'" + common),
            ("rule moved", "Set-PSApiRegistration -RegistrationId 1 -XForwardedForRule '127.0.0.0/8'" + common),
            ("new user", "New-PSUser -UserName 'leak-user' -Password $UserPassword -EmailAddress 'leak@example.test'" + common),
            ("set user password", "Get-PSUser -UserName 'leak-user' | Set-PSUser -Password $ChangedPassword -PassThru" + common),
            ("new application user", "$bot = New-PSUser -UserName 'leak-bot' -ApplicationUser -AccessPolicyId 20" + common + "; $bot; $bot.ClientCredential"),
            ("recycle secret", "$recycled = Reset-PSClientSecret -UserId 10 -Force" + common + "; $recycled; $recycled.ClientCredential"),
            ("list users", "Get-PSUser -IncludeInactive" + common),
            ("duplicate user 400", "New-PSUser -UserName 'leak-user' -Password $UserPassword" + common),
            ("new account", "$a = New-PSManagedAccount -ManagedSystemId 1 -AccountName 'leak-svc' -Password $AccountPassword -ApiEnabled" + common + "; $a"),
            ("set credential", "$a | Set-PSManagedAccountCredential -Password $ChangedPassword -Force" + common),
            ("change now", "$a | Start-PSManagedAccountPasswordChange" + common),
            ("test credential", "$a | Test-PSManagedAccountCredential" + common),
            ("test credential detailed", "$a | Test-PSManagedAccountCredential -Detailed" + common + " | Out-Host"),
            ("credential on a missing account 404", "Set-PSManagedAccountCredential -AccountId 9999 -Password $AccountPassword -Force" + common),
        };

        var results = new List<(string Name, PowerShellResult Result)>();
        foreach (var (name, script) in scenarios) results.Add((name, admin.Run(script)));

        // Scenarios meant to fail end in "400"/"404" or name a refused rule; the others must have worked.
        var expectedToFail = new[] { "bad rule", "rule moved", "duplicate user 400", "credential on a missing account 404", "read key detailed of a missing registration 404" };
        var unexpected = results.Where(r => r.Result.Errors.Count > 0 != expectedToFail.Contains(r.Name)).ToList();
        Assert.True(unexpected.Count == 0, "scenarios that did not behave as intended: " + string.Join("; ", unexpected.Select(
            r => r.Name + ": " + (r.Result.Errors.Count == 0 ? "no error" : r.Result.Errors[0].ToString()))));

        // Secrets made during the run, read back from the emulator or from the cmdlets' own PSCredential output.
        var registrationId = (int)admin.Run("$r.RegistrationId").SingleValue!;
        var secrets = emulator.Seed.AllSecrets().ToList();
        secrets.AddRange(new[] { NewUserPassword, AccountPassword, ChangedPassword });
        secrets.Add(emulator.State.ReadApiKey(registrationId, "test-harness"));
        secrets.Add(emulator.State.ReadApiKey(1, "test-harness"));
        var secondId = (int)admin.Run("$r2.RegistrationId").SingleValue!;
        // API keys are also looked for by their first 16 characters: a table column cuts a value short, it does not hide it.
        var keys = new List<string>
        {
            emulator.State.ReadApiKey(registrationId, "test-harness"), emulator.State.ReadApiKey(1, "test-harness"),
            emulator.State.ReadApiKey(secondId, "test-harness"),
            SecretOf(admin, "[pscredential]::new('key', ($kd | Where-Object RegistrationId -eq $r2.RegistrationId).Key)"),
            SecretOf(admin, "[pscredential]::new('key', $k)"),
        };
        secrets.AddRange(keys);
        secrets.Add(SecretOf(admin, "$bot.ClientCredential"));
        secrets.Add(SecretOf(admin, "$recycled.ClientCredential"));

        // The session that used the rotated key, and a refused sign-in, both with -Verbose -Debug.
        using var victim = emulator.NewRunner(interactive: false);
        victim.SetVariable("OldKey", admin.GetVariable("k"));
        results.Add(("sign-in with the rotated-away key", victim.Run(
            "Connect-PasswordSafe -Uri $Uri -ApiKey $OldKey -RunAs demo -ServerCertificateThumbprint $Thumbprint" + common)));
        results.Add(("sign-in of an outsider with the rotated-away key", victim.Run(
            "Connect-PasswordSafe -Uri $Uri -ApiKey $OldKey -RunAs outsider -ServerCertificateThumbprint $Thumbprint" + common)));
        secrets.Add(SecretOf(victim, "[pscredential]::new('key', $OldKey)"));

        Assert.All(results.Skip(scenarios.Length), r => Assert.NotEmpty(r.Result.Errors));
        Assert.Contains(results, r => r.Result.Verbose.Count > 0);
        Assert.Contains(results, r => r.Result.Debug.Count > 0);
        foreach (var (name, result) in results)
        {
            SecretScanner.AssertNoSecrets(result.AllText(), secrets, name);
            SecretScanner.AssertNoSecrets(result.AllText(), keys.Select(k => k[..16]), name + " (the start of an API key)");
        }
    }

    private static string SecretOf(PowerShellRunner shell, string credentialExpression) =>
        (string)shell.Run($"({credentialExpression}).GetNetworkCredential().Password").AssertSuccess().SingleValue!;
}
