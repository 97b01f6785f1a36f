using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace PasswordSafe.HelpCompiler.Markdown;

/// <summary>
/// Reads the subset of markdown that PlatyPS help uses: front matter, ATX headings, fenced code
/// blocks and paragraphs. Deliberately small: help files are written to a schema, not free-form.
/// </summary>
internal static class MarkdownDocumentReader
{
    private static readonly Regex HeadingPattern = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.Compiled);
    private static readonly Regex FencePattern = new(@"^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)", RegexOptions.Compiled);

    public static MarkdownDocument Read(string filePath) => Parse(filePath, File.ReadAllText(filePath));

    public static MarkdownDocument Parse(string filePath, string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var index = 0;
        var frontMatter = ReadFrontMatter(lines, ref index);
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        var paragraphStart = 0;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(MarkdownBlock.Paragraph(paragraphStart, paragraph.ToArray()));
                paragraph.Clear();
            }
        }

        while (index < lines.Length)
        {
            var line = lines[index];
            var lineNumber = index + 1;
            var fence = FencePattern.Match(line);
            if (fence.Success)
            {
                FlushParagraph();
                index = ReadCodeBlock(lines, index, fence.Groups[1].Value, fence.Groups[2].Value, blocks);
                continue;
            }

            var heading = HeadingPattern.Match(line);
            if (heading.Success)
            {
                FlushParagraph();
                blocks.Add(MarkdownBlock.Heading(lineNumber, heading.Groups[1].Value.Length, heading.Groups[2].Value.Trim()));
            }
            else if (line.Trim().Length == 0)
            {
                FlushParagraph();
            }
            else if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                // Comments (PlatyPS leaves some in templates) never reach the help.
                FlushParagraph();
                while (index < lines.Length && !lines[index].Contains("-->"))
                {
                    index++;
                }
            }
            else
            {
                if (paragraph.Count == 0)
                {
                    paragraphStart = lineNumber;
                }

                paragraph.Add(line);
            }

            index++;
        }

        FlushParagraph();
        return new MarkdownDocument(filePath, frontMatter, blocks);
    }

    private static int ReadCodeBlock(string[] lines, int start, string fence, string info, List<MarkdownBlock> blocks)
    {
        var content = new List<string>();
        var index = start + 1;
        while (index < lines.Length && !IsClosingFence(lines[index], fence))
        {
            content.Add(lines[index]);
            index++;
        }

        blocks.Add(MarkdownBlock.Code(start + 1, info.Trim(), content.ToArray()));
        return index + 1;
    }

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.Trim(fence[0]).Length == 0;
    }

    private static IReadOnlyDictionary<string, string> ReadFrontMatter(string[] lines, ref int index)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return values;
        }

        var i = 1;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                values[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
        }

        index = Math.Min(i + 1, lines.Length);
        return values;
    }
}
