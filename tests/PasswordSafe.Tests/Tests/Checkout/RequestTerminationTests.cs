using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Ending requests by target (api-v3 §3.3 <c>POST ManagedAccounts|ManagedSystems|Users/{id}/Requests/Terminate</c>;
/// spec E1's requests) through Stop-PSRequest: demo and requestor2 hold requests, "admin" (Administrators group, so
/// "Password Safe API Global Quarantine") ends them by account, by system or by user. Asserted on what the user sees
/// (errors, -WhatIf text, Get-PSRequest, Get-PSCredential) and on the emulator's requests, passwords and audit.
/// </summary>
public sealed class RequestTerminationTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>demo is the default session; requestor2 is $Other; admin is $Admin.</summary>
    private PowerShellRunner ThreeSessions()
    {
        var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "requestor2", sessionVariable: "Other", makeDefault: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        return shell;
    }

    private int RequestId(PowerShellRunner shell, string variable) => (int)shell.Run($"${variable}.RequestId").AssertSuccess().SingleValue!;

    [Fact]
    public void E1_ByManagedAccount_PipedAccount_EndsEveryonesRequestsOnIt_CredentialIsRequestNotActive_RotatesAsAtCheckIn()
    {
        using var shell = ThreeSessions();
        shell.Run(
            "$Mine = New-PSRequest web01 Administrator -AccessType RDP -RotateOnCheckin -Reason work\n" +
            "$Ticket = $Mine | New-PSAccessSession -SessionType rdpticket\n" +
            "$Theirs = New-PSRequest web01 Administrator -Reason work -Session $Other\n" +
            "$Elsewhere = New-PSRequest lnx01 root -Reason work").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var stopped = shell.Run(
            "Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Stop-PSRequest -Reason 'INC-1042' -Force -Session $Admin")
            .AssertSuccess();

        Assert.Empty(stopped.Output);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Mine")).Status);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Theirs")).Status);
        Assert.Equal(RequestStatus.Active, emulator.Request(RequestId(shell, "Elsewhere")).Status);
        var mine = shell.Run("$Mine | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        shell.Run("$Theirs | Get-PSCredential -Session $Other").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Contains("New-PSRequest", ErrorText.Shown(mine));
        Assert.Equal(new object[] { "root" }, shell.Run("Get-PSRequest | ForEach-Object { $_.AccountName }").AssertSuccess().Output.Select(o => o.BaseObject));
        Assert.Empty(shell.Run("Get-PSRequest -Session $Other").AssertSuccess().Output);
        // As a check-in would: the flagged request rotated the password once, and its session ended.
        Assert.Equal(1, emulator.State.PasswordChangeCount(CheckoutSeed.WebAdministrator));
        var now = shell.Run("New-PSRequest web01 Administrator -Reason again | Get-PSCredential -AsPlainText").AssertSuccess().SingleValue;
        Assert.NotEqual(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), now);
        Assert.Equal(SessionStatus.Completed, Assert.Single(emulator.State.AccessSessions).Status);
        var entries = audit.NewEntries(AuditKinds.RequestTerminated, "admin");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains("INC-1042", e.Reason));
    }

    [Fact]
    public void E1_ByManagedSystem_PipedSystem_EndsTheRequestsOnEveryAccountOfIt_PendingToo()
    {
        using var shell = ThreeSessions();
        shell.Run(
            "$Admin1 = New-PSRequest web01 Administrator -Reason work\n" +
            "$Rotating = New-PSRequest web01 rotating-svc -Reason work -Session $Other\n" +
            "$Pending = New-PSRequest db01 sa -Reason work -WarningAction SilentlyContinue\n" +
            "$Elsewhere = New-PSRequest lnx01 root -Reason work").AssertSuccess();
        Assert.Equal(RequestStatus.Pending, emulator.Request(RequestId(shell, "Pending")).Status);

        shell.Run("Get-PSManagedSystem -Name web01 -Session $Admin | Stop-PSRequest -Force").AssertSuccess();
        shell.Run("Stop-PSRequest -ManagedSystemId 2 -Force -Session $Admin").AssertSuccess();

        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Admin1")).Status);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Rotating")).Status);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Pending")).Status);
        Assert.Equal(RequestStatus.Active, emulator.Request(RequestId(shell, "Elsewhere")).Status);
        Assert.Empty(shell.Run("Get-PSRequest -Status Pending").AssertSuccess().Output);
        shell.Run("$Pending | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        // Nothing flagged for rotation, so nothing rotated.
        Assert.Equal(0, emulator.State.PasswordChangeCount(CheckoutSeed.WebAdministrator));
    }

    [Fact]
    public void E1_ByUser_PipedUser_EndsOnlyThatUsersRequests_AndRepeatingIsHarmless()
    {
        using var shell = ThreeSessions();
        shell.Run(
            "$TheirsActive = New-PSRequest web01 Administrator -Reason work -Session $Other\n" +
            "$TheirsPending = New-PSRequest db01 sa -Reason work -Session $Other -WarningAction SilentlyContinue\n" +
            "$Mine = New-PSRequest web01 Administrator -Reason work").AssertSuccess();

        shell.Run("Get-PSUser -UserName requestor2 -Session $Admin | Stop-PSRequest -Force").AssertSuccess();
        shell.Run("Get-PSUser -UserName requestor2 -Session $Admin | Stop-PSRequest -Force").AssertSuccess();

        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "TheirsActive")).Status);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "TheirsPending")).Status);
        Assert.Equal(RequestStatus.Active, emulator.Request(RequestId(shell, "Mine")).Status);
        Assert.Empty(shell.Run("Get-PSRequest -Session $Other").AssertSuccess().Output);
        Assert.Single(shell.Run("Get-PSRequest").AssertSuccess().Output);
    }

    /// <summary>
    /// The three pipelines each bind to their own parameter set: the -WhatIf target names the account, system or user
    /// the object stands for (accounts also carry SystemId, systems and users carry neither AccountId nor each other's id).
    /// </summary>
    [Theory]
    [InlineData("Get-PSManagedAccount -SystemName web01 -AccountName Administrator", @"managed account 1 (web01\Administrator)")]
    [InlineData("Get-PSManagedAccount -AccountId 1 -Session $Admin", "managed account 1 (Administrator)")]
    [InlineData("Get-PSManagedSystem -Name web01 -Session $Admin", "managed system 1 (web01)")]
    [InlineData("Get-PSUser -UserName requestor2 -Session $Admin", "user 33 (requestor2)")]
    [InlineData("[pscustomobject]@{ ManagedSystemId = 4 }", "managed system 4")]
    public void E1_PipedObjects_BindToTheirOwnSet_WhatIfNamesTheTarget_AndChangesNothing(string source, string target)
    {
        using var shell = ThreeSessions();
        shell.Run(
            "$Mine = New-PSRequest web01 Administrator -Reason work\n" +
            "$Theirs = New-PSRequest lnx01 root -Reason work -Session $Other").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var whatIf = shell.Run($"{source} | Stop-PSRequest -WhatIf -Session $Admin").AssertSuccess();

        var line = Assert.Single(whatIf.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"\"{target}\"", line);
        Assert.Contains("Terminate every open request", line);
        Assert.Equal(2, emulator.OpenRequestCount);
        Assert.Empty(audit.NewEntries());
    }

    [Theory]
    [InlineData("Get-PSRequest", "a request", "Complete-PSRequest")]
    [InlineData("$Ticket", "a session", "Stop-PSAccessSession")]
    public void E1_PipedRequestOrSession_IsRefused_NotTakenAsItsWholeAccount_NothingEnds(string source, string what, string instead)
    {
        using var shell = ThreeSessions();
        shell.Run(
            "$Mine = New-PSRequest web01 Administrator -AccessType RDP -Reason work\n" +
            "$Ticket = $Mine | New-PSAccessSession -SessionType rdpticket\n" +
            "$Theirs = New-PSRequest web01 Administrator -Reason work -Session $Other").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var refused = shell.Run($"{source} | Stop-PSRequest -Force -Session $Admin").AssertError("InputNotUsable", ErrorCategory.InvalidArgument);

        Assert.Contains(what, refused.Exception.Message);
        Assert.Contains(instead, refused.ErrorDetails.RecommendedAction);
        Assert.Contains("-ManagedAccountId $_.AccountId", refused.ErrorDetails.RecommendedAction);
        Assert.Equal(2, emulator.OpenRequestCount);
        Assert.Empty(audit.NewEntries());
        // The explicit form still ends every request on the account.
        shell.Run("Stop-PSRequest -ManagedAccountId $Mine.AccountId -Force -Session $Admin").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_HighImpact_WithoutForceInAHostThatCannotAsk_ChangesNothing_ForceDoes()
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("$Mine = New-PSRequest web01 Administrator -Reason work").AssertSuccess();

        shell.Run("Stop-PSRequest -ManagedAccountId 1 -Session $Admin");
        Assert.Equal(1, emulator.OpenRequestCount);

        shell.Run("Stop-PSRequest -ManagedAccountId 1 -Session $Admin -Confirm:$false").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_WithoutGlobalQuarantine_PermissionDenied_NamingThePermission_NothingEnds()
    {
        using var shell = ThreeSessions();
        emulator.Connect(shell, "isa-user", sessionVariable: "Isa", makeDefault: false);
        shell.Run("$Mine = New-PSRequest web01 Administrator -Reason work").AssertSuccess();

        // demo is a requestor of the account and isa-user holds ISA on it: neither may end everyone's requests.
        var denied = shell.Run("Stop-PSRequest -ManagedAccountId 1 -Force").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        shell.Run("Get-PSUser -UserName demo -Session $Admin | Stop-PSRequest -Force -Session $Isa").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("managed account 1", denied.Exception.Message);
        Assert.Contains("Password Safe API Global Quarantine", denied.ErrorDetails.RecommendedAction);
        Assert.Equal(1, denied.TargetObject);
        Assert.Equal(RequestStatus.Active, emulator.Request(RequestId(shell, "Mine")).Status);
    }

    [Fact]
    public void E1_UnknownIds_ObjectNotFound_EachItsOwnError_TheOtherIdsStillHandled()
    {
        using var shell = ThreeSessions();
        shell.Run("$Theirs = New-PSRequest web01 Administrator -Reason work -Session $Other").AssertSuccess();

        var account = shell.Run("Stop-PSRequest -ManagedAccountId 999 -Force -Session $Admin").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        var system = shell.Run("Stop-PSRequest -ManagedSystemId 999 -Force -Session $Admin").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        var users = shell.Run("Stop-PSRequest -UserId 999, 33 -Force -Session $Admin");

        Assert.Contains("Managed account 999 was not found", account.Exception.Message);
        Assert.Contains("Managed system 999 was not found", system.Exception.Message);
        var user = users.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("User 999 was not found", user.Exception.Message);
        Assert.Equal(999, user.TargetObject);
        Assert.Equal(RequestStatus.Terminated, emulator.Request(RequestId(shell, "Theirs")).Status);
    }
}
