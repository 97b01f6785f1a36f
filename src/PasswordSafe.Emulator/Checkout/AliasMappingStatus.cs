namespace PasswordSafe.Emulator;

/// <summary>A mapped account's role in its alias, written by name in <c>MappedAccounts[].Status</c> [I].</summary>
public enum AliasMappingStatus
{
    /// <summary>The account requests through the alias go to (one per alias).</summary>
    Preferred,
    /// <summary>Mapped and usable, not the one requested now.</summary>
    Available,
}
