using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// E2 monitoring by target: "who is in a session on this account?" An account piped from Get-PSManagedAccount (either
/// view) or named with -ManagedAccountId lists the sessions on it, and a user from Get-PSUser that user's. GET Sessions
/// filters by user and status only, so the account's sessions are picked from one listing, read once for every account
/// piped into one command. A piped session must still be read by its id, not taken as its account or its user.
/// </summary>
public sealed class AccessSessionByAccountTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>demo holds RDP sessions to web01\Administrator ($Rdp, $Rdp2) and an SSH one to lnx01\root ($Ssh); "admin" is $Admin.</summary>
    private PowerShellRunner OpenSessions()
    {
        var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run(
            "$WebRequest = New-PSRequest web01 Administrator -AccessType RDP -Reason watch\n" +
            "$Rdp = $WebRequest | New-PSAccessSession -SessionType rdpticket\n" +
            "$Rdp2 = $WebRequest | New-PSAccessSession -SessionType rdpticket\n" +
            "$Ssh = New-PSRequest lnx01 root -AccessType SSH -Reason watch | New-PSAccessSession -SessionType SSH").AssertSuccess();
        return shell;
    }

    private string[] SessionListingsSince(long mark) =>
        emulator.State.ApiCalls.Since(mark).Where(c => c.Method == "GET" && c.Path.Equals("Sessions", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Path + c.Query).ToArray();

    [Fact]
    public void E2_PipedAccount_ListsTheSessionsOnItOnly()
    {
        using var shell = OpenSessions();

        var onWeb = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Get-PSAccessSession -Session $Admin").AssertSuccess().Output;
        var onRoot = shell.Run("Get-PSManagedAccount -SystemName lnx01 -AccountName root | Get-PSAccessSession -Session $Admin").AssertSuccess().Output;

        Assert.Equal(2, onWeb.Count);
        Assert.All(onWeb, s => Assert.Equal(CheckoutSeed.WebAdministrator, s.Properties["AccountId"].Value));
        Assert.Equal(new[] { "RDP", "RDP" }, onWeb.Select(s => (string)s.Properties["Protocol"].Value));
        Assert.Equal(CheckoutSeed.LinuxRoot, Assert.Single(onRoot).Properties["AccountId"].Value);
    }

    [Fact]
    public void E2_SeveralPipedAccounts_AreServedByOneListingPerStatus()
    {
        using var shell = OpenSessions();
        var mark = emulator.State.ApiCalls.Total;

        var listed = shell.Run(
            "$accounts = @(Get-PSManagedAccount -SystemName web01 -AccountName Administrator) + @(Get-PSManagedAccount -SystemName lnx01 -AccountName root)\n" +
            "$accounts | Get-PSAccessSession -Status NotStarted, InProgress -Session $Admin").AssertSuccess().Output;

        Assert.Equal(3, listed.Count);
        Assert.Equal(new[] { CheckoutSeed.WebAdministrator, CheckoutSeed.WebAdministrator, CheckoutSeed.LinuxRoot },
            listed.Select(s => (int)s.Properties["AccountId"].Value));
        // Two accounts, two statuses: two listings, not four.
        Assert.Equal(new[] { "status=0", "status=1" }, SessionListingsSince(mark).Select(p => p[(p.IndexOf('?') + 1)..]).ToArray());
    }

    [Fact]
    public void E2_ManagedAccountId_AndItsAlias_FilterTheListing_TheProvisioningViewPipesToo()
    {
        using var shell = OpenSessions();
        shell.SetVariable("Root", CheckoutSeed.LinuxRoot);
        shell.SetVariable("Web", CheckoutSeed.WebAdministrator);

        var typed = shell.Run("@(Get-PSAccessSession -ManagedAccountId $Root -Session $Admin).Count").AssertSuccess();
        var alias = shell.Run("@(Get-PSAccessSession -AccountId $Web, $Root -Session $Admin).Count").AssertSuccess();
        var none = shell.Run("@(Get-PSAccessSession -ManagedAccountId 999 -Session $Admin).Count").AssertSuccess();
        var provisioning = shell.Run("Get-PSManagedAccount -AccountId $Web -Session $Admin | Get-PSAccessSession -Session $Admin").AssertSuccess();

        Assert.Equal(1, typed.SingleValue);
        Assert.Equal(3, alias.SingleValue);
        Assert.Equal(0, none.SingleValue);
        Assert.Equal(2, provisioning.Output.Count);
        Assert.All(provisioning.Output, s => Assert.Equal(CheckoutSeed.WebAdministrator, s.Properties["AccountId"].Value));
    }

    [Fact]
    public void E2_PipedUser_ListsThatUsersSessions_ThroughTheServersUserFilter()
    {
        using var shell = OpenSessions();
        var demoId = emulator.State.Users.Single(u => u.UserName == "demo").UserId;
        var mark = emulator.State.ApiCalls.Total;

        var mine = shell.Run("Get-PSUser -UserName demo -Session $Admin | Get-PSAccessSession -Session $Admin").AssertSuccess().Output;
        var admins = shell.Run("@(Get-PSUser -UserName admin -Session $Admin | Get-PSAccessSession -Session $Admin).Count").AssertSuccess();

        Assert.Equal(3, mine.Count);
        Assert.All(mine, s => Assert.Equal(demoId, s.Properties["UserId"].Value));
        Assert.Equal(0, admins.SingleValue);
        Assert.Contains($"userID={demoId}", SessionListingsSince(mark)[0]);
    }

    [Fact]
    public void E2_PipedSessionsAndTickets_AreStillReadByTheirId_NotTakenAsTheirAccountOrUser()
    {
        using var shell = OpenSessions();
        var mark = emulator.State.ApiCalls.Total;

        var reread = shell.Run("Get-PSAccessSession -Session $Admin | Get-PSAccessSession -Session $Admin").AssertSuccess().Output;
        var ticket = shell.Run("$Ssh | Get-PSAccessSession -Session $Admin").AssertSuccess().Output;

        Assert.Equal(3, reread.Count);
        Assert.Equal("SSH", Assert.Single(ticket).Properties["Protocol"].Value);
        var reads = emulator.State.ApiCalls.Since(mark).Where(c => c.Method == "GET" && c.Path.StartsWith("Sessions/", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(4, reads.Count);
        Assert.Single(SessionListingsSince(mark));
    }

    [Fact]
    public void E2_PipedAccountOutsideTypedIds_OrPipedUserOtherThanUserId_IsRefused_NothingIsListed()
    {
        using var shell = OpenSessions();
        shell.SetVariable("Root", CheckoutSeed.LinuxRoot);
        var mark = emulator.State.ApiCalls.Total;

        var accountRun = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Get-PSAccessSession -ManagedAccountId $Root -Session $Admin");
        var userRun = shell.Run("Get-PSUser -UserName demo -Session $Admin | Get-PSAccessSession -UserId 999 -Session $Admin");

        var account = accountRun.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Empty(accountRun.Output);
        Assert.Contains($"-ManagedAccountId {CheckoutSeed.LinuxRoot}", account.Exception.Message);
        Assert.Equal("PasswordSafe.ManagedAccount", PSObject.AsPSObject(account.TargetObject).TypeNames[0]);
        Assert.Contains("not both", account.ErrorDetails.RecommendedAction);
        var user = userRun.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Empty(userRun.Output);
        Assert.Contains("-UserId 999", user.Exception.Message);
        Assert.Empty(SessionListingsSince(mark));
    }
}
