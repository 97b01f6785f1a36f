namespace PasswordSafe.Emulator;

/// <summary>
/// An alias's mapped state, the wire's <c>AliasState</c> number. The reference confirms only that states 1 and 2 can
/// be requested; the names are inferred [I].
/// </summary>
public enum AliasState
{
    /// <summary>No account is usable through the alias now: it cannot be requested.</summary>
    Unmapped = 0,
    /// <summary>One account is mapped: requests go to it.</summary>
    Mapped = 1,
    /// <summary>Several accounts are mapped; requests go to the preferred one.</summary>
    HighlyAvailable = 2,
}
