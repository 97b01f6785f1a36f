using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Every checkout path (E1–E4, success and failure) run with -Verbose -Debug and every preference at Continue.
/// Secrets the user asked for go into variables, never to the output, so everything printed — streams, host
/// writes, error records with their exception chains, formatted requests — must be free of passwords, DSS keys,
/// passphrases, session tickets, rotated passwords and request ids in credential or request paths.
/// </summary>
public sealed class CheckoutSecretLeakTests : IClassFixture<CheckoutEmulator>, IDisposable
{
    private const string Prologue =
        "$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'\n";

    // Dumps what a user would look at, then checks in what the scenario left open (the emulator is shared by the
    // class, so the next scenario starts without conflicts) and signs out, all with Verbose and Debug on.
    private const string Epilogue = "\n" +
        "Get-PSRequest -Status All -Verbose -Debug | Out-Host\n" +
        "Get-PSRequest -Status All | ForEach-Object { \"$_\"; $_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }\n" +
        "$Error | ForEach-Object { $_ | Out-Host; $_.Exception.ToString(); $_.ErrorDetails; $_.TargetObject; $_.InvocationInfo.Line }\n" +
        "Get-PSRequest -Status All | Complete-PSRequest -Reason 'scenario over' -Verbose -Debug\n" +
        "Get-PasswordSafeSession -All | Disconnect-PasswordSafe -Verbose -Debug\n";

    // Splits a scenario where the emulator clock moves on (request expiry) between two runs in the same runspace.
    private const string AdvanceClock = "#advance-clock\n";

    // The host password an admin session is opened with (New-PSAdminSession -Credential $HostCredential): the caller's
    // own secret, which goes into the request body only.
    private const string HostPassword = "Host-Supplied-Pa55-mK2w";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-leak-" + Guid.NewGuid().ToString("N"));
    private readonly CheckoutEmulator emulator;

    public CheckoutSecretLeakTests(CheckoutEmulator emulator)
    {
        this.emulator = emulator;
        Directory.CreateDirectory(folder);
    }

