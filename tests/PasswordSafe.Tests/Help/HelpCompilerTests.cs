using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// The help compiler on a sample help set: the MAML it writes renders through Get-Help, the about topic
/// is found, and broken markdown fails the build with the file and the section named.
/// </summary>
public sealed class HelpCompilerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "pshelp-" + Guid.NewGuid().ToString("N"));

    public HelpCompilerTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A runspace may still hold a file open on Windows; the temp folder is disposable anyway.
        }
    }

    private string ModuleFolder => Path.Combine(root, "PsHelpSample");

    private string HelpFolder => Path.Combine(ModuleFolder, "en-US");

    [Fact]
    public void CompiledMaml_RendersThroughGetHelp()
    {
        var help = CompileAndGetHelp("Get-Help -Name Get-PsHelpSample -Full");

        Assert.Equal(SampleHelp.Synopsis, Str(help.Properties["Synopsis"].Value).Trim());
        var description = Texts(help.Properties["description"].Value);
        Assert.Equal("The Get-PsHelpSample cmdlet gets sample things, one per name or id.", description[0]);
        Assert.Contains("- It accepts names from the pipeline.", description);

        var examples = Items(Member(help, "examples"), "example");
        Assert.Equal(2, examples.Length);
        Assert.Equal("Get-PsHelpSample -Name alpha", Str(Member(examples[0], "code")).Trim());
        Assert.Contains("Example 1: Get a thing by name", Str(Member(examples[0], "title")));
        Assert.Contains("Gets the thing called alpha.", Texts(Member(examples[0], "remarks")));

        var parameters = Items(Member(help, "parameters"), "parameter");
        Assert.Equal(new[] { "Name", "Id", "Force", "WhatIf", "Confirm" }, parameters.Select(p => Str(Member(p, "name"))));
        var name = parameters[0];
        Assert.Equal("true", Member(name, "required"));
        Assert.Equal("0", Member(name, "position"));
        Assert.Equal("True (ByPropertyName, ByValue)", Member(name, "pipelineInput"));
        Assert.Equal("SampleName", Member(name, "aliases"));
        Assert.Equal("true", Member(name, "globbing"));
        Assert.Equal("The name of the thing; wildcards allowed.", Texts(Member(name, "description")).Single());

        // One syntax entry per parameter set, the default set first.
        var syntax = Items(Member(help, "syntax"), "syntaxItem");
        Assert.Equal(2, syntax.Length);
        Assert.Equal(new[] { "Name", "Force", "WhatIf", "Confirm" }, Items(syntax[0], "parameter").Select(p => Str(Member(p, "name"))));
        Assert.Equal(new[] { "Id", "Force", "WhatIf", "Confirm" }, Items(syntax[1], "parameter").Select(p => Str(Member(p, "name"))));

        var link = Items(Member(help, "relatedLinks"), "navigationLink").First();
        Assert.Equal("https://example.test/get-pshelpsample", Str(Member(link, "uri")).Trim());
        Assert.Equal("System.String", Str(Member(Member(Items(Member(help, "inputTypes"), "inputType")[0], "type"), "name")).Trim());
    }

    [Fact]
    public void AboutTopic_IsWrittenAsPlainTextThatGetHelpFinds()
    {
        var text = string.Join("\n", CompileAndInvoke("Get-Help -Name about_PsHelpSample").Select(o => o.ToString()));

        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.Contains("    Explains the sample module.", text);
        Assert.Contains("    Get-PsHelpSample -Name alpha", text);
        var written = File.ReadAllLines(Path.Combine(HelpFolder, "about_PsHelpSample.help.txt"));
        Assert.Equal("TOPIC", written[0].TrimStart('\uFEFF'));
        Assert.All(written, line => Assert.True(line.Length <= 80, $"about topic line over 80 columns: '{line}'"));
    }

    [Theory]
    [InlineData("## SYNOPSIS\nGets sample things by name or id.\n", "## SYNOPSIS\n", "PSHELP004", "SYNOPSIS")]
    [InlineData("### Example 1: Get a thing by name\n```powershell\nGet-PsHelpSample -Name alpha\n```\n", "### Example 1: Get a thing by name\n", "PSHELP007", "EXAMPLES")]
    [InlineData("Required: True\nPosition: 0", "Required: Maybe\nPosition: 0", "PSHELP008", "-Name")]
    [InlineData("Type: Int32", "Type: Int32\nMandatory: yes", "PSHELP008", "-Id")]
    [InlineData("Accept pipeline input: True (ByPropertyName, ByValue)", "Accept pipeline input: Sometimes", "PSHELP008", "-Name")]
    [InlineData("The id of the thing.", "{{ Fill Id Description }}", "PSHELP011", "-Id")]
    [InlineData("external help file: PsHelpSample.psm1-Help.xml\n", "", "PSHELP001", "external help file")]
    [InlineData("## NOTES", "## REMARKS", "PSHELP003", "REMARKS")]
    public void BrokenMarkdown_FailsNamingFileAndSection(string original, string broken, string code, string section)
    {
        Assert.Contains(original, SampleHelp.Markdown);
        var source = SampleHelp.WriteSource(root, SampleHelp.Markdown.Replace(original, broken));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder);

        Assert.Equal(1, exitCode);
        Assert.Contains("Get-PsHelpSample.md", output);
        Assert.Contains(code, output);
        Assert.Contains(section, output);
        Assert.False(Directory.Exists(HelpFolder) && Directory.EnumerateFiles(HelpFolder).Any(), "help was written despite errors");
    }

    [Theory]
    [InlineData("## DESCRIPTION\n", "## EXAMPLES", "PSHELP005", "DESCRIPTION")]
    [InlineData("## EXAMPLES\n", "## PARAMETERS", "PSHELP006", "EXAMPLES")]
    public void EmptySection_FailsTheBuild(string heading, string nextHeading, string code, string section)
    {
        var start = SampleHelp.Markdown.IndexOf(heading, StringComparison.Ordinal) + heading.Length;
        var end = SampleHelp.Markdown.IndexOf(nextHeading, StringComparison.Ordinal);
        var source = SampleHelp.WriteSource(root, SampleHelp.Markdown.Remove(start, end - start));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder);

        Assert.Equal(1, exitCode);
        Assert.Contains("Get-PsHelpSample.md", output);
        Assert.Contains(code, output);
        Assert.Contains(section, output);
    }

    [Fact]
    public void ParameterWithoutYaml_FailsTheBuild()
    {
        var start = SampleHelp.Markdown.IndexOf("The id of the thing.", StringComparison.Ordinal) + "The id of the thing.".Length;
        var end = SampleHelp.Markdown.IndexOf("### -Force", StringComparison.Ordinal);
        var source = SampleHelp.WriteSource(root, SampleHelp.Markdown.Remove(start, end - start).Insert(start, "\n\n"));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder);

        Assert.Equal(1, exitCode);
        Assert.Contains("PSHELP008", output);
        Assert.Contains("'-Id' has no ```yaml block", output);
    }

    [Fact]
    public void AboutTopicWithoutShortDescription_FailsTheBuild()
    {
        var source = SampleHelp.WriteSource(root, aboutTopic: SampleHelp.AboutTopic.Replace("# SHORT DESCRIPTION", "# SUMMARY"));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder);

        Assert.Equal(1, exitCode);
        Assert.Contains("about_PsHelpSample.md", output);
        Assert.Contains("SHORT DESCRIPTION", output);
    }

    [Fact]
    public void ModuleCheck_PassesWhenHelpMatchesTheCmdlet()
    {
        var (exitCode, output) = HelpCompilerRunner.Run(SampleHelp.WriteSource(root), HelpFolder, TestAssemblyPath);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Get-PsHelpSample.md", output);
    }

    [Fact]
    public void ModuleCheck_FailsOnUndocumentedParameter()
    {
        var start = SampleHelp.Markdown.IndexOf("### -Confirm", StringComparison.Ordinal);
        var end = SampleHelp.Markdown.IndexOf("### CommonParameters", StringComparison.Ordinal);
        var source = SampleHelp.WriteSource(root, SampleHelp.Markdown.Remove(start, end - start));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder, TestAssemblyPath);

        Assert.Equal(1, exitCode);
        Assert.Contains("PSHELP022", output);
        Assert.Contains("'-Confirm' of Get-PsHelpSample is not documented", output);
    }

    [Fact]
    public void ModuleCheck_FailsOnParameterThatDoesNotExist()
    {
        var ghost = "### -Ghost\nA parameter the cmdlet does not have.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n";
        var source = SampleHelp.WriteSource(root, SampleHelp.Markdown.Replace("### CommonParameters", ghost + "### CommonParameters"));

        var (exitCode, output) = HelpCompilerRunner.Run(source, HelpFolder, TestAssemblyPath);

        Assert.Equal(1, exitCode);
        Assert.Contains("PSHELP023", output);
        Assert.Contains("'-Ghost' is documented but Get-PsHelpSample has no such parameter", output);
    }

    [Fact]
    public void MissingArguments_ExitWithUsage()
    {
        var (exitCode, output) = HelpCompilerRunner.Run(root, "");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output);
    }

    private static string TestAssemblyPath => typeof(GetPsHelpSampleCommand).Assembly.Location;

    private PSObject CompileAndGetHelp(string script) => Assert.Single(CompileAndInvoke(script));

    private System.Collections.Generic.IReadOnlyList<PSObject> CompileAndInvoke(string script)
    {
        var (exitCode, output) = HelpCompilerRunner.Run(SampleHelp.WriteSource(root), HelpFolder);
        Assert.True(exitCode == 0, output);
        var modulePath = Path.Combine(ModuleFolder, "PsHelpSample.psm1");
        File.WriteAllText(modulePath, SampleHelp.ScriptModule);

        using var runspace = new HelpRunspace();
        runspace.Invoke("Import-Module -Name $Path -ErrorAction Stop", ("Path", modulePath));
        return runspace.Invoke(script);
    }

    private static string Str(object? value) => value?.ToString() ?? "";

    private static object? Member(object? item, string name) =>
        item is PSObject ps ? ps.Properties[name]?.Value : null;

    private static PSObject[] Items(object? container, string name) => Member(container, name) switch
    {
        null => Array.Empty<PSObject>(),
        object[] many => many.Cast<PSObject>().ToArray(),
        PSObject one when one.BaseObject is object[] many => many.Cast<PSObject>().ToArray(),
        PSObject one => new[] { one },
        var other => new[] { PSObject.AsPSObject(other) },
    };

    private static string[] Texts(object? paragraphs) => paragraphs switch
    {
        null => Array.Empty<string>(),
        object[] many => many.Select(p => Str(Member(p, "Text")).Trim()).ToArray(),
        PSObject one when one.BaseObject is object[] many => many.Select(p => Str(Member(p, "Text")).Trim()).ToArray(),
        var one => new[] { Str(Member(one, "Text")).Trim() },
    };
}
