using System;

namespace PasswordSafe.HelpCompiler;

/// <summary>A markdown file breaks the PlatyPS schema in a way that stops it from being compiled.</summary>
internal sealed class HelpSchemaException : Exception
{
    public HelpSchemaException(string code, int line, string message)
        : base(message)
    {
        Code = code;
        Line = line;
    }

    public string Code { get; }

    public int Line { get; }
}
