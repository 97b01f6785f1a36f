using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Every authentication scenario, run with -Verbose -Debug and every preference at Continue, then everything the
/// user could see (streams, host output, error records with their exception chains, session property dumps and
/// formatted views) is searched for keys, passwords, client secrets, challenge answers and bearer tokens.
/// </summary>
public sealed class SecretLeakTests : IClassFixture<EmulatorFixture>
{
    private const string WrongPassword = "Leak;Check]Wrong-Pw-91";
    private const string WrongAnswer = "leak-answer-77-wrong";
    private const string WrongSecret = "LeakCheckWrongSecretValue0123456789abcdefXYZ";

    // Preferences as a user debugging a problem would set them, and a dump of every visible fact of every session.
    private const string Prologue =
        "$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'\n";

    private const string Epilogue = "\n" +
        "foreach ($s in @(Get-PasswordSafeSession -All)) {\n" +
        "  $s.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }\n" +
        "  \"$s\"\n" +
        "  $s | Out-Host\n" +
        "  $null = Invoke-PSRestMethod -Method Get -Path 'Users' -Session $s -Verbose -Debug\n" +
        "  $null = Invoke-PSRestMethod -Method Get -Path 'Requests/12345' -Session $s -Verbose -Debug\n" +
        "}\n" +
        "$Error | ForEach-Object { $_ | Out-Host; $_.Exception.ToString(); $_.ErrorDetails; $_.TargetObject }\n" +
        "Get-PasswordSafeSession -All | Disconnect-PasswordSafe -Verbose -Debug\n";

    private static readonly HashSet<string> SucceedingScenarios = new()
    {
        "api key", "api key legacy guid", "api key directory user", "run-as password", "run-as credential",
        "challenge at the prompt", "challenge unattended", "push approved", "client certificate trusted", "oauth", "oauth run-as",
    };

    private readonly EmulatorFixture emulator;

    public SecretLeakTests(EmulatorFixture emulator) => this.emulator = emulator;

