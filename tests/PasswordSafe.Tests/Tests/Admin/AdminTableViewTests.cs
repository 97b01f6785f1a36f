using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// The session, API registration and managed system tables in a 120- and an 80-column console: at 120 every column
/// shows whole with short headers on one line; at 80 the identifying columns come first and stay whole.
/// </summary>
public sealed class AdminTableViewTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void Sessions_IdUserRunAsStateAndServerWhole_80_DefaultStarred_ExpiryFrom100()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PasswordSafeSession -All");
        var hundred = ConsoleTable.Render(shell, 100, "Get-PasswordSafeSession -All");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PasswordSafeSession -All");

        // When the session ends unless used follows from 100; a * before the Id marks the default session.
        foreach (var (table, width) in new[] { (wide, 120), (hundred, 100) })
        {
            ConsoleTable.AssertFits(table, width);
            Assert.Matches(@"^\s*Id\s+UserName\s+RunAs\s+Method\s+Connected\s+Server\s+ExpiresAt$", table[0]);
            Assert.Matches(@"^\s*\*\d+\s+admin\s+admin\s+ApiKey\s+True\s+127\.0\.0\.1:\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d$", table[2]);
        }

        // Not "https://12…": the server stays whole at 80 and the expiry is left out whole.
        ConsoleTable.AssertFits(narrow, 80);
        Assert.Matches(@"^\s*Id\s+UserName\s+RunAs\s+Method\s+Connected\s+Server$", narrow[0]);
        Assert.Matches(@"^\s*\*\d+\s+admin\s+admin\s+ApiKey\s+True\s+127\.0\.0\.1:\d+$", narrow[2]);
        // The whole base URI stays on the object (and in the list view).
        Assert.Matches(@"^https://127\.0\.0\.1:\d+/BeyondTrust/api/public/v3/$", (string)shell.Run("(Get-PasswordSafeSession).BaseUri.ToString()").AssertSuccess().SingleValue!);
    }

    [Fact]
    public void ApiRegistrations_HeadersAreTheirPropertyNames_OnOneLine_NamesWhole_RulesShown()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PSApiRegistration");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PSApiRegistration");

        ConsoleTable.AssertFits(wide, 120);
        foreach (var table in new[] { wide, narrow })
        {
            Assert.Matches(@"^\s*RegistrationId\s+Name\s+RegistrationType\s+Active\s+MFA\s+IP rules$", table[0]);
            Assert.Contains(table, l => Regex.IsMatch(l, @"^\s*\d+\s+Short-lived automation\s+ApiAccessPolicy\s+(True|False)\s+(True|False)\s+\d"));
        }

        // At 80 only the rules, the last column, may be cut short.
        Assert.All(narrow, l => Assert.True(l.Length < 80, l));
        Assert.All(narrow, l => Assert.DoesNotContain("…", l.Substring(0, System.Math.Min(l.Length, 69))));
        Assert.Equal(wide.Count, narrow.Count);
    }

    [Fact]
    public void CredentialTestResults_NamesAndOutcomeFirst_TheReasonLast_OnlyItCut()
    {
        using var shell = emulator.RunnerFor("admin");
        const string script = "Test-PSManagedAccountCredential -AccountId 1, 9999, 12 -Detailed -ErrorAction SilentlyContinue";

        var wide = ConsoleTable.Render(shell, 120, script);
        var narrow = ConsoleTable.Render(shell, 80, script);

        foreach (var (table, width) in new[] { (wide, 120), (narrow, 80) })
        {
            Assert.Matches(@"^SystemName\s+AccountName\s+Outcome\s+SystemId\s+AccountId\s+Reason$", table[0]);
            Assert.Matches(@"^web01\s+Administrator\s+Passed\s+1\s+1$", table[2]);
            Assert.Matches(@"^ {41}NotTested {15}9999 Managed ", table[3]);
            Assert.Matches(@"^web01\s+runbook-svc\s+Passed\s+1\s+12$", table[4]);
            Assert.Equal(5, table.Count);
            Assert.All(table, l => Assert.True(l.Length < width, l));
        }

        // Only the reason, the last column, may be cut short ($result.Reason has it whole); at 120 it shows what failed.
        Assert.Contains("9999 Managed account 9999 was not found", wide[3], StringComparison.Ordinal);
        Assert.All(wide.Concat(narrow), l => Assert.DoesNotContain("…", l.Substring(0, Math.Min(l.Length, 69))));
    }

    [Fact]
    public void ApiRegistrationKeys_RegistrationIdAndName_TheKeyNeverShown()
    {
        using var shell = emulator.RunnerFor("admin");
        var key = TestSeed.Load().ApiKey(TestSeed.PlainKey)!;
        const string script = "& { Get-PSApiRegistrationKey -RegistrationId 1 -Detailed; Get-PSApiRegistrationKey -RegistrationId 1 -Detailed -AsPlainText }";

        var wide = ConsoleTable.Render(shell, 120, script);
        var narrow = ConsoleTable.Render(shell, 80, script);

        foreach (var table in new[] { wide, narrow })
        {
            Assert.Matches(@"^\s*RegistrationId\s+Name\s+Key$", table[0]);
            Assert.Matches(@"^\s+1\s+.+\s+SecureString$", table[2]);
            Assert.Matches(@"^\s+1\s+.+\s+plain text \(not shown\)$", table[3]);
            Assert.All(table, l => Assert.DoesNotContain(key[..16], l)); // a column would cut it short, not hide it
        }

        ConsoleTable.AssertFits(narrow, 80);
    }

    [Fact]
    public void ManagedSystems_HeadersOnOneLine_IdsNamesPlatformAndDurationAt80()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PSManagedSystem");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PSManagedSystem");

        ConsoleTable.AssertFits(wide, 120);
        Assert.Matches(@"^ManagedSystemId\s+SystemName\s+PlatformId\s+Release\(min\)\s+AutoManaged\s+IPAddress\s+AssetId$", wide[0]);
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^\s+2\s+db01\s+11\s+60\s+False\s+10\.0\.0\.12"));
        ConsoleTable.AssertFits(narrow, 80);
        Assert.Matches(@"^ManagedSystemId\s+SystemName\s+PlatformId\s+Release\(min\)", narrow[0]);
        Assert.Equal(wide.Count, narrow.Count); // no wrapped header
    }

    [Fact]
    public void GroupPermissions_ManyLongNames_At80Columns_TheAccessLevelIsShownWhole()
    {
        // The one thing the cmdlet is for: Read Only and Read/Write must not both read "Re..." in a narrow console.
        using var shell = emulator.RunnerFor("admin");
        shell.Run("$g = New-PSUserGroup -Name 'Auditors with a long group name' -Description t\n" +
                  "Get-PSPermission | ForEach-Object { Grant-PSUserGroupPermission -GroupId $g.GroupId -Permission $_.Name -AccessLevel 'Read Only' -Force }\n" +
                  "Grant-PSUserGroupPermission -GroupId $g.GroupId -Permission 'Asset Management' -AccessLevel 'Read/Write' -Force").AssertSuccess();

        var table = ConsoleTable.Render(shell, 80, "Get-PSUserGroupPermission -GroupName 'Auditors with a long group name'");

        ConsoleTable.AssertFits(table, 80);
        Assert.Equal("   GroupName: Auditors with a long group name", table[0]);
        Assert.Matches(@"^PermissionId\s+Name\s+AccessLevel$", table[1]);
        var rows = table.Skip(3).ToList();
        Assert.True(rows.Count > 3, string.Join("\n", table));
        Assert.All(rows, r => Assert.Matches(@"\s(Read Only|Read/Write)$", r));
        Assert.Contains(rows, r => r.EndsWith("Read/Write", System.StringComparison.Ordinal));
    }

    [Fact]
    public void GroupPermissions_GroupPermissionAndLevelByName_AndQuarantinedUsersShowIt()
    {
        using var shell = emulator.RunnerFor("admin");
        shell.Run("Grant-PSUserGroupPermission -GroupName 'Signed in, no roles' -Permission 'User Accounts Management' -AccessLevel 'Read Only' -Force\n" +
                  "Block-PSUser -UserName 'shift-partner' -Force | Out-Null").AssertSuccess();

        var permissions = ConsoleTable.Render(shell, 80, "Get-PSUserGroupPermission 'Signed in, no roles'");
        var catalogue = ConsoleTable.Render(shell, 80, "Get-PSPermission 'User*'");
        var levels = ConsoleTable.Render(shell, 80, "Get-PSAccessLevel");
        var users = ConsoleTable.Render(shell, 120, "Get-PSUser -UserName 'shift-*'");

        ConsoleTable.AssertFits(permissions, 80);
        Assert.Equal("   GroupName: Signed in, no roles", permissions[0]);
        Assert.Matches(@"^PermissionId\s+Name\s+AccessLevel$", permissions[1]);
        Assert.Equal(4, permissions.Count); // group heading, header, rule, one row: nothing wrapped
        Assert.Matches(@"^\s*4\s+User Accounts Management\s+Read Only$", permissions[3]);
        Assert.Matches(@"^PermissionId\s+Name$", catalogue[0]);
        Assert.Matches(@"^\s*4\s+User Accounts Management$", catalogue[2]);
        Assert.Matches(@"^AccessLevelId\s+Name$", levels[0]);
        Assert.Matches(@"^\s*1\s+Read Only$", levels[2]);
        ConsoleTable.AssertFits(users, 120);
        Assert.Matches(@"\bIsActive\s+Quarantined\b", users[0]);
        Assert.Contains(users, l => Regex.IsMatch(l, @"^\s*36\s+shift-partner\s+BeyondInsight\s+True\s+True"));
        Assert.Contains(users, l => Regex.IsMatch(l, @"^\s*35\s+shift-worker\s+BeyondInsight\s+True\s+False"));
    }
}
