using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>What a table view shows in a console of a given width: rendered through Out-Host, colour codes removed.</summary>
internal static class ConsoleTable
{
    /// <summary>What <paramref name="script"/> shows through Out-Host at that console width, colour codes removed.</summary>
    public static List<string> Render(PowerShellRunner shell, int width, string script)
    {
        // The host keeps everything written in the runspace; this call's lines are the ones after what is there.
        var before = shell.Host.UserInterface.Written.Count;
        return shell.Run($"$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new({width}, 3000)\n{script} | Out-Host")
            .AssertSuccess().HostWrites
            .Skip(before)
            .SelectMany(w => w.Split('\n'))
            .Select(l => Regex.Replace(l, @"\x1b\[[0-9;]*m", string.Empty).TrimEnd('\r', ' '))
            .Where(l => l.Length > 0)
            .ToList();
    }

    /// <summary>Every line fits the console and nothing is cut short with an ellipsis.</summary>
    public static void AssertFits(List<string> table, int width)
    {
        Assert.NotEmpty(table);
        Assert.All(table, l => Assert.True(l.Length < width, $"Wider than the {width}-column console: '{l}'"));
        Assert.All(table, l => Assert.DoesNotContain("…", l));
    }
}
