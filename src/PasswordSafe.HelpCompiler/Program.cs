using System;

namespace PasswordSafe.HelpCompiler;

/// <summary>Placeholder until the markdown-to-MAML compiler lands.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("help compiler: not yet implemented");
        return 0;
    }
}
