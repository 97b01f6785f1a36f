using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// Help as a reader meets it: `Get-Help -Examples` sets every example apart (a dashed title, a blank line before it,
/// however long the title), and the text speaks of the product, never of the project's internal rule numbers.
/// </summary>
public sealed class HelpReadabilityTests
{
    [Fact]
    public void GetHelpExamples_EveryTitleHasItsDashes_AndABlankLineBeforeIt()
    {
        using var shell = PowerShellRunner.Start();

        var lines = shell.Run("$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new(200, 9000)\n" +
                              "Get-Command -Module PasswordSafe -CommandType Cmdlet | ForEach-Object { Get-Help -Name $_.Name -Examples | Out-Host }")
            .AssertSuccess().HostWrites
            .SelectMany(w => w.Split('\n'))
            .Select(l => l.TrimEnd('\r').Trim())
            .ToList();

        // A title is a line that starts with "Example N", dashed or not (remarks may mention "as in Example 1").
        var titles = Enumerable.Range(0, lines.Count).Where(i => Regex.IsMatch(lines[i], @"^(-+ )?Example \d+\b")).ToList();
        Assert.True(titles.Count >= 100, $"Only {titles.Count} example titles were shown; did Get-Help find the help?");
        Assert.All(titles, i => Assert.Matches(@"^-{4,} Example \d+(: .+)? -{4,}$", lines[i]));
        Assert.All(titles, i => Assert.True(lines[i - 1].Length == 0, $"No blank line before '{lines[i]}': '{lines[i - 1]}'"));
        // The longest title of New-PSRequest (over 60 characters) keeps its dashes too.
        Assert.Contains(titles, i => lines[i].Length > 70);
    }

    [Fact]
    public void HelpText_CitesNoInternalRuleNumbersOrApiNotes()
    {
        // "spec E1", "(A3)", "api-v3 §3.4": the project's own references, which mean nothing to a reader of Get-Help.
        var internalReference = new Regex(@"\bspec(?:'s)?\s+(?:rule\s+)?[A-F]\d|\bapi-v3\b|§|\([A-F]\d(?:\s*[–/-]\s*[A-F]?\d)?\)|\b[A-F]\d (?:pipeline|workflow)\b",
            RegexOptions.IgnoreCase);

        var found = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "en-US"), "*.md")
            .SelectMany(path => File.ReadAllLines(path).Select((line, index) => (File: Path.GetFileName(path), Line: index + 1, Text: line)))
            .Where(l => internalReference.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(found.Count == 0, "Internal references in the help:\n" + string.Join("\n", found));
    }
}
