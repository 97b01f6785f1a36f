using System;

namespace PasswordSafe.HelpCompiler;

/// <summary>One finding about a help file, printed in MSBuild's canonical format so the build shows file and line.</summary>
internal sealed class HelpDiagnostic
{
    public HelpDiagnostic(DiagnosticSeverity severity, string code, string filePath, int line, string message)
    {
        Severity = severity;
        Code = code;
        FilePath = filePath;
        Line = line;
        Message = message;
    }

    public DiagnosticSeverity Severity { get; }

    /// <summary>Stable code (PSHELP0xx) so a build log can be searched.</summary>
    public string Code { get; }

    public string FilePath { get; }

    /// <summary>1-based; 0 when the finding concerns the whole file.</summary>
    public int Line { get; }

    public string Message { get; }

    public override string ToString()
    {
        var location = Line > 0 ? $"{FilePath}({Line})" : FilePath;
        var kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{location}: {kind} {Code}: {Message}";
    }
}
