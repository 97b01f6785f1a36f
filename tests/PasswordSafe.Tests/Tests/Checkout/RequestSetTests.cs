using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Request sets (api-v3 §3.4, spec E1+E2 in one approval): New-PSRequestSet asks for View and a session type at once,
/// the set's requests pipe on as ordinary requests (credential, session, wait, check-in), a pending set is a status
/// plus a warning and one approval releases it, every failure creates nothing, and Get-PSRequestSet lists the sets.
/// </summary>
public sealed class RequestSetTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_E2_ViewAndRdpSet_AutoApproved_PasswordFromTheViewRequest_SessionFromTheRdpRequest_BothCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var set = Assert.Single(shell.Run("$set = New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason 'patch night'; $set")
            .AssertSuccess().Output);

        Assert.Equal("PasswordSafe.RequestSet", set.TypeNames[0]);
        Assert.Equal("Active", Text(set, "Status"));
        var requests = Requests(set);
        Assert.All(requests, r => Assert.Equal("PasswordSafe.Request", r.TypeNames[0]));
        Assert.Equal(new[] { "View", "RDP" }, requests.Select(r => Text(r, "AccessType")));
        Assert.All(requests, r => Assert.Equal("Active", Text(r, "Status")));
        Assert.All(requests, r => Assert.Equal(RequestStatus.Active, emulator.Request(Id(r)).Status));
        Assert.Equal((int)set.Properties["RequestSetId"].Value, emulator.Request(Id(requests[0])).RequestSetId);

        var credential = Assert.IsType<PSCredential>(shell.Run("$set.Requests | Where-Object AccessType -eq View | Get-PSCredential").AssertSuccess().SingleValue);
        Assert.Equal("Administrator", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), credential.GetNetworkCredential().Password);
        var ticket = Assert.Single(shell.Run("$set.Requests | Where-Object AccessType -eq RDP | New-PSAccessSession").AssertSuccess().Output);
        Assert.Equal("4489", ticket.Properties["Port"].Value);
        Assert.Equal(Id(requests[1]), Assert.Single(emulator.State.AccessSessions).RequestId);

        shell.Run("$set.Requests | Complete-PSRequest -Reason done").AssertSuccess();

        Assert.All(requests, r => Assert.Equal(RequestStatus.CheckedIn, emulator.Request(Id(r)).Status));
        Assert.Equal(0, emulator.OpenRequestCount);
        Assert.Empty(shell.Run("Get-PSRequestSet").AssertSuccess().Output);
    }

    [Theory]
    [InlineData("Complete-PSRequest", "Check in")]
    [InlineData("Set-PSRequest -RotateOnCheckin", "Rotate the password on check-in")]
    [InlineData("Approve-PSRequest", "Approve")]
    [InlineData("Deny-PSRequest", "Deny")]
    public void E1_SetRequests_WhatIf_TellsThemApartByAccessType_AndChangesNothing(string action, string verb)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$set = New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason s").AssertSuccess();

        var whatIf = shell.Run($"$set.Requests | {action} -WhatIf").AssertSuccess();

        // View is the plain account; any other access type is named, so the two lines differ.
        var lines = whatIf.HostWrites.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(new[]
        {
            $"What if: Performing the operation \"{verb}\" on target \"web01\\Administrator\".",
            $"What if: Performing the operation \"{verb}\" on target \"web01\\Administrator (RDP)\".",
        }, lines);
        Assert.Equal(2, emulator.OpenRequestCount);
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(RequestStatus.Active, r.Status));
    }

    [Fact]
    public void E1_PipedAccount_SetForItsIds_WithItsDefaultDuration()
    {
        using var shell = emulator.RunnerFor("demo");

        var set = Assert.Single(shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequestSet -AccessType View, SSH -Reason r")
            .AssertSuccess().Output);

        // web01's default release duration is 120 minutes (checkout-seed.json).
        Assert.All(Requests(set), r => Assert.Equal(120, emulator.Request(Id(r)).DurationMinutes));
        Assert.Equal("web01", Text(set, "SystemName"));
        Assert.Equal(new[] { "View", "SSH" }, (string[])set.Properties["AccessTypes"].Value);
    }

    [Fact]
    public void E1_ApprovalPolicy_SetIsPendingWithAWarning_CredentialIsRequestNotApproved_OneApprovalReleasesTheSet()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);

        var result = shell.Run("$set = Get-PSManagedAccount -SystemName db01 -AccountName sa | New-PSRequestSet -AccessType View, RDP -Reason audit; $set").AssertSuccess();

        var set = Assert.Single(result.Output);
        Assert.Equal("Pending", Text(set, "Status"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("waiting for approval", warning);
        Assert.Contains("Wait-PSRequest", warning);
        Assert.All(Requests(set), r => Assert.Equal(RequestStatus.Pending, emulator.Request(Id(r)).Status));
        var error = shell.Run("$set.Requests | Where-Object AccessType -eq View | Get-PSCredential").AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);
        Assert.Contains("4034", error.ErrorDetails.Message);
        Assert.Single(shell.Run("Get-PSRequestSet -Status Pending").AssertSuccess().Output);

        // The approver approves one request of the set (the RDP one): the set is released as one.
        shell.Run("Get-PSRequest -Queue Approver -Session $Approver | Where-Object AccessType -eq RDP | Approve-PSRequest -Reason ok").AssertSuccess();

        Assert.All(Requests(set), r => Assert.Equal(RequestStatus.Active, emulator.Request(Id(r)).Status));
        var credential = Assert.IsType<PSCredential>(shell.Run("$set.Requests | Wait-PSRequest -TimeoutSec 10 | Where-Object AccessType -eq View | Get-PSCredential")
            .AssertSuccess().SingleValue);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.DatabaseSa), credential.GetNetworkCredential().Password);
        Assert.Equal("Active", Text(Assert.Single(shell.Run("$set | Get-PSRequestSet").AssertSuccess().Output), "Status"));
    }

    [Fact]
    public void E1_TypeTheAccessPolicyDoesNotAllow_ValidationFailedNamingIt_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequestSet -SystemName db01 -AccountName sa -AccessType View, SSH -Reason audit")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains(@"request set for db01\sa was refused", error.ErrorDetails.Message);
        Assert.Contains("does not allow SSH", error.ErrorDetails.Message);
        Assert.Contains("Get-PSAccessPolicy", error.ErrorDetails.RecommendedAction);
        Assert.Equal(@"db01\sa", error.TargetObject);
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Empty(emulator.State.RequestSets);
    }

    [Fact]
    public void E2_AppWithoutAnApplication_ValidationFailed_NothingRequested_APipedApplicationAccountBringsItsOwn()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, App -Reason r")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("App: ApplicationID is required", error.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);

        var set = Assert.Single(shell.Run("$set = Get-PSManagedAccount -ApplicationDisplayName Payroll | New-PSRequestSet -AccessType View, App -Reason r; $set").AssertSuccess().Output);
        var app = Requests(set).Single(r => Text(r, "AccessType") == "App");
        Assert.NotNull(app.Properties["ApplicationId"].Value);
        Assert.Equal(emulator.Request(Id(app)).ApplicationId, (int?)app.Properties["ApplicationId"].Value);
        Assert.Single(shell.Run("$set.Requests | Where-Object AccessType -eq App | New-PSAccessSession").AssertSuccess().Output);
    }

    [Fact]
    public void E1_DuplicateAccessTypes_ValidationFailed_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequestSet -SystemId 1 -AccountId 1 -AccessType View, RDP, view -Reason r").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("more than once", error.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_OpenRequestOfOneOfTheTypes_Conflict4091_AdvisesCheckingIn_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");
        var existing = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason first).RequestId").AssertSuccess().SingleValue!;

        var error = shell.Run("New-PSRequestSet -SystemName web01 -AccountName Administrator -AccessType View, RDP -Reason second")
            .AssertError("Conflict", ErrorCategory.ResourceExists);

        Assert.Contains("4091", error.ErrorDetails.Message);
        Assert.Contains("Complete-PSRequest", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("-ConflictOption", error.ErrorDetails.RecommendedAction);
        Assert.Equal(new[] { existing }, emulator.State.ReleaseRequests.Select(r => r.RequestId));
    }

    [Fact]
    public void E1_NoRequestorRole_PermissionDenied4031_NothingRequested()
    {
        using var shell = emulator.RunnerFor("no-role");

        var error = shell.Run("New-PSRequestSet -SystemId 1 -AccountId 1 -AccessType View, RDP -Reason r").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4031", error.ErrorDetails.Message);
        Assert.Equal("account 1 on system 1", error.TargetObject);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_WhatIf_RequestsNothing_AndNamesTheAccountAndTypes()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequestSet -AccessType View, RDP -Reason r -WhatIf").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Contains(result.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase)
            && l.Contains(@"web01\Administrator", StringComparison.Ordinal) && l.Contains("View, RDP", StringComparison.Ordinal));
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Empty(emulator.State.RequestSets);
    }

    [Fact]
    public void E1_GetRequestSet_ListsTheCallersSets_ByStatusAndId_InATable()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "requestor2", sessionVariable: "Other", makeDefault: false);
        shell.Run("$web = New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason r").AssertSuccess();
        shell.Run("$db = New-PSRequestSet db01 sa -AccessType RDP, View -Reason r -WarningAction SilentlyContinue").AssertSuccess();
        shell.Run("New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason theirs -Session $Other").AssertSuccess();
        shell.Run("$web.Requests | Where-Object AccessType -eq View | Complete-PSRequest").AssertSuccess();

        var all = shell.Run("Get-PSRequestSet").AssertSuccess().Output;

        Assert.Equal(2, all.Count);
        Assert.Equal(new[] { "CheckedIn", "Active" }, Requests(all[0]).Select(r => Text(r, "Status")));
        Assert.Equal("Active", Text(all[0], "Status"));
        Assert.Equal("Pending", Text(all[1], "Status"));
        Assert.Equal("db01", Text(Assert.Single(shell.Run("Get-PSRequestSet -Status Pending").AssertSuccess().Output), "SystemName"));
        Assert.Equal("web01", Text(Assert.Single(shell.Run("Get-PSRequestSet -RequestSetId $web.RequestSetId").AssertSuccess().Output), "SystemName"));
        shell.Run("Get-PSRequestSet -RequestSetId 999").AssertError("RequestNotFound", ErrorCategory.ObjectNotFound);

        var table = shell.Run("Get-PSRequestSet | Out-Host").AssertSuccess().HostWrites;
        // The Requests column names each type with its status, so the table has no separate AccessTypes column.
        Assert.Contains(table, l => l.Contains("RequestSetId", StringComparison.Ordinal) && l.Contains("Requests", StringComparison.Ordinal));
        Assert.Contains(table, l => l.Contains("Administrator", StringComparison.Ordinal) && l.Contains("View CheckedIn, RDP Active", StringComparison.Ordinal));
        Assert.Contains(table, l => l.Contains("sa", StringComparison.Ordinal) && l.Contains("RDP Pending, View Pending", StringComparison.Ordinal));
    }

    [Fact]
    public void E1_CheckInEveryRequestOfEverySet_AsUsersTypeIt()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason r; New-PSRequestSet lnx01 root -AccessType View, SSH -Reason r").AssertSuccess();

        shell.Run("Get-PSRequestSet | ForEach-Object Requests | Complete-PSRequest -Reason 'end of shift'").AssertSuccess();

        Assert.Equal(4, emulator.State.ReleaseRequests.Count(r => r.Status == RequestStatus.CheckedIn));
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_ASetIsNotARequest_PipingTheSetItselfToCompleteDoesNotBind_NothingCheckedIn()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$set = New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason r").AssertSuccess();

        var result = shell.Run("$set | Complete-PSRequest");

        // PowerShell's own binding error says the input cannot be bound; nothing reaches the server.
        var error = Assert.Single(result.Errors);
        Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
        Assert.Contains("cannot be bound", error.Exception.Message);
        Assert.Equal(2, emulator.OpenRequestCount);
    }

    private static string? Text(PSObject item, string property) => item.Properties[property].Value?.ToString();

    private static int Id(PSObject request) => (int)request.Properties["RequestId"].Value;

    /// <summary>The set's Requests, as PowerShell sees them.</summary>
    private static PSObject[] Requests(PSObject set) =>
        ((System.Collections.IEnumerable)set.Properties["Requests"].Value).Cast<object>().Select(PSObject.AsPSObject).ToArray();
}
