using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Block-PSUser quarantines users (<c>POST Users/{id}/Quarantine</c>, api-v3 §6.6): the user can no longer sign in and
/// its sessions end (the console's "Account Quarantined"). Guarded by "Password Safe API Global Quarantine", which the
/// checkout seed's "admin" holds (Administrators) and "demo" does not. Each test owns a checkout emulator.
/// </summary>
public sealed class UserQuarantineTests
{
    [Fact]
    public async Task D1_B1_QuarantinedUser_CannotSignIn_ItsSessionEnds_AndTheUserIsReturnedQuarantined()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        using var victim = emulator.NewRunner(interactive: false);
        emulator.Connect(victim, "requestor2");
        var audit = AuditCursor.Mark(emulator.State);

        var blocked = admin.Run("Block-PSUser requestor2 -Force | ForEach-Object { '{0} {1} {2}' -f $_.UserId, $_.UserName, $_.IsQuarantined }").AssertSuccess();
        var openSession = victim.Run("Get-PSRequest");
        var signIn = victim.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs $CheckoutRunAs -ServerCertificateThumbprint $Thumbprint");
        var shown = admin.Run("(Get-PSUser -UserName requestor2).IsQuarantined").AssertSuccess();

        Assert.Equal("33 requestor2 True", blocked.SingleValue);
        Assert.True(emulator.State.FindUser(33)!.IsQuarantined);
        // The session that was open ended; signing in again is refused, so the module says it cannot go on.
        var ended = openSession.AssertError("ApiKeyRejected", ErrorCategory.AuthenticationError);
        Assert.Contains("disabled", ended.Exception.Message);
        Assert.NotEmpty(signIn.Errors);
        Assert.StartsWith("AuthenticationFailed,", signIn.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(true, shown.SingleValue);
        var quarantined = Assert.Single(audit.NewEntries(AuditKinds.UserQuarantined));
        Assert.Equal("admin", quarantined.UserName);
        Assert.Contains(audit.NewEntries(AuditKinds.SignInFailed), e => e.UserName == "requestor2" && e.Reason!.Contains("quarantined"));
    }

    [Fact]
    public async Task PipedUsers_WhatIfNamesEachOne_ChangesNothing_ThenEachIsQuarantined()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);

        var whatIf = admin.Run("Get-PSUser -UserName 'shift-*' | Block-PSUser -WhatIf").AssertSuccess();
        var unchanged = emulator.State.Users.Count(u => u.IsQuarantined);
        var blocked = admin.Run("Get-PSUser -UserName 'shift-*' | Block-PSUser -Confirm:$false | ForEach-Object UserName").AssertSuccess();

        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains("user 35 (shift-worker)") && l.Contains("Quarantine"));
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains("user 36 (shift-partner)"));
        Assert.Empty(whatIf.Output);
        Assert.Equal(0, unchanged);
        Assert.Equal(new object[] { "shift-worker", "shift-partner" }, blocked.Output.Select(o => o.BaseObject));
        Assert.True(emulator.State.FindUser(35)!.IsQuarantined && emulator.State.FindUser(36)!.IsQuarantined);
    }

    [Fact]
    public async Task Errors_UnknownUser_ObjectNotFound_WildcardName_Refused_Yourself_ValidationFailed_NothingChanges()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var unknownId = admin.Run("Block-PSUser -UserId 999, 33 -WhatIf");
        var unknownIdForced = admin.Run("Block-PSUser -UserId 999 -Force");
        var unknownName = admin.Run("Block-PSUser -UserName 'nobody' -Force");
        var wildcard = admin.Run("Block-PSUser -UserName 'shift-*' -Force");
        var yourself = admin.Run("Block-PSUser -UserName admin -Force");

        Assert.Contains(unknownId.HostWrites, l => l.Contains("user 999"));
        var missing = unknownIdForced.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(999, missing.TargetObject);
        Assert.Contains("User 999 was not found", missing.Exception.Message);
        var noName = unknownName.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("nobody", noName.TargetObject);
        Assert.Contains("'nobody'", noName.Exception.Message);
        var pattern = wildcard.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("Get-PSUser -UserName", pattern.ErrorDetails.RecommendedAction);
        Assert.Contains("signed in as", yourself.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).Exception.Message);
        before.AssertUnchanged(emulator.State, "quarantine errors");
    }

    [Fact]
    public async Task WithoutGlobalQuarantine_PermissionDenied_NamingThePermission_AndItIsConfirmImpactHigh()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var demo = emulator.NewRunner(interactive: false);
        emulator.Connect(demo, "demo");

        var denied = demo.Run("Block-PSUser -UserId 33 -Force");
        var unconfirmed = demo.Run("Block-PSUser -UserId 33");

        var error = denied.AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        Assert.Equal(33, error.TargetObject);
        Assert.Contains("'Password Safe API Global Quarantine'", error.ErrorDetails.RecommendedAction);
        Assert.NotEmpty(unconfirmed.Errors);
        Assert.False(emulator.State.FindUser(33)!.IsQuarantined);
        var impact = demo.Run("(Get-Command Block-PSUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact")
            .AssertSuccess().SingleValue;
        Assert.Equal(ConfirmImpact.High, impact);
    }

    private static PowerShellRunner AdminShell(CheckoutEmulator emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
