using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Commands;
using PasswordSafe.UnitTests.Module.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// Names with wildcard characters (<c>web[01]</c>) in tab completion: where the parameter reads wildcards, Tab inserts
/// the name escaped and single-quoted, so the cmdlet's pattern matches that one name; elsewhere the name as it is. The
/// list shows the plain name, and what is typed matches names literally.
/// </summary>
public class WildcardCompletionTests
{
    /// <summary>
    /// Every completed parameter that reads wildcards, by cmdlet: [SupportsWildcards] where the cmdlet matches a pattern,
    /// [WildcardSyntax] where it refuses one (Block-PSUser). Any other completed parameter takes its value literally.
    /// </summary>
    private static readonly string[] ReadsWildcards =
    {
        "Block-PSUser -UserName",
        "Get-PSAccessLevel -Name",
        "Get-PSAccessPolicy -Name",
        "Get-PSApiRegistration -Name",
        "Get-PSIsaCredential -AccountName", "Get-PSIsaCredential -SystemName",
        "Get-PSManagedAccount -AccountName", "Get-PSManagedAccount -SystemName",
        "Get-PSManagedAccountAlias -Name",
        "Get-PSManagedSystem -Name",
        "Get-PSPermission -Name",
        "Get-PSPlatform -Name",
        "Get-PSQuickRule -Title",
        "Get-PSRole -Name",
        "Get-PSSmartRule -Title",
        "Get-PSUser -UserName",
        "Get-PSUserGroup -Name",
        "Get-PSUserGroupPermission -GroupName", "Get-PSUserGroupPermission -Permission",
        "Get-PSWorkgroup -Name",
        "New-PSIsaSession -AccountName", "New-PSIsaSession -SystemName",
        "New-PSRequest -AccountName", "New-PSRequest -SystemName",
        "New-PSRequestSet -AccountName", "New-PSRequestSet -SystemName",
        "Use-PSCredential -AccountName", "Use-PSCredential -SystemName",
    };

    private static IEnumerable<(string Cmdlet, PropertyInfo Property)> CompletedParameters() =>
        from type in typeof(PasswordSafeCmdlet).Assembly.GetTypes()
        let cmdlet = type.GetCustomAttribute<CmdletAttribute>()
        where cmdlet != null && !type.IsAbstract
        from property in type.GetProperties()
        where property.GetCustomAttributes<ParameterAttribute>().Any() && property.GetCustomAttribute<ArgumentCompleterAttribute>() != null
        select (cmdlet.VerbName + "-" + cmdlet.NounName, property);

    [Fact]
    public void CompletedParameters_ThatReadWildcards_AreTheDocumentedOnes_AndTheCompletersAskTheSameQuestion()
    {
        var parameters = CompletedParameters().ToList();

        var reading = parameters.Where(p => WildcardParameters.Reads(p.Property)).Select(p => $"{p.Cmdlet} -{p.Property.Name}").OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(ReadsWildcards.OrderBy(n => n, StringComparer.Ordinal), reading);
        Assert.All(parameters, p => Assert.Equal(WildcardParameters.Reads(p.Property), WildcardParameters.TakesWildcards(p.Cmdlet, p.Property.Name)));
    }

    [Theory]
    [InlineData("PasswordSafe\\Get-PSManagedSystem", "Name", true)]
    [InlineData("get-psmanagedsystem", "name", true)]
    [InlineData("Get-PSAsset", "Name", false)]
    [InlineData("Get-PSAsset", "AssetName", false)]
    [InlineData("New-PSAsset", "WorkgroupName", false)]
    [InlineData("New-PSRequest", "AliasName", false)]
    [InlineData("Grant-PSUserGroupPermission", "GroupName", false)]
    [InlineData("gpsms", "Name", false)]
    [InlineData(null, "Name", false)]
    public void TakesWildcards_ByTheCmdletsNameOrModuleQualifiedName_AnUnknownCommandIsLiteral(string? command, string parameter, bool expected) =>
        Assert.Equal(expected, WildcardParameters.TakesWildcards(command, parameter));

    [Theory]
    [InlineData("web[01]", true, "'web`[01`]'")]
    [InlineData("web[01]", false, "web[01]")]
    [InlineData("a*b?", true, "'a`*b`?'")]
    [InlineData("o'b[1]", true, "'o''b`[1`]'")]
    [InlineData("tick`name", true, "'tick``name'")]
    [InlineData("svc [east]", true, "'svc `[east`]'")]
    [InlineData("svc [east]", false, "'svc [east]'")]
    [InlineData("plain", true, "plain")]
    [InlineData("Default Workgroup", true, "'Default Workgroup'")]
    public void CompletionText_EscapedAndSingleQuoted_OnlyWhereTheParameterReadsWildcards(string name, bool escape, string expected) =>
        Assert.Equal(expected, AccountCompletion.CompletionText(name, escape));

