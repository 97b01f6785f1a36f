using System;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>C3, C5, C6: token expiry, secret recycling and expiry. Each test owns its emulator (they change auth state).</summary>
public sealed class ClientSecretLifecycleTests
{
    [Fact]
    public async Task C3_ExpiredToken_RenewedTransparently()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner(interactive: false);
        shell.Run(emulator.ConnectWithClient(shell, "short-bot")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.TokenIssued));
    }

    [Fact]
    public async Task C5_RecycledSecret_OldSecretRefusedAtOnce_NewSecretWorks()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NewRunner();
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var recycled = admin.Run("Invoke-PSRestMethod -Method Post -Path 'Users/10/RecycleClientSecret'").AssertSuccess().Output[0];
        var newSecret = (string)recycled.Properties["ClientSecret"].Value!;

        Assert.NotEqual(emulator.Seed.ClientSecret("ci-bot"), newSecret);
        Assert.Single(audit.NewEntries(AuditKinds.ClientSecretRecycled));
        using var http = new DirectApiClient(emulator);
        using (var old = await http.RequestTokenAsync(emulator.Seed.ClientId("ci-bot"), emulator.Seed.ClientSecret("ci-bot")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            Assert.Contains("invalid_client", await old.Content.ReadAsStringAsync());
        }

        using var bot = emulator.NewRunner();
        bot.Run(emulator.ConnectWithClient(bot, "ci-bot")).AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
        bot.Run(emulator.ConnectWithClient(bot, "ci-bot", secret: newSecret)).AssertSuccess();
    }

    [Fact]
    public async Task C5_NonAdministrator_CannotRecycle()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();

        shell.Run("Invoke-PSRestMethod -Method Post -Path 'Users/10/RecycleClientSecret'")
            .AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        using var bot = emulator.NewRunner();
        bot.Run(emulator.ConnectWithClient(bot, "ci-bot")).AssertSuccess();
    }

    [Fact]
    public async Task C6_ExpirySetting_AffectsOnlyNewAndRecycledSecrets_AndExpiryIsVisible()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NewRunner();
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        var now = emulator.Clock.GetUtcNow();

        var seeded = ExpiryOf(admin, 10);
        var untouched = ExpiryOf(admin, 12);
        Assert.InRange(seeded - now, TimeSpan.FromDays(364), TimeSpan.FromDays(366));

        emulator.State.Settings = emulator.State.Settings with { ClientSecretExpiryDays = 30 };
        Assert.Equal(seeded, ExpiryOf(admin, 10));

        admin.Run("$null = Invoke-PSRestMethod -Method Post -Path 'Users/10/RecycleClientSecret'").AssertSuccess();
        Assert.InRange(ExpiryOf(admin, 10) - now, TimeSpan.FromDays(29), TimeSpan.FromDays(31));
        Assert.Equal(untouched, ExpiryOf(admin, 12));
    }

    [Fact]
    public async Task C6_ExpiredSecret_OAuthClientRejected_AndAudited()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        emulator.Clock.Advance(TimeSpan.FromDays(366));
        using var bot = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = bot.Run(emulator.ConnectWithClient(bot, "ci-bot"));

        result.AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
        var rejected = Assert.Single(audit.NewEntries(AuditKinds.TokenRejected));
        Assert.Contains("expire", rejected.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(rejected.Reason!, result.Errors[0].ToString());
    }

    private static DateTimeOffset ExpiryOf(PowerShellRunner admin, int userId)
    {
        admin.SetVariable("ExpiryUserId", userId);
        var value = admin.Run("(Invoke-PSRestMethod -Method Get -Path \"Users/$ExpiryUserId\").ClientSecretExpiryDate")
            .AssertSuccess().SingleValue;
        return value switch
        {
            DateTimeOffset offset => offset,
            DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time),
            string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"ClientSecretExpiryDate has an unexpected type: {value?.GetType()}"),
        };
    }
}
