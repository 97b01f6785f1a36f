using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Access policies (api-v3 §6.4 GET AccessPolicies; §3.2 AccessPolicyScheduleID, TicketSystemID, TicketNumber):
/// Get-PSAccessPolicy lists each policy's schedule, approvals and reason/ticket requirements, and New-PSRequest /
/// Use-PSCredential requests are held to them: a schedule that is not the account's policy's, or a missing or
/// foreign ticket under a policy that requires one, is ValidationFailed with the server's reason and creates nothing.
/// The seed's "Change ticket" policy (schedule 30, ticket system 2) applies to the user "ticketed".
/// </summary>
public sealed class AccessPolicyTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void AccessPolicies_ListedWithScheduleApprovalsAndRequirements()
    {
        using var shell = emulator.RunnerFor("admin");
        shell.Run("$policies = Get-PSAccessPolicy; $ticket = $policies[2]; $schedule = $ticket.Schedules[0]").AssertSuccess();

        string[] Values(string expression) => shell.Run(expression).AssertSuccess().Output.Select(o => o?.ToString() ?? "<null>").ToArray();

        Assert.Equal(new[] { "Auto-approve", "One approver", "Change ticket", "Shifts", "Generated accounts (auto-approve)" },
            Values("$policies | ForEach-Object { $_.Name }"));
        Assert.Equal(new[] { "PasswordSafe.AccessPolicy" }, Values("$ticket.PSObject.TypeNames[0]"));
        Assert.Equal(new[] { "3", "Auto-approved against a change ticket", "1" }, Values("$ticket.AccessPolicyId; $ticket.Description; $ticket.Schedules.Count"));
        Assert.Equal(new[] { "30", "True", "2", "False", "TicketNumber (ticket system 2)" },
            Values("$schedule.ScheduleId; $schedule.RequireTicketSystem; $schedule.TicketSystemId; $schedule.RequireReason; $schedule.Requirements"));
        Assert.Equal(new[] { "View 0 False", "SSH 0 True" },
            Values("$schedule.AccessTypes | ForEach-Object { '{0} {1} {2}' -f $_.AccessType, $_.MinApprovers, $_.RecordSession }"));
        // A policy's schedule id is the policy id unless the server says otherwise; "One approver" needs a reason and an approval.
        Assert.Equal(new[] { "2", "Reason", "1 1" },
            Values("$a = $policies[1].Schedules[0]; $a.ScheduleId; $a.Requirements; ($a.AccessTypes | ForEach-Object { $_.MinApprovers }) -join ' '"));
        Assert.Equal(new[] { "none" }, Values("$policies[0].Schedules[0].Requirements"));
    }

    [Fact]
    public void AccessPolicies_TableShowsScheduleAccessTypesAndRequirements_InA120ColumnConsole()
    {
        using var shell = emulator.RunnerFor("admin");

        // A default Windows console is 120 columns wide; the header carries the console's colour codes, and the text
        // between them is what the user reads.
        var table = shell.Run("$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new(120, 3000)\nGet-PSAccessPolicy | Out-Host")
            .AssertSuccess().HostWrites
            .SelectMany(w => w.Split('\n')).Select(l => Regex.Replace(l, @"\x1b\[[0-9;]*m", string.Empty).TrimEnd('\r', ' ')).ToList();

        var header = Assert.Single(table, l => l.Contains("AccessPolicyId", StringComparison.Ordinal));
        Assert.Matches(@"^AccessPolicyId\s+Name\s+Schedules$", header);
        Assert.All(table, l => Assert.True(l.Length <= 120, $"Wider than the console: '{l}'"));
        var row = Assert.Single(table, l => l.Contains("Change ticket", StringComparison.Ordinal));
        Assert.Matches(@"^3\s+Change ticket\s+30 always: View, SSH \(auto-approved\); requires TicketNumber \(ticket system 2\)$", row);
        Assert.Contains(table, l => Regex.IsMatch(l, @"^2\s+One approver\s+2 always: View, RDP \(1 approver\); requires Reason$"));
        Assert.Contains(table, l => Regex.IsMatch(l, @"^1\s+Auto-approve\s+1 always: View, RDP, SSH, App \(auto-approved\)$"));
    }

    [Fact]
    public void AccessPolicies_ByNameWildcardOrId_UnknownOnesAreObjectNotFound_TheRestStillReturned()
    {
        using var shell = emulator.RunnerFor("admin");

        var byWildcard = shell.Run("Get-PSAccessPolicy -Name 'one*'").AssertSuccess();
        var byId = shell.Run("Get-PSAccessPolicy -AccessPolicyId 3, 99");
        var piped = shell.Run("Get-PSAccessPolicy -Name 'Change ticket' | Get-PSAccessPolicy").AssertSuccess();
        var unknownName = shell.Run("Get-PSAccessPolicy -Name 'No such policy'").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.Equal("One approver", Assert.Single(byWildcard.Output).Properties["Name"].Value);
        Assert.Equal(3, Assert.Single(byId.Output).Properties["AccessPolicyId"].Value);
        var missing = Assert.Single(byId.Errors);
        Assert.Equal("ObjectNotFound", missing.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(99, missing.TargetObject);
        Assert.Equal(3, Assert.Single(piped.Output).Properties["AccessPolicyId"].Value);
        Assert.Contains("No such policy", unknownName.Exception.Message);
    }

    [Fact]
    public void AccessPolicies_WithoutRoleManagement_PermissionDenied_SayingWhatToGrant()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("Get-PSAccessPolicy").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("Password Safe Role Management", error.ErrorDetails.RecommendedAction + error.ErrorDetails.Message);
    }

    [Fact]
    public void E1_TicketRequiredByThePolicy_WithoutATicket_ValidationFailed_NothingRequested()
    {
        using var shell = emulator.RunnerFor("ticketed");

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        var used = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -ScriptBlock { 'ran' }")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.StartsWith(@"The request for web01\Administrator was refused: ", error.Exception.Message);
        Assert.DoesNotContain("https://", error.Exception.Message);
        Assert.Contains("Get-PSAccessPolicy", error.ErrorDetails.RecommendedAction);
        Assert.Contains("requires a ticket", error.ErrorDetails.Message);
        Assert.Contains("TicketNumber", error.ErrorDetails.Message);
        Assert.Contains("requires a ticket", used.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_TicketRequiredByThePolicy_WithATicket_Requested_OnThePolicysTicketSystemAndSchedule()
    {
        using var shell = emulator.RunnerFor("ticketed");

        var status = shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -TicketNumber CHG0042).Status").AssertSuccess();
        var ran = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -TicketSystemId 2 -TicketNumber CHG0043 -AccessPolicyScheduleId 30 -ScriptBlock { param($c) $c.UserName }").AssertSuccess();

        Assert.Equal("Active", status.SingleValue);
        Assert.Equal("runbook-svc", ran.SingleValue);
        var request = Assert.Single(emulator.State.ReleaseRequests, r => r.TicketNumber == "CHG0042");
        Assert.Equal(2, request.TicketSystemId);
        Assert.Equal(30, request.AccessPolicyScheduleId);
        Assert.Equal(3, request.AccessPolicyId);
        var used = Assert.Single(emulator.State.ReleaseRequests, r => r.TicketNumber == "CHG0043");
        Assert.False(used.IsOpen);
    }

    [Fact]
    public void E1_TicketOfAnotherTicketSystem_ValidationFailed_NamingTheRightOne()
    {
        using var shell = emulator.RunnerFor("ticketed");

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -TicketSystemId 5 -TicketNumber X-1")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("ticket system 2, not 5", error.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_ScheduleThatIsNotTheAccountsPolicys_ValidationFailed_NamingTheRightOne_TheRightOneWorks()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x -AccessPolicyScheduleId 30")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Empty(emulator.State.ReleaseRequests);
        shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x -AccessPolicyScheduleId 1").AssertSuccess();

        Assert.Contains("AccessPolicyScheduleID 30", error.ErrorDetails.Message);
        Assert.Contains("its schedule is 1", error.ErrorDetails.Message);
        Assert.Equal(1, Assert.Single(emulator.State.ReleaseRequests).AccessPolicyScheduleId);
    }

    [Fact]
    public void E1_NoTicketNeeded_ATicketGivenIsKeptAsGiven()
    {
        using var shell = emulator.RunnerFor("demo");

        shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x -TicketSystemId 7 -TicketNumber INC-9").AssertSuccess();

        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(7, request.TicketSystemId);
        Assert.Equal("INC-9", request.TicketNumber);
    }
}
