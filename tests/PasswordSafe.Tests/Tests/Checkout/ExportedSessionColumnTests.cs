using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Objects exported with Export-Csv and read back with Import-Csv carry their Session as text
/// ("demo @ https://…/v3/ (ApiKey)"), which -Session cannot take: every row used to be refused. The open session that
/// text names is used for the row, even when another session is the default; with none open the row is refused, since
/// the default session may be another user's or server's. The stand-in writes each property as Export-Csv does: its text.
/// </summary>
public sealed class ExportedSessionColumnTests : IAsyncLifetime
{
    private const string AsCsvRow =
        "function AsCsvRow { process { $row = [ordered]@{}; foreach ($p in $_.PSObject.Properties) { $row[$p.Name] = if ($null -eq $p.Value) { '' } else { \"$($p.Value)\" } }; [pscustomobject]$row } }\n";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_ExportedAccounts_RequestedThroughTheOpenSessionTheirSessionColumnNames_NotTheDefault()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(AsCsvRow + "$rows = @(Get-PSManagedAccount -SystemName web01 -AccountName Administrator | AsCsvRow)").AssertSuccess();
        emulator.Connect(shell, @"CONTOSO\jdoe");

        var result = shell.Run("$rows | New-PSRequest -Reason 'from csv'");

        result.AssertSuccess();
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal("demo", request.Requestor.UserName);
        Assert.Equal("Administrator", request.Account.AccountName);
    }

    [Fact]
    public void E1_ExportedAccounts_NoOpenSessionNamedByTheColumn_TheRowIsRefused_NothingRequested()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(AsCsvRow + "$rows = @(Get-PSManagedAccount -SystemName web01 -AccountName Administrator | AsCsvRow); Disconnect-PasswordSafe").AssertSuccess();
        emulator.Connect(shell, @"CONTOSO\jdoe");

        var result = shell.Run("$rows | New-PSRequest -Reason 'from csv'");

        var error = result.AssertError("ValidationFailed", System.Management.Automation.ErrorCategory.InvalidArgument);
        Assert.StartsWith("The piped row's Session column holds the text of a session, 'demo @ https://", error.Exception.Message);
        Assert.Contains("no open session of this PowerShell session is that one", error.Exception.Message);
        Assert.Contains("Select-Object -ExcludeProperty Session", error.ErrorDetails.RecommendedAction);
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
