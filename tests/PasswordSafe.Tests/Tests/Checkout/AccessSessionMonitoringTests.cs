using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Session monitoring (api-v3 §5.1 GET Sessions, Lock, Terminate) through Get-PSAccessSession, Lock-PSAccessSession and
/// Stop-PSAccessSession: demo opens the sessions (E2); an administrator ("Admin") and an ISA holder see, lock and end
/// them; a user without those roles is refused; by managed account or system (-ManagedAccountId, -ManagedSystemId) every
/// open session of the target ends at once, which needs "Password Safe API Global Quarantine" (admin has it, an ISA holder
/// not). Asserted on the objects, the emulator's session states and audit.
/// </summary>
public sealed class AccessSessionMonitoringTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>demo holds an RDP session to web01\Administrator in $Rdp and an SSH one to lnx01\root in $Ssh; "admin" is $Admin.</summary>
    private PowerShellRunner OpenTwoSessions()
    {
        var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run(
            "$Rdp = New-PSRequest web01 Administrator -AccessType RDP -Reason watch | New-PSAccessSession -SessionType rdpticket\n" +
            "$Ssh = New-PSRequest lnx01 root -AccessType SSH -Reason watch | New-PSAccessSession -SessionType SSH").AssertSuccess();
        return shell;
    }

    [Fact]
    public void E2_Sessions_ListedWithStateAccountAndProtocol_NeverTheTicket()
    {
        using var shell = OpenTwoSessions();

        var listed = shell.Run("Get-PSAccessSession -Session $Admin").AssertSuccess().Output;
        var shown = shell.Run("Get-PSAccessSession -Session $Admin | Out-Host").AssertSuccess();
        var tickets = shell.Run("$Rdp.Ticket; $Ssh.Ticket").AssertSuccess().Output.Select(o => (string)o.BaseObject).ToList();

        Assert.Equal(2, listed.Count);
        Assert.All(listed, s => Assert.Equal("PasswordSafe.AccessSessionInfo", s.TypeNames[0]));
        var rdp = listed.Single(s => (string)s.Properties["Protocol"].Value == "RDP");
        Assert.Equal("NotStarted", rdp.Properties["Status"].Value);
        Assert.Equal("web01", rdp.Properties["AssetName"].Value);
        Assert.Equal("Administrator", rdp.Properties["AccountName"].Value);
        Assert.Equal(CheckoutSeed.WebAdministrator, rdp.Properties["AccountId"].Value);
        Assert.Equal("rdpticket", rdp.Properties["SessionType"].Value);
        Assert.NotNull(rdp.Properties["RequestId"].Value);
        var ssh = listed.Single(s => (string)s.Properties["Protocol"].Value == "SSH");
        Assert.Equal("root", ssh.Properties["AccountName"].Value);
        Assert.Contains(shown.HostWrites, l => l.Contains("NotStarted") && l.Contains("web01") && l.Contains("Administrator") && l.Contains("RDP"));
        Assert.All(tickets, ticket => Assert.DoesNotContain(ticket, shown.AllText()));
    }

    [Fact]
    public void E2_ATicketPipesToItsSession_AndFiltersNarrowTheList()
    {
        using var shell = OpenTwoSessions();
        var demoId = emulator.State.Users.Single(u => u.UserName == "demo").UserId;
        shell.SetVariable("DemoId", demoId);

        var byTicket = shell.Run("$Rdp | Get-PSAccessSession -Session $Admin").AssertSuccess();
        var byStatus = shell.Run("@(Get-PSAccessSession -Status Completed -Session $Admin).Count").AssertSuccess();
        var byUser = shell.Run("@(Get-PSAccessSession -UserId $DemoId -Status NotStarted, Locked -Session $Admin).Count").AssertSuccess();
        var unknown = shell.Run("Get-PSAccessSession -SessionId 999 -Session $Admin").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.Equal("RDP", Assert.Single(byTicket.Output).Properties["Protocol"].Value);
        Assert.Equal(0, byStatus.SingleValue);
        Assert.Equal(2, byUser.SingleValue);
        Assert.Contains("Session 999 was not found", unknown.Exception.Message);
    }

    [Fact]
    public async Task E2_ASessionItsUserConnectedTo_IsListedInProgress_AndLocked_ALoggedOffOneIsListedAsSuch()
    {
        // The emulator has no session proxy: its control endpoint stands in for the user connecting with the ticket.
        using var shell = OpenTwoSessions();
        var rdpId = emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.RDP).SessionId;
        var sshId = emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.SSH).SessionId;
        using var control = ControlClient();
        (await control.PostAsync($"emulator/sessions/{rdpId}/connect", null)).EnsureSuccessStatusCode();
        (await control.PostAsync($"emulator/sessions/{sshId}/connect", null)).EnsureSuccessStatusCode();
        (await control.PostAsync($"emulator/sessions/{sshId}/logoff", null)).EnsureSuccessStatusCode();

        var live = shell.Run("Get-PSAccessSession -Status InProgress -Session $Admin").AssertSuccess().Output;
        var loggedOff = shell.Run("Get-PSAccessSession -Status LoggedOff -Session $Admin").AssertSuccess().Output;
        var locked = shell.Run("Get-PSAccessSession -Status InProgress -Session $Admin | Lock-PSAccessSession -Force -PassThru -Session $Admin").AssertSuccess();

        Assert.Equal("RDP", Assert.Single(live).Properties["Protocol"].Value);
        Assert.Equal("SSH", Assert.Single(loggedOff).Properties["Protocol"].Value);
        Assert.Equal("Locked", Assert.Single(locked.Output).Properties["Status"].Value);
        Assert.Equal(SessionStatus.Locked, emulator.State.AccessSessions.Single(s => s.SessionId == rdpId).Status);
    }

    private System.Net.Http.HttpClient ControlClient()
    {
        var certificate = emulator.Server.ServerCertificate;
        var handler = new System.Net.Http.HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented != null && presented.Thumbprint == certificate.Thumbprint,
        };
        return new System.Net.Http.HttpClient(handler) { BaseAddress = emulator.Server.RootUri };
    }

    [Fact]
    public void E2_LockThenStop_WithForce_ChangeTheSessionAndAreAudited_PassThruShowsTheNewState()
    {
        using var shell = OpenTwoSessions();
        var audit = AuditCursor.Mark(emulator.State);

        var locked = shell.Run("Get-PSAccessSession -Session $Admin | Where-Object Protocol -eq 'RDP' | Lock-PSAccessSession -Force -PassThru -Session $Admin").AssertSuccess();
        var stopped = shell.Run("$Rdp | Stop-PSAccessSession -Force -PassThru -Session $Admin").AssertSuccess();
        var again = shell.Run("$Rdp | Stop-PSAccessSession -Force -Session $Admin").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Equal("Locked", Assert.Single(locked.Output).Properties["Status"].Value);
        Assert.Equal("Completed", Assert.Single(stopped.Output).Properties["Status"].Value);
        Assert.NotNull(stopped.Output[0].Properties["EndTime"].Value);
        Assert.Contains("already ended", again.Exception.Message);
        var rdp = emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.RDP);
        Assert.Equal(SessionStatus.Completed, rdp.Status);
        Assert.Equal(SessionStatus.NotStarted, emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.SSH).Status);
        Assert.Single(audit.NewEntries(AuditKinds.SessionLocked, "admin"));
        Assert.Single(audit.NewEntries(AuditKinds.SessionTerminated, "admin"));
    }

    [Fact]
    public void E2_LockAndStop_WhatIfChangesNothing_AndNamesWhoseSessionItIs()
    {
        using var shell = OpenTwoSessions();

        var whatIf = shell.Run("Get-PSAccessSession -Session $Admin | Where-Object Protocol -eq 'SSH' | Stop-PSAccessSession -WhatIf -Session $Admin").AssertSuccess();
        shell.Run("$Ssh | Lock-PSAccessSession -WhatIf -Session $Admin").AssertSuccess();

        var line = Assert.Single(whatIf.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(@"to lnx01\root)", line);
        Assert.Contains("Terminate", line);
        Assert.All(emulator.State.AccessSessions, s => Assert.Equal(SessionStatus.NotStarted, s.Status));
    }

    [Fact]
    public void E2_AnIsaHolderSeesAndEndsTheSessionsOnItsAccountsOnly()
    {
        using var shell = OpenTwoSessions();
        emulator.Connect(shell, "isa-user", sessionVariable: "Isa", makeDefault: false);

        // isa-user holds ISA on web01\Administrator, not on lnx01\root.
        var seen = shell.Run("Get-PSAccessSession -Session $Isa | ForEach-Object { $_.AccountName }").AssertSuccess();
        var refused = shell.Run("$Ssh | Stop-PSAccessSession -Force -Session $Isa").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        shell.Run("$Rdp | Stop-PSAccessSession -Force -Session $Isa").AssertSuccess();

        Assert.Equal(new object[] { "Administrator" }, seen.Output.Select(o => o.BaseObject).ToArray());
        Assert.Contains("ISA role", refused.ErrorDetails.RecommendedAction);
        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.RDP).Status);
        Assert.Equal(SessionStatus.NotStarted, emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.SSH).Status);
    }

    [Fact]
    public void E2_WithoutAnAuditingRole_ListingIsPermissionDenied()
    {
        using var shell = OpenTwoSessions();

        var error = shell.Run("Get-PSAccessSession").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("Administrators group", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void E2_CheckingInTheRequest_CompletesItsSession()
    {
        using var shell = OpenTwoSessions();

        shell.Run("Get-PSRequest | Where-Object AccessType -eq 'SSH' | Complete-PSRequest").AssertSuccess();
        var states = shell.Run("Get-PSAccessSession -Session $Admin | ForEach-Object { $_.Protocol + '=' + $_.Status }").AssertSuccess();

        Assert.Equal(new[] { "RDP=NotStarted", "SSH=Completed" }, states.Output.Select(o => (string)o.BaseObject).OrderBy(s => s).ToArray());
    }

    [Fact]
    public void E2_ByManagedAccount_LockThenStop_EveryOpenSessionOfTheAccount_WhoeverHoldsIt_OthersUntouched()
    {
        using var shell = OpenTwoSessions();
        emulator.Connect(shell, "requestor2", sessionVariable: "Other", makeDefault: false);
        shell.Run("$Theirs = New-PSRequest web01 Administrator -AccessType RDP -Reason watch -Session $Other | New-PSAccessSession -SessionType RDP").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run($"Lock-PSAccessSession -ManagedAccountId {CheckoutSeed.WebAdministrator} -Force -Session $Admin").AssertSuccess();
        var afterLock = States();
        shell.Run($"Stop-PSAccessSession -ManagedAccountId {CheckoutSeed.WebAdministrator} -Force -Session $Admin").AssertSuccess();
        // Again: nothing open is left on the account, which is no error.
        shell.Run($"Stop-PSAccessSession -ManagedAccountId {CheckoutSeed.WebAdministrator} -Force -Session $Admin").AssertSuccess();

        Assert.Equal(new[] { "Administrator=Locked", "Administrator=Locked", "root=NotStarted" }, afterLock);
        Assert.Equal(new[] { "Administrator=Completed", "Administrator=Completed", "root=NotStarted" }, States());
        Assert.Equal(2, audit.NewEntries(AuditKinds.SessionLocked, "admin").Count);
        Assert.Equal(2, audit.NewEntries(AuditKinds.SessionTerminated, "admin").Count);
        // Sessions end; their requests stay open.
        Assert.Equal(3, emulator.OpenRequestCount);
    }

    [Fact]
    public void E2_ByManagedSystem_PipedSystem_EndsTheSessionsOfItsAccountsOnly()
    {
        using var shell = OpenTwoSessions();

        shell.Run("Get-PSManagedSystem -Name lnx01 -Session $Admin | Lock-PSAccessSession -Force").AssertSuccess();
        var afterLock = States();
        shell.Run("Get-PSManagedSystem -Name lnx01 -Session $Admin | Stop-PSAccessSession -Force").AssertSuccess();

        Assert.Equal(new[] { "Administrator=NotStarted", "root=Locked" }, afterLock);
        Assert.Equal(new[] { "Administrator=NotStarted", "root=Completed" }, States());
    }

    [Fact]
    public void E2_ByTarget_WhatIfNamesTheTarget_AndChangesNothing_PipedTicketsAndSessionsStillBindToTheirSession()
    {
        using var shell = OpenTwoSessions();
        var rdpId = emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.RDP).SessionId;

        var byAccount = shell.Run($"Lock-PSAccessSession -ManagedAccountId {CheckoutSeed.WebAdministrator} -WhatIf -Session $Admin").AssertSuccess();
        var bySystem = shell.Run("Get-PSManagedSystem -Name lnx01 -Session $Admin | Stop-PSAccessSession -WhatIf").AssertSuccess();
        var ticket = shell.Run("$Rdp | Stop-PSAccessSession -WhatIf -Session $Admin").AssertSuccess();
        var listed = shell.Run("Get-PSAccessSession -Session $Admin | Where-Object Protocol -eq 'RDP' | Lock-PSAccessSession -WhatIf -Session $Admin").AssertSuccess();

        Assert.Contains(byAccount.HostWrites, l => l.Contains("\"managed account 1\"") && l.Contains("Lock every open session"));
        // A piped system is named, as Stop-PSRequest names it.
        Assert.Contains(bySystem.HostWrites, l => l.Contains("\"managed system 4 (lnx01)\"") && l.Contains("Terminate every open session"));
        // A ticket carries AccountId and SystemId too: it must still mean its own session, not every session of its account.
        Assert.Contains(ticket.HostWrites, l => l.Contains($"\"session {rdpId} (web01\\Administrator)\""));
        Assert.Contains(listed.HostWrites, l => l.Contains($"session {rdpId} (user"));
        Assert.All(emulator.State.AccessSessions, s => Assert.Equal(SessionStatus.NotStarted, s.Status));
    }

    [Fact]
    public void E2_ByTarget_AnIsaHolderIsDenied_UnknownIdsAreNotFound_ByIdStillWorks()
    {
        using var shell = OpenTwoSessions();
        emulator.Connect(shell, "isa-user", sessionVariable: "Isa", makeDefault: false);

        // isa-user may end one session on web01\Administrator by its id, but not every session of the account.
        var denied = shell.Run($"Stop-PSAccessSession -ManagedAccountId {CheckoutSeed.WebAdministrator} -Force -Session $Isa")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        var account = shell.Run("Lock-PSAccessSession -ManagedAccountId 999 -Force -Session $Admin").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        var system = shell.Run("Stop-PSAccessSession -ManagedSystemId 999 -Force -Session $Admin").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.All(emulator.State.AccessSessions, s => Assert.Equal(SessionStatus.NotStarted, s.Status));
        shell.Run("$Rdp | Stop-PSAccessSession -Force -Session $Isa").AssertSuccess();

        Assert.Contains("Password Safe API Global Quarantine", denied.ErrorDetails.RecommendedAction);
        Assert.Contains("Managed account 999 was not found", account.Exception.Message);
        Assert.Contains("Managed system 999 was not found", system.Exception.Message);
        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions.Single(s => s.Protocol == AccessType.RDP).Status);
    }

    /// <summary>Each session as account=status, sorted.</summary>
    private string[] States() =>
        emulator.State.AccessSessions.Select(s => $"{s.Account!.AccountName}={s.Status}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
