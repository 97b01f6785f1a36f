using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>What the name completers share: the session to ask and how to quote a name.</summary>
internal static class AccountCompletion
{
    /// <summary>The -Session already typed on the command line, else the runspace's default; null offers nothing.</summary>
    public static PasswordSafeSession? SessionFor(IDictionary? fakeBoundParameters)
    {
        var typed = fakeBoundParameters?["Session"];
        var unwrapped = typed is PSObject wrapped ? wrapped.BaseObject : typed;
        var session = unwrapped as PasswordSafeSession ?? SessionStore.Current.Default;
        return session != null && session.IsConnected ? session : null;
    }

    public static string? Bound(IDictionary? fakeBoundParameters, string name)
    {
        var value = fakeBoundParameters?[name];
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        return unwrapped as string;
    }

    /// <summary>Strips the quotes of a partly typed value.</summary>
    public static string Prefix(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

    public static IEnumerable<CompletionResult> Results(IEnumerable<string> names, string tooltip) =>
        names.Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, tooltip + name)).ToList();

    /// <summary>The name as typed text: as it is when PowerShell reads it back as that one bare word, else single-quoted.</summary>
    internal static string Quote(string name) =>
        IsBareWord(name) ? name : "'" + name.Replace("'", "''") + "'";

    private static bool IsBareWord(string name)
    {
        var ast = Parser.ParseInput("x " + name, out _, out var errors);
        return errors.Length == 0
            && ast.EndBlock?.Statements.Count == 1
            && ast.EndBlock.Statements[0] is PipelineAst { PipelineElements: { Count: 1 } } pipeline
            && pipeline.PipelineElements[0] is CommandAst { CommandElements: { Count: 2 } } command
            && command.CommandElements[1] is StringConstantExpressionAst { StringConstantType: StringConstantType.BareWord } word
            && word.Value == name;
    }
}
