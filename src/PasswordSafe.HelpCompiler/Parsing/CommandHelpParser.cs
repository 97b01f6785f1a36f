using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.HelpCompiler.Markdown;
using PasswordSafe.HelpCompiler.Model;

namespace PasswordSafe.HelpCompiler.Parsing;

/// <summary>
/// Reads one cmdlet markdown file (PlatyPS v1, schema 2.0.0) into a <see cref="CommandHelp"/>,
/// reporting every gap that would leave Get-Help thin: no synopsis, no description, no example,
/// a malformed parameter block, or template placeholders left in.
/// </summary>
internal sealed class CommandHelpParser
{
    private static readonly Regex CommandName = new(@"^[A-Za-z]+-[A-Za-z0-9]+$", RegexOptions.Compiled);
    private static readonly Regex Placeholder = new(@"\{\{.*?\}\}", RegexOptions.Compiled);
    // PlatyPS marks the default set in SYNTAX as "### Name (Default)"; the set itself is just "Name".
    private static readonly Regex DefaultSetSuffix = new(@"\s*\(Default\)\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex LinkPattern = new(@"\[([^\]]*)\]\(([^)\s]*)\)", RegexOptions.Compiled);

    private readonly MarkdownDocument _document;
    private readonly HelpDiagnostics _diagnostics;

    private CommandHelpParser(MarkdownDocument document, HelpDiagnostics diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
    }

    /// <summary>Returns null when the file is too broken to compile; the reasons are in <paramref name="diagnostics"/>.</summary>
    public static CommandHelp? Parse(MarkdownDocument document, HelpDiagnostics diagnostics)
    {
        try
        {
            return new CommandHelpParser(document, diagnostics).Parse();
        }
        catch (HelpSchemaException ex)
        {
            diagnostics.Error(ex.Code, document.FilePath, ex.Line, ex.Message);
            return null;
        }
    }

    private CommandHelp? Parse()
    {
        var externalHelpFile = _document.GetFrontMatter("external help file");
        if (string.IsNullOrEmpty(externalHelpFile))
        {
            throw new HelpSchemaException("PSHELP001", 1,
                "front matter: 'external help file:' is missing; add 'external help file: PasswordSafe.dll-Help.xml' between the '---' lines.");
        }

        var commands = MarkdownSection.Split(_document.Blocks, 1);
        var stray = commands.FirstOrDefault(s => s.Heading == null);
        if (stray != null)
        {
            throw new HelpSchemaException("PSHELP013", stray.Body[0].Line,
                "text before the '# Verb-Noun' heading; the first heading must be the command name.");
        }

        if (commands.Count != 1)
        {
            throw new HelpSchemaException("PSHELP002", commands.Count == 0 ? 0 : commands[1].Heading!.Line,
                "a cmdlet help file needs exactly one '# Verb-Noun' heading (one command per file).");
        }

        var nameHeading = commands[0].Heading!;
        if (!CommandName.IsMatch(nameHeading.Text))
        {
            throw new HelpSchemaException("PSHELP002", nameHeading.Line,
                $"'# {nameHeading.Text}' is not a command name; the first heading must be '# Verb-Noun'.");
        }

        var help = new CommandHelp(nameHeading.Text, _document.FilePath, externalHelpFile!);
        var fileName = Path.GetFileNameWithoutExtension(_document.FilePath);
        if (!fileName.Equals(help.Name, StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Error("PSHELP012", _document.FilePath, nameHeading.Line,
                $"the file documents '{help.Name}' but is named '{fileName}.md'; rename the file or fix the heading.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in MarkdownSection.Split(commands[0].Body, 2))
        {
            if (section.Heading == null)
            {
                throw new HelpSchemaException("PSHELP013", section.Body[0].Line,
                    "text between '# " + help.Name + "' and '## SYNOPSIS'; put it in a section.");
            }

            if (!seen.Add(section.Title))
            {
                throw new HelpSchemaException("PSHELP003", section.Heading.Line, $"section '## {section.Title}' appears twice.");
            }

            ReadSection(help, section);
        }

        RequireContent(help, seen);
        return help;
    }

    private void ReadSection(CommandHelp help, MarkdownSection section)
    {
        switch (section.Title.ToUpperInvariant())
        {
            case "SYNOPSIS":
                help.Synopsis.AddRange(TextOnly(section));
                break;
            case "SYNTAX":
                help.SyntaxSetNames.AddRange(MarkdownSection.Split(section.Body, 3)
                    .Where(s => s.Heading != null)
                    .Select(s => DefaultSetSuffix.Replace(s.Title, "")));
                break;
            case "DESCRIPTION":
                help.Description.AddRange(Text(section.Body, "DESCRIPTION"));
                break;
            case "EXAMPLES":
                ReadExamples(help, section);
                break;
            case "PARAMETERS":
                ReadParameters(help, section);
                break;
            case "INPUTS":
                help.Inputs.AddRange(ReadTypes(section));
                break;
            case "OUTPUTS":
                help.Outputs.AddRange(ReadTypes(section));
                break;
            case "NOTES":
                help.Notes.AddRange(Text(section.Body, "NOTES"));
                break;
            case "RELATED LINKS":
                help.Links.AddRange(ReadLinks(section));
                break;
            default:
                throw new HelpSchemaException("PSHELP003", section.Heading!.Line,
                    $"unknown section '## {section.Title}'. Expected SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS.");
        }
    }

    private void RequireContent(CommandHelp help, HashSet<string> sections)
    {
        var headingLine = _document.Blocks.First(b => b.IsHeading(1)).Line;
        if (help.Synopsis.Count == 0)
        {
            _diagnostics.Error("PSHELP004", _document.FilePath, headingLine,
                $"SYNOPSIS: '{help.Name}' has no synopsis; write one sentence under '## SYNOPSIS'.");
        }

        if (help.Description.Count == 0)
        {
            _diagnostics.Error("PSHELP005", _document.FilePath, headingLine,
                $"DESCRIPTION: '{help.Name}' has no description; describe what it does under '## DESCRIPTION'.");
        }

        if (help.Examples.Count == 0)
        {
            _diagnostics.Error("PSHELP006", _document.FilePath, headingLine,
                $"EXAMPLES: '{help.Name}' has no example; add '### Example 1: <title>' with a ```powershell block under '## EXAMPLES'.");
        }

        if (!sections.Contains("PARAMETERS"))
        {
            _diagnostics.Error("PSHELP008", _document.FilePath, headingLine,
                $"PARAMETERS: '{help.Name}' has no '## PARAMETERS' section; add one (with '### CommonParameters' when it has no own parameters).");
        }
    }

    private List<string> TextOnly(MarkdownSection section)
    {
        var code = section.Body.FirstOrDefault(b => b.Kind != MarkdownBlockKind.Paragraph);
        if (code != null)
        {
            throw new HelpSchemaException("PSHELP013", code.Line,
                $"{section.Title}: only plain text belongs here (found a {(code.Kind == MarkdownBlockKind.Heading ? "heading" : "code block")}).");
        }

        return Text(section.Body, section.Title);
    }

    /// <summary>Paragraphs for the MAML; rejects sub-headings and PlatyPS placeholders.</summary>
    private List<string> Text(IEnumerable<MarkdownBlock> blocks, string where)
    {
        var list = blocks.ToList();
        var heading = list.FirstOrDefault(b => b.Kind == MarkdownBlockKind.Heading);
        if (heading != null)
        {
            throw new HelpSchemaException("PSHELP013", heading.Line,
                $"{where}: unexpected heading '{heading.Text}' here; use plain text or a list.");
        }

        foreach (var block in list.Where(b => b.Kind == MarkdownBlockKind.Paragraph))
        {
            var placeholder = block.Lines.Select(l => Placeholder.Match(l)).FirstOrDefault(m => m.Success);
            if (placeholder != null)
            {
                throw new HelpSchemaException("PSHELP011", block.Line,
                    $"{where}: the template placeholder '{placeholder.Value}' is still there; replace it with real text.");
            }
        }

        return HelpParagraphs.FromBlocks(list);
    }

    private void ReadExamples(CommandHelp help, MarkdownSection section)
    {
        foreach (var entry in MarkdownSection.Split(section.Body, 3))
        {
            if (entry.Heading == null)
            {
                throw new HelpSchemaException("PSHELP007", entry.Body[0].Line,
                    "EXAMPLES: text before the first '### Example 1: <title>' heading.");
            }

            var example = new ExampleHelp(entry.Title);
            var codeBlocks = entry.Body.TakeWhile(b => b.Kind == MarkdownBlockKind.CodeBlock).ToList();
            if (codeBlocks.Count == 0)
            {
                throw new HelpSchemaException("PSHELP007", entry.Heading.Line,
                    $"EXAMPLES: '### {entry.Title}' has no code; put a ```powershell block right under the heading.");
            }

            example.Code.AddRange(codeBlocks.Select(b => string.Join("\n", b.Lines)));
            example.Remarks.AddRange(Text(entry.Body.Skip(codeBlocks.Count), $"EXAMPLES ({entry.Title})"));
            help.Examples.Add(example);
        }
    }

    private void ReadParameters(CommandHelp help, MarkdownSection section)
    {
        foreach (var entry in MarkdownSection.Split(section.Body, 3))
        {
            if (entry.Heading == null)
            {
                throw new HelpSchemaException("PSHELP008", entry.Body[0].Line,
                    "PARAMETERS: text before the first '### -Name' heading.");
            }

            if (entry.Title.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Get-Help adds the common parameters itself.
            }

            if (!entry.Title.StartsWith("-", StringComparison.Ordinal) || entry.Title.Length < 2 || entry.Title.Contains(" "))
            {
                throw new HelpSchemaException("PSHELP008", entry.Heading.Line,
                    $"PARAMETERS: '### {entry.Title}' is not a parameter heading; write '### -Name'.");
            }

            var parameter = new ParameterHelp(entry.Title.Substring(1), entry.Heading.Line);
            if (help.Parameters.Any(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new HelpSchemaException("PSHELP010", entry.Heading.Line,
                    $"PARAMETERS: '-{parameter.Name}' is documented twice.");
            }

            var descriptionBlocks = entry.Body.TakeWhile(b => b.Kind == MarkdownBlockKind.Paragraph).ToList();
            parameter.Description.AddRange(Text(descriptionBlocks, $"PARAMETERS (-{parameter.Name})"));
            if (parameter.Description.Count == 0)
            {
                _diagnostics.Error("PSHELP009", _document.FilePath, entry.Heading.Line,
                    $"PARAMETERS: '-{parameter.Name}' has no description; say what it does above its yaml block.");
            }

            foreach (var block in entry.Body.Skip(descriptionBlocks.Count))
            {
                if (block.Kind != MarkdownBlockKind.CodeBlock || (block.Info.Length > 0 && !block.Info.Equals("yaml", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpSchemaException("PSHELP008", block.Line,
                        $"PARAMETERS: '-{parameter.Name}' may only have its description followed by ```yaml blocks.");
                }

                parameter.Metadata.Add(ParameterMetadataParser.Parse(parameter.Name, block));
            }

            if (parameter.Metadata.Count == 0)
            {
                throw new HelpSchemaException("PSHELP008", entry.Heading.Line,
                    $"PARAMETERS: '-{parameter.Name}' has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
            }

            help.Parameters.Add(parameter);
        }
    }

    private IEnumerable<TypeHelp> ReadTypes(MarkdownSection section)
    {
        foreach (var entry in MarkdownSection.Split(section.Body, 3).Where(e => e.Heading != null))
        {
            var type = new TypeHelp(entry.Title);
            type.Description.AddRange(Text(entry.Body, $"{section.Title} ({entry.Title})"));
            yield return type;
        }
    }

    private IEnumerable<RelatedLinkHelp> ReadLinks(MarkdownSection section)
    {
        foreach (var paragraph in TextOnlyBlocks(section))
        {
            foreach (var raw in paragraph.Lines)
            {
                var line = Regex.Replace(raw.Trim(), @"^([-*+]|\d+[.)])\s+", "");
                var links = LinkPattern.Matches(line);
                if (links.Count == 0 && line.Length > 0)
                {
                    yield return new RelatedLinkHelp(InlineMarkdown.ToPlainText(line), "");
                }

                foreach (Match link in links)
                {
                    var uri = link.Groups[2].Value;
                    yield return new RelatedLinkHelp(link.Groups[1].Value, InlineMarkdown.IsAbsoluteUri(uri) ? uri : "");
                }
            }
        }
    }

    private static IEnumerable<MarkdownBlock> TextOnlyBlocks(MarkdownSection section) =>
        section.Body.Where(b => b.Kind == MarkdownBlockKind.Paragraph);
}
