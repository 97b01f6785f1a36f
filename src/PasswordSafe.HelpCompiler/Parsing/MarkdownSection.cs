using System.Collections.Generic;
using PasswordSafe.HelpCompiler.Markdown;

namespace PasswordSafe.HelpCompiler.Parsing;

/// <summary>A heading and the blocks under it, up to the next heading of the same or a higher level.</summary>
internal sealed class MarkdownSection
{
    public MarkdownSection(MarkdownBlock? heading, List<MarkdownBlock> body)
    {
        Heading = heading;
        Body = body;
    }

    /// <summary>Null for the blocks that come before the first heading.</summary>
    public MarkdownBlock? Heading { get; }

    public string Title => Heading?.Text ?? "";

    public List<MarkdownBlock> Body { get; }

    /// <summary>Splits blocks at every heading of <paramref name="level"/>; deeper headings stay in the body.</summary>
    public static List<MarkdownSection> Split(IEnumerable<MarkdownBlock> blocks, int level)
    {
        var sections = new List<MarkdownSection>();
        var current = new MarkdownSection(null, new List<MarkdownBlock>());
        foreach (var block in blocks)
        {
            if (block.IsHeading(level))
            {
                if (current.Heading != null || current.Body.Count > 0)
                {
                    sections.Add(current);
                }

                current = new MarkdownSection(block, new List<MarkdownBlock>());
            }
            else
            {
                current.Body.Add(block);
            }
        }

        if (current.Heading != null || current.Body.Count > 0)
        {
            sections.Add(current);
        }

        return sections;
    }
}
