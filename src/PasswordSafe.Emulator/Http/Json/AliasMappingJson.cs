namespace PasswordSafe.Emulator.Http.Json;

/// <summary>One entry of an alias's <c>MappedAccounts</c> [I: the reference names the list, not its items' fields].</summary>
internal sealed record AliasMappingJson(int AliasID, int ManagedSystemID, int ManagedAccountID, string Status)
{
    internal static AliasMappingJson From(ManagedAccountAlias alias, AliasMapping mapping, ManagedAccount? account) =>
        new(alias.AliasId, account?.System.ManagedSystemId ?? 0, mapping.ManagedAccountId, mapping.Status.ToString());
}
