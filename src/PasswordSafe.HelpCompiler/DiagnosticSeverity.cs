namespace PasswordSafe.HelpCompiler;

internal enum DiagnosticSeverity
{
    Warning,
    Error,
}
