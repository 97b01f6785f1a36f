using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E1: Get-PSCredential reads the request a piped record names by its RequestId, also when the record carries the
/// account's SystemId and AccountId too, as a CSV of requests, a deserialized request and a session ticket do. Such a record fits the by-id and the by-account parameter sets alike; it used to stop with PowerShell's
/// "parameter set cannot be resolved", naming nothing.
/// </summary>
public sealed class RequestRowCredentialTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Theory]
    [InlineData("[pscustomobject]@{ RequestId = $r.RequestId; SystemId = $r.SystemId; AccountId = $r.AccountId; Reason = 'x' }")]
    [InlineData("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($r))")]
    [InlineData("$r | New-PSAccessSession -SessionType rdpticket")]
    public void E1_ARecordWithTheRequestIdAndTheAccountIds_GivesThatRequestsCredential_WithoutWarnings(string record)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -AccessType RDP -Reason rows; $null = $r | New-PSAccessSession -SessionType rdpticket").AssertSuccess();

        var result = shell.Run($"{record} | Get-PSCredential");

        var credential = Assert.IsType<PSCredential>(Assert.Single(result.AssertSuccess().Output).BaseObject);
        Assert.Equal("Administrator", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), credential.GetNetworkCredential().Password);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void E1_ARequestRowWithItsAccountsNames_IsNamedByThemInWhatIf_ARowWithTheIdAloneStaysMasked()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -AccessType RDP -Reason rows").AssertSuccess();

        var deserialized = shell.Run("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($r)) | Complete-PSRequest -WhatIf");
        var row = shell.Run("[pscustomobject]@{ RequestId = \"$($r.RequestId)\"; SystemName = 'web01'; AccountName = 'Administrator'; AccessType = 'RDP' } | Complete-PSRequest -WhatIf");
        var idOnly = shell.Run("[pscustomobject]@{ RequestId = $r.RequestId } | Complete-PSRequest -WhatIf");

        Assert.Contains(deserialized.AssertSuccess().HostWrites, l => l.Contains("on target \"web01\\Administrator (RDP)\""));
        Assert.Contains(row.AssertSuccess().HostWrites, l => l.Contains("on target \"web01\\Administrator (RDP)\""));
        Assert.Contains(idOnly.AssertSuccess().HostWrites, l => l.Contains("on target \"request ****\""));
        Assert.Equal(1, emulator.OpenRequestCount);
    }
}
