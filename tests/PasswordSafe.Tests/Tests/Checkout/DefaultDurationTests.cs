using System;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E1, POST Requests' DurationMinutes (api-v3 §3.2): without -DurationMinutes a request lasts the account's default
/// release duration however the account is named — by names, piped, or by ids (typed, CSV rows, New-PSRequestSet), which
/// costs one account lookup (<c>GET ManagedAccounts?systemID=</c>), also under -WhatIf. With -DurationMinutes, or a piped
/// object carrying DefaultReleaseDuration, nothing is looked up.
/// </summary>
public sealed class DefaultDurationTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private string[] CallsSince(long mark) => emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path).ToArray();

    /// <summary>The command's What if line (the host keeps what earlier commands of the runspace wrote before it).</summary>
    private static string WhatIfLine(PowerShellResult result) =>
        result.HostWrites.Last(l => l.StartsWith("What if:", StringComparison.Ordinal));

    [Fact]
    public void E1_ByIds_WhatIf_SaysTheAccountsDefault_AsByNames_AndNamesTheAccount()
    {
        using var shell = emulator.RunnerFor("demo");

        var byIds = shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -Reason x -WhatIf").AssertSuccess();
        var byNames = shell.Run("New-PSRequest web01 Administrator -Reason x -WhatIf").AssertSuccess();

        Assert.Equal(WhatIfLine(byNames), WhatIfLine(byIds));
        Assert.Contains("for 120 minutes", WhatIfLine(byIds));
        Assert.Contains(@"""web01\Administrator""", WhatIfLine(byIds));
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_ByIds_RequestsTheAccountsDefaultDuration_WithOneLookup()
    {
        using var shell = emulator.RunnerFor("demo");

        var mark = emulator.State.ApiCalls.Total;
        shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -Reason x").AssertSuccess();

        Assert.Equal(120, Assert.Single(emulator.State.ReleaseRequests).DurationMinutes);
        Assert.Equal(new[] { "GET ManagedAccounts", "POST Requests", "GET Requests" }, CallsSince(mark));
        Assert.Contains(emulator.State.ApiCalls.Since(mark), c => c.Path == "ManagedAccounts" && c.Query.Contains("systemID=1", StringComparison.Ordinal));
    }

    [Fact]
    public void E1_WithDurationMinutes_OrAPipedAccount_NothingIsLookedUp()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$account = Get-PSManagedAccount web01 Administrator").AssertSuccess();

        var typed = emulator.State.ApiCalls.Total;
        shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -DurationMinutes 15 -Reason x -WhatIf").AssertSuccess();
        var typedCalls = CallsSince(typed);
        var piped = emulator.State.ApiCalls.Total;
        var pipedWhatIf = shell.Run("$account | New-PSRequest -Reason x -WhatIf").AssertSuccess();
        var pipedCalls = CallsSince(piped);

        Assert.Empty(typedCalls);
        Assert.Empty(pipedCalls);
        Assert.Contains("for 120 minutes", WhatIfLine(pipedWhatIf));
    }

    [Fact]
    public void E1_CsvRowsOfIds_EachGetsItsAccountsDefault()
    {
        using var shell = emulator.RunnerFor("demo");

        // db01\sa (60) between two 120s: a default carried over from one row to the next would show.
        shell.Run("[pscustomobject]@{ SystemId = '1'; AccountId = '1' }, [pscustomobject]@{ SystemId = '2'; AccountId = '2' }, " +
                  "[pscustomobject]@{ SystemId = '3'; AccountId = '3' } | New-PSRequest -Reason csv -WarningAction SilentlyContinue").AssertSuccess();

        Assert.Equal(new[] { 120, 60, 120 }, emulator.State.ReleaseRequests.Select(r => r.DurationMinutes));
    }

    [Fact]
    public void E1_RequestSetByIds_GetsTheAccountsDefault()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run("New-PSRequestSet -SystemId 1 -AccountId 1 -AccessType View, RDP -Reason s -WhatIf").AssertSuccess();
        shell.Run("New-PSRequestSet -SystemId 1 -AccountId 1 -AccessType View, RDP -Reason s").AssertSuccess();

        Assert.Contains("for 120 minutes", WhatIfLine(whatIf));
        Assert.All(emulator.State.ReleaseRequests, r => Assert.Equal(120, r.DurationMinutes));
    }

    [Fact]
    public void E1_UseCredentialByIds_GetsTheAccountsDefault()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run("Use-PSCredential -SystemId 1 -AccountId 1 -Reason u { 'ran' } -WhatIf").AssertSuccess();
        shell.Run("Use-PSCredential -SystemId 1 -AccountId 1 -Reason u { 'ran' }").AssertSuccess();

        Assert.Contains(@"""web01\Administrator""", WhatIfLine(whatIf));
        Assert.Equal(120, Assert.Single(emulator.State.ReleaseRequests).DurationMinutes);
    }

    [Fact]
    public void E1_IdsTheCallerCannotList_StillRequestWithTheFallback_AndTheServersRefusalIsTheError()
    {
        // The lookup finds nothing for a user without the role: the request goes as before and the server says why not.
        using var shell = emulator.RunnerFor("no-role");

        var error = shell.Run("New-PSRequest -SystemId 1 -AccountId 1 -Reason x").AssertError("PermissionDenied", System.Management.Automation.ErrorCategory.PermissionDenied);

        Assert.Equal("account 1 on system 1", error.TargetObject);
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
