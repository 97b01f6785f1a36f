using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// Invoke-PSRestMethod sends the session's cookie only under the API base: a -Path whose '..' segments (plain, percent-
/// encoded or with backslashes, as a server would decode them) climb out of it is refused like an absolute URL elsewhere.
/// </summary>
public sealed class RestMethodPathTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public RestMethodPathTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("../../../../emulator/status")]
    [InlineData("%2e%2e/%2e%2e/%2e%2e/%2e%2e/emulator/status")]
    [InlineData("..%2f..%2f..%2f..%2femulator%2fstatus")]
    [InlineData(@"..\..\..\..\emulator\status")]
    [InlineData("Users/../../../../../emulator/audit")]
    [InlineData("$($BaseUri)%2E%2E/%2E%2E/%2E%2E/%2E%2E/emulator/status")] // an absolute URL under the base, with encoded dots
    public void PathLeavingTheApiBase_InvalidUri_NothingSent(string path)
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run($"Invoke-PSRestMethod -Path \"{path}\" -Verbose");

        var error = result.AssertError("InvalidUri", ErrorCategory.InvalidArgument);
        var shown = ErrorText.Shown(error);
        Assert.Contains("is not under the session's base " + emulator.Server.BaseUri.AbsoluteUri, shown);
        Assert.Contains("'ManagedAccounts'", shown);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(result.Verbose, l => l.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public void AbsoluteUrlOutsideTheBase_IsRefusedAsBefore()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run("Invoke-PSRestMethod -Path \"$($Uri)emulator/status\" -Verbose");

        Assert.Contains("is not under the session's base", ErrorText.Shown(result.AssertError("InvalidUri", ErrorCategory.InvalidArgument)));
        Assert.DoesNotContain(result.Verbose, l => l.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ManagedAccounts/../Users")]
    [InlineData("ManagedAccounts/%2e%2e/Users")]
    [InlineData(@"UserGroups\..\Users")]
    public void PathThatStaysUnderTheBase_IsNormalised_AndSent(string path)
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithKey(shell, TestSeed.AdminKey, "admin")).AssertSuccess();

        var result = shell.Run($"Invoke-PSRestMethod -Path '{path}' -Verbose").AssertSuccess();

        Assert.Contains(result.Output, o => (string?)o.Properties["UserName"]?.Value == "admin");
        var call = Assert.Single(result.Verbose, l => l.StartsWith("GET ", StringComparison.Ordinal));
        Assert.StartsWith("GET " + emulator.Server.BaseUri.AbsoluteUri + "Users -> 200", call);
    }
}
