namespace PasswordSafe.HelpCompiler.Markdown;

internal enum MarkdownBlockKind
{
    Heading,
    Paragraph,
    CodeBlock,
}
