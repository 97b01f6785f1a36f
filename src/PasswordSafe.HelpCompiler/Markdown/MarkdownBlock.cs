using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Markdown;

/// <summary>A top-level markdown block: the only shapes the PlatyPS help schema uses.</summary>
internal sealed class MarkdownBlock
{
    private MarkdownBlock(MarkdownBlockKind kind, int line, int level, string text, string info, IReadOnlyList<string> lines)
    {
        Kind = kind;
        Line = line;
        Level = level;
        Text = text;
        Info = info;
        Lines = lines;
    }

    public MarkdownBlockKind Kind { get; }

    /// <summary>1-based line of the block's first line in the file.</summary>
    public int Line { get; }

    /// <summary>Heading level (1 for '#'); 0 for other blocks.</summary>
    public int Level { get; }

    /// <summary>Heading text; empty for other blocks.</summary>
    public string Text { get; }

    /// <summary>The code fence's info string (language), e.g. "powershell" or "yaml".</summary>
    public string Info { get; }

    /// <summary>Paragraph source lines, or the code block's content lines verbatim.</summary>
    public IReadOnlyList<string> Lines { get; }

    public static MarkdownBlock Heading(int line, int level, string text) =>
        new(MarkdownBlockKind.Heading, line, level, text, "", new string[0]);

    public static MarkdownBlock Paragraph(int line, IReadOnlyList<string> lines) =>
        new(MarkdownBlockKind.Paragraph, line, 0, "", "", lines);

    public static MarkdownBlock Code(int line, string info, IReadOnlyList<string> lines) =>
        new(MarkdownBlockKind.CodeBlock, line, 0, "", info, lines);

    public bool IsHeading(int level) => Kind == MarkdownBlockKind.Heading && Level == level;
}
