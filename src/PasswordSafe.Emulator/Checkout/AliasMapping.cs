namespace PasswordSafe.Emulator;

/// <summary>One managed account mapped to an alias (an entry of the wire's <c>MappedAccounts</c> [I: item shape]).</summary>
public sealed record AliasMapping(int ManagedAccountId, AliasMappingStatus Status);
