using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// An error's advice reaches the user exactly once, whichever error view the console uses: PowerShell 7.5+'s
/// ConciseView (the default) prints ErrorDetails.RecommendedAction on a "Recommendation:" line of its own, the other
/// views and older engines show only the message, which then carries the advice. (DetailedView, which lists
/// ErrorDetails whole, renders through Get-Error, a Utility cmdlet this engine lacks: ErrorRecordFactoryTests covers it.)
/// </summary>
public sealed class ErrorDisplayTests : IAsyncLifetime
{
    private const string Advice = "Pass -ConflictOption Reuse to use your existing request";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Theory]
    [InlineData(null, true)]
    [InlineData("ConciseView", true)]
    [InlineData("NormalView", false)]
    public void ConflictError_ShowsItsAdviceOnce_InEveryErrorView(string? errorView, bool onARecommendationLine)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason one").AssertSuccess();

        // The error is displayed as a console displays it: the record through the formatter, under $ErrorView.
        var setView = errorView == null ? string.Empty : $"$ErrorView = '{errorView}'\n";
        var result = shell.Run(setView + "New-PSRequest -SystemName web01 -AccountName Administrator -Reason two -ErrorAction SilentlyContinue\n$Error[0] | Out-Host");
        var shown = Regex.Replace(string.Join("\n", result.HostWrites), @"\x1b\[[0-9;]*m", string.Empty);

        Assert.Contains("A conflicting request already exists for web01\\Administrator", shown);
        Assert.Single(Regex.Matches(shown, Regex.Escape(Advice)));
        Assert.Equal(onARecommendationLine, shown.Split('\n').Any(l => l.TrimStart().StartsWith("Recommendation: " + Advice, StringComparison.Ordinal)));
    }

    [Fact]
    public void ConflictError_InNormalView_TheRecordsOwnTextCarriesTheAdvice_ForScriptsThatLogIt()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason one").AssertSuccess();

        var logged = shell.Run("$ErrorView = 'NormalView'\ntry { New-PSRequest -SystemName web01 -AccountName Administrator -Reason two -ErrorAction Stop } catch { \"failed: $_\" }")
            .AssertSuccess().Output.Single()!.ToString();

        Assert.Contains(Advice, logged);
    }
}
