using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PasswordSafe.HelpCompiler.Markdown;

/// <summary>
/// Turns markdown blocks into help paragraphs (one maml:para each): wrapped lines are joined, every
/// list item is its own paragraph, and code lines are kept verbatim with an indent.
/// </summary>
internal static class HelpParagraphs
{
    private static readonly Regex ListItem = new(@"^\s*([-*+]|\d+[.)])\s+", RegexOptions.Compiled);
    private const string CodeIndent = "    ";

    public static List<string> FromBlocks(IEnumerable<MarkdownBlock> blocks)
    {
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            if (block.Kind == MarkdownBlockKind.Paragraph)
            {
                paragraphs.AddRange(FromParagraph(block.Lines));
            }
            else if (block.Kind == MarkdownBlockKind.CodeBlock)
            {
                paragraphs.AddRange(block.Lines.Select(line => CodeIndent + line));
            }
        }

        return paragraphs;
    }

    /// <summary>Splits one markdown paragraph into wrapped text and separate list items.</summary>
    public static IEnumerable<string> FromParagraph(IReadOnlyList<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var startsItem = ListItem.IsMatch(raw);
            if (startsItem && current.Length > 0)
            {
                yield return InlineMarkdown.ToPlainText(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return InlineMarkdown.ToPlainText(current.ToString());
        }
    }
}
