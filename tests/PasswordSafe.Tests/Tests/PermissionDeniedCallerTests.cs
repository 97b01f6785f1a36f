using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// D1 403: a piped object carries the session it was read with (its Session property binds -Session by name), so a
/// call can run as another user than the runspace's default. The tester's repro: with the administrator as default, an
/// account listed in CONTOSO\jdoe's session piped into Set-PSManagedAccount or Stop-PSRequest, or jdoe's request piped
/// into Approve-PSRequest with an approver as default, ran as jdoe and was refused with "the signed-in user lacks the
/// permission", naming nobody. Every permission refusal (admin and checkout, 4031/4032/4033) now names the session's user
/// and server, whichever session it is; ids, categories and targets stay, and nothing changes on the server.
/// </summary>
public sealed class PermissionDeniedCallerTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private string Server => emulator.Server.RootUri.Authority;

    /// <summary>The administrator is the default session; CONTOSO\jdoe (a requestor) is $Jdoe.</summary>
    private PowerShellRunner AdminDefaultWithJdoe(out string jdoe)
    {
        var shell = emulator.RunnerFor("admin");
        emulator.Connect(shell, @"CONTOSO\jdoe", sessionVariable: "Jdoe", makeDefault: false);
        jdoe = (string)shell.Run("$Jdoe.UserName").AssertSuccess().SingleValue!;
        Assert.Contains("jdoe", jdoe, StringComparison.OrdinalIgnoreCase);
        return shell;
    }

    [Fact]
    public void D1_403_SetPSManagedAccount_AccountPipedFromJdoesSession_NamesJdoeAndTheServer_NothingChanges()
    {
        using var shell = AdminDefaultWithJdoe(out var jdoe);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var error = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator -Session $Jdoe | Set-PSManagedAccount -Description 'x'")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains($"{jdoe} on {Server} lacks the permission", error.ErrorDetails.Message);
        Assert.DoesNotContain("the signed-in user", error.ErrorDetails.Message);
        Assert.Contains("4031", error.ErrorDetails.Message);
        Assert.Contains("Password Safe Account Management", error.ErrorDetails.RecommendedAction);
        Assert.Contains(jdoe, error.ErrorDetails.RecommendedAction);
        Assert.Contains("-Session", error.ErrorDetails.RecommendedAction);
        Assert.NotNull(error.TargetObject);
        before.AssertUnchanged(emulator.State, "Set-PSManagedAccount as jdoe");
    }

    [Fact]
    public void D1_403_StopPSRequest_AccountPipedFromJdoesSession_NamesJdoe_TheOpenRequestStays()
    {
        using var shell = AdminDefaultWithJdoe(out var jdoe);
        var id = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason work -Session $Jdoe).RequestId").AssertSuccess().SingleValue!;

        var error = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator -Session $Jdoe | Stop-PSRequest -Reason incident -Force")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains($"{jdoe} on {Server} lacks the permission", error.ErrorDetails.Message);
        Assert.Contains("Password Safe API Global Quarantine", error.ErrorDetails.RecommendedAction);
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void D1_403_4033_JdoesRequestPipedIntoApprove_WithTheApproverAsDefault_RunsAsJdoe_AndSaysSo()
    {
        using var shell = emulator.RunnerFor("approver");
        emulator.Connect(shell, @"CONTOSO\jdoe", sessionVariable: "Jdoe", makeDefault: false);
        var jdoe = (string)shell.Run("$Jdoe.UserName").AssertSuccess().SingleValue!;
        var id = (int)shell.Run("$Request = New-PSRequest -SystemName db01 -AccountName sa -Reason audit -Session $Jdoe; $Request.RequestId")
            .AssertSuccess().SingleValue!;

        var error = shell.Run("$Request | Approve-PSRequest").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4033", error.ErrorDetails.Message);
        Assert.Contains($"{jdoe} on {Server}", error.ErrorDetails.Message);
        Assert.Contains("never work on your own request", error.ErrorDetails.RecommendedAction);
        Assert.Equal(RequestStatus.Pending, emulator.Request(id).Status);
        // The approver the user meant, given explicitly, approves it.
        shell.Run("$Request | Approve-PSRequest -Session (Get-PasswordSafeSession)").AssertSuccess();
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void D1_403_TheDefaultSessionsOwnRefusal_NamesItsUserToo()
    {
        using var shell = emulator.RunnerFor("demo");

        var admin = shell.Run("Remove-PSManagedSystem -ManagedSystemId 1 -Force").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        var queue = shell.Run("Get-PSRequest -Queue Approver").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains($"demo on {Server} lacks the permission", admin.ErrorDetails.Message);
        Assert.StartsWith("You may not list the Approver queue (", queue.ErrorDetails.Message);
        Assert.Contains($"demo on {Server}", queue.ErrorDetails.Message);
    }

    [Fact]
    public void D1_403_RequestRefusedForNoRole_NamesTheUser()
    {
        using var shell = emulator.RunnerFor("admin");
        emulator.Connect(shell, "no-role", sessionVariable: "NoRole", makeDefault: false);

        var error = shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -Reason 'no role' -Session $NoRole").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains($"no-role on {Server}", error.ErrorDetails.Message);
        Assert.Contains("4031", error.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void D1_403_InvokePSRestMethod_NamesTheUserToo()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains($"demo on {Server}", error.ErrorDetails.Message);
        Assert.Contains("demo", error.ErrorDetails.RecommendedAction);
    }
}
