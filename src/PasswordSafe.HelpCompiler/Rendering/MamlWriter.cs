using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PasswordSafe.HelpCompiler.Model;

namespace PasswordSafe.HelpCompiler.Rendering;

/// <summary>
/// Writes MAML in the shape PlatyPS's New-ExternalHelp produces (helpItems in the msh namespace,
/// one command:command per cmdlet), which is what Get-Help on Windows PowerShell 5.1 and PowerShell 7 reads.
/// </summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    private const string AllParameterSets = "__AllParameterSets";

    public static string Render(IEnumerable<CommandHelp> commands)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement)));

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static XElement CommandElement(CommandHelp command) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                new XElement(Maml + "description", Paragraphs(command.Synopsis))),
            new XElement(Maml + "description", Paragraphs(command.Description)),
            new XElement(Command + "syntax", SyntaxItems(command)),
            new XElement(Command + "parameters", command.Parameters.Select(p => ParameterElement(p, p.Primary, inSyntax: false, ParameterSetSummary.Of(p)))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", command.Links.Select(LinkElement)));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));

    /// <summary>
    /// One syntax item per parameter set, built from the parameters' "Parameter Sets" like PlatyPS
    /// does; set order follows the SYNTAX headings so Get-Help lists them as the author wrote them.
    /// </summary>
    private static IEnumerable<XElement> SyntaxItems(CommandHelp command)
    {
        foreach (var setName in ParameterSetNames(command))
        {
            var members = command.Parameters
                .Select(p => (Parameter: p, Metadata: MetadataForSet(p, setName)))
                .Where(m => m.Metadata != null)
                .Select((m, index) => (m.Parameter, Metadata: m.Metadata!, Index: index))
                // Positional parameters first, in position order, as Get-Command shows them.
                .OrderBy(m => int.TryParse(m.Metadata.Position, out var position) ? position : int.MaxValue)
                .ThenBy(m => m.Index);
            yield return new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", command.Name),
                members.Select(m => ParameterElement(m.Parameter, m.Metadata, inSyntax: true)));
        }
    }

    private static List<string> ParameterSetNames(CommandHelp command)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (!name.Equals(AllParameterSets, StringComparison.OrdinalIgnoreCase) &&
                !name.Equals("(All)", StringComparison.OrdinalIgnoreCase) &&
                !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        var declared = command.Parameters.SelectMany(p => p.Metadata).SelectMany(m => m.ParameterSets).ToList();
        // A SYNTAX heading only names a set when parameters use named sets; otherwise it is just a label.
        if (declared.Count > 0)
        {
            command.SyntaxSetNames.ForEach(Add);
        }

        declared.ForEach(Add);
        if (names.Count == 0)
        {
            names.Add(AllParameterSets);
        }

        return names;
    }

    private static ParameterMetadata? MetadataForSet(ParameterHelp parameter, string setName) =>
        parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase))
        ?? parameter.Metadata.FirstOrDefault(m => m.IsInAllSets);

    /// <param name="summary">For the PARAMETERS section: Required and Position over all the parameter's sets, where they differ.</param>
    private static XElement ParameterElement(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax, ParameterSetSummary? summary = null)
    {
        var type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type;
        return new XElement(Command + "parameter",
            new XAttribute("required", summary?.Required ?? Lower(metadata.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(metadata.Globbing)),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", summary?.Position ?? metadata.Position),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(summary?.RequiredNote is { } note ? parameter.Description.Concat(new[] { note }) : parameter.Description)),
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup", metadata.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v)))
                : null,
            // Get-Help prints "-Name <Type>" from this; a switch shows no value in syntax.
            !inSyntax || !metadata.IsSwitch
                ? new XElement(Command + "parameterValue", new XAttribute("required", Lower(!metadata.IsSwitch)), new XAttribute("variableLength", "false"), type)
                : null,
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", metadata.DefaultValue));
    }

    private static XElement TypeElement(string elementName, TypeHelp type) =>
        new(Command + elementName,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paragraphs(type.Description)));

    // Get-Help writes an example's remarks straight after its code and the next title straight after the remarks; the
    // empty last paragraph is the blank line that keeps one example's remarks apart from the next title.
    private static XElement ExampleElement(ExampleHelp example) =>
        new(Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks), new XElement(Maml + "para", string.Empty)));

    private static XElement LinkElement(RelatedLinkHelp link) =>
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", link.Uri));

    /// <summary>
    /// "--------- Example 1: Title ---------": the dashed banner Get-Help users are used to, centred in 64 columns;
    /// a longer title keeps at least <see cref="MinimumExampleDashes"/> dashes on each side, so every title looks alike.
    /// </summary>
    internal static string PadExampleTitle(string title)
    {
        const int width = 64;
        var dashes = new string('-', Math.Max(MinimumExampleDashes, (width - title.Length - 2) / 2));
        return $"{dashes} {title} {dashes}";
    }

    internal const int MinimumExampleDashes = 4;

    private static string Lower(bool value) => value ? "true" : "false";
}
