using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// The checkout table views as the user sees them in a 120- and an 80-column console: every line fits, nothing is
/// cut at 120, and at 80 the key columns (ids, system, user name, status) stay whole while the others are left out
/// whole (PowerShell would otherwise squeeze the first column that does not fit). Dates show in the viewer's local
/// time, whatever offset the object carries; the assertions compute local time in the runspace, so any TZ passes.
/// </summary>
public sealed class TableViewTests : IAsyncLifetime
{
    private const string Date = @"\d{4}-\d\d-\d\d \d\d:\d\d";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private static List<string> Render(PowerShellRunner shell, int width, string script) => ConsoleTable.Render(shell, width, script);

    private static void AssertFits(List<string> table, int width) => ConsoleTable.AssertFits(table, width);

    private static string Header(List<string> table) => table[0];

    [Fact]
    public void ManagedAccounts_120_AllColumnsWithShortHeaders_80_NamesIdsAndDefaultDuration()
    {
        using var shell = emulator.RunnerFor("demo");

        var wide = Render(shell, 120, "Get-PSManagedAccount");
        var narrow = Render(shell, 80, "Get-PSManagedAccount");

        AssertFits(wide, 120);
        Assert.Matches(@"^SystemName\s+UserName\s+SystemId\s+AccountId\s+Default\(min\)\s+Max\(min\)\s+ISA\s+LastChange$", Header(wide));
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^contoso\.test\s+CONTOSO\\svc-backup\s+3\s+3\s+120\s+525600\s+False$"));
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^gen-sys-00001\s+gen-acct-0025\s+9\s+\d+\s+120\s+525600\s+False$"));
        AssertFits(narrow, 80);
        Assert.Matches(@"^SystemName\s+UserName\s+SystemId\s+AccountId\s+Default\(min\)$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, @"^db01\s+sa\s+2\s+2\s+60$"));
        Assert.Equal(wide.Count, narrow.Count); // one line per account and no wrapped header
    }

    [Fact]
    public void Requests_80_KeysAccessAndReason_100And120_TheExpiryToo()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -AccessType RDP -Reason 'patch night'\n" +
                  "$null = New-PSRequest contoso.test 'CONTOSO\\svc-backup' -Reason backup").AssertSuccess();
        var expires = (string)shell.Run("$r.ExpiresDate.LocalDateTime.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)").AssertSuccess().SingleValue!;

        var wide = Render(shell, 120, "Get-PSRequest");
        var hundred = Render(shell, 100, "Get-PSRequest");
        var narrow = Render(shell, 80, "Get-PSRequest");

        foreach (var (table, width) in new[] { (wide, 120), (hundred, 100) })
        {
            AssertFits(table, width);
            Assert.Matches(@"^RequestId\s+Status\s+SystemName\s+UserName\s+Access\s+Reason\s+Expires$", Header(table));
            Assert.Contains(table, l => Regex.IsMatch(l, $@"^\s*\d+\s+Active\s+web01\s+Administrator\s+RDP\s+patch night\s+{Regex.Escape(expires)}$"));
            Assert.Contains(table, l => Regex.IsMatch(l, $@"^\s*\d+\s+Active\s+contoso\.test\s+CONTOSO\\svc-backup\s+View\s+backup\s+{Date}$"));
        }

        // The reason is what the tester missed at 80: it stays, and the expiry is left out whole.
        AssertFits(narrow, 80);
        Assert.Matches(@"^RequestId\s+Status\s+SystemName\s+UserName\s+Access\s+Reason$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, @"^\s*\d+\s+Active\s+web01\s+Administrator\s+RDP\s+patch night$"));
        Assert.Equal(wide.Count, narrow.Count);
    }

    [Fact]
    public void ApproverQueue_ShowsWhoAskedAndWhy_80_StatusRequestorAccountAccessReason_120_ExpiryAndId()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$null = New-PSRequest db01 sa -Reason 'quarterly audit' -WarningAction SilentlyContinue").AssertSuccess();

        var wide = Render(shell, 120, "Get-PSRequest -Queue Approver -Session $Approver");
        var hundred = Render(shell, 100, "Get-PSRequest -Queue Approver -Session $Approver");
        var narrow = Render(shell, 80, "Get-PSRequest -Queue Approver -Session $Approver");
        var own = Render(shell, 120, "Get-PSRequest");

