using System.Collections;
using System.Linq;
using System.Net;
using PasswordSafe.Commands;
using PasswordSafe.UnitTests.Module.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// What the administration name completer offers for a typed word: prefix or wildcard matches, the other forms a name is
/// matched by, what narrows a list, quoting, and nothing (never an exception) without a session or when the server fails.
/// </summary>
public class ServerNameCompletionTests
{
    private static readonly string[] Names = { "West", "east", "Default Workgroup", "East", "North-East", null!, "" };

    [Theory]
    [InlineData("", new[] { "Default Workgroup", "east", "North-East", "West" })]
    [InlineData("e", new[] { "east" })]
    [InlineData("'de", new[] { "Default Workgroup" })]
    [InlineData("\"We\"", new[] { "West" })]
    [InlineData("*east", new[] { "east", "North-East" })]
    [InlineData("*st", new[] { "east", "North-East", "West" })]
    [InlineData("?est", new[] { "West" })]
    [InlineData("[dw]*", new[] { "Default Workgroup", "West" })]
    [InlineData("W[e", new string[0])]
    [InlineData("x", new string[0])]
    public void Matching_ByCaseInsensitivePrefix_OrAsAPatternWithAStarAfterIt_EachNameOnce_Sorted(string typed, string[] expected) =>
        Assert.Equal(expected, CompletionMatch.Matching(Names, typed));

    [Fact]
    public void Matching_AnUnfinishedBracket_IsTakenLiterally() =>
        Assert.Equal(new[] { "web[01]" }, CompletionMatch.Matching(new[] { "web[01]", "web02" }, "web[0"));

    [Fact]
    public void UserNames_DomainForm_MatchedByTheBareNameToo()
    {
        var users = new UserNameList();
        var names = new[] { @"CONTOSO\jdoe", "jane", "ci-bot" };

        Assert.Equal(new[] { @"CONTOSO\jdoe", "jane" }, CompletionMatch.Matching(names, "j", users.AlsoMatchedBy));
        Assert.Equal(new[] { @"CONTOSO\jdoe" }, CompletionMatch.Matching(names, @"contoso\", users.AlsoMatchedBy));
        Assert.Equal(new[] { "ci-bot", @"CONTOSO\jdoe" }, CompletionMatch.Matching(names, "c", users.AlsoMatchedBy));
    }

    [Fact]
    public void RoleNames_TheShortFormInParentheses_Matches()
    {
        var roles = new RoleNameList();
        var names = new[] { "Information Systems Administrator (ISA)", "Requestor", "Auditor" };

        Assert.Equal(new[] { "Information Systems Administrator (ISA)" }, CompletionMatch.Matching(names, "isa", roles.AlsoMatchedBy));
        Assert.Null(roles.AlsoMatchedBy("Requestor"));
    }

    [Fact]
    public void UserNames_IncludeInactive_IsItsOwnList()
    {
        var users = new UserNameList();

        Assert.Equal(string.Empty, users.Scope(new Hashtable()));
        Assert.NotEqual(string.Empty, users.Scope(new Hashtable { ["IncludeInactive"] = true }));
        Assert.Equal(string.Empty, users.Scope(new Hashtable { ["IncludeInactive"] = false }));
    }

    [Fact]
    public void AssetNames_NeedAWorkgroup_ByIdOrName()
    {
        var assets = new AssetNameList();

        Assert.Null(assets.Scope(new Hashtable()));
        Assert.Null(assets.Scope(null));
        Assert.Equal("id 3", assets.Scope(new Hashtable { ["WorkgroupId"] = 3 }));
        Assert.Equal("id 3", assets.Scope(new Hashtable { ["WorkgroupId"] = "3" }));
        Assert.Equal("name Lab East", assets.Scope(new Hashtable { ["WorkgroupName"] = "Lab East" }));
    }

    [Fact]
    public void Completer_WithoutASession_OffersNothing() =>
        Assert.Empty(new ServerNameCompleter<WorkgroupNameList>().CompleteArgument("Get-PSWorkgroup", "Name", "", null!, new Hashtable()));

    [Fact]
    public void Completer_ReadsOncePerSessionAndKind_QuotesNamesWithSpaces()
    {
        var server = new FakeAdminServer()
            .Route("GET", "Workgroups", HttpStatusCode.OK, "[{\"ID\":1,\"Name\":\"Default Workgroup\"},{\"ID\":2,\"Name\":\"East\"}]")
            .Route("GET", "Roles", HttpStatusCode.OK, "[{\"RoleID\":1,\"Name\":\"Requestor\"}]");
        var session = server.Connect();
        var bound = new Hashtable { ["Session"] = session };

        var first = new ServerNameCompleter<WorkgroupNameList>().CompleteArgument("Get-PSWorkgroup", "Name", "", null!, bound).ToList();
        var second = new ServerNameCompleter<WorkgroupNameList>().CompleteArgument("New-PSAsset", "WorkgroupName", "e", null!, bound).ToList();
        var roles = new ServerNameCompleter<RoleNameList>().CompleteArgument("Get-PSRole", "Name", "", null!, bound).ToList();

        Assert.Equal(new[] { "'Default Workgroup'", "East" }, first.Select(r => r.CompletionText));
        Assert.Equal("Default Workgroup", first[0].ListItemText);
        Assert.Equal("Workgroup Default Workgroup", first[0].ToolTip);
        Assert.Equal(new[] { "East" }, second.Select(r => r.CompletionText));
        Assert.Equal(new[] { "Requestor" }, roles.Select(r => r.CompletionText));
        Assert.Single(server.Calls("GET", "Workgroups"));
        Assert.Single(server.Calls("GET", "Roles"));
    }

    [Fact]
    public void Completer_ServerRefuses_OffersNothing_AndDoesNotAskAgainAtOnce()
    {
        var server = new FakeAdminServer().Route("GET", "Platforms", HttpStatusCode.Forbidden, "\"4031\"");
        var bound = new Hashtable { ["Session"] = server.Connect() };

        Assert.Empty(new ServerNameCompleter<PlatformNameList>().CompleteArgument("Get-PSPlatform", "Name", "", null!, bound));
        Assert.Empty(new ServerNameCompleter<PlatformNameList>().CompleteArgument("Get-PSPlatform", "Name", "w", null!, bound));
        Assert.Single(server.Calls("GET", "Platforms"));
    }
}
