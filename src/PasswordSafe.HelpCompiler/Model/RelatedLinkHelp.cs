namespace PasswordSafe.HelpCompiler.Model;

internal sealed class RelatedLinkHelp
{
    public RelatedLinkHelp(string text, string uri)
    {
        Text = text;
        Uri = uri;
    }

    public string Text { get; }

    /// <summary>Empty unless absolute: Get-Help chokes on relative links (platyPS issue 164).</summary>
    public string Uri { get; }
}
