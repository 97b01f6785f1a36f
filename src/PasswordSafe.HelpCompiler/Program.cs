using System;

namespace PasswordSafe.HelpCompiler;

/// <summary>
/// Compiles en-US/*.md (PlatyPS markdown) into PasswordSafe.dll-Help.xml and about_*.help.txt.
/// Exit codes: 0 help written, 1 help has errors (nothing written), 2 bad arguments.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var options = CompilerOptions.Parse(args, out var error);
        if (options == null)
        {
            Console.Error.WriteLine($"PasswordSafe.HelpCompiler: error PSHELP000: {error}");
            Console.Error.WriteLine(CompilerOptions.Usage);
            return 2;
        }

        var compilation = new HelpCompilation(options);
        compilation.Run();
        foreach (var diagnostic in compilation.Diagnostics.Items)
        {
            // MSBuild's Exec task turns these canonical lines into build errors and warnings with file and line.
            Console.Error.WriteLine(diagnostic.ToString());
        }

        if (compilation.Diagnostics.HasErrors)
        {
            Console.Error.WriteLine("PasswordSafe.HelpCompiler: help not written; fix the errors above in " + options.SourceDirectory);
            return 1;
        }

        foreach (var path in compilation.WrittenFiles)
        {
            Console.WriteLine("help compiler: wrote " + path);
        }

        return 0;
    }
}