    public static TheoryData<string> Scenarios => new()
    {
        "api key", "api key legacy guid", "api key directory user", "run-as password", "run-as credential", "wrong run-as password",
        "missing run-as password", "challenge at the prompt", "challenge unattended", "challenge wrong answer",
        "challenge non-interactive", "push approved", "push denied", "client certificate trusted",
        "client certificate missing", "client certificate untrusted", "source address refused", "malformed key",
        "unknown key", "oauth", "oauth run-as", "oauth wrong secret", "oauth refused by ip rule", "self-signed server refused",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Secrets_NeverAppearInAnyStreamHostOutputOrErrorRecord(string scenario)
    {
        using var shell = emulator.NewRunner(interactive: scenario == "challenge at the prompt");
        shell.SetVariable("Password", EmulatorFixture.Secure(emulator.Seed.Password("pwd-user")));
        shell.SetVariable("WrongPassword", EmulatorFixture.Secure(WrongPassword));
        shell.SetVariable("Answer", emulator.Seed.ChallengeAnswer("mfa-challenge"));
        shell.SetVariable("WrongAnswer", WrongAnswer);
        shell.SetVariable("TrustedCertificate", emulator.Certificates.TrustedClient);
        shell.SetVariable("UntrustedCertificate", emulator.Certificates.UntrustedClient);
        var connect = scenario switch
        {
            "api key" => emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin"),
            "api key legacy guid" => emulator.ConnectWithKey(shell, TestSeed.LegacyGuidKey, "demo"),
            "api key directory user" => emulator.ConnectWithKey(shell, TestSeed.PlainKey, @"CONTOSO\jdoe"),
            "run-as password" => emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $Password"),
            "run-as credential" => RunAsCredential(shell),
            "wrong run-as password" => emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user", "-RunAsPassword $WrongPassword"),
            "missing run-as password" => emulator.ConnectWithKey(shell, TestSeed.PasswordKey, "pwd-user"),
            "challenge at the prompt" => Queue(shell, emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge")),
            "challenge unattended" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer"),
            "challenge wrong answer" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $WrongAnswer"),
            "challenge non-interactive" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge"),
            "push approved" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-push"),
            "push denied" => emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-denied"),
            "client certificate trusted" => emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo", "-Certificate $TrustedCertificate"),
            "client certificate missing" => emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo"),
            "client certificate untrusted" => emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo", "-Certificate $UntrustedCertificate"),
            "source address refused" => emulator.ConnectWithKey(shell, TestSeed.RemoteOnlyKey, "demo"),
            "malformed key" => WithKey(shell, emulator.KeyOf(TestSeed.PlainKey)[..100] + "!@#"),
            "unknown key" => WithKey(shell, new string('u', 128)),
            "oauth" => emulator.ConnectWithClient(shell, "short-bot"),
            "oauth run-as" => emulator.ConnectWithClient(shell, "ci-bot", "-RunAs demo"),
            "oauth wrong secret" => emulator.ConnectWithClient(shell, "ci-bot", secret: WrongSecret),
            "oauth refused by ip rule" => emulator.ConnectWithClient(shell, "remote-bot"),
            "self-signed server refused" => emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin").Replace("-ServerCertificateThumbprint $Thumbprint", string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var result = shell.Run(Prologue + connect + " -Verbose -Debug" + Epilogue);

        if (scenario == "malformed key")
        {
            // Refused before any request (contract: InvalidApiKey before sending), so the error record is what to scan.
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("InvalidApiKey,", StringComparison.Ordinal));
        }
        else
        {
            Assert.NotEmpty(result.Verbose.Concat(result.Debug));
        }

        if (SucceedingScenarios.Contains(scenario))
        {
            // The dump really ran: otherwise a clean scan would prove nothing about the session object.
            Assert.Contains(result.Output, o => o.ToString()!.StartsWith("UserName=", StringComparison.Ordinal));
        }

        SecretScanner.AssertNoSecrets(result.AllText(), Secrets(), scenario);
    }

    [Fact]
    public async Task Secrets_NeverAppearDuringRenewalRotationOrRecycle()
    {
        await using var isolated = await EmulatorFixture.StartIsolatedAsync();
        using var shell = isolated.NewRunner(interactive: false);
        // Built victim first: each helper call sets $ApiKey, and the admin key must be the one left in it.
        var victimConnect = isolated.ConnectWithKey(shell, TestSeed.PlainKey, "admin", "-PassThru -NoDefault -Verbose -Debug").Replace("$ApiKey", "$PlainKey");
        shell.SetVariable("PlainKey", EmulatorFixture.Secure(isolated.KeyOf(TestSeed.PlainKey)));
        var adminConnect = isolated.ConnectWithKey(shell, TestSeed.AdminKey, "admin", "-PassThru -Verbose -Debug");
        var script = Prologue +
                     "$key = " + adminConnect + "\n" +
                     "$app = " + isolated.ConnectWithClient(shell, "short-bot", "-PassThru -NoDefault -Verbose -Debug") + "\n" +
                     "$victim = " + victimConnect + "\n";
        shell.Run(script).AssertSuccess();

        // Idle session and expired token both renew with the stored credentials: the re-sent secrets must stay hidden.
        isolated.Clock.Advance(TimeSpan.FromMinutes(21));
        var renewal = shell.Run(Prologue +
            "$null = Invoke-PSRestMethod -Method Get -Path 'Users' -Session $key -Verbose -Debug\n" +
            "$null = Invoke-PSRestMethod -Method Get -Path 'Users' -Session $app -Verbose -Debug\n" +
            "$null = Invoke-PSRestMethod -Method Post -Path 'ApiRegistrations/1/Rotate' -Session $key -Verbose -Debug\n" +
            "$null = Invoke-PSRestMethod -Method Get -Path 'ApiRegistrations/1/Key' -Session $key -Verbose -Debug\n" +
            "$null = Invoke-PSRestMethod -Method Post -Path 'Users/10/RecycleClientSecret' -Session $key -Verbose -Debug\n" +
            "Invoke-PSRestMethod -Method Get -Path 'Users' -Session $victim -Verbose -Debug\n" + Epilogue);

        Assert.Contains(renewal.Errors, e => e.FullyQualifiedErrorId.StartsWith("ApiKeyRejected,", StringComparison.Ordinal));
        var rotatedKey = isolated.State.ReadApiKey(TestSeed.PlainKey, "test-harness");
        SecretScanner.AssertNoSecrets(renewal.AllText(), Secrets().Append(rotatedKey), "renewal, rotation and recycle");
    }

    [Fact]
    public async Task Debug_ShowsUserPasswordRequiredAndClientSecretExpiryDate_ButNeverTheSecretTheyDescribe()
    {
        // A flag and a date about a secret are what one debugs registrations and application users by; the redaction
        // masks the secret (here a client secret the server shows once) and no longer these facts about it.
        await using var isolated = await EmulatorFixture.StartIsolatedAsync();
        using var shell = isolated.NewRunner();
        shell.Run(isolated.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run(Prologue +
            "$null = New-PSApiRegistration -Name 'debug-flags' -UserPasswordRequired -IPRule '127.0.0.1' -Verbose -Debug\n" +
            "$app = New-PSUser -UserName 'debug-app' -ApplicationUser -AccessPolicyId 20 -Verbose -Debug\n" +
            "$null = Get-PSUser -UserId $app.UserId -Verbose -Debug").AssertSuccess();

        var requestBody = Assert.Single(result.Debug, l => l.StartsWith("HTTP request: POST ", StringComparison.Ordinal) && l.Contains("/ApiRegistrations", StringComparison.Ordinal));
        Assert.Contains("\"UserPasswordRequired\":true", requestBody);
        var userAnswers = result.Debug.Where(l => l.StartsWith("HTTP response: 20", StringComparison.Ordinal) && l.Contains("\"UserName\":\"debug-app\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, userAnswers.Count); // the POST that created the user, and the GET
        Assert.All(userAnswers, l => Assert.Matches("\"ClientSecretExpiryDate\":\"\\d{4}-\\d{2}-\\d{2}T", l));
        Assert.Contains("\"ClientSecret\":\"***\"", userAnswers[0]);

        var issued = (PSCredential)((PSObject)shell.GetVariable("app")!).Properties["ClientCredential"].Value;
        var clientSecret = issued.GetNetworkCredential().Password;
        Assert.False(string.IsNullOrEmpty(clientSecret));
        SecretScanner.AssertNoSecrets(result.AllText(), Secrets().Append(clientSecret), "facts about secrets in Debug");
    }

    private IEnumerable<string> Secrets() =>
        emulator.Seed.AllSecrets().Concat(new[] { WrongPassword, WrongAnswer, WrongSecret, emulator.KeyOf(TestSeed.GeneratedKey) });

    private string RunAsCredential(PowerShellRunner shell)
    {
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(emulator.KeyOf(TestSeed.PasswordKey)));
        shell.SetVariable("RunAsCredential", new System.Management.Automation.PSCredential("pwd-user", EmulatorFixture.Secure(emulator.Seed.Password("pwd-user"))));
        return "Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAsCredential $RunAsCredential -ServerCertificateThumbprint $Thumbprint";
    }

    private string Queue(PowerShellRunner shell, string connect)
    {
        shell.Answer(emulator.Seed.ChallengeAnswer("mfa-challenge"));
        return connect;
    }

    private static string WithKey(PowerShellRunner shell, string key)
    {
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(key));
        return "Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint";
    }
}