        AssertFits(wide, 120);
        Assert.Matches(@"^Status\s+Requestor\s+SystemName\s+UserName\s+Access\s+Reason\s+Expires\s+RequestId$", Header(wide));
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^Pending\s+demo\s+db01\s+sa\s+View\s+quarterly audit\s+\d+$"));
        AssertFits(hundred, 100);
        Assert.Matches(@"^Status\s+Requestor\s+SystemName\s+UserName\s+Access\s+Reason\s+Expires$", Header(hundred));
        AssertFits(narrow, 80);
        Assert.Matches(@"^Status\s+Requestor\s+SystemName\s+UserName\s+Access\s+Reason$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, @"^Pending\s+demo\s+db01\s+sa\s+View\s+quarterly audit$"));
        // Your own requests keep their view; the approver's objects are still requests that pipe on.
        Assert.Matches(@"^RequestId\s+Status\s+SystemName", Header(own));
        Assert.Equal("PasswordSafe.Request", shell.Run("(Get-PSRequest -Queue Approver -Session $Approver)[0].GetType().FullName").AssertSuccess().SingleValue);
    }

    [Fact]
    public void RequestSets_120_EachRequestsTypeAndStatus_80_KeysAndExpiry()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$null = New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason s").AssertSuccess();

        var wide = Render(shell, 120, "Get-PSRequestSet");
        var narrow = Render(shell, 80, "Get-PSRequestSet");

        AssertFits(wide, 120);
        Assert.Matches(@"^RequestSetId\s+Status\s+SystemName\s+UserName\s+Expires\s+Requests$", Header(wide));
        Assert.Contains(wide, l => Regex.IsMatch(l, $@"^\s*\d+\s+Active\s+web01\s+Administrator\s+{Date}\s+View Active, RDP Active$"));
        AssertFits(narrow, 80);
        Assert.Matches(@"^RequestSetId\s+Status\s+SystemName\s+UserName\s+Expires$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, $@"^\s*\d+\s+Active\s+web01\s+Administrator\s+{Date}$"));
    }

    [Fact]
    public void AccessSessions_80_IdsStatusUserAssetAccountAndStart_100_DurationAndRequest_120_Protocol()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("$Rdp = New-PSRequest web01 Administrator -AccessType RDP -Reason watch | New-PSAccessSession -SessionType rdpticket\n" +
                  "$Ssh = New-PSRequest lnx01 root -AccessType SSH -Reason watch | New-PSAccessSession").AssertSuccess();

        var wide = Render(shell, 120, "Get-PSAccessSession -Session $Admin");
        var hundred = Render(shell, 100, "Get-PSAccessSession -Session $Admin");
        var narrow = Render(shell, 80, "Get-PSAccessSession -Session $Admin");
        var tickets = Render(shell, 80, "$Rdp, $Ssh");
        var admin = Render(shell, 80, "$c = [pscredential]::new('root', [System.Net.NetworkCredential]::new('', 'pw').SecurePassword)\n" +
                                      "New-PSAdminSession -HostName lnx42.contoso.test -SessionType SSH -Credential $c -Session $Admin");

        AssertFits(wide, 120);
        Assert.Matches(@"^SessionId\s+Status\s+UserId\s+AssetName\s+AccountName\s+Started\s+Duration\s+RequestId\s+Protocol$", Header(wide));
        Assert.Contains(wide, l => Regex.IsMatch(l, $@"^\s*\d+\s+NotStarted\s+\d+\s+web01\s+Administrator\s+{Date}\s+00:00:00\s+\d+\s+RDP$"));
        // The tester's 100 columns: start and duration are there (the protocol is left out whole).
        AssertFits(hundred, 100);
        Assert.Matches(@"^SessionId\s+Status\s+UserId\s+AssetName\s+AccountName\s+Started\s+Duration\s+RequestId$", Header(hundred));
        Assert.Contains(hundred, l => Regex.IsMatch(l, $@"^\s*\d+\s+NotStarted\s+\d+\s+lnx01\s+root\s+{Date}\s+00:00:00\s+\d+$"));
        AssertFits(narrow, 80);
        Assert.Matches(@"^SessionId\s+Status\s+UserId\s+AssetName\s+AccountName\s+Started$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, $@"^\s*\d+\s+NotStarted\s+\d+\s+lnx01\s+root\s+{Date}$"));
        // A new session's ticket view: where to connect, never the ticket.
        AssertFits(tickets, 80);
        Assert.Matches(@"^SessionType\s+Host\s+Port\s+For\s+FilePath$", Header(tickets));
        Assert.Contains(tickets, l => Regex.IsMatch(l, @"^rdpticket\s+\S+\s+\d+\s+request \d+$"));
        // An admin session has no request: it is for its target host, which the proxy's address does not tell.
        AssertFits(admin, 80);
        Assert.Matches(@"^SSH\s+\S+\s+\d+\s+lnx42\.contoso\.test$", admin[^1]);
    }

    [Fact]
    public void ProvisioningView_120_AllColumns_80_IdsNameDomainAndApiAccess()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = Render(shell, 120, "Get-PSManagedAccount -ManagedSystemId 3");
        var narrow = Render(shell, 80, "Get-PSManagedAccount -ManagedSystemId 3");

