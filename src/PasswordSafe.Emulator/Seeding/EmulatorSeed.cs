using System.Collections.Generic;
using System.IO;

namespace PasswordSafe.Emulator;

/// <summary>
/// The data an emulator starts with (README "Seed format"). Property names are matched
/// case-insensitively; unknown properties are ignored so older emulators read newer seeds.
/// </summary>
public sealed class EmulatorSeed
{
    public SeedSettings? Settings { get; set; }
    public List<SeedApiRegistration> ApiRegistrations { get; set; } = new();
    public List<SeedUser> Users { get; set; } = new();
    public List<SeedUserGroup> UserGroups { get; set; } = new();
    public List<SeedWorkgroup> Workgroups { get; set; } = new();
    public List<SeedManagedSystem> ManagedSystems { get; set; } = new();
    public List<SeedManagedAccount> ManagedAccounts { get; set; } = new();
    public List<SeedSmartRule> SmartRules { get; set; } = new();
    public List<SeedAccessPolicy> AccessPolicies { get; set; } = new();
    /// <summary>Requestable managed account aliases (README "Aliases"), mapped to ManagedAccounts.</summary>
    public List<SeedAlias> Aliases { get; set; } = new();
    /// <summary>Optional large generated data set (README "Generated accounts").</summary>
    public SeedGenerate? Generate { get; set; }

    /// <summary>Paths of the properties the JSON had that no seed type knows (ignored; the CLI warns about them).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> IgnoredProperties { get; internal set; } = [];

    /// <summary>The file or JSON text it was read from (for error places); null for a seed built in code.</summary>
    internal SeedOrigin? Origin { get; set; }

    /// <summary>The built-in demo seed (Seeds/demo.json), a fresh copy each call so callers may change it.</summary>
    public static EmulatorSeed LoadDemo() => SeedReader.ReadDemo();

    /// <summary>Reads a seed file; throws <see cref="SeedException"/> naming what is wrong.</summary>
    public static EmulatorSeed Load(string path) => SeedReader.ReadFile(path);

    /// <summary>Parses seed JSON; throws <see cref="SeedException"/> naming what is wrong.</summary>
    public static EmulatorSeed Parse(string json) => SeedReader.Parse(json, "seed JSON", isFile: false);
}
