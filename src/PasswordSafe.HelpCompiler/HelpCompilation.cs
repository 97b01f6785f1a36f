using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PasswordSafe.HelpCompiler.Markdown;
using PasswordSafe.HelpCompiler.Model;
using PasswordSafe.HelpCompiler.Parsing;
using PasswordSafe.HelpCompiler.Rendering;
using PasswordSafe.HelpCompiler.Verification;

namespace PasswordSafe.HelpCompiler;

/// <summary>
/// One run: read every en-US/*.md, check it, and write the MAML and about_*.help.txt files. Nothing
/// is written when any file has an error, so a broken build never ships half-updated help.
/// </summary>
internal sealed class HelpCompilation
{
    private readonly CompilerOptions _options;
    private readonly HelpDiagnostics _diagnostics = new();

    public HelpCompilation(CompilerOptions options) => _options = options;

    public HelpDiagnostics Diagnostics => _diagnostics;

    public IList<string> WrittenFiles { get; } = new List<string>();

    public void Run()
    {
        if (!Directory.Exists(_options.SourceDirectory))
        {
            _diagnostics.Error("PSHELP030", _options.SourceDirectory, 0, "the help source folder does not exist.");
            return;
        }

        var commands = new List<CommandHelp>();
        var aboutTopics = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(_options.SourceDirectory, "*.md").OrderBy(p => p, StringComparer.OrdinalIgnoreCase))
        {
            var document = MarkdownDocumentReader.Read(path);
            var fileName = Path.GetFileNameWithoutExtension(path);
            if (fileName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                RenderAbout(document, fileName, aboutTopics);
            }
            else if (document.GetFrontMatter("external help file") == null && document.GetFrontMatter("Module Guid") != null)
            {
                continue; // A PlatyPS module page (New-MarkdownHelp -WithModulePage) is not command help.
            }
            else
            {
                AddCommand(CommandHelpParser.Parse(document, _diagnostics), commands);
            }
        }

        if (!string.IsNullOrEmpty(_options.ModuleAssemblyPath))
        {
            VerifyAgainstModule(commands);
        }

        if (_diagnostics.HasErrors)
        {
            return;
        }

        Directory.CreateDirectory(_options.OutputDirectory);
        foreach (var group in commands.GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
        {
            Write(group.Key, MamlWriter.Render(group));
        }

        foreach (var topic in aboutTopics)
        {
            Write(topic.Key + ".help.txt", topic.Value);
        }
    }

    private void AddCommand(CommandHelp? command, List<CommandHelp> commands)
    {
        if (command == null)
        {
            return;
        }

        var duplicate = commands.FirstOrDefault(c => c.Name.Equals(command.Name, StringComparison.OrdinalIgnoreCase));
        if (duplicate != null)
        {
            _diagnostics.Error("PSHELP010", command.FilePath, 0, $"'{command.Name}' is already documented in {duplicate.FilePath}.");
            return;
        }

        commands.Add(command);
    }

    private void RenderAbout(MarkdownDocument document, string topicName, Dictionary<string, string> aboutTopics)
    {
        try
        {
            aboutTopics[topicName] = AboutTopicRenderer.Render(document);
        }
        catch (HelpSchemaException ex)
        {
            _diagnostics.Error(ex.Code, document.FilePath, ex.Line, ex.Message);
        }
    }

    private void VerifyAgainstModule(IReadOnlyList<CommandHelp> commands)
    {
        IReadOnlyList<CmdletSignature> cmdlets;
        try
        {
            cmdlets = ModuleCmdletReader.Read(_options.ModuleAssemblyPath!);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is BadImageFormatException || ex is InvalidOperationException)
        {
            _diagnostics.Error("PSHELP025", _options.ModuleAssemblyPath!, 0,
                $"cannot read the module's cmdlets to check the help against them ({ex.Message}); build the module first or drop --module.");
            return;
        }

        HelpCoverageChecker.Check(cmdlets, commands, _options.ModuleAssemblyPath!, _diagnostics);
    }

    private void Write(string fileName, string content)
    {
        var path = Path.Combine(_options.OutputDirectory, fileName);
        if (HelpOutputFile.WriteIfChanged(path, content))
        {
            WrittenFiles.Add(path);
        }
    }
}
