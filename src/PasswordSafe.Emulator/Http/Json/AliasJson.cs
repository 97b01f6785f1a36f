using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// An alias as GET Aliases returns it: the field names of BeyondTrust's Python library mapping (<c>AliasID</c>,
/// <c>AliasName</c>, <c>AliasState</c>, then the preferred account in the GET ManagedAccounts casing <c>SystemId</c>/
/// <c>AccountId</c>, and <c>MappedAccounts</c>); <c>AliasState</c> is a number [I].
/// </summary>
internal sealed record AliasJson(
    int AliasID, string AliasName, int AliasState, int? SystemId, string? SystemName, int? AccountId, string? AccountName,
    string? DomainName, string? InstanceName, int? DefaultReleaseDuration, int? MaximumReleaseDuration, DateTime? LastChangeDate,
    DateTime? NextChangeDate, bool IsChanging, int ChangeState, IReadOnlyList<AliasMappingJson> MappedAccounts)
{
    /// <summary><paramref name="preferred"/>: the preferred account as the caller's view holds it (null when it has none).</summary>
    internal static AliasJson From(ManagedAccountAlias alias, ManagedAccount? preferred, Func<int, ManagedAccount?> findAccount) => new(
        alias.AliasId, alias.AliasName, (int)alias.State, preferred?.System.ManagedSystemId, preferred?.System.SystemName,
        preferred?.ManagedAccountId, preferred?.AccountName, preferred?.DomainName, preferred?.InstanceName ?? (preferred is null ? null : string.Empty),
        preferred is null ? null : RequestLedger.DefaultDuration(preferred), preferred is null ? null : RequestLedger.MaxDuration(preferred),
        preferred?.LastChangeDate?.UtcDateTime, null, false, 0,
        alias.MappedAccounts.Select(m => AliasMappingJson.From(alias, m, findAccount(m.ManagedAccountId))).ToList());
}
