using System;
using System.Diagnostics;
using System.IO;
using PasswordSafe.Tests.Infrastructure;

namespace PasswordSafe.Tests.Help;

/// <summary>Runs the built help compiler exactly as the module build does (a separate dotnet process).</summary>
public static class HelpCompilerRunner
{
    /// <summary>The compiler built with the same configuration as these tests (bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string CompilerPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "src", "PasswordSafe.HelpCompiler", "bin", configuration, "net10.0", "PasswordSafe.HelpCompiler.dll");
        }
    }

    public static (int ExitCode, string Output) Run(string source, string output, string? module = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CompilerPath);
        start.ArgumentList.Add("--source");
        start.ArgumentList.Add(source);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(output);
        if (module != null)
        {
            start.ArgumentList.Add("--module");
            start.ArgumentList.Add(module);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("The help compiler did not finish within a minute.");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
