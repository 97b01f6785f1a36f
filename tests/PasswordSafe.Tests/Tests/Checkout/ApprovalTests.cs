using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E1 with an access policy that needs an approver (db01\sa, one approver): pending is a status plus a
/// warning, the credential waits (RequestNotApproved), the approver approves or denies from a second session,
/// and roles are enforced (PermissionDenied with the server's reason code).
/// </summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_ApprovalPolicy_RequestIsPendingWithAWarning_NotAnError()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Get-PSManagedAccount -SystemName db01 -AccountName sa | New-PSRequest -Reason 'quarterly audit'").AssertSuccess();

        var request = Assert.Single(result.Output);
        Assert.Equal("Pending", request.Properties["Status"].Value);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("approval", warning, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Wait-PSRequest", warning);
        Assert.Equal(RequestStatus.Pending, emulator.Request((int)request.Properties["RequestId"].Value).Status);
    }

    [Fact]
    public void E1_PendingRequest_CredentialIsRequestNotApproved()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit").AssertSuccess();

        var error = shell.Run("$r | Get-PSCredential").AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);

        Assert.Contains("4034", error.ErrorDetails.Message);
        Assert.Contains("Get-PSRequest", ErrorText.Shown(error));
        Assert.Contains("Wait-PSRequest", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void E1_ApproverApprovesFromASecondSession_ThenTheCredentialWorks()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;

        var queue = shell.Run("Get-PSRequest -Queue Approver -Status Pending -Session $Approver").AssertSuccess();
        Assert.Equal("demo", Assert.Single(queue.Output).Properties["RequestorName"].Value);
        shell.Run("Get-PSRequest -Queue Approver -Session $Approver | Approve-PSRequest -Reason 'looks fine'").AssertSuccess();

        var request = emulator.Request(id);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.NotNull(request.ApprovedDate);
        var credential = Assert.IsType<PSCredential>(shell.Run("$r | Get-PSCredential").AssertSuccess().SingleValue);
        Assert.Equal("sa", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.DatabaseSa), credential.GetNetworkCredential().Password);
        Assert.Equal("Active", shell.Run("(Get-PSRequest -RequestId $r.RequestId).Status").AssertSuccess().SingleValue);
    }

    [Fact]
    public void E1_ApproverQueue_ListsWhatWaitsByDefault_SoPipingItIntoApprove_SkipsRequestsApprovedAlready()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        emulator.Connect(shell, "requestor2", sessionVariable: "Second", makeDefault: false);
        var approved = (int)shell.Run("$a = New-PSRequest -SystemName db01 -AccountName sa -Reason first\n" +
                                      "$a | Approve-PSRequest -Session $Approver -Reason ok\n$a.RequestId").AssertSuccess().SingleValue!;
        var waiting = (int)shell.Run("(New-PSRequest -SystemName db01 -AccountName sa -Reason second -Session $Second).RequestId").AssertSuccess().SingleValue!;

        var listed = shell.Run("Get-PSRequest -Queue Approver -Session $Approver").AssertSuccess();
        var everything = shell.Run("Get-PSRequest -Queue Approver -Status All -Session $Approver").AssertSuccess();
        var approve = shell.Run("Get-PSRequest -Queue Approver -Session $Approver | Approve-PSRequest -Reason 'second ok'");

        Assert.Equal(waiting, Assert.Single(listed.Output).Properties["RequestId"].Value);
        Assert.Equal(new[] { approved, waiting }, everything.Output.Select(r => (int)r.Properties["RequestId"].Value).OrderBy(id => id).ToArray());
        approve.AssertSuccess();
        Assert.Equal(RequestStatus.Active, emulator.Request(waiting).Status);
    }

    [Fact]
    public void E1_ApprovingTwice_SecondIsRequestNotActive_SayingItNoLongerWaits_NotThatItWasCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;
        shell.Run("Approve-PSRequest -RequestId $r.RequestId -Session $Approver").AssertSuccess();

        var error = shell.Run("Approve-PSRequest -RequestId $r.RequestId -Session $Approver").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);

        Assert.Contains("the request was not found, or is no longer waiting for approval (it was approved or denied already", error.ErrorDetails.Message);
        Assert.Contains("the server said: The request is not waiting for approval", error.ErrorDetails.Message);
        Assert.DoesNotContain("checked in", error.ErrorDetails.Message);
        Assert.Contains("Get-PSRequest -Queue Approver", ErrorText.Shown(error));
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void E1_ApproverQueueWithoutTheApproverRole_PermissionDenied_SayingWhichRoleItNeeds()
    {
        using var shell = emulator.RunnerFor("no-role");

        var error = shell.Run("Get-PSRequest -Queue Approver").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.StartsWith("You may not list the Approver queue (", error.ErrorDetails.Message);
        Assert.DoesNotContain("https://", error.ErrorDetails.Message);
        Assert.Contains("Approver or Requestor/Approver role", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void E1_ApproverDenies_RequestIsDenied_AndTheCredentialIsRequestNotActive()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;

        shell.Run("Deny-PSRequest -RequestId $r.RequestId -Reason 'not this week' -Session $Approver").AssertSuccess();

        Assert.Equal(RequestStatus.Denied, emulator.Request(id).Status);
        shell.Run("$r | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Empty(shell.Run("Get-PSRequest").AssertSuccess().Output);
    }

    [Fact]
    public void E1_WhatIf_ApproveAndDeny_ChangeNothing()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;

        var approve = shell.Run("Get-PSRequest -Queue Approver -Session $Approver | Approve-PSRequest -WhatIf").AssertSuccess();
        var deny = shell.Run("Get-PSRequest -Queue Approver -Session $Approver | Deny-PSRequest -Reason no -WhatIf").AssertSuccess();

        Assert.Contains(approve.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(deny.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(RequestStatus.Pending, emulator.Request(id).Status);
        Assert.Null(emulator.Request(id).ApprovedDate);
    }

    [Fact]
    public void E1_RequestorCannotApproveOwnRequest_PermissionDenied()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;

        var error = shell.Run("$r | Approve-PSRequest").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4033", error.ErrorDetails.Message);
        // What to do is the approver's side of it, not the requestor's "check that you own the request".
        Assert.Contains("never work on your own request", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("you own the request", error.ErrorDetails.RecommendedAction);
        Assert.Equal(RequestStatus.Pending, emulator.Request(id).Status);
        shell.Run("Get-PSRequest -Queue Approver").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
    }

    [Fact]
    public void E1_NotTheOwner_CredentialIsPermissionDenied4031()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "requestor2", sessionVariable: "Other", makeDefault: false);
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason mine").AssertSuccess();

        var error = shell.Run("Get-PSCredential -RequestId $r.RequestId -Session $Other").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4031", error.ErrorDetails.Message);
    }

    [Fact]
    public void E1_NoRole_RequestIsPermissionDenied4031_AndNothingIsListed()
    {
        using var shell = emulator.RunnerFor("no-role");

        var error = shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -Reason 'no role'").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4031", error.ErrorDetails.Message);
        Assert.Contains("Requestor", ErrorText.Shown(error));
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Empty(shell.Run("Get-PSManagedAccount").AssertSuccess().Output);
        shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x").AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void E1_UnknownAccountId_IsThe403TheServerSends_AndSaysToCheckTheIds()
    {
        // The server refuses an account that does not exist as it refuses one without the role (403 4031): the error
        // cannot tell them apart, so it points at both.
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequest -SystemId 1 -AccountId 999 -Reason typo").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        var shown = ErrorText.Shown(error);
        Assert.Contains("account 999 on system 1", shown);
        Assert.Contains("Get-PSManagedAccount", shown);
        Assert.Contains("does not exist", shown);
        Assert.Contains("Requestor", shown);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_PolicyRequiresAReason_MissingReasonIsValidationFailed()
    {
        using var shell = emulator.RunnerFor("demo");

        shell.Run("New-PSRequest -SystemName db01 -AccountName sa").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_PendingRequestCheckedIn_IsCanceled()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName db01 -AccountName sa -Reason audit; $r.RequestId").AssertSuccess().SingleValue!;

        shell.Run("$r | Complete-PSRequest -Reason 'no longer needed'").AssertSuccess();

        Assert.Equal(RequestStatus.Canceled, emulator.Request(id).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
    }
}
