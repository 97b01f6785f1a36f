using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Test-PSManagedAccountCredential (api-v3 §4.2, E5): a bare Boolean for the single question, and with -Detailed one
/// CredentialTestResult per account, named and in order, so many accounts can be told apart; an account that cannot be
/// tested is a NotTested result with the reason plus the usual error, and the others are still tested. Each test owns a
/// checkout emulator: one account is put out of sync with its system so that its test fails.
/// </summary>
public sealed class CredentialTestResultTests : IAsyncLifetime
{
    private const int Administrator = 1;   // web01\Administrator, in sync
    private const int RotatingSvc = 10;    // web01\rotating-svc, in sync
    private const int RunbookSvc = 12;     // web01\runbook-svc, put out of sync below

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.RunnerFor("admin");
        admin.SetVariable("VaultOnly", EmulatorFixture.Secure("Vault-Only-Pa55-kT2"));
        // Stored in Password Safe only: the system keeps its old password, so the test of this account fails.
        admin.Run($"Set-PSManagedAccountCredential -AccountId {RunbookSvc} -Password $VaultOnly -UpdateSystem $false -Force").AssertSuccess();
    }

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void WithoutDetailed_ABareBoolean_ForTheSingleQuestion()
    {
        using var admin = emulator.RunnerFor("admin");

        var result = admin.Run(
            $"Test-PSManagedAccountCredential -AccountId {Administrator}\n" +
            $"Test-PSManagedAccountCredential {RunbookSvc}\n" +
            $"if (Test-PSManagedAccountCredential -AccountId {Administrator}) {{ 'works' }}").AssertSuccess();

        Assert.Equal(new object[] { true, false, "works" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Detailed_SeveralIds_OneNamedResultEach_InOrder_AMissingOneIsNotTested_TheOthersStillTested()
    {
        using var admin = emulator.RunnerFor("admin");
        var audit = AuditCursor.Mark(emulator.State);

        var result = admin.Run($"Test-PSManagedAccountCredential -AccountId {Administrator}, {RunbookSvc}, 9999, {RotatingSvc} -Detailed -Verbose");

        var rows = Results(result);
        Assert.Equal(new object[] { Administrator, RunbookSvc, 9999, RotatingSvc }, rows.Select(r => Value(r, "AccountId")).ToArray());
        Assert.Equal(new[] { "Passed", "Failed", "NotTested", "Passed" }, rows.Select(Outcome).ToArray());
        Assert.Equal(new[] { "Administrator", "runbook-svc", null, "rotating-svc" }, rows.Select(r => (string?)Value(r, "AccountName")).ToArray());
        Assert.Equal(new[] { "web01", "web01", null, "web01" }, rows.Select(r => (string?)Value(r, "SystemName")).ToArray());
        Assert.Equal(new object?[] { 1, 1, null, 1 }, rows.Select(r => Value(r, "SystemId")).ToArray());
        Assert.Equal(@"web01\runbook-svc: Failed", rows[1].ToString());
        Assert.Null(Value(rows[0], "Reason"));
        Assert.Null(Value(rows[1], "Reason")); // the server gives no reason for a failed test
        Assert.Equal("ObjectNotFound", Value(rows[2], "ErrorId"));
        Assert.Contains("9999", (string)Value(rows[2], "Reason")!, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.NotNull(Value(r, "Session")));

        // The usual error as well, for the one account, with its id as target.
        var error = result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(9999, error.TargetObject);
        Assert.Equal(3, audit.NewEntries(AuditKinds.CredentialsTested, "admin").Count);

        // Typed ids: each account read for its name, its system once for all three.
        Assert.Single(result.Verbose, l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedSystems/", StringComparison.Ordinal));
    }

    [Fact]
    public void Detailed_PipedAccounts_NamedFromThePipedObjects_NothingReadForThem()
    {
        using var admin = emulator.RunnerFor("admin");

        var result = admin.Run(
            "Get-PSManagedAccount -ManagedSystemId 1 | Test-PSManagedAccountCredential -Detailed -Verbose -ErrorAction SilentlyContinue").AssertSuccess();

        var rows = Results(result);
        Assert.Contains(rows, r => (string?)Value(r, "AccountName") == "runbook-svc" && Outcome(r) == "Failed");
        Assert.Contains(rows, r => (string?)Value(r, "AccountName") == "Administrator" && Outcome(r) == "Passed");
        Assert.All(rows, r => Assert.Equal(("web01", (object?)1), ((string?)Value(r, "SystemName"), Value(r, "SystemId"))));
        // The provisioning view carries the account's name and system id: only the system's name is read, once.
        Assert.DoesNotContain(result.Verbose, l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedAccounts/", StringComparison.Ordinal)
                                                   && !l.Contains("ManagedSystems/", StringComparison.Ordinal));
        Assert.Single(result.Verbose, l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedSystems/1 ", StringComparison.Ordinal));

        // The requestable view carries every name: nothing is read. isa-user may list and test web01\Administrator.
        using var isa = emulator.RunnerFor("isa-user");
        var requestable = isa.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Test-PSManagedAccountCredential -Detailed -Verbose")
            .AssertSuccess();
        var row = Assert.Single(Results(requestable));
        Assert.Equal(("web01", "Administrator", "Passed"), ((string?)Value(row, "SystemName"), (string?)Value(row, "AccountName"), Outcome(row)));
        Assert.DoesNotContain(requestable.Verbose, l => l.Contains("GET", StringComparison.Ordinal) && l.Contains("ManagedAccounts/", StringComparison.Ordinal));
        Assert.DoesNotContain(requestable.Verbose, l => l.Contains("ManagedSystems/", StringComparison.Ordinal));
    }

    [Fact]
    public void Detailed_FailedResultsPipeIntoStartPSManagedAccountPasswordChange_ByAccountId()
    {
        using var admin = emulator.RunnerFor("admin");
        var audit = AuditCursor.Mark(emulator.State);

        admin.Run("Get-PSManagedAccount -ManagedSystemId 1 | Test-PSManagedAccountCredential -Detailed -ErrorAction SilentlyContinue | " +
                  "Where-Object Outcome -eq 'Failed' | Start-PSManagedAccountPasswordChange -Queue").AssertSuccess();

        var queued = Assert.Single(audit.NewEntries(AuditKinds.PasswordChangeQueued, "admin"));
        Assert.Contains($"managed account {RunbookSvc} ", queued.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Detailed_WithErrorActionSilentlyContinue_TheReportAlone_WithErrorActionStop_TheResultComesBeforeTheStop()
    {
        using var admin = emulator.RunnerFor("admin");

        var quiet = admin.Run($"Test-PSManagedAccountCredential -AccountId 9999, {Administrator} -Detailed -ErrorAction SilentlyContinue").AssertSuccess();
        Assert.Equal(new[] { "NotTested", "Passed" }, Results(quiet).Select(Outcome).ToArray());

        var stopped = admin.Run($"try {{ Test-PSManagedAccountCredential -AccountId 9999, {Administrator} -Detailed -ErrorAction Stop }} catch {{ 'stopped: ' + $_.FullyQualifiedErrorId }}");
        Assert.Equal("NotTested", Outcome(stopped.Output[0]));
        Assert.StartsWith("stopped: ObjectNotFound", (string)stopped.Output[1].BaseObject, StringComparison.Ordinal);
        Assert.Equal(2, stopped.Output.Count);
    }

    [Fact]
    public void Detailed_NamesTheCallerMayNotRead_TheResultKeepsTheIds_AndVerboseSaysWhy()
    {
        // isa-user holds the ISA role on web01\Administrator: it may test the credential, not read the account's settings.
        using var isa = emulator.RunnerFor("isa-user");

        var result = isa.Run($"Test-PSManagedAccountCredential -AccountId {Administrator} -Detailed -Verbose").AssertSuccess();

        var row = Assert.Single(Results(result));
        Assert.Equal(((object)Administrator, "Passed"), (Value(row, "AccountId"), Outcome(row)));
        Assert.Null(Value(row, "AccountName"));
        Assert.Contains(result.Verbose, l => l.Contains("may lack names", StringComparison.Ordinal) && l.Contains("denied", StringComparison.Ordinal));
        Assert.Equal($"account {Administrator}: Passed", row.ToString());
    }

    /// <summary>The output, each a PasswordSafe.CredentialTestResult (the test assembly does not reference the module's).</summary>
    private static System.Collections.Generic.List<PSObject> Results(PowerShellResult result)
    {
        Assert.All(result.Output, o => Assert.Equal("PasswordSafe.CredentialTestResult", o.BaseObject.GetType().FullName));
        return result.Output.ToList();
    }

    private static object? Value(PSObject row, string property) => row.Properties[property].Value;

    private static string Outcome(PSObject row) => Value(row, "Outcome")!.ToString()!;
}
