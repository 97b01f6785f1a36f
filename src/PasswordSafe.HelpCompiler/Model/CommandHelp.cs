using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Model;

/// <summary>Everything one cmdlet markdown file says, ready to be written as MAML.</summary>
internal sealed class CommandHelp
{
    public CommandHelp(string name, string filePath, string externalHelpFile)
    {
        Name = name;
        FilePath = filePath;
        ExternalHelpFile = externalHelpFile;
    }

    public string Name { get; }

    public string FilePath { get; }

    /// <summary>The MAML file this command belongs in (front matter "external help file").</summary>
    public string ExternalHelpFile { get; }

    public string Verb => Name.Split('-')[0];

    public string Noun => Name.Contains("-") ? Name.Substring(Name.IndexOf('-') + 1) : "";

    public List<string> Synopsis { get; } = new();

    public List<string> Description { get; } = new();

    /// <summary>Parameter set names in the order the SYNTAX section lists them.</summary>
    public List<string> SyntaxSetNames { get; } = new();

    public List<ParameterHelp> Parameters { get; } = new();

    public List<TypeHelp> Inputs { get; } = new();

    public List<TypeHelp> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<ExampleHelp> Examples { get; } = new();

    public List<RelatedLinkHelp> Links { get; } = new();
}
