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
    public void Sessions_IdUserRunAsStateAndServerWhole_80_TheConnectTimeFrom100()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PasswordSafeSession -All");
        var hundred = ConsoleTable.Render(shell, 100, "Get-PasswordSafeSession -All");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PasswordSafeSession -All");

        foreach (var (table, width) in new[] { (wide, 120), (hundred, 100) })
        {
            ConsoleTable.AssertFits(table, width);
            Assert.Matches(@"^\s*Id\s+UserName\s+RunAs\s+Method\s+Connected\s+Server\s+ConnectedAt$", table[0]);
            Assert.Matches(@"^\s*\d+\s+admin\s+admin\s+ApiKey\s+True\s+127\.0\.0\.1:\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d$", table[2]);
        }

        // Not "https://12…": the server stays whole at 80 and the connect time is left out whole.
        ConsoleTable.AssertFits(narrow, 80);
        Assert.Matches(@"^\s*Id\s+UserName\s+RunAs\s+Method\s+Connected\s+Server$", narrow[0]);
        Assert.Matches(@"^\s*\d+\s+admin\s+admin\s+ApiKey\s+True\s+127\.0\.0\.1:\d+$", narrow[2]);
        // The whole base URI stays on the object (and in the list view).
        Assert.Matches(@"^https://127\.0\.0\.1:\d+/BeyondTrust/api/public/v3/$", (string)shell.Run("(Get-PasswordSafeSession).BaseUri.ToString()").AssertSuccess().SingleValue!);
    }

    [Fact]
    public void ApiRegistrations_ShortHeadersOnOneLine_NamesWhole_RulesShown()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PSApiRegistration");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PSApiRegistration");

        ConsoleTable.AssertFits(wide, 120);
        foreach (var table in new[] { wide, narrow })
        {
            Assert.Matches(@"^\s*Id\s+Name\s+Type\s+Active\s+MFA\s+IP rules$", table[0]);
            Assert.Contains(table, l => Regex.IsMatch(l, @"^\s*\d+\s+Short-lived automation\s+ApiAccessPolicy\s+(True|False)\s+(True|False)\s+\d"));
        }

        // At 80 only the rules, the last column, may be cut short.
        Assert.All(narrow, l => Assert.True(l.Length < 80, l));
        Assert.All(narrow, l => Assert.DoesNotContain("…", l.Substring(0, System.Math.Min(l.Length, 60))));
        Assert.Equal(wide.Count, narrow.Count);
    }

    [Fact]
    public void ManagedSystems_ShortHeadersOnOneLine_IdsNamesPlatformAndDurationAt80()
    {
        using var shell = emulator.RunnerFor("admin");

        var wide = ConsoleTable.Render(shell, 120, "Get-PSManagedSystem");
        var narrow = ConsoleTable.Render(shell, 80, "Get-PSManagedSystem");

        ConsoleTable.AssertFits(wide, 120);
        Assert.Matches(@"^SystemId\s+SystemName\s+PlatformId\s+Release\(min\)\s+AutoManaged\s+IPAddress\s+AssetId$", wide[0]);
        Assert.Contains(wide, l => Regex.IsMatch(l, @"^\s+2\s+db01\s+11\s+60\s+False\s+10\.0\.0\.12"));
        ConsoleTable.AssertFits(narrow, 80);
        Assert.Matches(@"^SystemId\s+SystemName\s+PlatformId\s+Release\(min\)", narrow[0]);
        Assert.Equal(wide.Count, narrow.Count); // no wrapped header
    }
}
