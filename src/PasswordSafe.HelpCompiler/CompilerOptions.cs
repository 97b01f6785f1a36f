using System;
using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler;

/// <summary>Command-line options: where the markdown is, where the help goes, which DLL to check it against.</summary>
internal sealed class CompilerOptions
{
    public string SourceDirectory { get; private set; } = "";

    public string OutputDirectory { get; private set; } = "";

    /// <summary>Optional: the built module DLL whose cmdlets and parameters the help must match.</summary>
    public string? ModuleAssemblyPath { get; private set; }

    public const string Usage =
        "usage: PasswordSafe.HelpCompiler --source <markdown folder> --output <help folder> [--module <module dll>]";

    /// <summary>Returns null and sets <paramref name="error"/> when the arguments are unusable.</summary>
    public static CompilerOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new CompilerOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"option '{name}' needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name.ToLowerInvariant())
            {
                case "--source": options.SourceDirectory = value; break;
                case "--output": options.OutputDirectory = value; break;
                case "--module": options.ModuleAssemblyPath = value; break;
                default:
                    error = $"unknown option '{name}'.";
                    return null;
            }
        }

        if (options.SourceDirectory.Length == 0 || options.OutputDirectory.Length == 0)
        {
            error = "--source and --output are required.";
            return null;
        }

        return options;
    }
}
