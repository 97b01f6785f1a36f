using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PasswordSafe.HelpCompiler.Markdown;

namespace PasswordSafe.HelpCompiler.Rendering;

/// <summary>
/// Renders an about_ topic markdown file as the plain-text .help.txt that Get-Help reads, in the
/// layout PlatyPS's New-ExternalHelp uses: "TOPIC", upper-case top-level headings, text indented
/// four spaces and wrapped at 80 columns, code kept verbatim.
/// </summary>
internal static class AboutTopicRenderer
{
    private const int LineWidth = 80;
    private const string Indent = "    ";

    /// <summary>Returns the text, or throws when the topic lacks what Get-Help needs (its short description).</summary>
    public static string Render(MarkdownDocument document)
    {
        var topicName = Path.GetFileNameWithoutExtension(document.FilePath);
        var blocks = document.Blocks;
        if (blocks.Count == 0 || !blocks[0].IsHeading(1))
        {
            throw new HelpSchemaException("PSHELP024", blocks.Count == 0 ? 0 : blocks[0].Line,
                $"an about topic starts with '# {topicName}'.");
        }

        RequireHeading(blocks, "SHORT DESCRIPTION");
        RequireHeading(blocks, "LONG DESCRIPTION");

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(topicName.ToLowerInvariant()).Append("\n\n");
        for (var i = 1; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // PlatyPS's template repeats the lookup name as the second heading; it is already printed above.
            if (i == 1 && block.IsHeading(2) && block.Text.Equals(topicName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading:
                    AppendHeading(text, block);
                    break;
                case MarkdownBlockKind.Paragraph:
                    foreach (var paragraph in HelpParagraphs.FromParagraph(block.Lines))
                    {
                        AppendWrapped(text, paragraph);
                    }

                    text.Append('\n');
                    break;
                case MarkdownBlockKind.CodeBlock:
                    foreach (var line in block.Lines)
                    {
                        text.Append(line.Length == 0 ? "" : Indent + line).Append('\n');
                    }

                    text.Append('\n');
                    break;
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void RequireHeading(IReadOnlyList<MarkdownBlock> blocks, string title)
    {
        if (!blocks.Any(b => b.Kind == MarkdownBlockKind.Heading && b.Text.Equals(title, StringComparison.OrdinalIgnoreCase)))
        {
            throw new HelpSchemaException("PSHELP024", 0,
                $"the about topic has no '# {title}' section; Get-Help shows it as the topic's {(title.StartsWith("SHORT", StringComparison.Ordinal) ? "synopsis" : "body")}.");
        }
    }

    private static void AppendHeading(StringBuilder text, MarkdownBlock heading)
    {
        var title = InlineMarkdown.ToPlainText(heading.Text);
        switch (heading.Level)
        {
            case 1:
                text.Append(title.ToUpperInvariant()).Append('\n');
                break;
            case 2:
                text.Append(title).Append('\n');
                break;
            default:
                text.Append(Indent).Append(title.ToUpperInvariant()).Append('\n');
                break;
        }
    }

    /// <summary>Wraps at word boundaries; list items get a hanging indent so their lines line up.</summary>
    private static void AppendWrapped(StringBuilder text, string paragraph)
    {
        var hanging = Indent;
        var marker = paragraph.IndexOf(' ');
        if (marker > 0 && IsListMarker(paragraph.Substring(0, marker)))
        {
            hanging = Indent + new string(' ', marker + 1);
        }

        var line = new StringBuilder(Indent);
        var lineHasWord = false;
        foreach (var word in paragraph.Split(' ').Where(w => w.Length > 0))
        {
            if (lineHasWord && line.Length + 1 + word.Length > LineWidth)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(hanging);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        text.Append(line).Append('\n');
    }

    private static bool IsListMarker(string token) =>
        token == "-" || token == "*" || token == "+" ||
        (token.Length > 1 && (token.EndsWith(".", StringComparison.Ordinal) || token.EndsWith(")", StringComparison.Ordinal)) && token.Take(token.Length - 1).All(char.IsDigit));
}
