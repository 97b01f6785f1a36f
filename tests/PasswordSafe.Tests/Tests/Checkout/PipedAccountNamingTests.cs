using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Accounts piped from Get-PSManagedAccount into the account cmdlets (New-PSRequest, Use-PSCredential,
/// New-PSIsaSession, Get-PSIsaCredential, Get-PSCredential) are named by system and account in -WhatIf and errors, like accounts given
/// by name; objects that only carry ids (CSV rows) still bind and are named by their ids; typed ids win over a piped
/// account and are then never described with that account's names.
/// </summary>
public sealed class PipedAccountNamingTests : IAsyncLifetime
{
    private const string PipeWebAdministrator = "Get-PSManagedAccount -SystemName web01 -AccountName Administrator";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_PipedAccount_IsNamedInWhatIf()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run(PipeWebAdministrator + " | New-PSRequest -Reason x -WhatIf").AssertSuccess();

        AssertOnlyWhatIf(whatIf, @"web01\Administrator");
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_PipedAccount_IsNamedInItsError()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(PipeWebAdministrator + " | New-PSRequest -Reason first").AssertSuccess();

        var error = shell.Run(PipeWebAdministrator + " | New-PSRequest -Reason second").AssertError("Conflict", ErrorCategory.ResourceExists);

        Assert.Equal(@"web01\Administrator", error.TargetObject);
        Assert.Contains(@"web01\Administrator", error.ErrorDetails.Message);
        Assert.DoesNotContain("account 1 on system", error.ErrorDetails.Message);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_CsvRowsWithIdsOnly_StillRequest_NamedByTheirIds()
    {
        using var shell = emulator.RunnerFor("demo");
        const string row = "[pscustomobject]@{ SystemId = 1; AccountId = 1; DurationMinutes = 15 }";

        var whatIf = shell.Run(row + " | New-PSRequest -Reason csv -WhatIf").AssertSuccess();
        var requested = shell.Run("(" + row + " | New-PSRequest -Reason csv).AccountName").AssertSuccess();

        AssertOnlyWhatIf(whatIf, "account 1 on system 1");
        Assert.Equal("Administrator", requested.SingleValue);
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(CheckoutSeed.WebAdministrator, request.Account.ManagedAccountId);
        Assert.Equal(15, request.DurationMinutes);
    }

    [Fact]
    public void E1_TypedIdsWinOverAPipedAccount_AndAreNotGivenItsName()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run(PipeWebAdministrator + $" | New-PSRequest -SystemId 2 -AccountId {CheckoutSeed.DatabaseSa} -Reason x -WhatIf").AssertSuccess();

        var line = Assert.Single(whatIf.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($@"on target ""account {CheckoutSeed.DatabaseSa} on system 2""", line);
        Assert.DoesNotContain("Administrator", line);
    }

    [Fact]
    public void E1_UseCredential_PipedAccount_IsNamedInWhatIf()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName runbook-svc | Use-PSCredential { 'ran' } -WhatIf").AssertSuccess();

        AssertOnlyWhatIf(whatIf, @"web01\runbook-svc");
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E4_IsaSession_PipedAccount_IsNamedInWhatIf()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var whatIf = shell.Run("Get-PSManagedAccount -SystemName lnx01 -AccountName deploy | New-PSIsaSession -SessionType SSH -WhatIf").AssertSuccess();

        AssertOnlyWhatIf(whatIf, @"lnx01\deploy");
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public void E3_IsaCredential_PipedAccountWithoutTheRole_IsNamedInTheError()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run(PipeWebAdministrator + " | Get-PSIsaCredential").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Equal(@"web01\Administrator", error.TargetObject);
        Assert.Contains(@"web01\Administrator", error.ErrorDetails.Message);
    }

    [Fact]
    public void E1_Credential_PipedAccountWithoutARequest_IsNamedInTheError_AndRequestsStillBindByValue()
    {
        using var shell = emulator.RunnerFor("demo");

        var error = shell.Run(PipeWebAdministrator + " | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        var credential = shell.Run(PipeWebAdministrator + " | New-PSRequest -Reason x | Get-PSCredential").AssertSuccess();
        var byAccount = shell.Run(PipeWebAdministrator + " | Get-PSCredential").AssertSuccess();

        Assert.Equal(@"web01\Administrator", error.TargetObject);
        Assert.Contains(@"web01\Administrator", error.ErrorDetails.Message);
        Assert.Equal("Administrator", Assert.IsType<PSCredential>(credential.SingleValue).UserName);
        Assert.Equal("Administrator", Assert.IsType<PSCredential>(byAccount.SingleValue).UserName);
    }

    [Fact]
    public void E2_SessionTicketPipedIntoTheRequestCmdlets_IsNamedLikeItsRequest_NotAMaskedId()
    {
        // A ticket binds -RequestId by property name; it carries its account, so it is named as the request would be.
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("$ticket = New-PSRequest web01 Administrator -AccessType RDP -Reason r | New-PSAccessSession -SessionType rdpticket\n" +
                  "$byId = New-PSAccessSession -RequestId (New-PSRequest lnx01 root -AccessType SSH -Reason r).RequestId -SessionType SSH").AssertSuccess();

        var complete = shell.Run("$ticket | Complete-PSRequest -WhatIf").AssertSuccess();
        var set = shell.Run("$ticket | Set-PSRequest -RotateOnCheckin -WhatIf").AssertSuccess();
        var listed = shell.Run("Get-PSAccessSession -Session $Admin | Where-Object Protocol -eq SSH | Complete-PSRequest -WhatIf").AssertSuccess();
        var idsOnly = shell.Run("$byId | Complete-PSRequest -WhatIf").AssertSuccess();

        AssertOnlyWhatIf(complete, @"web01\Administrator (RDP)");
        AssertOnlyWhatIf(set, @"web01\Administrator (RDP)");
        AssertOnlyWhatIf(listed, @"lnx01\root (SSH)");
        // Made from a bare id, the ticket knows no account: still masked, never the id.
        AssertOnlyWhatIf(idsOnly, "request ****");
        Assert.All(emulator.State.ReleaseRequests, r => Assert.True(r.IsOpen));
    }

    /// <summary>-WhatIf ran: no output, and the host was told what would happen to <paramref name="target"/>.</summary>
    private static void AssertOnlyWhatIf(PowerShellResult whatIf, string target)
    {
        Assert.Empty(whatIf.Output);
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase) && l.Contains($"on target \"{target}\""));
    }
}