        AssertFits(wide, 120);
        Assert.Matches(@"^AccountId\s+AccountName\s+SystemId\s+DomainName\s+ApiEnabled\s+AutoManaged\s+ChangeState$", Header(wide));
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^\s*3\s+svc-backup\s+3\s+CONTOSO\s+True\s+(True|False)\s+0$"));
        AssertFits(narrow, 80);
        Assert.Matches(@"^AccountId\s+AccountName\s+SystemId\s+DomainName\s+ApiEnabled$", Header(narrow));
        Assert.Contains(narrow, l => Regex.IsMatch(l, @"^\s*3\s+svc-backup\s+3\s+CONTOSO\s+True$"));
    }

    [Fact]
    public void EndedStatuses_ShowWholeAt80_ATerminatedRequestInBothRequestViewsAndItsSet_ADisconnectedSession()
    {
        // Real objects as a server that lists ended ones would show them: the status set as it then reads (the emulator
        // lists open requests only, and its sessions never disconnect).
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("function Set-Status($object, $name, $value) { $object.GetType().GetProperty($name).SetValue($object, $value) }\n" +
                  "$mine = New-PSRequest contoso.test 'CONTOSO\\svc-backup' -Reason 'patch night'\n" +
                  "$null = New-PSRequest db01 sa -Reason 'quarterly audit' -WarningAction SilentlyContinue\n" +
                  "$queued = Get-PSRequest -Queue Approver -Session $Approver\n" +
                  "$set = New-PSRequestSet web01 Administrator -AccessType View, RDP -Reason s\n" +
                  "$ticket = New-PSRequest lnx01 root -AccessType SSH -Reason watch | New-PSAccessSession\n" +
                  "$watched = Get-PSAccessSession -Session $Admin\n" +
                  "Set-Status $mine Status Terminated; Set-Status $queued Status Terminated\n" +
                  "$set.Requests | ForEach-Object { Set-Status $_ Status Terminated }\n" +
                  "Set-Status $watched StatusCode 9").AssertSuccess();

        var requests = Render(shell, 80, "$mine");
        var queue = Render(shell, 80, "$queued");
        var sets = Render(shell, 80, "$set");
        var sessions = Render(shell, 80, "$watched");

        foreach (var table in new[] { requests, queue, sets, sessions })
        {
            AssertFits(table, 80);
        }

        Assert.Matches(@"^RequestId\s+Status\s+SystemName\s+UserName\s+Access\s+Reason$", Header(requests));
        Assert.Matches($@"^\s*\d+\s+Terminated\s+contoso\.test\s+CONTOSO\\svc-backup\s+View\s+patch night$", requests[^1]);
        Assert.Matches(@"^Status\s+Requestor\s+SystemName\s+UserName\s+Access\s+Reason$", Header(queue));
        Assert.Matches(@"^Terminated\s+demo\s+db01\s+sa\s+View\s+quarterly audit$", queue[^1]);
        Assert.Matches(@"^RequestSetId\s+Status\s+SystemName\s+UserName\s+Expires$", Header(sets));
        Assert.Matches(@"^\s*\d+\s+Terminated\s+web01\s+Administrator$", sets[^1]);
        Assert.Matches(@"^SessionId\s+Status\s+UserId\s+AssetName\s+AccountName\s+Started$", Header(sessions));
        Assert.Matches($@"^\s*\d+\s+Disconnected\s+\d+\s+lnx01\s+root\s+{Date}$", sessions[^1]);
    }

    [Theory]
    [InlineData("PasswordSafe.Request", "ExpiresDate")]
    [InlineData("PasswordSafe.RequestSet", "ExpiresDate")]
    [InlineData("PasswordSafe.ManagedAccount", "LastChangeDate")]
    [InlineData("PasswordSafe.AccessSessionInfo", "StartTime")]
    public void Dates_ShowInTheViewersLocalTime_NotTheOffsetTheObjectCarries(string typeName, string property)
    {
        using var shell = emulator.NewRunner();
        // An offset five hours away from this machine's: its wall-clock time is never the local one.
        shell.Run("$local = [TimeZoneInfo]::Local.GetUtcOffset([datetime]'2026-11-22T12:00:00')\n" +
                  "$away = if ($local.TotalHours -lt 5) { $local.Add([timespan]::FromHours(5)) } else { $local.Subtract([timespan]::FromHours(5)) }\n" +
                  "$when = [DateTimeOffset]::new(2026, 11, 22, 20, 7, 0, $away)\n" +
                  $"$row = [pscustomobject]@{{ PSTypeName = '{typeName}'; {property} = $when; SystemName = 'web01'; UserName = 'Administrator' }}").AssertSuccess();
        var expected = (string)shell.Run("$when.LocalDateTime.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)").AssertSuccess().SingleValue!;

        var table = Render(shell, 120, "$row");

        Assert.Contains(table, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(table, l => l.Contains("2026-11-22 20:07", StringComparison.Ordinal));
    }
}
