using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Admin sessions (api-v3 §5.1 <c>POST Sessions/Admin</c>) through New-PSAdminSession: an administrator ("admin") opens
/// SSH and RDP sessions to a host with a credential it supplies, no managed account and no request; the tickets list in
/// Get-PSAccessSession and end with Stop-PSAccessSession; an .rdp file is saved; bad input is refused before anything
/// is sent; a requestor without "Password Safe Admin Session" is refused. Asserted on what the user sees and on the
/// emulator's sessions and audit.
/// </summary>
public sealed class AdminSessionTests : IAsyncLifetime
{
    private const string HostPassword = "Host-Supplied-Pa55-zV8q";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-adminsession-" + Guid.NewGuid().ToString("N"));
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        emulator = await CheckoutEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await emulator.DisposeAsync();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Signed in as <paramref name="runAs"/>, with $HostCredential = CONTOSO\operator and the host password (never in script text).</summary>
    private PowerShellRunner ShellFor(string runAs, string userName = @"CONTOSO\operator")
    {
        var shell = emulator.RunnerFor(runAs);
        shell.SetVariable("HostCredential", new PSCredential(userName, EmulatorFixture.Secure(HostPassword)));
        shell.SetVariable("OutFile", Path.Combine(folder, "srv42.rdp"));
        return shell;
    }

