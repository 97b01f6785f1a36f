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

    /// <summary>
    /// One result per name: the list shows the name as it is; the text inserted is <see cref="CompletionText"/>, escaped
    /// where the parameter reads wildcards (<paramref name="escapeWildcards"/>, from <see cref="WildcardParameters"/>).
    /// </summary>
    public static IEnumerable<CompletionResult> Results(IEnumerable<string> names, string tooltip, bool escapeWildcards) =>
        names.Select(name => new CompletionResult(CompletionText(name, escapeWildcards), name, CompletionResultType.ParameterValue, tooltip + name)).ToList();

    /// <summary>
    /// What Tab inserts for a name. For a parameter that reads wildcards, a name with <c>* ? [ ]</c> or a backtick is
    /// escaped (<c>web`[01`]</c>) and single-quoted: inside single quotes the backticks reach the cmdlet as they are, so
    /// its pattern matches that one name (bare, PowerShell would take each backtick as its own escape and drop it).
    /// Otherwise the name is <see cref="Quote"/>d.
    /// </summary>
    internal static string CompletionText(string name, bool escapeWildcards)
    {
        var escaped = escapeWildcards ? WildcardParameters.Escape(name) : name;
        return escaped == name ? Quote(name) : SingleQuoted(escaped);
    }

    /// <summary>The name as typed text: as it is when PowerShell reads it back as that one bare word, else single-quoted.</summary>
    internal static string Quote(string name) =>
        IsBareWord(name) ? name : SingleQuoted(name);

    /// <summary>Single-quoted, each quote in it doubled (PowerShell's typographic single quotes too, which also end a string).</summary>
    private static string SingleQuoted(string text) => "'" + CodeGeneration.EscapeSingleQuotedStringContent(text) + "'";

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
