using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A text setting longer than the server takes is refused before anything is sent, naming the parameter, its length
/// and the limit, with the start of the value as a preview. The preview ends on a whole character: a value of emoji
/// is not cut in half of one.
/// </summary>
public sealed class FieldLengthTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public FieldLengthTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Fact]
    public void ATextSettingTooLong_IsRefusedBeforeSending_NamingLengthAndLimit()
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var error = admin.Run("New-PSAsset -WorkgroupId 1 -IPAddress 10.64.0.1 -AssetName ('n' * 129)")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        var shown = ErrorText.Shown(error);
        Assert.Contains("-AssetName is 129 characters long; at most 128 are allowed.", shown);
        Assert.Contains("'" + new string('n', 40) + "...'", shown);
        before.AssertUnchanged(emulator.State, "asset name too long");
    }

    [Fact]
    public void ATooLongValueOfEmoji_IsPreviewedOnWholeCharacters()
    {
        using var admin = AdminShell();

        var error = admin.Run("New-PSAsset -WorkgroupId 1 -IPAddress 10.64.0.2 -AssetName ('a' + ([char]::ConvertFromUtf32(0x1F680) * 100))")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        var message = error.Exception.Message;
        var preview = message.Substring(message.IndexOf('\'') + 1, message.IndexOf("...'", System.StringComparison.Ordinal) - message.IndexOf('\'') - 1);
        Assert.Equal("a" + string.Concat(System.Linq.Enumerable.Repeat("\U0001F680", 19)), preview);
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