    [Fact]
    public void AdminSession_Ssh_ReturnsATicket_TheEmulatorGotTheHostAndTheSplitCredential()
    {
        using var shell = ShellFor("admin");

        var result = shell.Run("New-PSAdminSession -HostName srv42.contoso.test -SessionType SSH -Port 2222 -Credential $HostCredential -Reason 'INC-1042'").AssertSuccess();

        var ticket = Assert.Single(result.Output);
        Assert.Equal("PasswordSafe.AccessSession", ticket.TypeNames[0]);
        Assert.Equal("SSH", ticket.Properties["SessionType"].Value);
        Assert.Equal("srv42.contoso.test", ticket.Properties["TargetHost"].Value);
        Assert.Equal("4422", ticket.Properties["Port"].Value);
        Assert.Equal(0, ticket.Properties["AccountId"].Value);
        Assert.Null(ticket.Properties["RequestId"].Value);
        var secret = (string)ticket.Properties["Ticket"].Value;
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.Equal($"ssh {secret}@127.0.0.1 -p 4422", ticket.Properties["Command"].Value);

        var session = Assert.Single(emulator.State.AccessSessions);
        Assert.Equal(session.SessionId.ToString(), ticket.Properties["SessionId"].Value);
        Assert.Equal("admin", session.UserName);
        Assert.Null(session.Account);
        Assert.Equal(AccessType.SSH, session.Protocol);
        Assert.Equal("srv42.contoso.test", session.AdminTarget!.HostName);
        Assert.Equal(2222, session.AdminTarget.Port);
        Assert.Equal("CONTOSO", session.AdminTarget.DomainName);
        Assert.Equal("operator", session.AdminTarget.UserName);
        Assert.Equal("INC-1042", session.AdminTarget.Reason);
        Assert.True(session.AdminTarget.PasswordMatches(HostPassword));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.AdminSessionCreated && e.UserName == "admin");
    }

    [Fact]
    public void AdminSession_Rdp_ReturnsATicketWithoutSshFields_UpnSplit_SwitchesSentOnlyWhenGiven()
    {
        using var shell = ShellFor("admin", "operator@contoso.test");

        var result = shell.Run("New-PSAdminSession srv42 RDP -Credential $HostCredential -Record:$false").AssertSuccess();

        var ticket = Assert.Single(result.Output);
        Assert.Equal("RDP", ticket.Properties["SessionType"].Value);
        Assert.Equal("4489", ticket.Properties["Port"].Value);
        Assert.Null(ticket.Properties["Command"].Value);
        Assert.Null(ticket.Properties["FilePath"].Value);
        var target = Assert.Single(emulator.State.AccessSessions).AdminTarget!;
        Assert.Equal("contoso.test", target.DomainName);
        Assert.Equal("operator", target.UserName);
        Assert.Equal(3389, target.Port);
        Assert.False(target.Record);
        Assert.False(target.RdpAdminSwitch);
    }

    [Fact]
    public void AdminSession_ExplicitDomainName_SendsTheCredentialNameAsTyped()
    {
        using var shell = ShellFor("admin", "operator");

        shell.Run("New-PSAdminSession srv42 SSH -Credential $HostCredential -DomainName FABRIKAM").AssertSuccess();

        var target = Assert.Single(emulator.State.AccessSessions).AdminTarget!;
        Assert.Equal(@"FABRIKAM\operator", target.LogOnName);
    }

    [Fact]
    public void AdminSession_RdpFile_SavedToOutFile_WithTheDisplayOptions_AndNoPassword()
    {
        using var shell = ShellFor("admin");

        var result = shell.Run(
            "New-PSAdminSession -HostName srv42 -SessionType rdpfile -Credential $HostCredential -Resolution 1280x1024 -SmartSizing -RdpAdminSwitch -OutFile $OutFile").AssertSuccess();

        var session = Assert.Single(result.Output);
        var path = Path.Combine(folder, "srv42.rdp");
        Assert.Equal(path, session.Properties["FilePath"].Value);
        Assert.Equal("rdpfile", session.Properties["SessionType"].Value);
        Assert.Equal("srv42", session.Properties["TargetHost"].Value);
        var file = File.ReadAllText(path);
        Assert.Contains("full address:s:127.0.0.1:4489", file);
        Assert.Contains("desktopwidth:i:1280", file);
        Assert.Contains("desktopheight:i:1024", file);
        Assert.Contains("smart sizing:i:1", file);
        Assert.Contains("administrative session:i:1", file);
        Assert.Matches("username:s:[A-Za-z0-9]{32}", file);
        Assert.DoesNotContain(HostPassword, file);
        Assert.True(Assert.Single(emulator.State.AccessSessions).AdminTarget!.RdpAdminSwitch);
    }

    [Fact]
    public void AdminSession_ListedByGetPSAccessSession_WithTheHostAndNoAccount_StopPSAccessSessionEndsIt()
    {
        using var shell = ShellFor("admin");
        shell.Run("$Ticket = New-PSAdminSession srv42.contoso.test SSH -Credential $HostCredential").AssertSuccess();

        var listed = Assert.Single(shell.Run("Get-PSAccessSession").AssertSuccess().Output);
        var piped = Assert.Single(shell.Run("$Ticket | Get-PSAccessSession").AssertSuccess().Output);
        var shown = shell.Run("Get-PSAccessSession | Out-Host; \"$(Get-PSAccessSession)\"").AssertSuccess();
        shell.Run("$Ticket | Stop-PSAccessSession -Force").AssertSuccess();
        var after = Assert.Single(shell.Run("Get-PSAccessSession").AssertSuccess().Output);

        foreach (var session in new[] { listed, piped })
        {
            Assert.Equal("srv42.contoso.test", session.Properties["AssetName"].Value);
            Assert.Equal(0, session.Properties["AccountId"].Value);
            Assert.Null(session.Properties["AccountName"].Value);
            Assert.Null(session.Properties["RequestId"].Value);
            Assert.Equal("SSH", session.Properties["Protocol"].Value);
            Assert.Equal("NotStarted", session.Properties["Status"].Value);
        }

        Assert.Contains(shown.Output, o => o.BaseObject is string text && text.Contains("(srv42.contoso.test, NotStarted)"));
        var secret = (string)shell.Run("$Ticket.Ticket").AssertSuccess().SingleValue!;
        Assert.DoesNotContain(secret, shown.AllText());
        Assert.Equal("Completed", after.Properties["Status"].Value);
        Assert.Equal(SessionStatus.Completed, Assert.Single(emulator.State.AccessSessions).Status);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionTerminated && e.Reason!.Contains("srv42.contoso.test:22"));
    }

    [Fact]
    public void AdminSession_WhatIf_OpensNothing_AndNamesTheHostAndTheLogOnUser()
    {
        using var shell = ShellFor("admin");

        var result = shell.Run("New-PSAdminSession srv42 SSH -Credential $HostCredential -WhatIf -Verbose").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Empty(emulator.State.AccessSessions);
        Assert.Contains(result.HostWrites, l => l.Contains("srv42") && l.Contains(@"CONTOSO\operator"));
        Assert.DoesNotContain(result.Verbose, l => l.Contains("Sessions/Admin", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("New-PSAdminSession -HostName '   ' -SessionType SSH -Credential $HostCredential -Verbose", "ValidationFailed", "host name is blank")]
    [InlineData("New-PSAdminSession -HostName srv42 -SessionType rdpfile -Credential $HostCredential -Verbose", "OutFileRequired", "-OutFile")]
    [InlineData("New-PSAdminSession -HostName srv42 -SessionType RDP -Credential $HostCredential -OutFile $OutFile -Verbose", "ValidationFailed", "-SessionType rdpfile")]
    [InlineData("New-PSAdminSession -HostName srv42 -SessionType rdpfile -Credential $HostCredential -OutFile \"$OutFile/x.rdp\" -Verbose", "ValidationFailed", "does not exist")]
    [InlineData("New-PSAdminSession -HostName srv42 -SessionType rdpfile -Credential $HostCredential -OutFile ([IO.Path]::GetDirectoryName($OutFile)) -Verbose", "ValidationFailed", "is a folder")]
    public void AdminSession_BadInput_ClearError_NothingSent(string script, string errorId, string mustMention)
    {
        using var shell = ShellFor("admin");

        var result = shell.Run(script);

        var error = result.AssertError(errorId, ErrorCategory.InvalidArgument);
        Assert.Contains(mustMention, ErrorText.Shown(error));
        Assert.Empty(emulator.State.AccessSessions);
        Assert.DoesNotContain(result.Verbose, l => l.Contains("Sessions/Admin", StringComparison.OrdinalIgnoreCase));
        Assert.False(File.Exists(Path.Combine(folder, "srv42.rdp")));
    }

    [Fact]
    public void AdminSession_EmptyHostOrAppType_RefusedByParameterBinding_NothingSent()
    {
        using var shell = ShellFor("admin");

        var empty = shell.Run("New-PSAdminSession -HostName '' -SessionType SSH -Credential $HostCredential");
        var app = shell.Run("New-PSAdminSession -HostName srv42 -SessionType app -Credential $HostCredential");

        Assert.Contains(empty.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Contains(app.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public void AdminSession_ServerRefusal400_IsValidationFailed_WithTheServersReason()
    {
        using var shell = ShellFor("admin");

        var error = shell.Run("New-PSAdminSession srv42 RDP -Credential $HostCredential -Resolution huge").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("Resolution must be", error.ErrorDetails.Message);
        Assert.Equal("srv42", error.TargetObject);
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public void AdminSession_WithoutThePermission_PermissionDenied_NamingIt_TargetIsTheHost()
    {
        using var shell = ShellFor("demo");

        var error = shell.Run("New-PSAdminSession srv42 SSH -Credential $HostCredential").AssertError("PermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Equal("srv42", error.TargetObject);
        Assert.Contains("host 'srv42'", error.Exception.Message);
        Assert.Contains("Password Safe Admin Session", error.ErrorDetails.RecommendedAction);
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public void AdminSession_HostsPipedByPropertyName_OneSessionEach_PortFromTheRow()
    {
        using var shell = ShellFor("admin");

        var result = shell.Run(
            "@([pscustomobject]@{ HostName = 'srv1'; Port = 2201 }, [pscustomobject]@{ ComputerName = 'srv2' }) | " +
            "New-PSAdminSession -SessionType SSH -Credential $HostCredential").AssertSuccess();

        Assert.Equal(new[] { "srv1", "srv2" }, result.Output.Select(o => (string)o.Properties["TargetHost"].Value).ToArray());
        var targets = emulator.State.AccessSessions.OrderBy(s => s.SessionId).Select(s => s.AdminTarget!).ToArray();
        Assert.Equal(new[] { "srv1:2201", "srv2:22" }, targets.Select(t => t.ToString()).ToArray());
    }
}