    public static TheoryData<string> Scenarios => new()
    {
        "pipeline credential", "domain account", "secure string", "plain text", "dss key and passphrase", "credential by account",
        "pending credential", "approve then credential", "deny", "checked-in credential", "expired credential", "not the owner",
        "conflict", "reuse and renew", "rotate on check-in", "use-credential success", "use-credential throw",
        "rdp session", "ssh session", "rdp file", "session type mismatch", "isa credential", "isa session", "isa denied", "ambiguous account",
        "session monitoring", "wait for approval", "request set", "terminate by target", "alias", "admin session",
    };

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Secrets_NeverAppearInCheckoutStreamsHostOutputOrErrorRecords(string scenario)
    {
        var runAs = scenario.StartsWith("isa", StringComparison.Ordinal) && scenario != "isa denied" ? "isa-user" : "demo";
        using var shell = emulator.RunnerFor(runAs);
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        emulator.Connect(shell, "requestor2", sessionVariable: "Other", makeDefault: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.SetVariable("OutFile", Path.Combine(folder, "session.rdp"));
        shell.SetVariable("HostCredential", new System.Management.Automation.PSCredential(@"CONTOSO\operator", EmulatorFixture.Secure(HostPassword)));

        var parts = (ScriptFor(scenario) + Epilogue).Split(AdvanceClock);
        var results = new List<PowerShellResult>();
        foreach (var part in parts)
        {
            if (results.Count > 0) emulator.Clock.Advance(TimeSpan.FromMinutes(2));
            results.Add(shell.Run(Prologue + part));
        }

        var secrets = emulator.Seed.AllSecrets().Concat(SecretsHandedOut(shell)).Append(HostPassword).ToList();
        var text = string.Join("\n", results.Select(r => r.AllText()));
        SecretScanner.AssertNoSecrets(text, secrets, scenario);
        foreach (var request in emulator.State.ReleaseRequests)
        {
            var path = new Regex($@"(Credentials|Requests)/{request.RequestId}(?!\d)");
            var match = path.Match(text);
            Assert.False(match.Success, $"[{scenario}] a request id appears in a path: {match.Value}");
        }

        // The scan covered real diagnostic output: every scenario calls the API with Verbose and Debug on.
        Assert.NotEmpty(results.SelectMany(r => r.Verbose));
        Assert.NotEmpty(results.SelectMany(r => r.Debug));
    }

    private static string ScriptFor(string scenario) => scenario switch
    {
        "pipeline credential" =>
            "$c = Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequest -Reason leak | Get-PSCredential\n" +
            "$c | Out-Host; \"$c\"; $c.UserName",
        "domain account" =>
            "$c = Get-PSManagedAccount -SystemName contoso.test -AccountName 'CONTOSO\\svc-backup' | New-PSRequest -Reason leak | Get-PSCredential\n\"$c\"",
        "secure string" =>
            "$s = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak | Get-PSCredential -AsSecureString\n$s | Out-Host; \"$s\"",
        "plain text" =>
            "$p = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak | Get-PSCredential -AsPlainText",
        "dss key and passphrase" =>
            "$r = New-PSRequest -SystemName lnx01 -AccountName root -AccessType SSH -Reason leak\n" +
            "$k = $r | Get-PSCredential -Type DssKey\n$p = $r | Get-PSCredential -Type Passphrase -AsSecureString\n$k | Out-Host",
        "credential by account" =>
            "$null = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak\n" +
            "$c = Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Get-PSCredential",
        "pending credential" =>
            "$r = New-PSRequest -SystemName db01 -AccountName sa -Reason leak\n$r | Get-PSCredential\n$r | New-PSAccessSession -SessionType RDP",
        "approve then credential" =>
            "$r = New-PSRequest -SystemName db01 -AccountName sa -Reason leak\n" +
            "Get-PSRequest -Queue Approver -Session $Approver -Verbose -Debug | Approve-PSRequest -Reason ok -Verbose -Debug\n" +
            "$c = $r | Get-PSCredential\n$r | Complete-PSRequest",
        "deny" =>
            "$r = New-PSRequest -SystemName db01 -AccountName sa -Reason leak\n" +
            "$r | Deny-PSRequest -Session $Approver -Reason no\n$r | Get-PSCredential\n$r | Approve-PSRequest -Session $Approver",
        "checked-in credential" =>
            "$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak\n$c = $r | Get-PSCredential\n" +
            "$r | Complete-PSRequest -Reason done\n$r | Get-PSCredential\n$r | Complete-PSRequest\nGet-PSCredential -RequestId $r.RequestId",
        "expired credential" =>
            "$r = New-PSRequest -SystemName web01 -AccountName Administrator -DurationMinutes 1 -Reason leak\n" +
            "$c = $r | Get-PSCredential\n" + AdvanceClock + "$r | Get-PSCredential\n$r | Complete-PSRequest",
        "not the owner" =>
            "$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak\n" +
            "Get-PSCredential -RequestId $r.RequestId -Session $Other\n$r | Complete-PSRequest -Session $Other\n$r | Set-PSRequest -RotateOnCheckin -Session $Other",
        "conflict" =>
            "$null = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak\n" +
            "New-PSRequest -SystemName web01 -AccountName Administrator -Reason again",
        "reuse and renew" =>
            "$a = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak\n" +
            "$b = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak -ConflictOption Reuse\n" +
            "$c = New-PSRequest -SystemName web01 -AccountName Administrator -Reason leak -ConflictOption Renew\n$a, $b, $c | Out-Host",
        "rotate on check-in" =>
            "$r = New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason leak\n$r | Set-PSRequest -RotateOnCheckin\n$r | Complete-PSRequest\n" +
            "$n = New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason again | Get-PSCredential\n" +
            "$RotatedPassword = $n.GetNetworkCredential().Password\nGet-PSRequest | Complete-PSRequest",
        "use-credential success" =>
            "$u = Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason leak -ScriptBlock { param($c) $c.UserName }",
        "use-credential throw" =>
            "Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason leak -ScriptBlock { param($c) throw \"deploy as $($c.UserName) failed\" }",
        "rdp session" =>
            "$Session = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason leak | New-PSAccessSession\n" +
            "$Tickets = @($Session.Ticket)",
        "ssh session" =>
            "$Session = New-PSRequest -SystemName lnx01 -AccountName root -AccessType SSH -Reason leak | New-PSAccessSession\n" +
            "$Tickets = @($Session.Ticket)",
        "rdp file" =>
            "$Session = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason leak | New-PSAccessSession -OutFile $OutFile\n" +
            "$Session | Out-Host; \"$Session\"",
        "session type mismatch" =>
            "$r = New-PSRequest -SystemName lnx01 -AccountName root -AccessType RDP -Reason leak\n$r | New-PSAccessSession -SessionType SSH\n" +
            "$r | New-PSAccessSession -SessionType rdpfile\n$r | Complete-PSRequest\n$r | New-PSAccessSession",
        "isa credential" =>
            "$c = Get-PSIsaCredential -SystemName lnx01 -AccountName deploy -Reason leak\n\"$c\"\n$p = Get-PSIsaCredential -SystemName lnx01 -AccountName deploy -AsPlainText",
        "isa session" =>
            "$Session = New-PSIsaSession -SystemName lnx01 -AccountName deploy -SessionType SSH -Reason leak\n$Tickets = @($Session.Ticket)\n" +
            "$f = New-PSIsaSession -SystemName web01 -AccountName Administrator -SessionType rdpfile -OutFile $OutFile\n$f | Out-Host",
        "isa denied" =>
            "Get-PSIsaCredential -SystemName web01 -AccountName Administrator\nNew-PSIsaSession -SystemId 4 -AccountId 7 -SessionType SSH",
        "wait for approval" =>
            "$r = New-PSRequest -SystemName db01 -AccountName sa -Reason leak\n$r | Wait-PSRequest -TimeoutSec 1 -PollIntervalSec 1\n" +
            "Get-PSRequest -Queue Approver -Session $Approver | Approve-PSRequest -Reason ok\n$c = $r | Wait-PSRequest | Get-PSCredential\n\"$c\"",
        "session monitoring" =>
            "$Session = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason leak | New-PSAccessSession\n" +
            "$Tickets = @($Session.Ticket)\n" +
            "Get-PSAccessSession -Session $Admin | Out-Host\n$Session | Get-PSAccessSession -Session $Admin | Out-Host\n" +
            "$Session | Lock-PSAccessSession -Force -PassThru -Session $Admin | Out-Host\n" +
            "$Session | Stop-PSAccessSession -Force -Session $Admin\n$Session | Stop-PSAccessSession -Force -Session $Admin\nGet-PSAccessSession",
        "request set" =>
            "$set = New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason leak\n$set | Out-Host\n" +
            "$c = $set.Requests | Where-Object AccessType -eq View | Get-PSCredential\n\"$c\"\n" +
            "$Session = $set.Requests | Where-Object AccessType -eq RDP | New-PSAccessSession\n$Tickets = @($Session.Ticket)\n" +
            "New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason again\n" +
            "New-PSRequestSet -SystemName db01 -AccountName sa -AccessType View, SSH -Reason leak\n" +
            "Get-PSRequestSet | Out-Host\n$set.Requests | Complete-PSRequest\n$set.Requests | Get-PSCredential",
        "terminate by target" =>
            "$r = New-PSRequest -SystemName web01 -AccountName rotating-svc -AccessType RDP -RotateOnCheckin -Reason leak\n" +
            "$c = $r | Get-PSCredential\n$Session = $r | New-PSAccessSession -SessionType rdpticket\n$Tickets = @($Session.Ticket)\n" +
            "Lock-PSAccessSession -ManagedAccountId $r.AccountId -Force -Session $Admin\n" +
            "Stop-PSAccessSession -ManagedSystemId $r.SystemId -Force -Session $Admin\nLock-PSAccessSession -ManagedSystemId 999 -Force -Session $Admin\n" +
            "Get-PSManagedAccount -SystemName web01 -AccountName rotating-svc | Stop-PSRequest -Reason incident -Force -Session $Admin\n" +
            "$r | Get-PSCredential\nStop-PSRequest -UserId 999 -Force -Session $Admin\nStop-PSRequest -ManagedSystemId $r.SystemId -Force\n" +
            "$n = New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason again | Get-PSCredential\n" +
            "$RotatedPassword = $n.GetNetworkCredential().Password\nGet-PSRequest | Complete-PSRequest",
        "alias" =>
            "Get-PSManagedAccountAlias | Out-Host\n$r = Get-PSManagedAccountAlias -Name runbook-pair | New-PSRequest -Reason leak\n$r | Out-Host\n" +
            "$c = $r | Get-PSCredential\n\"$c\"\n$p = $r | Get-PSCredential -AsPlainText\nNew-PSRequest -AliasName runbook-pair -Reason again\n" +
            "New-PSRequest -AliasName web-admin-suspended\nNew-PSRequest -AliasId 99\nNew-PSRequest -AliasId 1 -Session $Admin\n" +
            "$r | Complete-PSRequest\n$r | Get-PSCredential\n" +
            "$u = Use-PSCredential -AliasName runbook-pair -Reason leak { param($c) $c.UserName }\n" +
            "Use-PSCredential -AliasId 1 -Reason leak { param($c) throw \"as $($c.UserName) failed\" }\n" +
            "Use-PSCredential -AliasName db-sa -Reason leak -ApprovalTimeoutSec 1 { 'ran' }",
        "admin session" =>
            "$Session = New-PSAdminSession -HostName srv42 -SessionType SSH -Credential $HostCredential -Reason leak -Session $Admin\n" +
            "$Rdp = New-PSAdminSession srv42 RDP -Credential $HostCredential -Session $Admin\n$Tickets = @($Session.Ticket, $Rdp.Ticket)\n" +
            "$f = New-PSAdminSession srv42 rdpfile -Credential $HostCredential -SmartSizing -OutFile $OutFile -Session $Admin\n" +
            "$f | Out-Host; \"$f\"; $Session | Out-Host; $Rdp | Format-List | Out-Host\n" +
            "New-PSAdminSession srv42 SSH -Credential $HostCredential\n" +
            "New-PSAdminSession srv42 RDP -Credential $HostCredential -Resolution huge -Session $Admin\n" +
            "New-PSAdminSession srv42 rdpfile -Credential $HostCredential -Session $Admin\n" +
            "Get-PSAccessSession -Session $Admin | Out-Host\n$Session | Stop-PSAccessSession -Force -Session $Admin",
        "ambiguous account" =>
            "New-PSRequest -SystemName twin01 -AccountName operator -Reason leak\nGet-PSManagedAccount -SystemName web01 -AccountName nobody",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
    };

    /// <summary>Secrets that exist only at run time: a rotated password, session tickets, the ticket inside an .rdp file.</summary>
    private IEnumerable<string> SecretsHandedOut(PowerShellRunner shell)
    {
        if (shell.GetVariable("RotatedPassword") is string rotated) yield return rotated;
        if (shell.GetVariable("Tickets") is object[] tickets)
        {
            foreach (var ticket in tickets.OfType<string>()) yield return ticket;
        }

        var file = Path.Combine(folder, "session.rdp");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.StartsWith("username:s:", StringComparison.Ordinal)))
            {
                yield return line["username:s:".Length..];
            }
        }
    }
}
