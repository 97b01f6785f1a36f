using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A requestable managed account alias in a seed (README "Aliases").</summary>
public sealed class SeedAlias
{
    public int AliasID { get; set; }
    public string? AliasName { get; set; }
    /// <summary>0 Unmapped, 1 Mapped, 2 Highly Available; absent: 0 without a preferred account, 1 with one mapped account, else 2.</summary>
    public int? AliasState { get; set; }
    public List<SeedAliasMapping> MappedAccounts { get; set; } = new();
}
