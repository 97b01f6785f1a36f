using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// The Import-Csv idiom `$rows | Cmdlet -Id { $_.Column }` (a delay-bind script block: PowerShell runs it on each piped
/// row for the parameter's value) works like a column of the parameter's own name, on checkout and administration
/// cmdlets alike, where each row used to be refused as giving "no value it can use".
/// </summary>
public sealed class DelayBindScriptBlockTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_RowsWithTheRequestIdUnderAnotherName_CompleteRequestWithADelayBindBlock_ChecksEachIn()
    {
        using var shell = emulator.RunnerFor("demo");
        var ids = shell.Run("(New-PSRequest web01 Administrator -Reason one).RequestId; (New-PSRequest lnx01 root -Reason two).RequestId")
            .AssertSuccess().Output.Select(o => (int)o.BaseObject).ToList();

        var result = shell.Run($"{string.Join(",", ids)} | ForEach-Object {{ [pscustomobject]@{{ Id = $_ }} }} | Complete-PSRequest -RequestId {{ $_.Id }} -Reason done");

        result.AssertSuccess();
        Assert.All(ids, id => Assert.Equal(RequestStatus.CheckedIn, emulator.Request(id).Status));
    }

    [Fact]
    public void A1_NumbersPiped_GetUserWithADelayBindBlock_ReadsEachUser()
    {
        using var shell = emulator.RunnerFor("admin");
        var users = emulator.State.Users.Take(2).ToList();

        var result = shell.Run($"{string.Join(",", users.Select(u => u.UserId))} | Get-PSUser -UserId {{ $_ }} | ForEach-Object UserName");

        Assert.Equal(users.Select(u => u.UserName), result.AssertSuccess().Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void A1_RowsWithTheUserIdUnderAnotherName_RemoveUserWithADelayBindBlock_RemovesThoseUsers()
    {
        using var shell = emulator.RunnerFor("admin");
        var ids = shell.Run("$pw = [System.Net.NetworkCredential]::new('', 'Row-user-pass-42').SecurePassword; (New-PSUser -UserName 'row-a' -Password $pw).UserId; (New-PSUser -UserName 'row-b' -Password $pw).UserId")
            .AssertSuccess().Output.Select(o => (int)o.BaseObject).ToList();

        var result = shell.Run($"{string.Join(",", ids)} | ForEach-Object {{ [pscustomobject]@{{ Id = $_ }} }} | Remove-PSUser -UserId {{ $_.Id }} -Force");

        result.AssertSuccess();
        Assert.All(ids, id => Assert.Null(emulator.State.FindUser(id)));
    }
}
