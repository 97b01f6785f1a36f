using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// A fresh demo emulator for one help example, with one runspace per demo user (signed in with the demo key, or not
/// signed in at all), all in one working folder. What is not the module's part is a stand-in: the examples' server
/// names (pam.example.com, pam-test.example.com, the emulator's default https://127.0.0.1:8443) lead to this emulator
/// with its certificate trusted, prompts (Read-Host, Get-Credential) answer with the demo secrets a person would type,
/// and external tools (ssh, mstsc) and the commands this hosted engine lacks (Import-Csv, Get-Date, Format-List) do
/// nothing or check what they are given.
/// </summary>
internal sealed class HelpExampleStage : IAsyncDisposable
{
    /// <summary>The user name of a runspace that starts without a session, for the examples that sign in.</summary>
    public const string NotSignedIn = "";

    /// <summary>What Read-Host answers when the prompt does not ask for a key.</summary>
    private const string TypedPassword = "Example-Passw0rd!";

    private const string StandIns =
        "function mstsc { } function ssh { }\n" +
        // A person at the prompt types the demo key when asked for a key, otherwise a password.
        "function Read-Host { param([Parameter(Position = 0)][string]$Prompt, [switch]$AsSecureString)\n" +
        "  if ($Prompt -match 'key') { $StandInApiKey } else { $StandInPassword } }\n" +
        // Asked for client credentials they type ci-bot's client id and secret; asked for a user, that user and a password.
        "function Get-Credential { param([Parameter(Position = 0)][string]$UserName, [string]$Message)\n" +
        "  if (-not $UserName -and $Message -match 'client') { $StandInClientCredential }\n" +
        "  else { [pscredential]::new($(if ($UserName) { $UserName } else { 'CONTOSO\\jdoe' }), $StandInPassword) } }\n" +
        "function Import-Csv { [pscustomobject]@{ HostName = 'lnx01.contoso.test' }; [pscustomobject]@{ HostName = 'lnx02.contoso.test'; Port = 2222 } }\n" +
        "function Get-Date { [datetime]::Now }\n" +
        // Format-List passes the objects on, but a property they do not have is the example's mistake.
        "function Format-List { param([Parameter(Position = 0)][string[]]$Property, [Parameter(ValueFromPipeline)]$InputObject)\n" +
        "  process { foreach ($name in $Property) { if (-not $InputObject.PSObject.Properties[$name]) {\n" +
        "    Write-Error \"Format-List: $($InputObject.GetType().Name) has no property $name.\" } }; $InputObject } }\n";

    // Connect-PasswordSafe as a proxy of the real cmdlet (same parameters, same binding), changing only where it goes.
    private const string ServerNamesLeadToTheEmulator =
        "& {\n" +
        "$proxy = [System.Management.Automation.ProxyCommand]::Create([System.Management.Automation.CommandMetadata]::new(\n" +
        "  (Get-Command PasswordSafe\\Connect-PasswordSafe)))\n" +
        "$redirect = 'if ($PSBoundParameters[''Uri''] -match ''^(https://)?(pam\\.example\\.com|pam-test\\.example\\.com|127\\.0\\.0\\.1:8443)/?$'') {\n" +
        "  $PSBoundParameters[''Uri''] = $EmulatorUri\n" +
        "  if (-not $PSBoundParameters.ContainsKey(''SkipCertificateCheck'')) { $PSBoundParameters[''ServerCertificateThumbprint''] = $EmulatorThumbprint } }'\n" +
        "$proxy = $proxy.Insert($proxy.IndexOf('{', $proxy.IndexOf(\"`nbegin\")) + 1, \"`n$redirect`n\")\n" +
        ". ([scriptblock]::Create(\"function global:Connect-PasswordSafe {`n$proxy`n}\"))\n" +
        "}\n";

    private readonly Dictionary<string, PowerShellRunner> shells = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> environmentBefore = new(StringComparer.Ordinal);
    private readonly DirectoryInfo folder;

    private HelpExampleStage(EmulatorServer server)
    {
        Server = server;
        folder = Directory.CreateTempSubdirectory("ps-help-example-");
    }

    public EmulatorServer Server { get; }

    public static async Task<HelpExampleStage> StartAsync() => new(await EmulatorServer.StartAsync(new EmulatorOptions()));

    /// <summary>The runspace of a demo user (made on first use), or of nobody for <see cref="NotSignedIn"/>.</summary>
    public PowerShellRunner ShellOf(string user)
    {
        if (!shells.TryGetValue(user, out var shell))
        {
            shell = user == NotSignedIn ? PowerShellRunner.Start() : HelpExamples.Connect(Server, user);
            Prepare(shell);
            shells[user] = shell;
        }

        return shell;
    }

    /// <summary>Runs a script as a demo user and fails the test on any error.</summary>
    public void Run(string user, string script) => ShellOf(user).Run(script).AssertSuccess();

    /// <summary>Sets a variable of this process's environment (which every runspace shares) until the stage ends.</summary>
    public void SetEnvironmentVariable(string name, string value)
    {
        environmentBefore.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shell in shells.Values)
        {
            shell.Dispose();
        }

        foreach (var (name, value) in environmentBefore)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await Server.DisposeAsync();
        folder.Delete(recursive: true);
    }

    private void Prepare(PowerShellRunner shell)
    {
        shell.SetVariable("ExampleFolder", folder.FullName);
        shell.SetVariable("EmulatorUri", Server.RootUri.ToString());
        shell.SetVariable("EmulatorThumbprint", Server.ServerCertificate.Thumbprint);
        shell.SetVariable("StandInApiKey", EmulatorFixture.Secure(DemoSeed.ApiKey));
        shell.SetVariable("StandInPassword", EmulatorFixture.Secure(TypedPassword));
        shell.SetVariable("StandInClientCredential", new PSCredential(DemoSeed.ClientId, EmulatorFixture.Secure(DemoSeed.ClientSecret)));
        shell.Run(StandIns + ServerNamesLeadToTheEmulator +
            "$ExecutionContext.SessionState.Path.SetLocation($ExampleFolder) | Out-Null").AssertSuccess();
    }
}
