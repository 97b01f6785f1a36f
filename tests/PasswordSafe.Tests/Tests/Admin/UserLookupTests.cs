using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Get-PSUser -UserName behaves as every other name lookup (AdminCmdlet.WriteMatching): wildcards are matched by the
/// module, which the API cannot do, and a literal name that finds nobody is ObjectNotFound instead of an empty answer.
/// </summary>
public sealed class UserLookupTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public UserLookupTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("j*", new[] { "jdoe" })]
    [InlineData("*-BOT", new[] { "ci-bot", "short-bot", "remote-bot" })]
    [InlineData(@"CONTOSO\j*", new[] { "jdoe" })]
    [InlineData("mfa-[cp]*", new[] { "mfa-challenge", "mfa-push" })]
    public void Wildcards_AreMatchedByTheModule_AgainstTheNameAndTheDomainForm(string pattern, string[] expected)
    {
        using var admin = Admin();
        admin.SetVariable("Pattern", pattern);

        var result = admin.Run("Get-PSUser -UserName $Pattern").AssertSuccess();

        Assert.Equal(expected.OrderBy(n => n), result.Output.Select(o => (string)o.Properties["UserName"].Value).OrderBy(n => n));
    }

    [Fact]
    public void WildcardThatMatchesNobody_IsAnEmptyAnswer_NotAnError()
    {
        using var admin = Admin();

        var result = admin.Run("Get-PSUser -UserName 'zz*'").AssertSuccess();

        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("jdoe")]
    [InlineData(@"CONTOSO\jdoe")]
    public void LiteralName_FindsTheUser_InEitherForm(string name)
    {
        using var admin = Admin();
        admin.SetVariable("Name", name);

        var user = Assert.Single(admin.Run("Get-PSUser -UserName $Name").AssertSuccess().Output);

        Assert.Equal("jdoe", user.Properties["UserName"].Value);
    }

    [Fact]
    public void LiteralNameThatFindsNobody_ObjectNotFound_NamingIt_AndSayingWhatToCheck()
    {
        using var admin = Admin();

        var result = admin.Run("Get-PSUser -UserName nobody");

        Assert.Empty(result.Output);
        var error = result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("nobody", error.TargetObject);
        var shown = ErrorText.Shown(error);
        Assert.Contains("No user named 'nobody' was found.", shown);
        Assert.Contains(@"a directory user as domain\user or its UPN", shown);
        Assert.Contains("Inactive users are found only with -IncludeInactive.", shown);
        Assert.Contains("Run Get-PSUser without -UserName to list them all.", shown);
    }

    [Fact]
    public void LiteralNameThatFindsNobody_WithIncludeInactive_DoesNotSuggestIt()
    {
        using var admin = Admin();

        var error = admin.Run("Get-PSUser -UserName nobody -IncludeInactive").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        Assert.DoesNotContain("-IncludeInactive", ErrorText.Shown(error));
    }

    private PowerShellRunner Admin()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
