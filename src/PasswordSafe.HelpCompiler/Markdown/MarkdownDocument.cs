using System;
using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Markdown;

/// <summary>A help markdown file split into its YAML front matter and its blocks.</summary>
internal sealed class MarkdownDocument
{
    public MarkdownDocument(string filePath, IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<MarkdownBlock> blocks)
    {
        FilePath = filePath;
        FrontMatter = frontMatter;
        Blocks = blocks;
    }

    public string FilePath { get; }

    /// <summary>Front matter keys are case-insensitive ("external help file", "Module Name", "schema"…).</summary>
    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public IReadOnlyList<MarkdownBlock> Blocks { get; }

    public string? GetFrontMatter(string key) => FrontMatter.TryGetValue(key, out var value) ? value : null;
}
