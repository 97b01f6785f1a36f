using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.HelpCompiler;

/// <summary>Collects every finding so one build run reports all broken help, not just the first.</summary>
internal sealed class HelpDiagnostics
{
    private readonly List<HelpDiagnostic> _items = new();

    public IReadOnlyList<HelpDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string code, string filePath, int line, string message) =>
        _items.Add(new HelpDiagnostic(DiagnosticSeverity.Error, code, filePath, line, message));

    public void Warning(string code, string filePath, int line, string message) =>
        _items.Add(new HelpDiagnostic(DiagnosticSeverity.Warning, code, filePath, line, message));
}