    [Theory]
    [InlineData("web[01]", new[] { "web0", "web1", "web[01" })]
    [InlineData("a*b?", new[] { "aXXbY", "a*bc" })]
    [InlineData("o'b[1]", new[] { "o'b1" })]
    [InlineData("o\u2019b[1]", new[] { "o\u2019b1" })]
    [InlineData("tick`name", new[] { "tickname" })]
    [InlineData("[x]", new[] { "x" })]
    public void CompletionText_ReadBackByPowerShell_IsAPatternMatchingThatNameAlone(string name, string[] others)
    {
        var text = AccountCompletion.CompletionText(name, escapeWildcards: true);

        // What the cmdlet receives: the argument as PowerShell parses the inserted text.
        var ast = Parser.ParseInput("Get-Thing -Name " + text, out _, out var errors);
        Assert.Empty(errors);
        var argument = Assert.IsType<StringConstantExpressionAst>(((CommandAst)((PipelineAst)ast.EndBlock.Statements[0]).PipelineElements[0]).CommandElements[2]);
        var pattern = WildcardPattern.Get(argument.Value, WildcardOptions.IgnoreCase);
        Assert.True(pattern.IsMatch(name), $"{text} does not match {name}");
        Assert.All(others, other => Assert.False(pattern.IsMatch(other), $"{text} also matches {other}"));
        Assert.Equal(name, WildcardPattern.Unescape(argument.Value));
        Assert.False(WildcardPattern.ContainsWildcardCharacters(argument.Value));
    }

    [Theory]
    [InlineData("web[", new[] { "web[01]" })]
    [InlineData("web`[", new[] { "web[01]" })]
    [InlineData("'web`[01`]'", new[] { "web[01]" })]
    [InlineData("WEB[0", new[] { "web[01]" })]
    [InlineData("web", new[] { "web0", "web1", "web[01]" })]
    public void Matching_WhatIsTypedStartsNamesLiterally_EscapedOrNot(string typed, string[] expected) =>
        Assert.Equal(expected, CompletionMatch.Matching(new[] { "web[01]", "web0", "web1", "db01" }, typed));

    [Fact]
    public void Matching_TheWholeNameWithBrackets_OffersItself_AndWhatItMatchesAsAPattern() =>
        Assert.Equal(new[] { "web0", "web1", "web[01]" }, CompletionMatch.Matching(new[] { "web[01]", "web0", "web1", "web2" }, "web[01]"));

    [Fact]
    public void RequestableNames_WhatIsTypedStartsNamesLiterally_EscapedOrNot()
    {
        var cache = new RequestableNameCache((_, _) => Task.FromResult<IReadOnlyList<ManagedAccount>>(new[]
        {
            new ManagedAccount { SystemName = "web[01]", AccountName = "svc[a]" },
            new ManagedAccount { SystemName = "web0", AccountName = "svc" },
        }));

        Assert.Equal(new[] { "web[01]" }, cache.SystemNames("web["));
        Assert.Equal(new[] { "web[01]" }, cache.SystemNames("web`[0"));
        Assert.Equal(new[] { "svc[a]" }, cache.AccountNames(null, "svc["));
    }

    [Fact]
    public void ServerNameCompleter_InsertsEscapedForAWildcardParameter_AsItIsForALiteralOne_ListShowsTheName()
    {
        var server = new FakeAdminServer()
            .Route("GET", "ManagedSystems", HttpStatusCode.OK,
                "[{\"ManagedSystemID\":1,\"SystemName\":\"web[01]\"},{\"ManagedSystemID\":2,\"SystemName\":\"web0\"}]")
            .Route("GET", "Workgroups", HttpStatusCode.OK, "[{\"ID\":1,\"Name\":\"Lab [east]\"}]");
        var bound = new Hashtable { ["Session"] = server.Connect() };

        var systems = new ServerNameCompleter<ManagedSystemNameList>().CompleteArgument("Get-PSManagedSystem", "Name", "web[", null!, bound).ToList();
        var pattern = new ServerNameCompleter<WorkgroupNameList>().CompleteArgument("Get-PSWorkgroup", "Name", "lab", null!, bound).ToList();
        var literal = new ServerNameCompleter<WorkgroupNameList>().CompleteArgument("New-PSAsset", "WorkgroupName", "lab", null!, bound).ToList();

        var system = Assert.Single(systems);
        Assert.Equal("'web`[01`]'", system.CompletionText);
        Assert.Equal("web[01]", system.ListItemText);
        Assert.Equal("Managed system web[01]", system.ToolTip);
        Assert.Equal("'Lab `[east`]'", Assert.Single(pattern).CompletionText);
        Assert.Equal("'Lab [east]'", Assert.Single(literal).CompletionText);
        Assert.Equal("Lab [east]", Assert.Single(literal).ListItemText);
    }
}
