using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A piped object a cmdlet can use nothing of but its session (every module object carries one, and -Session binds it by
/// property name) is refused with InputNotUsable, naming the cmdlet and saying what to pipe or pass instead, where it
/// used to run as if nothing were piped: a Get- cmdlet listed everything once per object (every group, Administrators
/// too, for one user). Objects from a non-default session still bring it; the session cmdlets still take any object's
/// session. The lab is built once (<see cref="LabProvisioning"/>); these tests only read it.
/// </summary>
public sealed class InputNotUsableTests : IClassFixture<LabProvisioning>
{
    private readonly LabProvisioning lab;

    public InputNotUsableTests(LabProvisioning lab) => this.lab = lab;
    [Fact]
    public void PipedUser_GetPSUserGroup_InputNotUsable_NoGroupListed_SaysWhatToDoInstead()
    {
        using var admin = lab.Admin();

        var result = admin.Run("Get-PSUser -UserName jdoe | Get-PSUserGroup");

        // Before the fix this listed every group, Administrators among them, as if they were jdoe's.
        Assert.Empty(result.Output);
        var error = result.AssertError("InputNotUsable", ErrorCategory.InvalidArgument);
        Assert.Equal("jdoe", Assert.IsAssignableFrom<object>(error.TargetObject).ToString());
        Assert.Equal("PasswordSafe.User", ((PSObject)error.TargetObject).TypeNames[0]);
        var shown = ErrorText.Shown(error);
        Assert.Contains("Get-PSUserGroup could use nothing of the piped PasswordSafe.User 'jdoe' but its session", shown);
        Assert.Contains("listed everything, once for each piped object. The object was skipped.", shown);
        Assert.Contains("Get-PSUserGroup takes GroupId from piped objects", shown);
        Assert.Contains("-Session $object.Session", shown);
        Assert.Contains("Get-PSUser -GroupId lists a group's members", shown);
    }

    [Theory]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSManagedSystem")]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSManagedAccount")]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSWorkgroup")]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSQuickRule")]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSSmartRule")]
    [InlineData("Get-PSUser -UserName jdoe", "Get-PSRequest")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSUser")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSUserGroup")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSApiRegistration")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSAccessPolicy")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSAccessSession")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSManagedAccountAlias")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSRequestSet")]
    [InlineData("Get-PSQuickRule -Title 'lab rule'", "Get-PSManagedSystem")]
    [InlineData("Get-PSUserGroup -Name 'API users'", "Get-PSRole")]
    [InlineData("Get-PSWorkgroup -Name Lab", "Get-PSPermission")]
    [InlineData("Get-PSUserGroup -Name 'API users'", "Get-PSAccessLevel")]
    public void ObjectGivingOnlyItsSession_IsRefused_NothingListed(string producer, string consumer)
    {
        using var admin = lab.Admin();

        var result = admin.Run($"{producer} | {consumer} -Verbose");

        Assert.Empty(result.Output);
        var error = result.AssertError("InputNotUsable", ErrorCategory.InvalidArgument);
        Assert.Contains($"{consumer} could use nothing of the piped PasswordSafe.", ErrorText.Shown(error));
        Assert.NotNull(error.TargetObject);
        // Refused before anything was sent: -Verbose is the consumer's alone, and it made no call.
        Assert.Empty(result.Verbose);
    }

    [Fact]
    public void TypedParameterOfTheDefaultSet_PowerShellBindsThePipedRuleThere_TheErrorSaysWhyAndHowToPassTheId()
    {
        using var admin = lab.Admin();

        // -AccountName is also a parameter of the requestable listing (the default set), so PowerShell binds the rule
        // there, by its session alone; before the guard this listed every requestable account named lab-svc1.
        var result = admin.Run("Get-PSQuickRule -Title 'lab rule' | Get-PSManagedAccount -AccountName 'lab-svc1'");

        Assert.Empty(result.Output);
        var shown = ErrorText.Shown(result.AssertError("InputNotUsable", ErrorCategory.InvalidArgument));
        Assert.Contains("it carries SmartRuleId, but with -AccountName PowerShell bound it to the Requestable parameter set", shown);
        Assert.Contains("ForEach-Object { Get-PSManagedAccount -SmartRuleId $_.SmartRuleId ... }", shown);
    }

    [Fact]
    public void GetPSRole_TakesNothingFromThePipeline_SaysToRunItOnItsOwn()
    {
        using var admin = lab.Admin();

        var error = admin.Run("Get-PSWorkgroup -Name Lab | Get-PSRole").AssertError("InputNotUsable", ErrorCategory.InvalidArgument);

        Assert.Contains("Get-PSRole takes nothing from piped objects: run it on its own, with -Session $object.Session", ErrorText.Shown(error));
    }

    [Fact]
    public void MixedPipeline_EachObjectBindsOnItsOwn_TheUnusableOneAloneIsRefused()
    {
        using var admin = lab.Admin();

        // PowerShell leaves the first group's GroupId in BoundParameters while it binds the workgroup: the workgroup must
        // still be seen as giving nothing but its session, and the second group must list its own members.
        var result = admin.Run(
            "(Get-PSUserGroup -Name Administrators), (Get-PSWorkgroup -Name Lab), (Get-PSUserGroup -Name Outsiders) | Get-PSUser");

        Assert.Equal(new[] { "admin", "short-bot", "outsider" }, result.Output.Select(o => (string)o.Properties["UserName"].Value).ToArray());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InputNotUsable,", error.FullyQualifiedErrorId);
        Assert.Equal("Lab", error.TargetObject.ToString());
    }

    [Fact]
    public void ObjectsFromANonDefaultSession_KeepUsingIt()
    {
        using var shell = lab.Emulator.NewRunner(interactive: false);
        // The default session is a requestor without admin rights; the objects come from the administrator's.
        lab.Emulator.Connect(shell, "demo");
        lab.Emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);

        var members = shell.Run("Get-PSUserGroup -Name Administrators -Session $Admin | Get-PSUser").AssertSuccess();
        var refused = shell.Run("Get-PSUser -UserName jdoe -Session $Admin | Get-PSUserGroup");

        Assert.Equal(new[] { "admin", "short-bot" }, members.Output.Select(o => (string)o.Properties["UserName"].Value).ToArray());
        refused.AssertError("InputNotUsable", ErrorCategory.InvalidArgument);
        Assert.Empty(refused.Output);
    }

    [Fact]
    public void SessionCmdlets_APipedObjectsSession_IsWhatTheyWorkOn_InvokePSRestMethodTakesOnlySessions()
    {
        using var admin = lab.Admin();

        var tested = admin.Run("Get-PSAsset -WorkgroupName Lab | Test-PasswordSafeSession").AssertSuccess();
        var bySession = admin.Run("Get-PasswordSafeSession | Invoke-PSRestMethod -Path Workgroups").AssertSuccess();
        var byObject = admin.Run("Get-PSWorkgroup -Name Lab | Invoke-PSRestMethod -Path Workgroups -Method POST -Body @{ Name = 'Lab copy' }");

        Assert.Equal(new object[] { true, true, true }, tested.Output.Select(o => o.BaseObject).ToArray());
        Assert.NotEmpty(bySession.Output);
        var error = byObject.AssertError("InputNotUsable", ErrorCategory.InvalidArgument);
        Assert.Contains("Invoke-PSRestMethod takes only a session from the pipeline: pipe the session itself", ErrorText.Shown(error));
        Assert.DoesNotContain(lab.Emulator.State.Workgroups, w => w.Name == "Lab copy");
    }

    [Fact]
    public void UsePasswordSafeSession_APipedObjectsSessionBecomesTheDefault()
    {
        using var shell = lab.Emulator.NewRunner(interactive: false);
        lab.Emulator.Connect(shell, "demo");
        lab.Emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);

        shell.Run("Get-PSWorkgroup -Name Lab -Session $Admin | Use-PasswordSafeSession").AssertSuccess();

        Assert.Equal("admin", shell.Run("(Get-PasswordSafeSession).UserName").SingleValue);
    }

    [Fact]
    public void WithoutPipelineInput_TheListingsAreUnchanged()
    {
        using var admin = lab.Admin();

        var groups = admin.Run("Get-PSUserGroup").AssertSuccess();
        var systems = admin.Run("Get-PSManagedSystem").AssertSuccess();

        Assert.Contains(groups.Output, g => (string)g.Properties["Name"].Value == "Administrators");
        Assert.Equal(lab.Emulator.State.ManagedSystems.Count(), systems.Output.Count);
    }
}
