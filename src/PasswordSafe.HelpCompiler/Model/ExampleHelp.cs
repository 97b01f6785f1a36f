using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Model;

internal sealed class ExampleHelp
{
    public ExampleHelp(string title) => Title = title;

    public string Title { get; }

    /// <summary>One entry per code block; joined by a blank line in the MAML.</summary>
    public List<string> Code { get; } = new();

    public List<string> Remarks { get; } = new();
}
