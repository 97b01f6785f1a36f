using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E1 conflicts (409 4091 unless -ConflictOption Reuse/Renew) and rotate-on-check-in, asserted on what the
/// user sees and on the emulator's requests and stored password.
/// </summary>
public sealed class RequestConflictTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_SecondRequestForTheSameAccount_Conflict_SayingHowToResolveIt()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$first = New-PSRequest -SystemName web01 -AccountName Administrator -Reason one").AssertSuccess();

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason two").AssertError("Conflict", ErrorCategory.ResourceExists);

        Assert.Contains("4091", error.ErrorDetails.Message);
        Assert.Contains("-ConflictOption Reuse", ErrorText.Shown(error));
        Assert.Contains(@"web01\Administrator", error.ErrorDetails.Message);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_ConflictOptionReuse_ReturnsTheSameRequest()
    {
        using var shell = emulator.RunnerFor("demo");
        var first = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason one).RequestId").AssertSuccess().SingleValue!;

        var reused = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason two -ConflictOption Reuse).RequestId")
            .AssertSuccess().SingleValue!;

        Assert.Equal(first, reused);
        Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.Active, emulator.Request(first).Status);
    }

    [Fact]
    public void E1_ConflictOptionRenew_CancelsTheOldRequestAndMakesANewOne()
    {
        using var shell = emulator.RunnerFor("demo");
        var first = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason one).RequestId").AssertSuccess().SingleValue!;

        var renewed = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason two -ConflictOption Renew).RequestId")
            .AssertSuccess().SingleValue!;

        Assert.NotEqual(first, renewed);
        Assert.False(emulator.Request(first).IsOpen);
        Assert.Equal(RequestStatus.Active, emulator.Request(renewed).Status);
        Assert.Equal(1, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_SetRequestRotateOnCheckin_ThenCheckIn_ChangesTheStoredPassword()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason rotate; $r.RequestId").AssertSuccess().SingleValue!;
        var before = shell.Run("$r | Get-PSCredential -AsPlainText").AssertSuccess().SingleValue;
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.RotatingService), before);

        shell.Run("$r | Set-PSRequest -RotateOnCheckin").AssertSuccess();
        Assert.True(emulator.Request(id).RotateOnCheckin);
        Assert.Equal(0, emulator.State.PasswordChangeCount(CheckoutSeed.RotatingService));
        shell.Run("$r | Complete-PSRequest").AssertSuccess();

        Assert.Equal(RequestStatus.CheckedIn, emulator.Request(id).Status);
        Assert.Equal(1, emulator.State.PasswordChangeCount(CheckoutSeed.RotatingService));
        var after = shell.Run("New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason again | Get-PSCredential -AsPlainText")
            .AssertSuccess().SingleValue;
        Assert.NotEqual(before, after);
        Assert.False(string.IsNullOrEmpty((string?)after));
    }

    [Fact]
    public void E1_NewRequestRotateOnCheckin_IsMarkedOnTheServer()
    {
        using var shell = emulator.RunnerFor("demo");

        var id = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason rotate -RotateOnCheckin).RequestId").AssertSuccess().SingleValue!;
        shell.Run("Get-PSRequest | Complete-PSRequest").AssertSuccess();

        Assert.True(emulator.Request(id).RotateOnCheckin);
        Assert.Equal(1, emulator.State.PasswordChangeCount(CheckoutSeed.RotatingService));
    }

    [Fact]
    public void E1_SetRequestWhatIf_DoesNotMarkTheRequest()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("$r = New-PSRequest -SystemName web01 -AccountName rotating-svc -Reason x; $r.RequestId").AssertSuccess().SingleValue!;

        shell.Run("$r | Set-PSRequest -RotateOnCheckin -WhatIf").AssertSuccess();

        Assert.False(emulator.Request(id).RotateOnCheckin);
    }
}
