using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E1 end to end as a user types it: account → request → credential → check-in, each output form and
/// credential type, and what the emulator holds afterwards. Each test gets its own emulator, so requests never leak
/// from one test into another's conflicts.
/// </summary>
public sealed class CheckoutLifecycleTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_UserPipeline_AccountRequestCredential_ReturnsPSCredentialWithThePassword()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequest -Reason 'patch Tuesday' | Get-PSCredential")
            .AssertSuccess();

        var credential = Assert.IsType<PSCredential>(result.SingleValue);
        Assert.Equal("Administrator", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), credential.GetNetworkCredential().Password);
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal(CheckoutSeed.WebAdministrator, request.Account.ManagedAccountId);
        Assert.Equal("demo", request.Requestor.UserName);
        Assert.Equal("patch Tuesday", request.Reason);
        Assert.Equal(120, request.DurationMinutes); // the piped account's DefaultReleaseDuration
    }

    [Theory]
    [InlineData(@"CONTOSO\svc-backup")]
    [InlineData("svc-backup@contoso.test")]
    public void E1_DomainAccount_CredentialUserNameIsDomainBackslashName(string accountName)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("AccountName", accountName);

        var result = shell.Run(
            "Get-PSManagedAccount -SystemName contoso.test -AccountName $AccountName | New-PSRequest -Reason 'backup job' | Get-PSCredential")
            .AssertSuccess();

        var credential = Assert.IsType<PSCredential>(result.SingleValue);
        Assert.Equal(@"CONTOSO\svc-backup", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.DomainServiceAccount), credential.GetNetworkCredential().Password);
    }

    [Fact]
    public void E1_NewRequestByName_OutputShowsTheRequestActive()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -DurationMinutes 30 -Reason 'by name'").AssertSuccess();

        var request = Assert.Single(result.Output);
        Assert.Empty(result.Warnings);

        Assert.Equal("Active", request.Properties["Status"].Value);
        Assert.Equal("web01", request.Properties["SystemName"].Value);
        Assert.Equal("Administrator", request.Properties["AccountName"].Value);
        var id = (int)request.Properties["RequestId"].Value;
        Assert.Equal(30, emulator.Request(id).DurationMinutes);
    }

    [Fact]
    public void E1_AsSecureString_AndAsPlainText_AndNotBoth()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason forms").AssertSuccess();
        var password = emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator);

        var secure = Assert.IsType<SecureString>(shell.Run("$r | Get-PSCredential -AsSecureString").AssertSuccess().SingleValue);
        Assert.Equal(password, new NetworkCredential(string.Empty, secure).Password);
        Assert.Equal(password, shell.Run("$r | Get-PSCredential -AsPlainText").AssertSuccess().SingleValue);
        Assert.Equal(password, shell.Run("Get-PSCredential -RequestId $r.RequestId -AsPlainText").AssertSuccess().SingleValue);

        shell.Run("$r | Get-PSCredential -AsSecureString -AsPlainText").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void E1_DssKeyAndPassphrase_ReadWithType()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = Get-PSManagedAccount -SystemName lnx01 -AccountName root | New-PSRequest -AccessType SSH -Reason keys").AssertSuccess();

        Assert.Equal(emulator.Seed.AccountPrivateKey(CheckoutSeed.LinuxRoot),
            shell.Run("$r | Get-PSCredential -Type DssKey -AsPlainText").AssertSuccess().SingleValue);
        Assert.Equal(emulator.Seed.AccountPassphrase(CheckoutSeed.LinuxRoot),
            shell.Run("$r | Get-PSCredential -Type Passphrase -AsPlainText").AssertSuccess().SingleValue);
        var credential = Assert.IsType<PSCredential>(shell.Run("$r | Get-PSCredential").AssertSuccess().SingleValue);
        Assert.Equal("root", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.LinuxRoot), credential.GetNetworkCredential().Password);
    }

    [Theory]
    [InlineData("DssKey", "DSS key")]
    [InlineData("Passphrase", "passphrase")]
    public void E1_AccountWithoutAKey_IsObjectNotFound_NamingTheAccountAndTheType_NotRequestNotActive_TheRequestStaysOpen(string type, string named)
    {
        // The server answers 404 both when the request ended and when the account has no such credential: the module
        // tells them apart by the request list, so the user is not sent to make a request that would only conflict.
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason nokey; $r.RequestId").AssertSuccess().SingleValue!;

        var error = shell.Run($"$r | Get-PSCredential -Type {type}").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.Contains($@"web01\Administrator has no {named} to release; the request is still active", error.ErrorDetails.Message);
        Assert.Contains("the server said:", error.ErrorDetails.Message);
        Assert.Contains("-Type", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("New-PSRequest", ErrorText.Shown(error));
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
    }

    [Fact]
    public void E1_SeveralRequestsPiped_OneCheckedIn_ItsErrorNamesItsAccount_TheOthersStillGiveTheirCredentials()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$a = New-PSRequest web01 Administrator -Reason one; $b = New-PSRequest lnx01 root -Reason two; $b | Complete-PSRequest").AssertSuccess();

        var read = shell.Run("$a, $b | Get-PSCredential");
        var again = shell.Run("$b | Complete-PSRequest");

        Assert.Single(read.Output);
        var error = read.AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.StartsWith(@"Reading the credential for lnx01\root: the request was not found, or is no longer active", error.ErrorDetails.Message);
        Assert.StartsWith(@"Checking in the request for lnx01\root: the request was not found, or is no longer active",
            again.AssertError("RequestNotActive", ErrorCategory.ObjectNotFound).ErrorDetails.Message);
    }

    [Fact]
    public void E1_AccountWithoutAKey_ThroughUseCredential_ObjectNotFound_BlockNotRun_RequestWithdrawn()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Use-PSCredential web01 Administrator -Reason nokey -Type DssKey { 'ran' }");

        var error = result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains(@"web01\Administrator has no DSS key to release; the request was withdrawn", error.ErrorDetails.Message);
        Assert.DoesNotContain("still active", ErrorText.Shown(error));
        Assert.DoesNotContain("Complete-PSRequest", ErrorText.Shown(error));
        Assert.Contains("-Type", error.ErrorDetails.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_CredentialFromThePipedAccount_UsesTheCallersActiveRequest()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$null = New-PSRequest -SystemName web01 -AccountName Administrator -Reason account").AssertSuccess();

        var credential = Assert.IsType<PSCredential>(
            shell.Run("Get-PSManagedAccount -SystemName web01 -AccountName Administrator | Get-PSCredential").AssertSuccess().SingleValue);

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), credential.GetNetworkCredential().Password);
    }

    [Fact]
    public void E1_GetRequestPipedToCompleteRequest_ChecksIn_ThenCredentialIsRequestNotActive()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason work; $r.RequestId")
            .AssertSuccess().SingleValue!;

        shell.Run("Get-PSRequest | Complete-PSRequest -Reason 'work done'").AssertSuccess();

        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(id).Status);
        Assert.Equal(0, emulator.OpenRequestCount);
        Assert.Empty(shell.Run("Get-PSRequest").AssertSuccess().Output);
        var error = shell.Run("$r | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Contains("New-PSRequest", ErrorText.Shown(error));
        shell.Run("$r | Complete-PSRequest").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void E1_ExpiredRequest_CredentialIsRequestNotActive()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -DurationMinutes 5 -Reason short; $r.RequestId")
            .AssertSuccess().SingleValue!;

        emulator.Clock.Advance(TimeSpan.FromMinutes(6));

        shell.Run("$r | Get-PSCredential").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Equal(RequestStatus.Expired, emulator.Request(id).Status);
    }

    [Fact]
    public void E1_GetRequest_StatusFiltersAndRequestId()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$a = New-PSRequest -SystemName web01 -AccountName Administrator -Reason one").AssertSuccess();
        shell.Run("$p = New-PSRequest -SystemName db01 -AccountName sa -Reason two").AssertSuccess();

        Assert.Equal(2, shell.Run("Get-PSRequest -Status All").AssertSuccess().Output.Count);
        Assert.Equal("Administrator", shell.Run("(Get-PSRequest -Status Active).AccountName").AssertSuccess().SingleValue);
        Assert.Equal("sa", shell.Run("(Get-PSRequest -Status Pending).AccountName").AssertSuccess().SingleValue);
        Assert.Equal("sa", shell.Run("(Get-PSRequest -RequestId $p.RequestId).AccountName").AssertSuccess().SingleValue);
        shell.Run("Get-PSRequest -RequestId 987654").AssertError("RequestNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void E1_RecentType_ListsWhatTheCallerRequested()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$null = New-PSRequest -SystemName lnx01 -AccountName root -Reason recent").AssertSuccess();

        var names = shell.Run("(Get-PSManagedAccount -Type recent).AccountName").AssertSuccess().Output.Select(o => o.ToString());

        Assert.Equal(new[] { "root" }, names);
    }

    [Fact]
    public void E1_WhatIf_NewAndComplete_ChangeNothing()
    {
        using var shell = emulator.RunnerFor("demo");

        var whatIf = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason x -WhatIf").AssertSuccess();
        Assert.Empty(whatIf.Output);
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase) && l.Contains(@"web01\Administrator"));
        Assert.Empty(emulator.State.ReleaseRequests);

        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason x; $r.RequestId").AssertSuccess().SingleValue!;
        var piped = shell.Run("$r | Complete-PSRequest -WhatIf").AssertSuccess();
        shell.Run("Get-PSRequest | Complete-PSRequest -WhatIf").AssertSuccess();
        var byId = shell.Run("Complete-PSRequest -RequestId $r.RequestId -WhatIf").AssertSuccess();

        // A piped request is named by its account; a bare id stays masked like in URLs.
        Assert.Contains(piped.HostWrites, l => l.Contains("What if", StringComparison.OrdinalIgnoreCase) && l.Contains(@"web01\Administrator"));
        Assert.EndsWith("on target \"request ****\".", byId.HostWrites.Last());
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_ViewOnlyAccessPolicyRefusesSsh_ValidationFailed()
    {
        // Policy 2 allows View and RDP only: SSH on db01\sa is refused with the server's reason (400).
        using var shell = emulator.RunnerFor("demo");

        shell.Run("New-PSRequest -SystemName db01 -AccountName sa -AccessType SSH -Reason x").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
