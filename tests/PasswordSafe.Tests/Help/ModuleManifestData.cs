using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// The built manifest (out/PasswordSafe/PasswordSafe.psd1) read as data with PowerShell's own parser,
/// so the list of cmdlets to test exists before any runspace is opened (xunit theory data).
/// </summary>
public static class ModuleManifestData
{
    public static Hashtable Read()
    {
        var path = RepositoryPaths.ModuleManifest;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build the module (dotnet build) before running the help tests.");
        }

        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{path} does not parse: {errors[0]}");
        }

        var table = ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst
            ?? throw new InvalidOperationException($"{path} holds no hashtable.");
        return (Hashtable)table.SafeGetValue();
    }

    /// <summary>A manifest list entry (a single string or an array) as strings.</summary>
    public static string[] List(Hashtable manifest, string key) => manifest[key] switch
    {
        null => Array.Empty<string>(),
        string single => new[] { single },
        object[] many => many.Select(item => item?.ToString() ?? "").ToArray(),
        var other => new[] { other.ToString() ?? "" },
    };

    public static TheoryData<string> CmdletsToExport()
    {
        var data = new TheoryData<string>();
        foreach (var name in List(Read(), "CmdletsToExport").OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            data.Add(name);
        }

        return data;
    }
}
