namespace PasswordSafe.Emulator;

/// <summary>An account mapped to a seeded alias; <c>Status</c> Preferred (exactly one for a requestable alias) or Available (default).</summary>
public sealed class SeedAliasMapping
{
    public int ManagedAccountID { get; set; }
    public AliasMappingStatus? Status { get; set; }
}
