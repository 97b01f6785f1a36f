using System;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Tab completion of the administration cmdlets' name parameters (users.md #14: names from the server, cached briefly
/// per session), through TabExpansion2 exactly as the console asks for it, against the checkout seed plus the provisioned
/// lab (workgroup Lab, assets lab1–lab3, quick rule "lab rule"). The emulator's call log shows which completion asked
/// the server and which was answered from the session's cache.
/// </summary>
public sealed class AdminNameCompletionTests : IClassFixture<LabProvisioning>
{
    private readonly LabProvisioning lab;

    public AdminNameCompletionTests(LabProvisioning lab) => this.lab = lab;

    private CheckoutEmulator Emulator => lab.Emulator;

    private static string[] Complete(PowerShellRunner shell, string line) =>
        shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
            .AssertSuccess().Output.Select(o => o.ToString()!).ToArray();

    /// <summary>The API paths (under the base, without the query) the emulator answered since <paramref name="mark"/>.</summary>
    private string[] CallsSince(long mark) => Emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path).ToArray();

    /// <summary>One line per kind of name, what completing it calls, and a second prefix of the same list.</summary>
    public static TheoryData<string, string, string> EveryKind => new()
    {
        { "Get-PSWorkgroup -Name ", "GET Workgroups", "Get-PSWorkgroup -Name e" },
        { "New-PSAsset -IPAddress 10.1.1.1 -WorkgroupName ", "GET Workgroups", "Get-PSAsset -WorkgroupName w" },
        { "Get-PSManagedAccount -WorkgroupName ", "GET Workgroups", "New-PSAsset -WorkgroupName L" },
        { "Get-PSAsset -WorkgroupName Lab -Name ", "GET Workgroups/Lab/Assets", "Get-PSAsset -WorkgroupName lab -Name lab2" },
        { "Get-PSRole -Name ", "GET Roles", "Grant-PSUserGroupRole -GroupId 10 -SmartRuleId 1 -Role Au" },
        { "Revoke-PSUserGroupRole -GroupId 10 -SmartRuleId 1 -Role ", "GET Roles", "Get-PSRole -Name C" },
        { "Get-PSUserGroup -Name ", "GET UserGroups", "Get-PSUserGroup -Name Ap" },
        { "Get-PSUser -UserName ", "GET Users", "Get-PSUser -UserName ap" },
        { "Get-PSSmartRule -Title ", "GET SmartRules", "Get-PSSmartRule -Title Se" },
        { "Get-PSQuickRule -Title ", "GET QuickRules", "Get-PSQuickRule -Title la" },
        { "Get-PSPlatform -Name ", "GET Platforms", "Get-PSPlatform -Name Li" },
        { "Get-PSAccessPolicy -Name ", "GET AccessPolicies", "Get-PSAccessPolicy -Name S" },
        { "Get-PSApiRegistration -Name ", "GET ApiRegistrations", "Get-PSApiRegistration -Name Pl" },
        { "Get-PSManagedSystem -Name ", "GET ManagedSystems", "Get-PSManagedSystem -Name we" },
    };

    [Theory]
    [InlineData("Get-PSWorkgroup -Name ", new[] { "'Default Workgroup'", "East", "Generated", "Lab", "West" })]
    [InlineData("Get-PSWorkgroup -Name de", new[] { "'Default Workgroup'" })]
    [InlineData("New-PSAsset -IPAddress 10.1.1.1 -WorkgroupName e", new[] { "East" })]
    [InlineData("Get-PSAsset -WorkgroupName W", new[] { "West" })]
    [InlineData("Get-PSManagedAccount -WorkgroupName d", new[] { "'Default Workgroup'" })]
    [InlineData("Get-PSAsset -WorkgroupName Lab -Name ", new[] { "lab1", "lab2", "lab3" })]
    [InlineData("Get-PSRole -Name re", new[] { "Requestor", "Requestor/Approver" })]
    [InlineData("Grant-PSUserGroupRole -GroupId 10 -SmartRuleId 1 -Role cr", new[] { "'Credentials Manager'" })]
    [InlineData("Revoke-PSUserGroupRole -GroupId 10 -SmartRuleId 1 -Role Requestor, Ap", new[] { "Approver" })]
    [InlineData("Get-PSUserGroup -Name s", new[] { "'Shift workers'", "'Signed in, no roles'" })]
    [InlineData("Get-PSUser -UserName shift", new[] { "shift-partner", "shift-worker" })]
    [InlineData("Get-PSSmartRule -Title i", new[] { "'ISA accounts'" })]
    [InlineData("Get-PSQuickRule -Title ", new[] { "'lab rule'" })]
    [InlineData("Get-PSPlatform -Name ms", new[] { "'MS SQL Server'" })]
    [InlineData("Get-PSAccessPolicy -Name o", new[] { "'One approver'" })]
    [InlineData("Get-PSApiRegistration -Name auto", new[] { "Automation" })]
    [InlineData("Get-PSManagedSystem -Name tw", new[] { "twin01" })]
    [InlineData("Get-PSManagedSystem -Name LAB", new[] { "lab1", "lab2" })]
    public void Completes_ByCaseInsensitivePrefix_SortedOnce_NamesWithSpacesQuoted(string line, string[] expected)
    {
        using var admin = lab.Admin();

        Assert.Equal(expected, Complete(admin, line));
    }

    [Theory]
    [InlineData("Get-PSPlatform -Name *sql", new[] { "'MS SQL Server'", "MySQL" })]
    [InlineData("Get-PSWorkgroup -Name *st", new[] { "East", "West" })]
    [InlineData("Get-PSUserGroup -Name *work*", new[] { "'Shift workers'" })]
    [InlineData("Get-PSManagedSystem -Name ?b0", new[] { "db01" })]
    public void TypedWildcards_MatchAsAPatternWithAStarAfterIt(string line, string[] expected)
    {
        using var admin = lab.Admin();

        Assert.Equal(expected, Complete(admin, line));
    }

    [Theory]
    [InlineData("jd")]
    [InlineData("contoso\\j")]
    [InlineData("CON")]
    public void UserName_DirectoryUser_OffersTheDomainForm_ByEitherPrefix_AndItFindsTheUser(string typed)
    {
        using var admin = lab.Admin();

        var match = Assert.Single(Complete(admin, "Get-PSUser -UserName " + typed));

        Assert.Equal(@"CONTOSO\jdoe", match);
        Assert.Equal("jdoe", admin.Run($"(Get-PSUser -UserName {match}).UserName").AssertSuccess().SingleValue);
    }

    [Fact]
    public void Role_ItsShortFormInParentheses_OffersTheFullName_WhichGrantResolves()
    {
        using var admin = lab.Admin();

        var match = Assert.Single(Complete(admin, "Grant-PSUserGroupRole -GroupId 12 -SmartRuleId 3 -Role is"));

        Assert.Equal("'Information Systems Administrator (ISA)'", match);
        var whatIf = admin.Run($"Grant-PSUserGroupRole -GroupId 13 -SmartRuleId 3 -Role {match} -WhatIf").AssertSuccess();
        Assert.Contains(whatIf.HostWrites, l => l.Contains("Information Systems Administrator (ISA)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Get-PSWorkgroup -Name de", "(Get-PSWorkgroup -Name {0}).Name", "Default Workgroup")]
    [InlineData("Get-PSUserGroup -Name sig", "(Get-PSUserGroup -Name {0}).Name", "Signed in, no roles")]
    [InlineData("Get-PSQuickRule -Title la", "(Get-PSQuickRule -Title {0}).Title", "lab rule")]
    [InlineData("Get-PSPlatform -Name ms", "(Get-PSPlatform -Name {0}).Name", "MS SQL Server")]
    [InlineData("Get-PSAccessPolicy -Name ch", "(Get-PSAccessPolicy -Name {0}).Name", "Change ticket")]
    public void QuotedCompletion_RunsAsTyped_AndFindsTheObject(string line, string command, string expected)
    {
        using var admin = lab.Admin();

        var match = Assert.Single(Complete(admin, line));

        Assert.StartsWith("'", match);
        Assert.Equal(expected, admin.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, match)).AssertSuccess().SingleValue);
    }

    [Fact]
    public void AssetName_ByWorkgroupId_ListsThatWorkgroupsAssets_WithoutAWorkgroup_OffersNothingAndAsksNothing()
    {
        using var admin = lab.Admin();

        Assert.Equal(new[] { "lab1", "lab2", "lab3" }, Complete(admin, $"Get-PSAsset -WorkgroupId {lab.WorkgroupId} -Name l"));
        var mark = Emulator.State.ApiCalls.Total;
        Assert.Empty(Complete(admin, "Get-PSAsset -AssetId 1 -Name l"));
        Assert.Empty(CallsSince(mark));
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void SecondCompletionWithinTheCacheTime_AsksTheServerNothing_AnotherKindIsReadOnItsOwn(string line, string call, string again)
    {
        using var admin = lab.Admin();

        var first = Emulator.State.ApiCalls.Total;
        Assert.NotEmpty(Complete(admin, line));
        Assert.Equal(new[] { call }, CallsSince(first));

        var second = Emulator.State.ApiCalls.Total;
        Assert.NotEmpty(Complete(admin, again));
        Assert.NotEmpty(Complete(admin, line));
        Assert.Empty(CallsSince(second));

        // The cache is per kind: another kind's names are read once, the first kind's still not again.
        var otherKind = call == "GET Roles" ? ("Get-PSWorkgroup -Name ", "GET Workgroups") : ("Get-PSRole -Name ", "GET Roles");
        var third = Emulator.State.ApiCalls.Total;
        Assert.NotEmpty(Complete(admin, otherKind.Item1));
        Assert.NotEmpty(Complete(admin, line));
        Assert.Equal(new[] { otherKind.Item2 }, CallsSince(third));
    }

    [Fact]
    public async Task CacheIsPerSession_ANewSessionReadsTheNamesAgain_AndSeesANewObject()
    {
        // Its own emulator: the workgroup it creates would change the other tests' lists.
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.NewRunner();
        emulator.Connect(admin, "admin");
        Assert.DoesNotContain("Completion-new", Complete(admin, "Get-PSWorkgroup -Name "));
        admin.Run("New-PSWorkgroup -Name Completion-new").AssertSuccess();

        // Within the cache time this session offers what it read; a new session reads the list again.
        Assert.DoesNotContain("Completion-new", Complete(admin, "Get-PSWorkgroup -Name C"));
        using var other = emulator.NewRunner();
        emulator.Connect(other, "admin");
        var mark = emulator.State.ApiCalls.Total;
        Assert.Equal(new[] { "Completion-new" }, Complete(other, "Get-PSWorkgroup -Name C"));
        Assert.Equal(new[] { "GET Workgroups" }, emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path));
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void WithoutASession_OffersNothing_NoErrorNoCall(string line, string call, string again)
    {
        _ = call;
        _ = again;
        using var shell = Emulator.NewRunner();
        var mark = Emulator.State.ApiCalls.Total;

        var result = shell.Run($"$Error.Clear(); (TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.Count; $Error.Count");

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { 0, 0 }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.Empty(CallsSince(mark));
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void UserWithoutTheRightToList_OffersNothing_NoError_TheRefusalIsNotAskedAgainAtOnce(string line, string call, string again)
    {
        _ = again;
        using var shell = Emulator.NewRunner();
        Emulator.Connect(shell, "demo");
        var mark = Emulator.State.ApiCalls.Total;

        var result = shell.Run($"$Error.Clear(); (TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.Count; $Error.Count");

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { 0, 0 }, result.Output.Select(o => o.BaseObject).ToArray());
        var refused = Assert.Single(Emulator.State.ApiCalls.Since(mark));
        Assert.Equal(call, refused.Method + " " + refused.Path);
        Assert.Equal(403, refused.StatusCode);
        var second = Emulator.State.ApiCalls.Total;
        Assert.Empty(Complete(shell, line));
        Assert.Empty(CallsSince(second));
    }

    [Fact]
    public void SessionTypedOnTheCommandLine_IsTheOneAsked_NotTheDefault()
    {
        // The default session may list nothing (demo); the administrator's session typed with -Session is asked.
        using var shell = Emulator.NewRunner();
        Emulator.Connect(shell, "demo");
        Emulator.Connect(shell, "admin", sessionVariable: "AdminSession", makeDefault: false);

        Assert.Equal(new[] { "East" }, Complete(shell, "Get-PSWorkgroup -Session $AdminSession -Name e"));
        Assert.Empty(Complete(shell, "Get-PSWorkgroup -Name e"));

        // And the other way round: an administrator's default does not stand in for a typed session that may not list.
        using var admin = lab.Admin();
        Emulator.Connect(admin, "demo", sessionVariable: "DemoSession", makeDefault: false);
        Assert.Empty(Complete(admin, "Get-PSRole -Session $DemoSession -Name "));
        Assert.NotEmpty(Complete(admin, "Get-PSRole -Name "));
    }
}
