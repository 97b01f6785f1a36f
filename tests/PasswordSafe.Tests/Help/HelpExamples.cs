using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// The examples of the en-US help pages as a user copies them, and demo sessions to run them in: shared by the
/// classes that run the help examples against the demo emulator.
/// </summary>
internal static class HelpExamples
{
    /// <summary>Every cmdlet that has a help page (about_ topics have no examples to run).</summary>
    public static IEnumerable<string> Pages() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "en-US"), "*-*.md")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(System.StringComparer.Ordinal);

    public static bool Exists(string cmdlet, int number) => Section(cmdlet, number).Success;

    /// <summary>The example numbers of a page: 1, 2, … as long as they follow on.</summary>
    public static IEnumerable<int> Numbers(string cmdlet)
    {
        for (var number = 1; Exists(cmdlet, number); number++)
        {
            yield return number;
        }
    }

    /// <summary>The example's code blocks, as a user copies them.</summary>
    public static string Code(string cmdlet, int number)
    {
        var section = Section(cmdlet, number);
        Assert.True(section.Success, $"en-US/{cmdlet}.md has no example {number}.");
        return string.Join("\n", Regex.Matches(section.Value, @"^```powershell\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value));
    }

    /// <summary>A runspace with the module imported, signed in to the emulator as a demo user with the demo key.</summary>
    public static PowerShellRunner Connect(EmulatorServer server, string runAs)
    {
        var runner = PowerShellRunner.Start();
        runner.SetVariable("Uri", server.RootUri.ToString());
        runner.SetVariable("Thumbprint", server.ServerCertificate.Thumbprint);
        runner.SetVariable("DemoKey", EmulatorFixture.Secure(DemoSeed.ApiKey));
        runner.SetVariable("RunAs", runAs);
        runner.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $DemoKey -RunAs $RunAs -ServerCertificateThumbprint $Thumbprint").AssertSuccess();
        return runner;
    }

    private static string Markdown(string cmdlet) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "en-US", cmdlet + ".md"));

    private static Match Section(string cmdlet, int number) =>
        Regex.Match(Markdown(cmdlet), $@"^### Example {number}\b.*?(?=^### |^## )", RegexOptions.Multiline | RegexOptions.Singleline);
}
