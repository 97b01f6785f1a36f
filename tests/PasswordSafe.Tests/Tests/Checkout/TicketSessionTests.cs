using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Session tickets (New-PSAccessSession, New-PSIsaSession, New-PSAdminSession; spec E2, E4) carry the Password Safe session
/// that created them, like every other object of the module: piped on, they act through that session, also when it is not
/// the runspace's default (a runbook that keeps several connections, or none as default).
/// </summary>
public sealed class TicketSessionTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E2_E4_EveryTicket_CarriesTheSessionThatMadeIt()
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo", sessionVariable: "Demo", makeDefault: false);
        emulator.Connect(shell, "isa-user", sessionVariable: "Isa", makeDefault: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.SetVariable("HostCredential", new PSCredential(@"CONTOSO\operator", EmulatorFixture.Secure("Host-Supplied-Pa55-zV8q")));

        var same = shell.Run(
            "$rdp = New-PSRequest web01 Administrator -AccessType RDP -Reason t -Session $Demo | New-PSAccessSession\n" +
            "$ssh = New-PSIsaSession -SystemName lnx01 -AccountName deploy -SessionType SSH -Reason t -Session $Isa\n" +
            "$adm = New-PSAdminSession -HostName srv42.contoso.test -SessionType SSH -Credential $HostCredential -Reason t -Session $Admin\n" +
            "[object]::ReferenceEquals($rdp.Session, $Demo); [object]::ReferenceEquals($ssh.Session, $Isa); [object]::ReferenceEquals($adm.Session, $Admin)")
            .AssertSuccess();

        Assert.Equal(new object[] { true, true, true }, same.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void E2_ATicketPipedOn_WithNoDefaultSession_IsEndedThroughItsOwnSession()
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.SetVariable("HostCredential", new PSCredential(@"CONTOSO\operator", EmulatorFixture.Secure("Host-Supplied-Pa55-zV8q")));
        shell.Run("$ticket = New-PSAdminSession -HostName srv42.contoso.test -SessionType SSH -Credential $HostCredential -Reason t -Session $Admin").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var stopped = shell.Run("$null -eq (Get-PasswordSafeSession); $ticket | Stop-PSAccessSession -Force -PassThru").AssertSuccess();

        Assert.Equal(true, stopped.Output[0].BaseObject);
        Assert.Equal("Completed", stopped.Output[1].Properties["Status"].Value);
        Assert.Equal(SessionStatus.Completed, Assert.Single(emulator.State.AccessSessions).Status);
        Assert.NotEmpty(audit.NewEntries());
    }

    [Fact]
    public void E2_ATicketPipedToLockOrStop_WithPassThru_BindsAsATicket()
    {
        // A ticket's Session and SessionId both bind by name; -PassThru narrows the sets, and the ticket must still bind.
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin");
        shell.SetVariable("HostCredential", new PSCredential(@"CONTOSO\operator", EmulatorFixture.Secure("Host-Supplied-Pa55-zV8q")));
        shell.Run("$ticket = New-PSAdminSession -HostName srv42.contoso.test -SessionType SSH -Credential $HostCredential -Reason t").AssertSuccess();

        var locked = shell.Run("$ticket | Lock-PSAccessSession -Force -PassThru").AssertSuccess();
        var stopped = shell.Run("$ticket | Stop-PSAccessSession -Force -PassThru").AssertSuccess();

        Assert.Equal("Locked", Assert.Single(locked.Output).Properties["Status"].Value);
        Assert.Equal("Completed", Assert.Single(stopped.Output).Properties["Status"].Value);
    }

    [Fact]
    public void E2_ATicketSavedAsAFile_HasNoSessionIdToEnd_ValidationFailed()
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "admin", sessionVariable: "Admin");
        var outFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ticket-" + System.Guid.NewGuid().ToString("N") + ".rdp");
        shell.SetVariable("OutFile", outFile);
        shell.SetVariable("HostCredential", new PSCredential(@"CONTOSO\operator", EmulatorFixture.Secure("Host-Supplied-Pa55-zV8q")));
        try
        {
            shell.Run("$file = New-PSAdminSession -HostName srv42.contoso.test -SessionType rdpfile -OutFile $OutFile -Credential $HostCredential -Reason t").AssertSuccess();

            var error = shell.Run("$file | Stop-PSAccessSession -Force").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

            Assert.Contains("Get-PSAccessSession -Status NotStarted", ErrorText.Shown(error));
            Assert.Equal(SessionStatus.NotStarted, Assert.Single(emulator.State.AccessSessions).Status);
        }
        finally
        {
            System.IO.File.Delete(outFile);
        }
    }
}
