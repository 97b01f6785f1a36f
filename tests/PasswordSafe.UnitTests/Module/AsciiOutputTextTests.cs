using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Everything the module writes is ASCII: Windows PowerShell 5.1 writes redirected output (a scheduled task's log,
/// <c>powershell.exe ... &gt; log.txt</c>) in the OEM/ANSI code page, where an arrow, an ellipsis or a section sign
/// becomes '?'. The module's text comes from its string literals (Verbose, Debug, Warning, errors, progress), its
/// attribute texts and its format data, so those are scanned; comments and the markdown help are not output.
/// </summary>
public class AsciiOutputTextTests
{
    private static readonly Assembly Module = typeof(ApiClient).Assembly;

    [Fact]
    public void EveryStringLiteralOfTheModule_IsAscii()
    {
        using var stream = File.OpenRead(Module.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var offenders = new List<string>();
        var count = 0;

        // The #US heap holds every string literal (ldstr) of the assembly, interpolated strings' pieces included.
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            var text = metadata.GetUserString(handle);
            count++;
            if (!IsAscii(text))
            {
                offenders.Add(Describe(text));
            }
        }

        Assert.True(count > 500, $"only {count} literals were read: the scan did not see the module's strings");
        Assert.True(offenders.Count == 0, "Non-ASCII characters in string literals:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryAttributeTextOfTheModule_IsAscii()
    {
        var offenders = new List<string>();
        foreach (var type in Module.GetTypes())
        {
            var members = new List<MemberInfo> { type };
            members.AddRange(type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
            foreach (var member in members)
            {
                foreach (var attribute in member.GetCustomAttributesData())
                {
                    var values = attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue));
                    foreach (var text in values.SelectMany(Strings).Where(t => !IsAscii(t)))
                    {
                        offenders.Add($"{type.Name}.{member.Name} [{attribute.AttributeType.Name}]: {Describe(text)}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Non-ASCII characters in attribute texts:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("src/PasswordSafe/PasswordSafe.format.ps1xml")]
    [InlineData("PasswordSafe.psd1")]
    public void TheModulesFormatDataAndManifest_AreAscii(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), relativePath));

        var offenders = lines.Select((line, index) => (line, index)).Where(l => !IsAscii(l.line)).Select(l => $"line {l.index + 1}: {Describe(l.line)}").ToList();

        Assert.True(offenders.Count == 0, $"Non-ASCII characters in {relativePath}:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("GET https://pam.test/Users -> 200 OK (5 ms)", true)]
    [InlineData("GET https://pam.test/Users \u2192 200 OK (5 ms)", false)]
    [InlineData("shortened\u2026", false)]
    [InlineData("(api-v3 \u00A76.3)", false)]
    public void TheCheck_TellsAsciiFromTheRest(string text, bool ascii) => Assert.Equal(ascii, IsAscii(text));

    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) =>
        argument.Value switch
        {
            string text => new[] { text },
            IEnumerable<CustomAttributeTypedArgument> items => items.SelectMany(Strings),
            _ => Array.Empty<string>(),
        };

    private static bool IsAscii(string text) => text.All(c => c < 128);

    // The offending characters by code point, so the failure itself reads in any console.
    private static string Describe(string text)
    {
        var shown = text.Length > 120 ? text.Substring(0, 120) : text;
        var codes = string.Join(", ", text.Where(c => c >= 128).Distinct().Select(c => "U+" + ((int)c).ToString("X4")));
        return $"{codes} in \"{new string(shown.Select(c => c < 128 ? c : '?').ToArray())}\"";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PasswordSafe.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src", "PasswordSafe")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
