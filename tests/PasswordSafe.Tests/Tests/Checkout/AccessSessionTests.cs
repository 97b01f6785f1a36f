using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Spec E2: sessions for RDP, SSH and App requests (ticket, host, port, command), an .rdp file saved with
/// -OutFile, and the errors when the session type does not fit the request.
/// </summary>
public sealed class AccessSessionTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-sessions-" + Guid.NewGuid().ToString("N"));
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        emulator = await CheckoutEmulator.StartAsync();
    }

    public Task DisposeAsync() => emulator.DisposeAsync();

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void E2_RdpRequest_SessionIsATicketWithHostAndPort()
    {
        using var shell = emulator.RunnerFor("demo");

        var session = Assert.Single(shell.Run(
            "Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequest -AccessType RDP -Reason rdp | New-PSAccessSession")
            .AssertSuccess().Output);

        Assert.False(string.IsNullOrEmpty((string?)session.Properties["Ticket"].Value));
        Assert.Equal("127.0.0.1", session.Properties["Host"].Value);
        Assert.Equal("4489", session.Properties["Port"].Value);
        Assert.Equal(CheckoutSeed.WebAdministrator, session.Properties["AccountId"].Value);
        var record = Assert.Single(emulator.State.AccessSessions);
        Assert.Equal(CheckoutSeed.WebAdministrator, record.AccountId);
        Assert.Equal("demo", record.UserName);
        Assert.Equal(session.Properties["SessionId"].Value, record.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void E2_SshRequest_SessionHasTicketAtHostLinkAndCommand()
    {
        using var shell = emulator.RunnerFor("demo");

        var session = Assert.Single(shell.Run(
            "New-PSRequest -SystemName lnx01 -AccountName root -AccessType SSH -Reason ssh | New-PSAccessSession").AssertSuccess().Output);

        var ticket = (string)session.Properties["Ticket"].Value;
        Assert.False(string.IsNullOrEmpty(ticket));
        Assert.Equal("4422", session.Properties["Port"].Value);
        Assert.Equal($"{ticket}@127.0.0.1", session.Properties["TicketAtHost"].Value);
        Assert.Equal($"ssh {ticket}@127.0.0.1 -p 4422", session.Properties["Command"].Value);
        Assert.Equal($"ssh://{ticket}@127.0.0.1:4422", session.Properties["Link"].Value);
    }

    [Fact]
    public void E2_AppRequest_AppSession()
    {
        using var shell = emulator.RunnerFor("demo");

        var session = Assert.Single(shell.Run(
            "Get-PSManagedAccount -ApplicationDisplayName Payroll | New-PSRequest -AccessType App -Reason app | New-PSAccessSession").AssertSuccess().Output);

        Assert.Equal("4489", session.Properties["Port"].Value);
        Assert.Equal(1, emulator.State.ReleaseRequests.Single().ApplicationId);
    }

    [Fact]
    public void E2_RdpFileWithOutFile_WritesTheFile()
    {
        using var shell = emulator.RunnerFor("demo");
        var path = Path.Combine(folder, "web01.rdp");
        shell.SetVariable("OutFile", path);

        var session = Assert.Single(shell.Run(
            "New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason file | New-PSAccessSession -OutFile $OutFile")
            .AssertSuccess().Output);

        Assert.Equal(path, session.Properties["FilePath"].Value);
        var text = File.ReadAllText(path);
        Assert.Contains("full address:s:127.0.0.1:4489", text);
        Assert.Contains("username:s:", text);
        Assert.DoesNotContain(emulator.Seed.AccountPassword(CheckoutSeed.WebAdministrator), text);
        Assert.Equal("rdpfile", Assert.Single(emulator.State.AccessSessions).SessionType, ignoreCase: true);
    }

    [Fact]
    public void E2_RdpFile_IsReadableByItsOwnerOnly_AndReplacesAnExistingFileWhole_LeavingNoTemporaryFile()
    {
        using var shell = emulator.RunnerFor("demo");
        var path = Path.Combine(folder, "web01.rdp");
        File.WriteAllText(path, "an old session file");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        shell.SetVariable("OutFile", path);

        var result = shell.Run("New-PSRequest web01 Administrator -AccessType RDP -Reason file | New-PSAccessSession -OutFile $OutFile").AssertSuccess();

        Assert.Empty(result.Warnings);
        Assert.Contains("full address:s:127.0.0.1:4489", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
        if (!OperatingSystem.IsWindows())
        {
            // The ticket in it is the user's alone (0600), even though the file it replaced was 0644.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("missing-folder/web01.rdp", "does not exist")]
    [InlineData("", "is a folder")]
    public void E2_RdpFile_OutFileThatCannotBeSaved_RefusedBeforeTheSessionIsCreated(string relative, string problem)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("OutFile", Path.Combine(folder, relative));
        shell.Run("$r = New-PSRequest web01 Administrator -AccessType RDP -Reason file").AssertSuccess();

        var result = shell.Run("$r | New-PSAccessSession -OutFile $OutFile -Verbose");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains(problem, error.Exception.Message);
        Assert.Contains("No session was created.", error.Exception.Message);
        Assert.Contains("-OutFile", error.ErrorDetails.RecommendedAction);
        Assert.Equal("PasswordSafe.Request", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
        Assert.DoesNotContain(result.Verbose, l => l.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Empty(emulator.State.AccessSessions);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void E2_RdpFile_ReadOnlyOutFile_RefusedBeforeTheSessionIsCreated_TheFileIsKept()
    {
        using var shell = emulator.RunnerFor("demo");
        var path = Path.Combine(folder, "kept.rdp");
        File.WriteAllText(path, "keep me");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        shell.SetVariable("OutFile", path);
        try
        {
            var error = shell.Run("New-PSRequest web01 Administrator -AccessType RDP -Reason file | New-PSAccessSession -OutFile $OutFile")
                .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

            Assert.Contains("read-only", error.Exception.Message);
            Assert.Empty(emulator.State.AccessSessions);
            Assert.Equal("keep me", File.ReadAllText(path));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void E2_RdpFileWithoutOutFile_OutFileRequired()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason file").AssertSuccess();

        var error = shell.Run("$r | New-PSAccessSession -SessionType rdpfile").AssertError("OutFileRequired", ErrorCategory.InvalidArgument);

        Assert.Contains("-OutFile", ErrorText.Shown(error));
        Assert.Contains("An rdpfile session is answered with a file.", ErrorText.Shown(error));
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Theory]
    [InlineData("RDP", "SSH")]
    [InlineData("SSH", "RDP")]
    [InlineData("RDP", "app")]
    public void E2_SessionTypeNotMatchingTheAccessType_ValidationFailed(string accessType, string sessionType)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("AccessType", accessType);
        shell.SetVariable("SessionType", sessionType);
        shell.Run("$r = New-PSRequest -SystemName lnx01 -AccountName root -AccessType $AccessType -Reason mismatch").AssertSuccess();

        var error = shell.Run("$r | New-PSAccessSession -SessionType $SessionType").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        // Said in the user's terms, with the server's reason, not as a raw HTTP failure.
        Assert.StartsWith("Creating the session: the server refused it: ", error.Exception.Message);
        Assert.Contains($"SessionType {sessionType}", error.Exception.Message);
        Assert.DoesNotContain("https://", error.Exception.Message);
        Assert.Empty(emulator.State.AccessSessions);
    }

    [Fact]
    public void E2_ViewRequest_HasNoSession_ValidationFailed()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -Reason view").AssertSuccess();

        shell.Run("$r | New-PSAccessSession").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Empty(emulator.State.AccessSessions);
    }

    [Theory]
    [InlineData("$v | New-PSAccessSession -Verbose")]
    [InlineData("$v | New-PSAccessSession -SessionType SSH -Verbose")]
    [InlineData("$v | New-PSAccessSession -OutFile $OutFile -Verbose")]
    public void E2_ViewRequest_RefusedBeforeSending_SaysToRequestRdpSshOrApp_TheRequestIsTheTarget(string script)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("OutFile", Path.Combine(folder, "view.rdp"));
        shell.Run("$v = New-PSRequest lnx01 root -Reason v").AssertSuccess();

        var result = shell.Run(script);

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Equal("This request has AccessType View, which opens no session.", error.Exception.Message);
        Assert.Contains("-AccessType RDP, SSH or App", error.ErrorDetails.RecommendedAction);
        Assert.Contains("New-PSRequest -AccessType", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("the server refused it", ErrorText.Shown(error));
        Assert.Equal("PasswordSafe.Request", PSObject.AsPSObject(error.TargetObject).TypeNames[0]);
        Assert.DoesNotContain(result.Verbose, l => l.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Empty(emulator.State.AccessSessions);
        Assert.False(File.Exists(Path.Combine(folder, "view.rdp")));
    }

    [Fact]
    public void E2_SessionForACheckedInRequest_RequestNotActive()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason x; $r | Complete-PSRequest").AssertSuccess();

        shell.Run("$r | New-PSAccessSession").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void E2_WhatIf_CreatesNoSession()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason x").AssertSuccess();

        var whatIf = shell.Run("$r | New-PSAccessSession -WhatIf").AssertSuccess();

        Assert.Empty(emulator.State.AccessSessions);
        // The target names the access type (it is not View), and the action reads "an RDP".
        Assert.Contains(whatIf.HostWrites, l => l.Contains("Performing the operation \"Create an RDP session\" on target \"web01\\Administrator (RDP)\"", StringComparison.Ordinal));
    }
}
