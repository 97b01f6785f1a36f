using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E3 (ISA password retrieval) and E4 (ISA sessions): released at once, without a request to approve or
/// check in, only to holders of the ISA role; everyone else gets PermissionDenied. ISA makes no requests, so one
/// emulator serves the class and each test compares the emulator's sessions and audit with what it saw before.
/// </summary>
public sealed class IsaTests : IClassFixture<CheckoutEmulator>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-isa-" + Guid.NewGuid().ToString("N"));
    private readonly CheckoutEmulator emulator;
    private readonly int sessionsBefore;

    public IsaTests(CheckoutEmulator emulator)
    {
        this.emulator = emulator;
        sessionsBefore = emulator.State.AccessSessions.Count;
        Directory.CreateDirectory(folder);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void E3_IsaUser_GetsTheCredentialAtOnce_WithoutARequest_AndItIsAudited()
    {
        using var shell = emulator.RunnerFor("isa-user");
        var audit = AuditCursor.Mark(emulator.State);

        var credential = Assert.IsType<PSCredential>(
            shell.Run("Get-PSIsaCredential -SystemName lnx01 -AccountName deploy -Reason 'hotfix'").AssertSuccess().SingleValue);

        Assert.Equal("deploy", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.IsaDeploy), credential.GetNetworkCredential().Password);
        Assert.Empty(emulator.State.ReleaseRequests);
        Assert.Single(audit.NewEntries(AuditKinds.IsaCredentialRead, "isa-user"));
    }

    [Fact]
    public void E3_ByIdsOnly_TheCredentialIsNamedAfterTheAccount_LookedUpAmongTheListedOnes()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var result = shell.Run($"Get-PSIsaCredential -SystemId 4 -AccountId {CheckoutSeed.IsaDeploy} -Verbose").AssertSuccess();

        var credential = Assert.IsType<PSCredential>(result.SingleValue);
        Assert.Equal("deploy", credential.UserName);
        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.IsaDeploy), credential.GetNetworkCredential().Password);
        Assert.Contains(result.Verbose, line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("ManagedAccounts?systemID=4", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("-UserName 'deploy@lnx01'", "deploy@lnx01")]
    [InlineData("-AsSecureString", null)]
    public void E3_ByIdsWithAUserNameOrNoPSCredential_LooksNothingUp(string parameters, string? expectedUserName)
    {
        using var shell = emulator.RunnerFor("isa-user");

        var result = shell.Run($"Get-PSIsaCredential -SystemId 4 -AccountId {CheckoutSeed.IsaDeploy} {parameters} -Verbose").AssertSuccess();

        if (expectedUserName != null) Assert.Equal(expectedUserName, Assert.IsType<PSCredential>(result.SingleValue).UserName);
        else Assert.IsType<System.Security.SecureString>(result.SingleValue);
        Assert.DoesNotContain(result.Verbose, line => line.Contains("ManagedAccounts", StringComparison.Ordinal));
        Assert.Single(result.Verbose, line => line.Contains(" -> ", StringComparison.Ordinal));
    }

    [Fact]
    public void E3_PipedAccount_AsPlainText()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var result = shell.Run("Get-PSManagedAccount -SystemName lnx01 -AccountName deploy | Get-PSIsaCredential -AsPlainText").AssertSuccess();

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.IsaDeploy), result.SingleValue);
        var listed = Assert.Single(shell.Run("Get-PSManagedAccount -SystemName lnx01").AssertSuccess().Output);
        Assert.Equal(true, listed.Properties["IsIsaAccess"].Value);
    }

    [Fact]
    public void E3_WithoutTheIsaRole_PermissionDenied()
    {
        // demo may request web01\Administrator but holds no ISA role on it; deploy is not even visible to demo.
        using var shell = emulator.RunnerFor("demo");
        var audit = AuditCursor.Mark(emulator.State);

        var byName = shell.Run("Get-PSIsaCredential -SystemName web01 -AccountName Administrator").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        shell.Run($"Get-PSIsaCredential -SystemId 4 -AccountId {CheckoutSeed.IsaDeploy}").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("4031", byName.ErrorDetails.Message);
        Assert.Empty(audit.NewEntries(AuditKinds.IsaCredentialRead));
    }

    [Fact]
    public void E4_IsaSession_Ssh_ReturnsATicket()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var session = Assert.Single(shell.Run("New-PSIsaSession -SystemName lnx01 -AccountName deploy -SessionType SSH -Reason hotfix").AssertSuccess().Output);

        var ticket = (string)session.Properties["Ticket"].Value;
        Assert.False(string.IsNullOrEmpty(ticket));
        Assert.Equal("4422", session.Properties["Port"].Value);
        Assert.Equal($"ssh {ticket}@127.0.0.1 -p 4422", session.Properties["Command"].Value);
        var record = Assert.Single(emulator.State.AccessSessions.Skip(sessionsBefore));
        Assert.Null(record.RequestId);
        Assert.Equal(CheckoutSeed.IsaDeploy, record.AccountId);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E4_IsaSession_RdpFile_SavedToOutFile()
    {
        using var shell = emulator.RunnerFor("isa-user");
        var path = Path.Combine(folder, "isa.rdp");
        shell.SetVariable("OutFile", path);

        var session = Assert.Single(shell.Run("New-PSIsaSession -SystemName web01 -AccountName Administrator -SessionType rdpfile -OutFile $OutFile")
            .AssertSuccess().Output);

        Assert.Equal(path, session.Properties["FilePath"].Value);
        Assert.Contains("full address:s:127.0.0.1:4489", File.ReadAllText(path));
    }

    [Fact]
    public void E4_IsaSession_RdpFileInAMissingFolder_RefusedBeforeTheSessionIsCreated()
    {
        using var shell = emulator.RunnerFor("isa-user");
        shell.SetVariable("OutFile", Path.Combine(folder, "missing", "isa.rdp"));

        var error = shell.Run("New-PSIsaSession -SystemName web01 -AccountName Administrator -SessionType rdpfile -OutFile $OutFile")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("does not exist", error.Exception.Message);
        Assert.Contains("No session was created.", error.Exception.Message);
        Assert.Equal(sessionsBefore, emulator.State.AccessSessions.Count);
    }

    [Fact]
    public void E4_IsaSessionFileTypeWithoutOutFile_OutFileRequired()
    {
        using var shell = emulator.RunnerFor("isa-user");

        shell.Run("New-PSIsaSession -SystemName web01 -AccountName Administrator -SessionType rdpfile").AssertError("OutFileRequired", ErrorCategory.InvalidArgument);

        Assert.Equal(sessionsBefore, emulator.State.AccessSessions.Count);
    }

    [Fact]
    public void E3_AKeyTheAccountLacks_ObjectNotFound_InTheServersWords_NotARawHttpError()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var error = shell.Run("Get-PSIsaCredential -SystemName lnx01 -AccountName deploy -Type DssKey").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.StartsWith(@"ISA access to lnx01\deploy found nothing to release: ", error.ErrorDetails.Message);
        Assert.DoesNotContain("https://", error.ErrorDetails.Message);
        Assert.Contains("-Type", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void E4_AppSessionWithoutAnApplication_ValidationFailed_InTheServersWords_NotARawHttpError()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var error = shell.Run("New-PSIsaSession -SystemName lnx01 -AccountName deploy -SessionType app").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.StartsWith(@"ISA access to lnx01\deploy was refused: ", error.ErrorDetails.Message);
        Assert.DoesNotContain("https://", error.ErrorDetails.Message);
    }

    [Fact]
    public void E4_WithoutTheIsaRole_PermissionDenied()
    {
        using var shell = emulator.RunnerFor("demo");

        shell.Run("New-PSIsaSession -SystemName web01 -AccountName Administrator -SessionType RDP").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Equal(sessionsBefore, emulator.State.AccessSessions.Count);
    }

    [Fact]
    public void E3_IsaRoleIsNotARequestorRole_NewRequestIsPermissionDenied()
    {
        using var shell = emulator.RunnerFor("isa-user");

        shell.Run("New-PSRequest -SystemName lnx01 -AccountName deploy -Reason x").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
