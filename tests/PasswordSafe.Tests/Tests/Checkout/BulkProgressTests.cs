using System;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Write-Progress when a bulk operation runs long (issue 3): requesting or checking in many piped items shows a bar
/// once the run has taken a second, naming the current account (never a request id), and removes it at the end; a
/// quick run shows none. The emulator's response delay makes "long" happen with a handful of items.
/// </summary>
public sealed class BulkProgressTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_BulkRequestCredentialReadAndCheckIn_ThatRunLong_ShowProgressNamingTheAccounts()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run($"$accounts = Get-PSManagedAccount -SystemName {CheckoutSeed.GeneratedSystem} -First 4").AssertSuccess();
        emulator.State.Settings = emulator.State.Settings with { ResponseDelayMilliseconds = 350 };

        var requested = shell.Run("$requests = $accounts | New-PSRequest -Reason bulk\n$requests.Count").AssertSuccess();
        var read = shell.Run("@($requests | Get-PSCredential).Count").AssertSuccess();
        var checkedIn = shell.Run("$requests | Complete-PSRequest -Reason done").AssertSuccess();

        Assert.Equal(4, requested.SingleValue);
        var requestProgress = requested.HostWrites.Where(l => l.StartsWith("PROGRESS: Requesting access", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requestProgress);
        // Piped accounts are named by system and account, never by ids; the last record is the one that removes the bar.
        Assert.All(requestProgress.Take(requestProgress.Count - 1), l => Assert.Contains(CheckoutSeed.GeneratedSystem + "\\", l));
        Assert.DoesNotContain(requestProgress, l => l.Contains(" on system ", StringComparison.Ordinal));
        Assert.Equal(4, read.SingleValue);
        var readProgress = read.HostWrites.Where(l => l.StartsWith("PROGRESS: Reading credentials", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readProgress);
        Assert.All(readProgress.Take(readProgress.Count - 1), l => Assert.Contains(CheckoutSeed.GeneratedSystem + "\\", l));
        Assert.Contains("done", readProgress.Last());
        var checkInProgress = checkedIn.HostWrites.Where(l => l.StartsWith("PROGRESS: Check in: requests", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(checkInProgress);
        Assert.All(checkInProgress.Take(checkInProgress.Count - 1), l => Assert.Contains(CheckoutSeed.GeneratedSystem + "\\", l));
        Assert.Contains("done", checkInProgress.Last());
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_AQuickRequestCredentialAndCheckIn_ShowNoProgress()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason quick; $null = $r | Get-PSCredential; $r | Complete-PSRequest").AssertSuccess();

        Assert.DoesNotContain(result.HostWrites, l => l.StartsWith("PROGRESS:", StringComparison.Ordinal));
        Assert.Equal(0, emulator.OpenRequestCount);
    }
}
